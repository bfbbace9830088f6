// `ls`: projects summarised from container labels, as data.
#include <catch2/catch.hpp>

#include "orchestrator/engine/projects.hpp"

using namespace ucompose;

namespace {
ObservedContainer ctr(const std::string& project, const std::string& state, long long created,
                      const std::string& files = "", const char* label = "com.docker.compose.project") {
    ObservedContainer c;
    c.state = state;
    c.created = created;
    if (!project.empty()) c.labels[label] = project;
    if (!files.empty()) c.labels["com.docker.compose.project.config_files"] = files;
    return c;
}
}  // namespace

TEST_CASE("ls: projects grouped by label, states counted and sorted", "[ls]") {
    std::vector<ObservedContainer> cs = {
        ctr("web", "running", 10, "/a/compose.yaml"),
        ctr("web", "exited", 30, "/a/compose.yaml,/a/override.yaml"),
        ctr("web", "running", 20, "/a/compose.yaml"),
        ctr("old", "exited", 5, "/b/compose.yaml"),
        ctr("", "running", 1),                                  // not a compose container
        ctr("legacy", "paused", 2, "", "io.podman.compose.project"),  // podman-compose's label only
    };
    auto all = summarize_projects(cs, true);
    REQUIRE(all.size() == 3);
    CHECK(all[0].name == "legacy");
    CHECK(all[0].status == "paused(1)");
    CHECK(all[0].running);
    CHECK(all[1].name == "old");
    CHECK(all[1].status == "exited(1)");
    CHECK_FALSE(all[1].running);
    CHECK(all[2].name == "web");
    CHECK(all[2].status == "exited(1), running(2)");
    CHECK(all[2].config_files == "/a/compose.yaml,/a/override.yaml");  // the newest container's

    auto running = summarize_projects(cs, false);
    REQUIRE(running.size() == 2);
    CHECK(running[0].name == "legacy");
    CHECK(running[1].name == "web");
    CHECK(summarize_projects({}, true).empty());
}
