// Bad input to the loader (orchestrator/model/loader.cpp and friends): every error is one
// line "file:line:col: message" when the position is known.
#include <catch2/catch.hpp>

#include "compose_fixture.hpp"

using namespace compose_test;

namespace {

struct Case {
    const char* name;
    const char* yaml;
    const char* message;  // what() with the temp dir replaced by $DIR
};

std::string load_error(const std::string& yaml, ucompose::LoadOptions o = {},
                       const std::map<std::string, std::string>& extra_files = {}) {
    TempDir dir;
    dir.write("compose.yaml", yaml);
    for (const auto& [name, text] : extra_files) dir.write(name, text);
    o.working_dir = dir.path();
    try {
        load(o);
    } catch (const ucompose::Error& e) {
        std::string m = e.what();
        replace_all(m, dir.path(), "$DIR");
        return m;
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("bad compose files give one positioned line", "[errors]") {
    const Case cases[] = {
        {"yaml syntax", "services:\n  web:\n    image: [unclosed\n",
         "$DIR/compose.yaml:4:1: end of sequence flow not found"},
        {"bad indentation", "services:\n  web:\n    image: a\n   ports: []\n",
         "$DIR/compose.yaml:4:4: end of map not found"},
        {"duplicate key", "services:\n  web:\n    image: a\n    image: b\n",
         "$DIR/compose.yaml:4:5: duplicate key 'image'"},
        {"list where a mapping is required", "services:\n  - web\n",
         "$DIR/compose.yaml:2:3: services must be a mapping, not a list"},
        {"service is a list", "services:\n  web: [a]\n",
         "$DIR/compose.yaml:2:8: services.web must be a mapping, not a list"},
        {"environment is a number", "services:\n  web:\n    image: a\n    environment: 5\n",
         "$DIR/compose.yaml:4:18: services.web.environment must be a mapping or a list, not a string"},
        {"ports is a mapping", "services:\n  web:\n    image: a\n    ports: {a: 1}\n",
         "$DIR/compose.yaml:4:12: services.web.ports must be a list, not a mapping"},
        {"bad port", "services:\n  web:\n    image: a\n    ports: [\"80:http\"]\n",
         "$DIR/compose.yaml:4:13: invalid port \"80:http\": container port must be a number or a range"},
        {"published port out of range", "services:\n  web:\n    image: a\n    ports: [\"70000:80\"]\n",
         "$DIR/compose.yaml:4:13: invalid port \"70000:80\": published port 70000 is out of range (0-65535)"},
        {"container port out of range", "services:\n  web:\n    image: a\n    ports: [\"8080:99999\"]\n",
         "$DIR/compose.yaml:4:13: invalid port \"8080:99999\": container port 99999 is out of range (0-65535)"},
        {"reversed port range", "services:\n  web:\n    image: a\n    ports: [\"90-80:90-80\"]\n",
         "$DIR/compose.yaml:4:13: invalid port \"90-80:90-80\": container port 90-80 is not a range: 90 is above 80"},
        {"bad duration", "services:\n  web:\n    image: a\n    healthcheck:\n      interval: soon\n",
         "$DIR/compose.yaml:5:17: services.web.healthcheck.interval must be a duration like 10s or 1m30s, not \"soon\""},
        {"bad boolean", "services:\n  web:\n    image: a\n    privileged: maybe\n",
         "$DIR/compose.yaml:4:17: services.web.privileged must be a boolean, not \"maybe\""},
        {"bad condition", "services:\n  web:\n    image: a\n    depends_on:\n      db: {condition: service_ready}\n  db: {image: b}\n",
         "$DIR/compose.yaml:5:23: services.web.depends_on.db.condition must be service_started, service_healthy or service_completed_successfully, not \"service_ready\""},
        {"no image nor build", "services:\n  web:\n    command: x\n",
         "$DIR/compose.yaml:2:3: services.web has neither an image nor a build context specified"},
        {"missing env_file", "services:\n  web:\n    image: a\n    env_file:\n      - nope.env\n",
         "$DIR/compose.yaml:5:9: env file $DIR/nope.env not found"},
        {"required variable", "services:\n  web:\n    image: \"${TAG:?set TAG to the release}\"\n",
         "$DIR/compose.yaml:3:12: required variable TAG is missing a value: set TAG to the release"},
        {"bad interpolation", "services:\n  web:\n    image: ${TAG\n",
         "$DIR/compose.yaml:3:12: invalid interpolation format: \"${TAG\": missing closing brace"},
        {"dependency cycle",
         "services:\n  c: {image: x, depends_on: [a]}\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n  d: {image: x, depends_on: [a]}\n",
         "dependency cycle detected: a -> b -> c -> a"},
        {"self dependency", "services:\n  a: {image: x, depends_on: [a]}\n",
         "dependency cycle detected: a -> a"},
        {"unknown dependency", "services:\n  web:\n    image: a\n    depends_on: [db]\n",
         "$DIR/compose.yaml:4:18: service 'web' depends on undefined service 'db'"},
        {"duplicate container_name",
         "services:\n  a: {image: x, container_name: same}\n  b:\n    image: x\n    container_name: same\n",
         "$DIR/compose.yaml:5:5: container name 'same' is used by services 'a' and 'b'"},
        {"undefined network", "services:\n  web:\n    image: a\n    networks: [back]\n",
         "$DIR/compose.yaml:4:5: service 'web' refers to undefined network 'back'"},
        {"undefined volume", "services:\n  web:\n    image: a\n    volumes: [\"data:/data\"]\n",
         "$DIR/compose.yaml:4:5: service 'web' refers to undefined volume 'data'"},
        {"extends loop",
         "services:\n  a: {image: x, extends: b}\n  b:\n    extends: {service: c}\n  c: {extends: a}\n",
         "$DIR/compose.yaml:5:16: extends loop detected: a -> b -> c -> a"},
        {"extends missing service", "services:\n  a:\n    extends:\n      service: ghost\n",
         "$DIR/compose.yaml:4:16: cannot extend service 'ghost': no such service in $DIR/compose.yaml"},
        {"extends missing file", "services:\n  a:\n    extends:\n      file: base.yml\n      service: b\n",
         "$DIR/compose.yaml:4:13: extends: file $DIR/base.yml not found"},
        {"empty file", "", "$DIR/compose.yaml: empty compose file"},
        {"top level is a list", "- a\n", "$DIR/compose.yaml:1:1: top level must be a mapping, not a list"},
        {"invalid volume", "services:\n  web:\n    image: a\n    volumes: [\"./a:/b:rx\"]\n",
         "$DIR/compose.yaml:4:15: invalid volume \"./a:/b:rx\": unknown option 'rx'"},
        {"service name that is a path", "services:\n  a: {image: x}\n  ../../etc:\n    image: x\n",
         "$DIR/compose.yaml:3:3: invalid service name '../../etc': only letters, digits, '.', '_' and '-' are allowed"},
        {"network name with a space", "services:\n  a: {image: x}\nnetworks:\n  a b: {}\n",
         "$DIR/compose.yaml:4:3: invalid network name 'a b': only letters, digits, '.', '_' and '-' are allowed"},
        {"volume name with a slash", "services:\n  a: {image: x}\nvolumes:\n  data/x: {}\n",
         "$DIR/compose.yaml:4:3: invalid volume name 'data/x': only letters, digits, '.', '_' and '-' are allowed"},
        {"container_name that is a path", "services:\n  a:\n    image: x\n    container_name: ../x\n",
         "$DIR/compose.yaml:4:5: invalid container_name '../x': it must match [a-zA-Z0-9][a-zA-Z0-9_.-]+"},
        {"undefined secret", "services:\n  a:\n    image: x\n    secrets: [token]\n",
         "$DIR/compose.yaml:4:15: service 'a' refers to undefined secret 'token'"},
        {"undefined config", "services:\n  a:\n    image: x\n    configs:\n      - source: nginx\n",
         "$DIR/compose.yaml:5:9: service 'a' refers to undefined config 'nginx'"},
        {"secret from the environment", "services:\n  a: {image: x}\nsecrets:\n  t:\n    environment: TOKEN\n",
         "$DIR/compose.yaml:5:5: secrets.t: 'environment' secrets are not supported by ucompose yet; use file: (bind-mounted read-only)"},
        {"external config", "services:\n  a: {image: x}\nconfigs:\n  c:\n    external: true\n",
         "$DIR/compose.yaml:4:3: configs.c: external configs need swarm; podman has none (use file:)"},
        {"secret with neither file nor external", "services:\n  a: {image: x}\nsecrets:\n  t: {name: x}\n",
         "$DIR/compose.yaml:4:3: secrets.t needs file: (or external: true for a podman secret)"},
        {"bad secret mode", "services:\n  a:\n    image: x\n    secrets: [{source: t, mode: rw}]\nsecrets:\n  t: {file: ./t}\n",
         "$DIR/compose.yaml:4:33: services.a.secrets.mode must be a file mode like 0440, not \"rw\""},
        {"unikernel name that escapes", "services:\n  a:\n    image: x\n    x-ucompose: {unikernel: ../../etc}\n",
         "$DIR/compose.yaml:4:5: invalid unikernel name '../../etc' in x-ucompose: it must match [a-z0-9][a-z0-9._-]*"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(load_error(c.yaml) == c.message);
    }
}

TEST_CASE("bad selections", "[errors][profiles]") {
    const char* yaml = "services:\n  web: {image: a}\n  dbg: {image: b, profiles: [debug]}\n";
    ucompose::LoadOptions o;
    o.profiles = {"nope"};
    CHECK(load_error(yaml, o) == "unknown profile 'nope'");
    o.profiles = {};
    o.services = {"ghost"};
    CHECK(load_error(yaml, o) == "no such service: ghost");
}

TEST_CASE("errors in .env files have positions", "[errors][dotenv]") {
    const char* yaml = "services:\n  web: {image: a}\n";
    CHECK(load_error(yaml, {}, {{".env", "OK=1\nBAD KEY=2\n"}}) ==
          "$DIR/.env:2:5: expected '=' after BAD");
    CHECK(load_error(yaml, {}, {{".env", "A=\"open\n"}}) ==
          "$DIR/.env:1:3: unterminated quoted value (missing \")");
    CHECK(load_error(yaml, {}, {{".env", "1A=x\n"}}) == "$DIR/.env:1:1: invalid variable name '1A'");
}

TEST_CASE("include errors name their place", "[errors][include]") {
    CHECK(load_error("include: [nope.yaml]\nservices:\n  a: {image: x}\n") ==
          "$DIR/compose.yaml:1:11: include: file $DIR/nope.yaml not found");
    CHECK(load_error("include: [other.yaml]\nservices:\n  a: {image: x}\n", {},
                     {{"other.yaml", "services:\n  a: {image: y}\n"}}) ==
          "$DIR/compose.yaml:3:3: service 'a' is also defined by the included file $DIR/other.yaml ($DIR/other.yaml:2)");
    CHECK(load_error("include: [other.yaml]\nservices:\n  a: {image: x}\n", {},
                     {{"other.yaml", "include: [compose.yaml]\nservices:\n  b: {image: y}\n"}}) ==
          "$DIR/other.yaml:1:11: include cycle detected: $DIR/compose.yaml -> $DIR/other.yaml -> $DIR/compose.yaml");
    CHECK(load_error("include: [{path: other.yaml, bogus: 1}]\nservices:\n  a: {image: x}\n") ==
          "$DIR/compose.yaml:1:30: include: unknown key 'bogus'");
}

TEST_CASE("extends from another file reports that file", "[errors]") {
    const char* yaml = "services:\n  a:\n    extends: {file: base.yml, service: b}\n";
    CHECK(load_error(yaml, {}, {{"base.yml", "services:\n  b:\n    image: x\n    ports: [\"bad\"]\n"}}) ==
          "$DIR/base.yml:4:13: invalid port \"bad\": container port must be a number or a range");
}

TEST_CASE("unknown keys warn with their position", "[errors][warnings]") {
    TempDir dir;
    dir.write("compose.yaml",
              "services:\n  web:\n    image: a\n    imagee: b\n    gpus: all\n    healthcheck:\n"
              "      test: [CMD, x]\n      intervall: 5s\n    x-mine: 1\nfoo: bar\n");
    ucompose::LoadOptions o;
    o.working_dir = dir.path();
    Loaded l = load(o);
    for (std::string& w : l.warnings) replace_all(w, dir.path(), "$DIR");
    CHECK(l.warnings == std::vector<std::string>{
                            "$DIR/compose.yaml:4:5: services.web: unknown key 'imagee', ignored",
                            "$DIR/compose.yaml:5:5: services.web: 'gpus' is not supported by ucompose yet, ignored",
                            "$DIR/compose.yaml:8:7: services.web.healthcheck: unknown key 'intervall', ignored",
                            "$DIR/compose.yaml:10:1: (root): unknown key 'foo', ignored",
                        });
    CHECK(l.project.service("web").extensions.at("x-mine") == 1);
}

TEST_CASE("an unset variable warns once", "[errors][warnings]") {
    TempDir dir;
    dir.write("compose.yaml", "services:\n  web:\n    image: \"a:${TAG}\"\n    labels: [\"t=${TAG}\"]\n");
    ucompose::LoadOptions o;
    o.working_dir = dir.path();
    Loaded l = load(o);
    CHECK(l.warnings == std::vector<std::string>{"The \"TAG\" variable is not set. Defaulting to a blank string."});
    CHECK(*l.project.service("web").image == "a:");
}
