// podman-compose's global options before the subcommand, the same subcommands and flags, and
// --podman-*-args split into words (never through a shell). Where podman-compose is wrong
// (conditions ignored, no cycle detection, serial start, 255 on abort) the engine behaves like
// docker compose; see docs/compat.md.
#include "cli/ucompose/compat.hpp"
#include "cli/ucompose/compat_commands.hpp"
#include "cli/ucompose/compat_session.hpp"
#include "cli/ucompose/unknown_command.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <cstring>
#include <iostream>
#include <map>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/version.hpp"

namespace {

using namespace ucompose;
using ucompose::compat::CompatGlobals;
using ucompose::compat::kVerbsWithArgs;

Session open(const CompatGlobals& g, const std::vector<std::string>& services, bool with_deps = true) {
    return ucompose::compat::open_compat_session(g, services, with_deps);
}

}  // namespace

bool invoked_as_podman_compose(const char* argv0) {
    const char* base = std::strrchr(argv0, '/');
    base = base ? base + 1 : argv0;
    return std::strcmp(base, "podman-compose") == 0;
}

int run_compat(int argc, char** argv) {
    CLI::App app{"podman-compose (ucompose compatibility mode)", "podman-compose"};
    app.require_subcommand(1);
    CompatGlobals g;
    app.set_version_flag("-v,--version", std::string("podman-compose version 1.0.3 (ucompose ") +
                                             ucompose::version() + ")");
    app.add_option("-f,--file", g.files, "compose file(s)");
    app.add_option("-p,--project-name", g.project_name, "project name");
    app.add_option("--podman-path", g.podman_path, "podman binary");
    app.add_option("--podman-args", g.podman_args, "global arguments for podman")->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    for (const char* verb : kVerbsWithArgs) {
        app.add_option(std::string("--podman-") + verb + "-args", g.verb_args[verb],
                       std::string("arguments for podman ") + verb)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    app.add_option("--env-file", g.env_files, "environment file(s)");
    app.add_option("--profile", g.profiles, "profile(s) to enable");
    app.add_option("--in-pod", g.in_pod, "accepted; ucompose does not put services in a pod")->expected(0, 1);
    app.add_flag("--no-ansi", g.no_ansi, "no ANSI control characters");
    app.add_flag("--no-cleanup", g.no_cleanup, "accepted for compatibility");
    app.add_flag("--dry-run", g.dry_run, "print the podman commands, run none");
    app.add_flag("--verbose", g.verbose, "print debugging output");
    app.add_option_function<std::string>("--parallel", [&g](const std::string& v) { g.parallel = v; },
                                         "max podman commands at once, -1 for unlimited");

    std::vector<std::string> services;
    int code = 0;

    auto* version = app.add_subcommand("version", "show version");
    version->callback([&] { std::cout << "podman-compose version 1.0.3 (ucompose " << ucompose::version() << ")\n"; });

    UpOptions up;
    bool always_recreate_deps = false, quiet_pull = false, renew = false, pull_always = false, no_cache = false;
    std::vector<std::string> scale, build_args;
    bool pull_flag = false;
    auto* upc = app.add_subcommand("up", "create and start the stack or some of its services");
    upc->add_flag("-d,--detach", up.detach);
    upc->add_flag("--no-color", up.no_color);
    upc->add_flag("--quiet-pull", quiet_pull);
    bool no_deps = false;
    upc->add_flag("--no-deps", no_deps);
    upc->add_flag("--force-recreate", up.policy.force_recreate);
    upc->add_flag("--always-recreate-deps", always_recreate_deps);
    upc->add_flag("--no-recreate", up.policy.no_recreate);
    upc->add_flag("--no-build", up.policy.no_build);
    upc->add_flag("--no-start", up.policy.no_start);
    upc->add_flag("--build", up.policy.build);
    upc->add_flag("--abort-on-container-exit", up.exit.abort_on_container_exit);
    upc->add_flag("--abort-on-container-failure", up.exit.abort_on_container_failure,
                  "stop all containers if any container exits with a non-zero code");
    upc->add_option("--no-attach", up.no_attach, "don't attach to the service's output")->allow_extra_args(false);
    upc->add_flag("--no-hosts", g.no_hosts, "do not modify the /etc/hosts file in the container");
    upc->add_option("-t,--timeout", up.timeout);
    upc->add_flag("-V,--renew-anon-volumes", renew);
    upc->add_flag("--remove-orphans", up.policy.remove_orphans);
    upc->add_option("--scale", scale)->allow_extra_args(false);
    upc->add_option("--exit-code-from", up.exit.exit_code_from);
    upc->add_flag("--pull", pull_flag);
    upc->add_flag("--pull-always", pull_always);
    upc->add_option("--build-arg", build_args)->allow_extra_args(false);
    upc->add_flag("--no-cache", no_cache);
    upc->add_option("services", services);
    upc->callback([&] {
        if (pull_always)
            up.policy.pull = "always";
        else if (pull_flag)
            up.policy.pull = "missing";
        up.services = services;
        if (up.policy.no_start) up.no_attach_logs = true;
        Session s = open(g, services, !no_deps);
        ucompose::apply_scale(s.project, scale);
        code = ucompose::up(s, up);
    });

    DownOptions down;
    auto* downc = app.add_subcommand("down", "tear down the stack");
    downc->add_flag("-v,--volumes", down.volumes);
    downc->add_option("-t,--timeout", down.timeout);
    downc->add_flag("--remove-orphans", down.remove_orphans);
    downc->add_option("--rmi", down.rmi, "remove images used by services: all or local")
        ->check(CLI::IsMember({"all", "local"}));
    downc->add_option("services", services);
    downc->callback([&] {
        Session s = open(g, {});
        code = ucompose::down(s, down);
    });

    ucompose::compat::add_inspect_commands(app, g, code);

    LogsOptions logs;
    bool latest = false, names = false;
    auto* logsc = app.add_subcommand("logs", "show the services' logs");
    logsc->add_flag("-f,--follow", logs.follow);
    logsc->add_flag("-l,--latest", latest);
    logsc->add_flag("-n,--names", names);
    logsc->add_flag("--no-color", logs.no_color, "Produce monochrome output");
    logsc->add_flag("--no-log-prefix", logs.no_log_prefix, "Don't print prefix in logs");
    logsc->add_option("--since", logs.since);
    logsc->add_flag("-t,--timestamps", logs.timestamps);
    logsc->add_option("--tail", logs.tail);
    logsc->add_option("--until", logs.until);
    logsc->add_option("services", services);
    logsc->callback([&] {
        logs.services = services;
        Session s = open(g, {});
        code = ucompose::logs(s, logs);
    });

    LifecycleOptions life;
    auto lifecycle_cmd = [&](const char* name, const char* help, Lifecycle verb, bool with_timeout) {
        auto* c = app.add_subcommand(name, help);
        if (with_timeout) c->add_option("-t,--timeout", life.timeout);
        if (verb == Lifecycle::Kill) c->add_option("-s,--signal", life.signal);
        c->add_option("services", services);
        c->callback([&, verb] {
            life.services = services;
            Session s = open(g, {});
            code = ucompose::lifecycle(s, verb, life);
        });
    };
    lifecycle_cmd("start", "start specific services", Lifecycle::Start, false);
    lifecycle_cmd("stop", "stop specific services", Lifecycle::Stop, true);
    lifecycle_cmd("restart", "restart specific services", Lifecycle::Restart, true);
    lifecycle_cmd("pause", "pause services", Lifecycle::Pause, false);
    lifecycle_cmd("unpause", "unpause services", Lifecycle::Unpause, false);
    lifecycle_cmd("kill", "kill services", Lifecycle::Kill, false);

    RunOptions run;
    std::vector<std::string> run_rest;
    auto* runc = app.add_subcommand("run", "run a one-off command in a new container of a service");
    runc->prefix_command();
    runc->add_flag("-d,--detach", run.detach);
    runc->add_option("--name", run.name);
    runc->add_option("--entrypoint", run.entrypoint);
    runc->add_option("-e", run.env)->allow_extra_args(false);
    runc->add_option("-l,--label", run.labels)->allow_extra_args(false);
    runc->add_option("-u,--user", run.user);
    runc->add_flag("--no-deps", run.no_deps);
    runc->add_flag("--rm", run.remove);
    runc->add_option("-p,--publish", run.publish)->allow_extra_args(false);
    runc->add_flag("--service-ports", run.service_ports);
    runc->add_option("-v,--volume", run.volumes)->allow_extra_args(false);
    runc->add_flag("-T", run.no_tty);
    runc->add_option("-w,--workdir", run.workdir);
    runc->callback([&] {
        auto rest = runc->remaining();
        if (rest.empty()) throw Error("run: a service is required");
        run.service = rest.front();
        run.command.assign(rest.begin() + 1, rest.end());
        Session s = open(g, {run.service}, !run.no_deps);
        code = ucompose::run(s, run);
    });

    ExecOptions ex;
    auto* execc = app.add_subcommand("exec", "run a command in a running service container");
    execc->prefix_command();
    execc->add_flag("-d,--detach", ex.detach);
    execc->add_flag("--privileged", ex.privileged);
    execc->add_option("-u,--user", ex.user);
    execc->add_flag("-T", ex.no_tty);
    execc->add_option("--index", ex.index);
    execc->add_option("-e", ex.env)->allow_extra_args(false);
    execc->add_option("-w,--workdir", ex.workdir);
    execc->callback([&] {
        auto rest = execc->remaining();
        if (rest.size() < 2) throw Error("exec: a service and a command are required");
        ex.service = rest.front();
        ex.command.assign(rest.begin() + 1, rest.end());
        Session s = open(g, {});
        code = ucompose::exec(s, ex);
    });

    PullOptions pull;
    bool force_local = false;
    auto* pullc = app.add_subcommand("pull", "pull the stack's images");
    pullc->add_flag("--force-local", force_local);
    pullc->add_option("services", services);
    pullc->callback([&] {
        pull.services = services;
        Session s = open(g, {});
        code = ucompose::pull(s, pull);
    });

    BuildOptions build;
    bool build_pull_always = false;
    auto* buildc = app.add_subcommand("build", "build stack images");
    buildc->add_flag("--pull", build.pull, "attempt to pull a newer version of the image");
    buildc->add_flag("--pull-always", build_pull_always, "attempt to pull a newer version of the image");
    buildc->add_option("--build-arg", build.build_args, "set build-time variables (KEY=VALUE)")->allow_extra_args(false);
    buildc->add_flag("--no-cache", build.no_cache, "do not use cache when building the image");
    buildc->add_option("services", services);
    buildc->callback([&] {
        build.services = services;
        build.pull = build.pull || build_pull_always;
        Session s = open(g, services, false);
        code = ucompose::build(s, build);
    });

    PushOptions push;
    auto* pushc = app.add_subcommand("push", "push stack images");
    pushc->add_flag("--ignore-push-failures", push.ignore_failures, "do not stop on a failed push");
    pushc->add_option("services", services);
    pushc->callback([&] {
        push.services = services;
        Session s = open(g, services, false);
        code = ucompose::push(s, push);
    });

    auto* help = app.add_subcommand("help", "show help");
    help->callback([&] { std::cout << app.help(); });

    app.parse_complete_callback([&g] { spdlog::set_level(g.verbose ? spdlog::level::debug : spdlog::level::info); });
    check_command_word(app, argc, argv, "podman-compose");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    return code;
}
