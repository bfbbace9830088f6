// A secret's `type` (podman-compose's extension, podman's --secret type=): env for an external
// podman secret, refused where it cannot be honoured.
#include <catch2/catch.hpp>

#include "compose_fixture.hpp"
#include "orchestrator/podman/container_args.hpp"

using namespace compose_test;

namespace {

std::string load_message(TempDir& dir, const std::string& yaml) {
    dir.write("compose.yaml", yaml);
    ucompose::LoadOptions o = options_in(dir);
    try {
        load(o);
    } catch (const ucompose::Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("secrets: type env reaches podman as --secret name,type=env,target=VAR", "[config][secrets]") {
    TempDir dir;
    dir.write("s.txt", "x");
    dir.write("compose.yaml",
              "services:\n  test:\n    image: a\n    secrets:\n      - source: tok\n        target: ENV_SECRET\n"
              "        type: env\n      - source: tok\n        target: /etc/tok\n        type: mount\n"
              "secrets:\n  tok:\n    external: true\n");
    ucompose::LoadOptions o = options_in(dir);
    Loaded l = load(o);
    ucompose::FileObjectArgs a = ucompose::file_object_args(l.project, l.project.service("test"));
    CHECK(a.secrets == std::vector<std::string>{"tok,type=env,target=ENV_SECRET", "tok,type=mount,target=/etc/tok"});

    const std::string head = "services:\n  test:\n    image: a\n    secrets:\n      - source: tok\n        target: V\n";
    CHECK_THAT(load_message(dir, head + "        type: env\nsecrets:\n  tok:\n    file: ./s.txt\n"),
               Catch::Contains("compose.yaml:5:9: service 'test': secret 'tok' of type env must be an external (podman) secret"));
    CHECK_THAT(load_message(dir, head + "        type: env\n        mode: 0400\nsecrets:\n  tok:\n    external: true\n"),
               Catch::Contains("secret 'tok' of type env takes no uid, gid or mode"));
    CHECK_THAT(load_message(dir, head + "        type: file\nsecrets:\n  tok:\n    external: true\n"),
               Catch::Contains("compose.yaml:7:15: services.test.secrets.type must be mount or env, not \"file\""));
}
