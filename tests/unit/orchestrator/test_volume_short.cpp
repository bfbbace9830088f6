// Short volume syntax on a named volume: an SELinux label is a volume's option too (podman-compose's
// suite mounts `myvol1:/var/www/html:ro,z`); a propagation is a bind's only.
#include <catch2/catch.hpp>

#include "compose_fixture.hpp"
#include "orchestrator/podman/container_args.hpp"

using namespace compose_test;

TEST_CASE("named volume with :ro,z reaches podman as -v <project>_myvol1:/var/www/html:ro,z", "[config][volumes]") {
    TempDir dir;
    dir.write("compose.yaml",
              "services:\n  web:\n    image: a\n    volumes: [\"myvol1:/var/www/html:ro,z\"]\nvolumes:\n  myvol1: {}\n");
    ucompose::LoadOptions o = options_in(dir);
    Loaded l = load(o);
    ucompose::ContainerSpec spec;
    spec.name = "p_web_1";
    spec.image = "a";
    spec.volumes = {{"myvol1", "p_myvol1"}};
    sys::Argv a = ucompose::container_args(l.project.service("web"), spec);
    auto it = std::find(a.begin(), a.end(), "p_myvol1:/var/www/html:ro,z");
    CHECK(it != a.end());
    CHECK((it != a.begin() && *(it - 1) == "-v"));

    dir.write("compose.yaml",
              "services:\n  web:\n    image: a\n    volumes: [\"myvol1:/data:rshared\"]\nvolumes:\n  myvol1: {}\n");
    try {
        load(o);
        FAIL("a propagation on a named volume must be refused");
    } catch (const ucompose::Error& e) {
        CHECK_THAT(e.what(), Catch::Contains("compose.yaml:4:") && Catch::Contains("bind options on a named volume"));
    }
}
