// compat mode's ps (podman_ps): podman-compose's listing, passed through to `podman ps`.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

TEST_CASE("podman_ps: the project's containers by label, -q as {{.ID}}, --format passed through; podman's status returned",
          "[engine][ps][compat]") {
    struct Case {
        const char* name;
        bool quiet;
        std::optional<std::string> format;
        int podman_status;
        std::string line;
    };
    const std::string base = "ps -a --filter label=io.podman.compose.project=p";
    const std::vector<Case> cases = {
        {"plain", false, std::nullopt, 0, base},
        {"-q", true, std::nullopt, 0, base + " --format {{.ID}}"},
        {"-q wins over --format", true, std::string("json"), 0, base + " --format {{.ID}}"},
        {"--format template", false, std::string("{{.Names}} {{.Status}}"), 0, base + " --format {{.Names}} {{.Status}}"},
        {"podman fails", false, std::string("{{.Bad"), 125, base + " --format {{.Bad"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kTwo));
        h.client->reply({"ps"}, failed(c.podman_status, ""));
        Outcome r = run_main([&] { return podman_ps(h.session, c.quiet, c.format); });
        CHECK(r.code == c.podman_status);
        REQUIRE(h.client->lines().size() == 1);
        CHECK(h.client->lines().front() == c.line);
    }
}
