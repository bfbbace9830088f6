// `run` (a one-off container of a service, after its dependencies are up) and `exec`.
#include <unistd.h>

#include <iostream>
#include <random>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/output.hpp"
#include "orchestrator/podman/container_args.hpp"

namespace ucompose {
namespace {

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string random_suffix() {
    std::random_device rd;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%06x", rd() & 0xffffff);
    return buf;
}

std::map<std::string, std::string> parse_env(const std::vector<std::string>& env) {
    std::map<std::string, std::string> out;
    for (const auto& e : env) {
        auto eq = e.find('=');
        if (eq != std::string::npos) {
            out[e.substr(0, eq)] = e.substr(eq + 1);
        } else if (const char* v = std::getenv(e.c_str())) {
            out[e] = v;
        }
    }
    return out;
}

// Creates the networks and volumes `service` uses when they are missing.
Task<int> ensure_resources(Session& s, const std::string& service) {
    PodmanClient& pm = *s.client;
    PlanInput in;
    in.project = &s.project;
    in.services = {service};
    in.existing_networks = co_await list_networks(pm);
    in.existing_volumes = co_await list_volumes(pm);
    Plan plan = plan_up(in);
    for (const auto& e : plan.errors) throw Error(e);
    for (const auto& key : plan.networks) {
        NetworkDef def;
        auto it = s.project.networks.find(key);
        if (it != s.project.networks.end()) def = it->second;
        else def.name = s.project.name + "_" + key;
        co_await run_checked(pm, cmd("network create", network_create_args(def, network_labels(s.project, key))),
                             "network " + def.name);
    }
    for (const auto& key : plan.volumes) {
        const VolumeDef& def = s.project.volumes.at(key);
        co_await run_checked(pm, cmd("volume create", volume_create_args(def, volume_labels(s.project, key))),
                             "volume " + def.name);
    }
    co_return 0;
}

}  // namespace

int run(Session& s, const RunOptions& o) {
    const Service& svc = s.project.service(o.service);
    check_project_runtimes(s);  // before the dependencies start
    // Dependencies first, as `up -d` of them.
    if (!o.no_deps && !svc.depends_on.empty()) {
        Session view;
        view.project = s.project;
        view.project.disabled_services.insert(view.project.services.extract(o.service));
        view.color = s.color;
        view.live = s.live;
        view.ansi = s.ansi;
        view.podman_compose = s.podman_compose;
        view.verbose = s.verbose;
        view.runtimes = s.runtimes;
        view.client = std::move(s.client);  // borrowed for the call
        UpOptions up_options;
        up_options.detach = true;
        int rc = 1;
        try {
            rc = up(view, up_options);
        } catch (...) {
            s.client = std::move(view.client);
            throw;
        }
        s.client = std::move(view.client);
        if (rc != 0) return rc;
    }
    {
        asio::io_context io;
        run_task(io, ensure_resources(s, o.service));
    }
    std::vector<ObservedImage> images;
    {
        asio::io_context io;
        images = run_task(io, list_images(*s.client));
    }
    const ObservedImage* img = find_image(images, image_name(s.project, svc));
    if (!img && svc.build) {
        // As docker compose (and podman-compose): `run` builds a missing image first.
        BuildOptions b;
        b.services = {svc.name};
        if (int rc = build(s, b); rc != 0) return rc;
        asio::io_context io;
        images = run_task(io, list_images(*s.client));
        img = find_image(images, image_name(s.project, svc));
        if (!img && !s.client->dry_run())
            throw Error("service \"" + svc.name + "\": image " + image_name(s.project, svc) +
                        " is missing after its build");
    }
    ContainerSpec spec = container_spec(s.project, svc, 1, config_hash(svc, img ? img->id : ""), img);
    spec.name = o.name ? *o.name : s.project.name + "_" + svc.name + "_run_" + random_suffix();
    spec.labels[label::kOneoff] = "True";
    spec.remove = o.remove;
    spec.detach = o.detach;
    spec.tty = !o.no_tty && !o.detach && ::isatty(0) && ::isatty(1);
    spec.interactive = o.interactive && !o.detach;
    spec.publish_ports = o.service_ports;
    if (img) spec.pull.reset();
    if (!img) spec.pull = "missing";
    for (const auto& [k, v] : parse_env(o.env)) spec.extra_env[k] = v;
    if (o.entrypoint) spec.entrypoint = split_words(*o.entrypoint);
    if (!o.command.empty()) spec.command = o.command;
    spec.user = o.user;
    spec.workdir = o.workdir;
    for (const auto& p : o.publish) spec.extra_args.insert(spec.extra_args.end(), {"-p", p});
    for (const auto& v : o.volumes) spec.extra_args.insert(spec.extra_args.end(), {"-v", v});
    for (const auto& l : o.labels) spec.extra_args.insert(spec.extra_args.end(), {"--label", l});
    return s.client->foreground(cmd("run", container_args(svc, spec)));
}

int exec(Session& s, const ExecOptions& o) {
    s.project.service(o.service);
    asio::io_context io;
    std::vector<ObservedContainer> all = run_task(io, observe_containers(*s.client, s.project));
    std::string target;
    for (const auto& c : select_containers(all, {o.service}, false)) {
        if (c.number() == o.index && c.running()) target = c.name;
    }
    if (target.empty() && !s.client->dry_run())
        throw Error("service \"" + o.service + "\" is not running (container number " + std::to_string(o.index) + ")");
    if (target.empty()) target = container_name(s.project, s.project.service(o.service), o.index);
    sys::Argv args;
    if (o.detach) args.push_back("-d");
    if (!o.detach) args.push_back("-i");
    if (!o.no_tty && !o.detach && ::isatty(0) && ::isatty(1)) args.push_back("-t");
    if (o.privileged) args.push_back("--privileged");
    if (o.user) args.insert(args.end(), {"--user", *o.user});
    if (o.workdir) args.insert(args.end(), {"--workdir", *o.workdir});
    for (const auto& [k, v] : parse_env(o.env)) args.insert(args.end(), {"-e", k + "=" + v});
    args.push_back(target);
    args.insert(args.end(), o.command.begin(), o.command.end());
    return s.client->foreground(cmd("exec", args));
}

}  // namespace ucompose
