// `ps`: the project's containers as a table, JSON, IDs or service names.
#include <ctime>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/table.hpp"

namespace ucompose {
namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

Task<int> ps_task(Session& s, const PsOptions& o) {
    require_services(s.project, o.services);
    std::vector<ObservedContainer> all = co_await observe_containers(*s.client, s.project);
    std::vector<ObservedContainer> rows;
    for (const auto& c : select_containers(all, o.services, true)) {
        if (!o.all && !c.running() && c.state != "paused" && o.status.empty()) continue;
        if (!o.status.empty() && std::find(o.status.begin(), o.status.end(), c.state) == o.status.end()) continue;
        rows.push_back(c);
    }
    if (o.services_only) {
        std::set<std::string> seen;
        for (const auto& c : rows) {
            if (seen.insert(c.service()).second) std::cout << c.service() << "\n";
        }
        co_return 0;
    }
    if (o.quiet) {
        for (const auto& c : rows) std::cout << c.id << "\n";
        co_return 0;
    }
    if (o.format == "json") {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : rows) {
            std::string health;
            if (c.status.find("(healthy)") != std::string::npos) health = "healthy";
            else if (c.status.find("(unhealthy)") != std::string::npos) health = "unhealthy";
            else if (c.status.find("(starting)") != std::string::npos) health = "starting";
            out.push_back({{"ID", c.id},
                           {"Name", c.name},
                           {"Image", c.image},
                           {"Command", join(c.command, " ")},
                           {"Project", s.project.name},
                           {"Service", c.service()},
                           {"State", c.state},
                           {"Status", c.status},
                           {"Health", health},
                           {"ExitCode", c.exit_code},
                           {"Publishers", c.ports}});
        }
        std::cout << out.dump() << "\n";
        co_return 0;
    }
    Table t({"NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"});
    const long long now = static_cast<long long>(std::time(nullptr));
    for (const auto& c : rows) {
        std::string command = join(c.command, " ");
        if (command.size() > 22) command = command.substr(0, 19) + "...";
        std::string created = c.created > 0 ? human_duration(now - c.created) + " ago" : "";
        t.add({c.name, c.image, "\"" + command + "\"", c.service(), created, c.status, join(c.ports, ", ")});
    }
    std::cout << t.render();
    co_return 0;
}

}  // namespace

int ps(Session& session, const PsOptions& options) {
    asio::io_context io;
    return run_task(io, ps_task(session, options));
}

int podman_ps(Session& session, bool quiet, const std::optional<std::string>& format) {
    sys::Argv args{"-a", "--filter", project_filter(session.project)};
    if (quiet) {
        args.insert(args.end(), {"--format", "{{.ID}}"});
    } else if (format) {
        args.insert(args.end(), {"--format", *format});
    }
    return session.client->foreground(cmd("ps", args));
}

}  // namespace ucompose
