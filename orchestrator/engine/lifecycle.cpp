// start / stop / restart / pause / unpause / kill / rm of existing containers. Start and
// restart go in dependency order, stop in reverse; each level is one podman command.
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/model/graph.hpp"
#include "orchestrator/engine/output.hpp"

namespace ucompose {
namespace {

struct VerbText {
    const char* podman;
    const char* doing;
    const char* done;
};

VerbText text_of(Lifecycle v) {
    switch (v) {
    case Lifecycle::Start: return {"start", "Starting", "Started"};
    case Lifecycle::Stop: return {"stop", "Stopping", "Stopped"};
    case Lifecycle::Restart: return {"restart", "Restarting", "Started"};
    case Lifecycle::Pause: return {"pause", "Pausing", "Paused"};
    case Lifecycle::Unpause: return {"unpause", "Unpausing", "Unpaused"};
    case Lifecycle::Kill: return {"kill", "Killing", "Killed"};
    case Lifecycle::Remove: return {"rm", "Removing", "Removed"};
    }
    return {"", "", ""};
}

bool applies(Lifecycle v, const ObservedContainer& c, const LifecycleOptions& o) {
    bool running = c.running();
    switch (v) {
    case Lifecycle::Start: return !running && c.state != "paused";
    case Lifecycle::Stop: return running || c.state == "paused";
    case Lifecycle::Restart: return true;
    case Lifecycle::Pause: return running;
    case Lifecycle::Unpause: return c.state == "paused";
    case Lifecycle::Kill: return running;
    case Lifecycle::Remove: return !running || o.force || o.stop_first;
    }
    return false;
}

Task<int> lifecycle_task(Session& s, Lifecycle verb, const LifecycleOptions& o) {
    PodmanClient& pm = *s.client;
    for (const auto& name : o.services) s.project.service(name);  // unknown service: error
    std::vector<ObservedContainer> all = co_await observe_containers(pm, s.project);
    std::vector<std::string> selected = o.services;
    if (verb == Lifecycle::Restart && !selected.empty()) selected = with_restart_dependents(s.project, selected);
    // `start SERVICE` starts what SERVICE depends on first, as docker compose does.
    if (verb == Lifecycle::Start && !selected.empty()) selected = dependency_closure(s.project.services, selected);
    std::vector<ObservedContainer> targets;
    for (const auto& c : select_containers(all, selected, verb == Lifecycle::Remove)) {
        if (applies(verb, c, o)) targets.push_back(c);
    }
    if (verb == Lifecycle::Start && targets.empty() && !o.services.empty()) {
        bool any = false;
        for (const auto& c : all) any = any || std::find(o.services.begin(), o.services.end(), c.service()) != o.services.end();
        if (!any) throw Error("service \"" + o.services.front() + "\" has no container to start");
    }
    if (targets.empty()) {
        if (verb == Lifecycle::Remove) std::cerr << "No stopped containers\n";
        co_return 0;
    }
    if (verb == Lifecycle::Remove && !o.force) {
        std::string names;
        for (const auto& c : targets) names += (names.empty() ? "" : ", ") + c.name;
        std::cerr << "Going to remove " << names << "\n";
        if (::isatty(0)) {
            std::cerr << "? Are you sure? [y/N] " << std::flush;
            std::string answer;
            std::getline(std::cin, answer);
            if (answer != "y" && answer != "Y" && answer != "yes") co_return 0;
        }
    }
    std::vector<std::string> services;
    for (const auto& c : targets) {
        if (std::find(services.begin(), services.end(), c.service()) == services.end()) services.push_back(c.service());
    }
    auto levels = levels_of(s.project, services);
    bool reverse = verb == Lifecycle::Stop || verb == Lifecycle::Kill || verb == Lifecycle::Remove ||
                   verb == Lifecycle::Pause;
    if (reverse) std::reverse(levels.begin(), levels.end());
    // Kill, pause, unpause and rm act on all at once; start/stop/restart level by level.
    if (verb == Lifecycle::Kill || verb == Lifecycle::Pause || verb == Lifecycle::Unpause ||
        verb == Lifecycle::Remove) {
        std::vector<std::string> flat;
        for (const auto& l : levels) flat.insert(flat.end(), l.begin(), l.end());
        levels = {flat};
    }
    VerbText t = text_of(verb);
    Progress progress(std::cerr, s.live);
    int rc = 0;
    for (const auto& level : levels) {
        sys::Argv names;
        for (const auto& c : targets) {
            if (std::find(level.begin(), level.end(), c.service()) != level.end()) names.push_back(c.name);
        }
        if (names.empty()) continue;
        sys::Argv args;
        if ((verb == Lifecycle::Stop || verb == Lifecycle::Restart) && o.timeout)
            args = {"-t", std::to_string(*o.timeout)};
        if (verb == Lifecycle::Kill && !o.signal.empty()) args = {"-s", o.signal};
        if (verb == Lifecycle::Remove) {
            args.push_back("-f");
            if (o.volumes) args.push_back("-v");
        }
        args.insert(args.end(), names.begin(), names.end());
        for (const auto& n : names) progress.event("Container", n, t.doing);
        PodmanResult r = co_await pm.run(cmd(t.podman, args));
        for (const auto& n : names) progress.event("Container", n, r.ok() ? t.done : "Error", true, !r.ok());
        if (!r.ok()) {
            progress.finish();
            std::cerr << "ucompose: error: " << t.podman << ": " << r.message() << "\n";
            rc = 1;
            break;
        }
    }
    co_return rc;
}

}  // namespace

int lifecycle(Session& session, Lifecycle verb, const LifecycleOptions& options) {
    asio::io_context io;
    return run_task(io, lifecycle_task(session, verb, options));
}

}  // namespace ucompose
