// `cp` and `attach`: podman's, on the container of a service.
#include <sstream>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/ops.hpp"

namespace ucompose {
namespace {

// The container `index` of `service` (running or not).
std::string container_of(Session& s, const std::string& service, int index) {
    s.project.service(service);  // unknown service: error
    asio::io_context io;
    std::vector<ObservedContainer> all = run_task(io, observe_containers(*s.client, s.project));
    for (const auto& c : select_containers(all, {service}, false)) {
        if (c.number() == index) return c.name;
    }
    throw Error("service \"" + service + "\" has no container with index " + std::to_string(index));
}

}  // namespace

CopySides parse_copy_sides(const std::string& source, const std::string& destination,
                           const std::function<bool(const std::string&)>& is_service) {
    auto split = [&](const std::string& arg) -> std::optional<std::pair<std::string, std::string>> {
        auto colon = arg.find(':');
        if (colon == std::string::npos || colon == 0) return std::nullopt;
        std::string svc = arg.substr(0, colon);
        if (svc.find('/') != std::string::npos || !is_service(svc)) return std::nullopt;
        return std::make_pair(svc, arg.substr(colon + 1));
    };
    auto src = split(source), dst = split(destination);
    if (src && dst) throw Error("cp: copying between services is not supported: " + source + " " + destination);
    if (!src && !dst)
        throw Error("cp: one of " + source + " and " + destination + " must be SERVICE:PATH with a service of the project");
    CopySides c;
    c.service = src ? src->first : dst->first;
    c.into_container = !src;
    c.container_path = src ? src->second : dst->second;
    c.host_path = src ? destination : source;
    return c;
}

int copy(Session& session, const CopyOptions& o) {
    CopySides sides = parse_copy_sides(o.source, o.destination,
                                       [&](const std::string& n) { return session.project.services.count(n) > 0; });
    std::string ctr = container_of(session, sides.service, o.index) + ":" + sides.container_path;
    PodmanCommand c = cmd("cp");
    // docker's -a keeps the source's uid/gid; podman's --archive (on by default) chowns to the
    // destination's user, which is docker's default. So -a turns podman's switch off.
    if (o.archive) c.args.push_back("--archive=false");
    if (sides.into_container) {
        c.args.push_back(sides.host_path);
        c.args.push_back(ctr);
    } else {
        c.args.push_back(ctr);
        c.args.push_back(sides.host_path);
    }
    return session.client->foreground(c);
}

int attach(Session& session, const AttachOptions& o) {
    PodmanCommand c = cmd("attach");
    if (o.no_stdin) c.args.push_back("--no-stdin");
    c.args.push_back(std::string("--sig-proxy=") + (o.sig_proxy ? "true" : "false"));
    if (o.detach_keys) c.args.push_back("--detach-keys=" + *o.detach_keys);
    std::string name = container_of(session, o.service, o.index);
    c.args.push_back(name);
    int rc = session.client->foreground(c);
    if (rc != 0 || session.client->dry_run()) return rc;
    // podman 4.3's attach exits 0 when the container stops; docker's returns the container's code.
    asio::io_context io;
    PodmanResult r = run_task(io, session.client->run(
        cmd("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name)));
    std::istringstream in(r.out);
    std::string status;
    int code = 0;
    if (r.ok() && (in >> status >> code) && (status == "exited" || status == "stopped")) return code;
    return rc;  // detached (the container still runs), or gone
}

}  // namespace ucompose
