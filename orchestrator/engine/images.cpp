// `pull`, `build`, `push`, `images`, `top`, `port` and `events`: thin views over podman for the project.
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/observed.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/output.hpp"
#include "orchestrator/engine/table.hpp"
#include "orchestrator/model/graph.hpp"
#include "orchestrator/podman/container_args.hpp"
#include "orchestrator/podman/wait_group.hpp"

namespace ucompose {
namespace {

struct ImageOp {
    std::string service, ref;
    PodmanCommand command;
};
struct ImageOpWords {
    const char* doing;  // "Pulling"
    const char* done;   // "Pulled"
    const char* verb;   // "pull", for errors
    bool quiet = false;
    bool ignore_failures = false;
};

// Runs one podman command per image, all at once, with a progress line each. A failure names the
// service, the image and podman's message; the exit code is 1 unless failures are ignored.
Task<int> run_image_ops(Session& s, std::vector<ImageOp> ops, ImageOpWords w) {
    auto ex = co_await asio::this_coro::executor;
    Progress progress(std::cerr, s.live && !w.quiet, w.doing);
    WaitGroup group(ex);
    std::exception_ptr err;
    int rc = 0;
    for (const auto& op : ops) {
        group.add();
        spawn_fn(ex, [&, op = &op]() -> Task<void> {
            progress.event("Image", op->ref, w.doing);
            PodmanResult r = co_await s.client->run(op->command);
            progress.event("Image", op->ref, r.ok() ? w.done : "Error", true, !r.ok());
            if (!r.ok()) {
                std::cerr << "ucompose: " << (w.ignore_failures ? "warning" : "error") << ": service "
                          << '"' << op->service << "\": " << w.verb << " of " << op->ref << " failed: "
                          << r.message() << "\n";
                // podman-compose exits with podman's own status (125, say); docker compose with 1.
                if (!w.ignore_failures && rc == 0) rc = s.podman_compose && r.exit_code > 0 ? r.exit_code : 1;
            }
            group.done();
        }, &err);
    }
    co_await group.wait();
    if (err) std::rethrow_exception(err);
    co_return rc;
}

bool selected(const std::vector<std::string>& services, const std::string& name) {
    return services.empty() || std::find(services.begin(), services.end(), name) != services.end();
}

Task<int> pull_task(Session& s, const PullOptions& o) {
    require_services(s.project, o.services);
    // --include-deps: the named services and everything they depend on.
    const std::vector<std::string> wanted =
        o.include_deps && !o.services.empty() ? dependency_closure(s.project.services, o.services) : o.services;
    std::vector<ImageOp> ops;
    std::set<std::string> refs;
    for (const auto& [name, svc] : s.project.services) {
        if (!selected(wanted, name)) continue;
        if (!svc.image) continue;  // built, not pulled
        if (svc.pull_policy && (*svc.pull_policy == "never" || *svc.pull_policy == "build")) continue;
        if (refs.insert(*svc.image).second) ops.push_back({name, *svc.image, cmd("pull", "-q", *svc.image)});
    }
    co_return co_await run_image_ops(s, std::move(ops), {"Pulling", "Pulled", "pull", o.quiet, o.ignore_failures});
}

Task<int> build_task(Session& s, const BuildOptions& o) {
    std::vector<ImageOp> ops;
    std::set<std::string> refs;
    for (const auto& [name, svc] : s.project.services) {
        if (!selected(o.services, name) || !svc.build) continue;
        std::string ref = image_name(s.project, svc);
        if (!refs.insert(ref).second) continue;
        BuildConfig b = *svc.build;
        for (const auto& kv : o.build_args) {
            auto eq = kv.find('=');
            if (eq == std::string::npos)
                b.args[kv] = std::nullopt;
            else
                b.args[kv.substr(0, eq)] = kv.substr(eq + 1);
        }
        ops.push_back({name, ref, cmd("build", build_args(b, ref, o.no_cache, o.pull))});
    }
    co_return co_await run_image_ops(s, std::move(ops), {"Building", "Built", "build", o.quiet, false});
}

Task<int> push_task(Session& s, const PushOptions& o) {
    // Services that are built and name their image (docker compose's rule: an image only pulled
    // is somebody else's to push). podman-compose pushes every built service, by the name its
    // build tagged (`<project>_<service>` without `image:`).
    require_services(s.project, o.services);
    // With image:, every build.tags entry is pushed too (docker compose's push).
    std::vector<ImageOp> ops;
    std::set<std::string> refs;
    for (const auto& [name, svc] : s.project.services) {
        if (!selected(o.services, name) || !svc.build) continue;
        if (!svc.image && !s.podman_compose) continue;
        std::vector<std::string> names{image_name(s.project, svc)};
        if (svc.image) names.insert(names.end(), svc.build->tags.begin(), svc.build->tags.end());
        for (const auto& ref : names)
            if (refs.insert(ref).second) ops.push_back({name, ref, cmd("push", ref)});
    }
    co_return co_await run_image_ops(s, std::move(ops), {"Pushing", "Pushed", "push", o.quiet, o.ignore_failures});
}

std::string human_size(long long b) {
    char buf[32];
    if (b >= 1000LL * 1000 * 1000) std::snprintf(buf, sizeof buf, "%.3gGB", b / 1e9);
    else if (b >= 1000LL * 1000) std::snprintf(buf, sizeof buf, "%.3gMB", b / 1e6);
    else if (b >= 1000) std::snprintf(buf, sizeof buf, "%.3gkB", b / 1e3);
    else std::snprintf(buf, sizeof buf, "%lldB", b);
    return buf;
}

Task<int> images_task(Session& s, const ImagesOptions& o) {
    std::vector<ObservedContainer> all = co_await observe_containers(*s.client, s.project);
    std::vector<ObservedImage> images = co_await list_images(*s.client);
    Table t({"CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"});
    nlohmann::json js = nlohmann::json::array();
    std::set<std::string> ids;
    for (const auto& c : select_containers(all, o.services, false)) {
        const ObservedImage* img = nullptr;
        for (const auto& i : images) {
            if (i.id == c.image_id) img = &i;
        }
        std::string repo = c.image, tag = "latest";
        auto slash = repo.rfind('/');
        auto colon = repo.rfind(':');
        if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
            tag = repo.substr(colon + 1);
            repo = repo.substr(0, colon);
        }
        std::string id = c.image_id.substr(0, 12);
        if (o.quiet) {
            if (ids.insert(c.image_id).second) std::cout << c.image_id << "\n";
            continue;
        }
        t.add({c.name, repo, tag, id, img ? human_size(img->size) : ""});
        js.push_back({{"ContainerName", c.name}, {"Repository", repo}, {"Tag", tag}, {"ID", c.image_id},
                      {"Size", img ? img->size : 0}});
    }
    if (o.quiet) co_return 0;
    if (o.format == "json") std::cout << js.dump() << "\n";
    else std::cout << t.render();
    co_return 0;
}

Task<int> top_task(Session& s, const std::vector<std::string>& services) {
    std::vector<ObservedContainer> all = co_await observe_containers(*s.client, s.project);
    int rc = 0;
    for (const auto& c : select_containers(all, services, false)) {
        if (!c.running()) continue;
        PodmanResult r = co_await s.client->run(cmd("top", c.name));
        std::cout << c.name << "\n" << r.out << "\n";
        if (!r.ok()) {
            std::cerr << "ucompose: error: top " << c.name << ": " << r.message() << "\n";
            rc = 1;
        }
    }
    co_return rc;
}

Task<int> port_task(Session& s, const PortOptions& o) {
    s.project.service(o.service);
    std::vector<ObservedContainer> all = co_await observe_containers(*s.client, s.project);
    std::string target;
    for (const auto& c : select_containers(all, {o.service}, false)) {
        if (c.number() == o.index) target = c.name;
    }
    if (target.empty()) throw Error("service \"" + o.service + "\" has no container number " + std::to_string(o.index));
    std::string p = o.private_port;
    if (p.find('/') == std::string::npos) p += "/" + o.protocol;
    PodmanResult r = co_await run_checked(*s.client, cmd("port", target, p), "port " + target);
    std::cout << r.out;
    co_return 0;
}

}  // namespace

