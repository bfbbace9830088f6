// The runtimes a compose file may name (orchestrator/podman/runtimes.cpp, model/name_rules.cpp,
// the `runtime` keys' reader): names only, and at `up`/`run` only names podman has registered.
#include <catch2/catch.hpp>

#include "../compose_fixture.hpp"
#include "../engine/engine_harness.hpp"
#include "orchestrator/doctor/toml_lines.hpp"
#include "orchestrator/model/name_rules.hpp"
#include "orchestrator/podman/runtimes.hpp"

using namespace ucompose;

namespace {

std::string load_error(const std::string& yaml) {
    compose_test::TempDir dir;
    dir.write("compose.yaml", yaml);
    LoadOptions o;
    o.working_dir = dir.path();
    o.files = {"compose.yaml"};
    try {
        compose_test::load(o);
    } catch (const Error& e) {
        std::string m = e.what();
        compose_test::replace_all(m, dir.path(), "$DIR");
        return m;
    }
    return "(no error)";
}

std::string check_error(const std::string& yaml, const std::set<std::string>& registered) {
    Project p = engine_test::load_yaml(yaml);
    try {
        check_runtimes(p, registered);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("runtime names: a conservative pattern, never a path", "[runtimes]") {
    struct Case {
        const char* name;
        bool ok;
    };
    const Case cases[] = {
        {"crun", true},           {"runc", true},         {"kata-qemu", true},  {"crun-wasm", true},
        {"io.containerd.x", true}, {"my_rt+v2", true},     {"R1", true},         {"", false},
        {"/tmp/evil", false},     {"./evil", false},      {"bin/crun", false},  {"..", false},
        {"-x", false},            {".hidden", false},     {"a b", false},       {"a\nb", false},
        {"crun\x1b[0m", false},   {"caf\xc3\xa9", false}, {"a:b", false},       {"~root", false},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(is_runtime_name(c.name) == c.ok);
    }
    CHECK(is_runtime_name(std::string(64, 'a')));
    CHECK_FALSE(is_runtime_name(std::string(65, 'a')));
}

TEST_CASE("runtime: a path is refused at load, with its place", "[runtimes][errors]") {
    struct Case {
        const char* name;
        const char* yaml;
        const char* message;
    };
    const Case cases[] = {
        {"runtime is a path", "services:\n  web:\n    image: a\n    runtime: /tmp/evil\n",
         "$DIR/compose.yaml:4:14: services.web.runtime must be the name of an OCI runtime registered with podman "
         "(letters, digits, '.', '_', '+', '-'; never a path), not \"/tmp/evil\""},
        {"x-ucompose.runtime is a relative path", "services:\n  web:\n    image: a\n    x-ucompose:\n      runtime: ./evil\n",
         "$DIR/compose.yaml:5:16: services.web.x-ucompose.runtime must be the name of an OCI runtime registered with "
         "podman (letters, digits, '.', '_', '+', '-'; never a path), not \"./evil\""},
        {"a name passes the load", "services:\n  web:\n    image: a\n    runtime: crun\n", "(no error)"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(load_error(c.yaml) == c.message);
    }
}

TEST_CASE("runtime: the registered names are podman's built-in ones and containers.conf's", "[runtimes]") {
    const doctor::TomlTables conf = doctor::parse_toml_lines(
        "[engine]\nruntime = \"crun\"\n"
        "[engine.runtimes]\nucrun = [\"/usr/local/bin/ucrun\"]\n\"kata-qemu\" = [\"/usr/bin/kata-qemu\"]\n"
        "\"bad/name\" = [\"/x\"]\n");
    const std::set<std::string> r = registered_runtimes(conf);
    for (const char* n : {"crun", "runc", "runj", "kata", "runsc", "krun", "youki", "ucrun", "kata-qemu"}) {
        INFO(n);
        CHECK(r.count(n));
    }
    CHECK_FALSE(r.count("bad/name"));
    CHECK_FALSE(r.count("nvidia"));
    CHECK(registered_runtimes({}).count("crun"));
}

TEST_CASE("runtime: up and run take only registered names, naming the file, service and value", "[runtimes]") {
    const std::set<std::string> registered = {"crun", "runc", "ucrun"};
    struct Case {
        const char* name;
        const char* yaml;
        const char* message;
    };
    const Case cases[] = {
        {"registered", "services:\n  web:\n    image: a\n    runtime: runc\n", "(no error)"},
        {"no runtime", "services:\n  web:\n    image: a\n", "(no error)"},
        {"not registered", "services:\n  web:\n    image: a\n    runtime: nvidia\n",
         "<stdin>:4:5: service \"web\": runtime \"nvidia\" is not an OCI runtime registered with podman "
         "(registered: crun, runc, ucrun; add one under [engine.runtimes] in containers.conf)"},
        {"x-ucompose.runtime not registered", "services:\n  uk:\n    image: a\n    x-ucompose:\n      unikernel: r\n      runtime: krun\n",
         "<stdin>:4:5: service \"uk\": x-ucompose.runtime \"krun\" is not an OCI runtime registered with podman "
         "(registered: crun, runc, ucrun; add one under [engine.runtimes] in containers.conf)"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(check_error(c.yaml, registered) == c.message);
    }
}

TEST_CASE("runtime: up and run refuse before any podman command", "[runtimes][engine]") {
    const char* yaml = "services:\n  db:\n    image: a\n  web:\n    image: a\n    runtime: nvidia\n    depends_on: [db]\n";
    {
        engine_test::Harness h(engine_test::load_yaml(yaml));
        engine_test::Outcome o = engine_test::run_main([&] { return up(h.session, engine_test::detached()); });
        CHECK(o.code == 1);
        REQUIRE(o.errors().size() == 1);
        CHECK(o.errors()[0].find("service \"web\": runtime \"nvidia\" is not an OCI runtime") != std::string::npos);
        CHECK(h.client->commands().empty());
    }
    {
        engine_test::Harness h(engine_test::load_yaml(yaml));
        h.session.runtimes = std::set<std::string>{"crun", "nvidia"};
        engine_test::script_fresh(*h.client, h.project());
        engine_test::accept(*h.client, engine_test::kUpCommands);  // db, then web's one-off
        engine_test::accept(*h.client, {{"run"}});
        RunOptions r;
        r.service = "web";
        r.no_tty = true;
        r.command = {"true"};
        engine_test::Outcome o = engine_test::run_main([&] { return run(h.session, r); });
        CHECK(o.errors().empty());  // registered in containers.conf: accepted
    }
    {
        engine_test::Harness h(engine_test::load_yaml(yaml));
        RunOptions r;
        r.service = "web";
        r.no_tty = true;
        engine_test::Outcome o = engine_test::run_main([&] { return run(h.session, r); });
        CHECK(o.code == 1);
        CHECK(h.client->commands().empty());  // not even the dependency db
    }
}
