// `ls`: the compose projects podman knows, from the labels of their containers.
#pragma once
#include <string>
#include <vector>

#include "orchestrator/engine/observed.hpp"
#include "orchestrator/podman/command.hpp"

namespace ucompose {

struct ProjectSummary {
    std::string name;
    std::string status;        // docker compose's form: "exited(1), running(2)" (states sorted)
    std::string config_files;  // the label of the newest container
    bool running = false;      // any container running (or paused)
};

// Pure: groups containers by com.docker.compose.project (or io.podman.compose.project),
// sorted by project name. `all` = false keeps the projects with a running container only.
std::vector<ProjectSummary> summarize_projects(const std::vector<ObservedContainer>& containers, bool all);

struct LsOptions {
    bool all = false;             // -a: stopped projects too
    bool quiet = false;           // -q: names only
    std::string format = "table"; // table | json
    std::string name_filter;      // --filter name=X: names containing X
};
// Needs no compose file: it asks podman directly.
int ls(const PodmanConfig& podman, bool dry_run, const LsOptions& options);

}  // namespace ucompose