int pull(Session& session, const PullOptions& options) {
    asio::io_context io;
    return run_task(io, pull_task(session, options));
}

int stats(Session& session, const StatsOptions& o) {
    asio::io_context io;
    std::vector<ObservedContainer> all = run_task(io, observe_containers(*session.client, session.project));
    PodmanCommand c = cmd("stats");
    if (o.no_stream) c.args.push_back("--no-stream");
    if (o.no_trunc) c.args.push_back("--no-trunc");
    if (o.format) {
        c.args.push_back("--format");
        c.args.push_back(*o.format);
    }
    bool any = false;
    for (const auto& ctr : select_containers(all, o.services, false)) {
        if (!o.all && !ctr.running()) continue;
        c.args.push_back(ctr.name);
        any = true;
    }
    if (!any) return 0;  // `podman stats` with no name would show every container on the host
    return session.client->foreground(c);
}

int build(Session& session, const BuildOptions& options) {
    asio::io_context io;
    return run_task(io, build_task(session, options));
}

int push(Session& session, const PushOptions& options) {
    asio::io_context io;
    return run_task(io, push_task(session, options));
}

int images(Session& session, const ImagesOptions& options) {
    asio::io_context io;
    return run_task(io, images_task(session, options));
}

int top(Session& session, const std::vector<std::string>& services) {
    asio::io_context io;
    return run_task(io, top_task(session, services));
}

int port(Session& session, const PortOptions& options) {
    asio::io_context io;
    return run_task(io, port_task(session, options));
}

int events(Session& session, const EventsOptions& options) {
    // podman ORs filters of one key, so a service is not a second label= filter (that would add
    // every project's service of that name): it is its containers, by name (the project's
    // containers now, or the name its first container will have).
    require_services(session.project, options.services);
    sys::Argv args{"--filter", project_filter(session.project)};
    if (!options.services.empty()) {
        asio::io_context io;
        std::vector<ObservedContainer> all = run_task(io, observe_containers(*session.client, session.project));
        for (const auto& svc : options.services) {
            bool any = false;
            for (const auto& c : select_containers(all, {svc}, false)) {
                args.insert(args.end(), {"--filter", "container=" + c.name});
                any = true;
            }
            if (!any)
                args.insert(args.end(),
                            {"--filter", "container=" + container_name(session.project, session.project.service(svc), 1)});
        }
    }
    if (options.json) args.insert(args.end(), {"--format", "json"});
    return session.client->foreground(cmd("events", args));
}

}  // namespace ucompose
