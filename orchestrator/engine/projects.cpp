#include "orchestrator/engine/projects.hpp"

#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/table.hpp"
#include "orchestrator/podman/client.hpp"

namespace ucompose {
namespace {

std::string project_of(const ObservedContainer& c) {
    for (const char* key : {"com.docker.compose.project", "io.podman.compose.project"}) {
        auto it = c.labels.find(key);
        if (it != c.labels.end() && !it->second.empty()) return it->second;
    }
    return "";
}

std::string label(const ObservedContainer& c, const std::string& key) {
    auto it = c.labels.find(key);
    return it == c.labels.end() ? "" : it->second;
}

Task<int> ls_task(PodmanClient& client, const LsOptions& o) {
    PodmanResult r = co_await run_checked(
        client, cmd("ps", "-a", "--format", "json", "--filter", "label=com.docker.compose.project"), "podman ps");
    std::vector<ProjectSummary> rows;
    for (auto& p : summarize_projects(parse_ps_json(r.out), o.all)) {
        if (o.name_filter.empty() || p.name.find(o.name_filter) != std::string::npos) rows.push_back(p);
    }
    if (o.quiet) {
        for (const auto& p : rows) std::cout << p.name << "\n";
    } else if (o.format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : rows)
            out.push_back({{"Name", p.name}, {"Status", p.status}, {"ConfigFiles", p.config_files}});
        std::cout << out.dump() << "\n";
    } else {
        Table t({"NAME", "STATUS", "CONFIG FILES"});
        for (const auto& p : rows) t.add({p.name, p.status, p.config_files});
        std::cout << t.render();
    }
    co_return 0;
}

}  // namespace

std::vector<ProjectSummary> summarize_projects(const std::vector<ObservedContainer>& containers, bool all) {
    struct Acc {
        std::map<std::string, int> states;
        std::string config_files;
        long long newest = -1;
    };
    std::map<std::string, Acc> by_project;
    for (const auto& c : containers) {
        std::string p = project_of(c);
        if (p.empty()) continue;
        Acc& a = by_project[p];
        a.states[c.state.empty() ? "unknown" : c.state]++;
        if (c.created > a.newest) {
            a.newest = c.created;
            a.config_files = label(c, "com.docker.compose.project.config_files");
        }
    }
    std::vector<ProjectSummary> out;
    for (const auto& [name, a] : by_project) {
        ProjectSummary s;
        s.name = name;
        s.config_files = a.config_files;
        for (const auto& [state, n] : a.states) {
            s.status += (s.status.empty() ? "" : ", ") + state + "(" + std::to_string(n) + ")";
            if (state == "running" || state == "paused") s.running = true;
        }
        if (all || s.running) out.push_back(std::move(s));
    }
    return out;
}

int ls(const PodmanConfig& podman, bool dry_run, const LsOptions& options) {
    auto client = make_podman_client(podman, dry_run);
    asio::io_context io;
    return run_task(io, ls_task(*client, options));
}

}  // namespace ucompose
