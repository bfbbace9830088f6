// extends.file naming a file of compose's first format (services at the top level, no
// `services:`), as podman-compose's suite writes one.
#include <catch2/catch.hpp>

#include "compose_fixture.hpp"

using namespace compose_test;

TEST_CASE("extends: a file without services: has its services at the top level", "[config][extends]") {
    TempDir dir;
    dir.write("common.yml", "webapp:\n  image: base\n  ports:\n    - \"8000:8000\"\n  volumes:\n    - \"/data\"\n");
    dir.write("compose.yaml",
              "services:\n  web:\n    extends:\n      file: common.yml\n      service: webapp\n"
              "    environment: [DEBUG=1]\n  important_web:\n    extends: web\n    cpu_shares: 10\n");
    ucompose::LoadOptions o = options_in(dir);
    Loaded l = load(o);
    const ucompose::Service& web = l.project.service("web");
    CHECK(web.image == std::optional<std::string>("base"));
    CHECK(web.ports.size() == 1);
    CHECK(web.volumes.size() == 1);
    CHECK(l.project.service("important_web").image == std::optional<std::string>("base"));

    dir.write("compose.yaml", "services:\n  web:\n    extends:\n      file: common.yml\n      service: ghost\n");
    CHECK_THROWS_WITH(load(o), Catch::Contains("cannot extend service 'ghost': no such service in") &&
                                   Catch::Contains("common.yml"));
}
