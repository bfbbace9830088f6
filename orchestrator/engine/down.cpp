// `down`: the project's containers stopped in reverse dependency order (one podman stop per
// level), removed, then its networks and, with -v, its volumes; with --rmi, its images.
#include <algorithm>
#include <iostream>
#include <set>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/output.hpp"
#include "orchestrator/podman/wait_group.hpp"

namespace ucompose {
namespace {

Task<int> down_task(Session& s, const DownOptions& o) {
    PodmanClient& pm = *s.client;
    const Project& p = s.project;
    Progress progress(std::cerr, s.live);
    auto ex = co_await asio::this_coro::executor;
    std::vector<ObservedContainer> all = co_await observe_containers(pm, p);

    // Containers of the model's services (and one-off `run` containers); orphans only on request.
    std::vector<ObservedContainer> targets;
    std::vector<std::string> orphans;
    for (const auto& c : all) {
        std::string svc = c.service();
        bool known = p.services.count(svc) || p.disabled_services.count(svc);
        if (known || o.remove_orphans) {
            targets.push_back(c);
        } else if (!c.oneoff()) {
            orphans.push_back(c.name);
        }
    }
    if (!orphans.empty()) std::cerr << "ucompose: warning: found " << orphan_containers_advice(orphans) << "\n";
    std::vector<std::string> services;
    for (const auto& c : targets) {
        if (std::find(services.begin(), services.end(), c.service()) == services.end()) services.push_back(c.service());
    }
    auto levels = levels_of(p, services);
    std::reverse(levels.begin(), levels.end());
    int rc = 0;
    for (const auto& level : levels) {
        sys::Argv running, names;
        for (const auto& c : targets) {
            if (std::find(level.begin(), level.end(), c.service()) == level.end()) continue;
            names.push_back(c.name);
            if (c.running() || c.state == "paused") running.push_back(c.name);
        }
        if (!running.empty()) {
            for (const auto& n : running) progress.event("Container", n, "Stopping");
            sys::Argv args;
            if (o.timeout) args = {"-t", std::to_string(*o.timeout)};
            args.insert(args.end(), running.begin(), running.end());
            PodmanResult r = co_await pm.run(cmd("stop", args));
            for (const auto& n : running) progress.event("Container", n, r.ok() ? "Stopped" : "Error", false, !r.ok());
            if (!r.ok()) std::cerr << "ucompose: warning: stop: " << r.message() << "\n";
        }
        if (!names.empty()) {
            for (const auto& n : names) progress.event("Container", n, "Removing");
            sys::Argv args{"-f"};
            if (o.volumes) args.push_back("-v");
            args.insert(args.end(), names.begin(), names.end());
            PodmanResult r = co_await pm.run(cmd("rm", args));
            for (const auto& n : names) progress.event("Container", n, r.ok() ? "Removed" : "Error", true, !r.ok());
            if (!r.ok()) {
                // As docker compose: the first removal error ends `down` (the networks would
                // still be in use by what is left).
                std::cerr << "ucompose: error: remove containers: " << r.message() << "\n";
                co_return 1;
            }
        }
    }

    // Networks and volumes: the model's (not external) plus any labelled with the project.
    std::set<std::string> nets, vols;
    for (const auto& [key, n] : p.networks) {
        if (!n.external) nets.insert(n.name);
    }
    for (const auto& [key, v] : p.volumes) {
        if (!v.external) vols.insert(v.name);
    }
    PodmanResult labelled = co_await pm.run(cmd("network ls", "--format", "json", "--filter", project_filter(p)));
    if (labelled.ok()) {
        for (const auto& n : parse_network_names(labelled.out)) nets.insert(n);
    }
    std::set<std::string> existing_nets = co_await list_networks(pm);
    WaitGroup group(ex);
    std::exception_ptr err;
    for (const auto& n : nets) {
        if (!existing_nets.count(n)) continue;
        group.add();
        spawn_fn(ex, [&, n]() -> Task<void> {
            progress.event("Network", n, "Removing");
            PodmanResult r = co_await pm.run(cmd("network rm", n));
            // A network still used by containers `down` leaves (orphans, another project's) stays,
            // with a warning, as docker compose's "Resource is still in use".
            bool in_use = !r.ok() && network_in_use(r);
            progress.event("Network", n, r.ok() ? "Removed" : in_use ? "Resource is still in use" : "Error", true,
                           !r.ok() && !in_use);
            if (in_use) {
                std::cerr << "ucompose: warning: network " << n << " is still in use: " << r.message() << "\n";
            } else if (!r.ok()) {
                std::cerr << "ucompose: error: network " << n << ": " << r.message() << "\n";
                rc = 1;
            }
            group.done();
        }, &err);
    }
    if (o.volumes) {
        PodmanResult lv = co_await pm.run(cmd("volume ls", "--format", "json", "--filter", project_filter(p)));
        if (lv.ok()) {
            for (const auto& v : parse_volume_names(lv.out)) vols.insert(v);
        }
        std::set<std::string> existing_vols = co_await list_volumes(pm);
        for (const auto& v : vols) {
            if (!existing_vols.count(v)) continue;
            group.add();
            spawn_fn(ex, [&, v]() -> Task<void> {
                progress.event("Volume", v, "Removing");
                PodmanResult r = co_await pm.run(cmd("volume rm", v));
                progress.event("Volume", v, r.ok() ? "Removed" : "Error", true, !r.ok());
                if (!r.ok()) {
                    std::cerr << "ucompose: error: volume " << v << ": " << r.message() << "\n";
                    rc = 1;
                }
                group.done();
            }, &err);
        }
    }
    co_await group.wait();
    if (err) std::rethrow_exception(err);

    if (o.rmi == "local" || o.rmi == "all") {
        std::vector<ObservedImage> images = co_await list_images(pm);
        std::set<std::string> refs;
        for (const auto& [name, svc] : p.services) {
            if (o.rmi == "all" || !svc.image) refs.insert(image_name(p, svc));
        }
        for (const auto& ref : refs) {
            if (!find_image(images, ref)) continue;
            progress.event("Image", ref, "Removing");
            PodmanResult r = co_await pm.run(cmd("rmi", ref));
            progress.event("Image", ref, r.ok() ? "Removed" : "Error", true, !r.ok());
            if (!r.ok()) std::cerr << "ucompose: warning: image " << ref << ": " << r.message() << "\n";
        }
    }
    co_return rc;
}

}  // namespace

int down(Session& session, const DownOptions& options) {
    asio::io_context io;
    return run_task(io, down_task(session, options));
}

}  // namespace ucompose
