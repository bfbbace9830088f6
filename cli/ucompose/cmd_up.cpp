// `ucompose up`: create and start the project's services (docker compose's flags).
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_up_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("up", "Create and start containers");
    auto o = std::make_shared<ucompose::UpOptions>();
    auto no_deps = std::make_shared<bool>(false);
    auto exit_code_from = std::make_shared<std::string>();
    auto timeout = std::make_shared<int>(-1);
    auto wait_timeout = std::make_shared<int>(-1);
    auto no_start = std::make_shared<bool>(false);
    auto scale = std::make_shared<std::vector<std::string>>();
    cmd->add_flag("-d,--detach", o->detach, "Detached mode: run containers in the background");
    cmd->add_flag("--build", o->policy.build, "Build images before starting containers");
    cmd->add_flag("--no-build", o->policy.no_build, "Don't build an image, even if it's missing");
    cmd->add_flag("--force-recreate", o->policy.force_recreate, "Recreate containers even if unchanged");
    cmd->add_flag("--no-recreate", o->policy.no_recreate, "Don't recreate existing containers");
    cmd->add_flag("--no-deps", *no_deps, "Don't start linked services");
    cmd->add_flag("--no-start", *no_start, "Don't start the services after creating them");
    cmd->add_flag("--wait", o->wait, "Wait for services to be running|healthy (implies -d)");
    cmd->add_option("--wait-timeout", *wait_timeout, "Maximum seconds to wait with --wait");
    cmd->add_flag("--abort-on-container-exit", o->exit.abort_on_container_exit,
                  "Stop all containers if any container was stopped");
    cmd->add_flag("--abort-on-container-failure", o->exit.abort_on_container_failure,
                  "Stop all containers if any container exited with failure");
    cmd->add_option("--exit-code-from", *exit_code_from, "Return the exit code of the selected service container");
    cmd->add_flag("--remove-orphans", o->policy.remove_orphans, "Remove containers for services not in the file");
    cmd->add_option("-t,--timeout", *timeout, "Shutdown timeout in seconds");
    cmd->add_option("--pull", o->policy.pull, "Pull image before running (always|missing|never)")
        ->check(CLI::IsMember({"always", "missing", "never"}));
    cmd->add_flag("--no-color", o->no_color, "Produce monochrome output");
    cmd->add_flag("--no-log-prefix", o->no_log_prefix, "Don't print prefix in logs");
    cmd->add_flag("--timestamps", o->timestamps, "Show timestamps");
    cmd->add_option("--scale", *scale, "Scale SERVICE to NUM instances (SERVICE=NUM)")->allow_extra_args(false);
    cmd->add_option("--attach", o->attach, "Restrict attaching to the specified services")->allow_extra_args(false);
    cmd->add_option("--no-attach", o->no_attach, "Do not attach (stream logs) to the specified services")
        ->allow_extra_args(false);
    cmd->add_option("services", o->services, "Services to start (with their dependencies)");
    cmd->callback([&g, o, no_deps, exit_code_from, timeout, wait_timeout, no_start, scale] {
        if (!exit_code_from->empty()) o->exit.exit_code_from = *exit_code_from;
        if (*timeout >= 0) o->timeout = *timeout;
        if (*wait_timeout >= 0) o->wait_timeout = *wait_timeout;
        if (o->wait) o->detach = true;
        if (*no_start) {
            o->policy.no_start = true;
            o->no_attach_logs = true;
        }
        if (o->detach && (o->exit.abort_on_container_exit || o->exit.exit_code_from))
            throw CLI::ValidationError("--abort-on-container-exit and --exit-code-from cannot be used with -d");
        ucompose::Session s = open_engine_session(g, o->services, !*no_deps);
        ucompose::apply_scale(s.project, *scale);
        g.exit_code = (ucompose::up(s, *o));
    });
}
