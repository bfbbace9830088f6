// `ucompose run`: a one-off command in a new container of a service.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_run_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("run", "Run a one-off command on a service");
    auto o = std::make_shared<ucompose::RunOptions>();
    auto entrypoint = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    auto user = std::make_shared<std::string>();
    auto workdir = std::make_shared<std::string>();
    cmd->add_flag("--rm", o->remove, "Automatically remove the container when it exits");
    cmd->add_flag("--no-deps", o->no_deps, "Don't start linked services");
    cmd->add_flag("-d,--detach", o->detach, "Run container in background and print container ID");
    cmd->add_flag("-T,--no-TTY", o->no_tty, "Disable pseudo-TTY allocation");
    cmd->add_option("-e,--env", o->env, "Set environment variables")->allow_extra_args(false);
    cmd->add_option("--entrypoint", *entrypoint, "Override the entrypoint of the image");
    cmd->add_option("--name", *name, "Assign a name to the container");
    cmd->add_option("-u,--user", *user, "Run as specified username or uid");
    cmd->add_option("-w,--workdir", *workdir, "Working directory inside the container");
    cmd->add_flag("--service-ports", o->service_ports, "Run with the service's ports published");
    cmd->add_option("-p,--publish", o->publish, "Publish a container's port(s) to the host")->allow_extra_args(false);
    cmd->add_option("-l,--label", o->labels, "Add or override a label")->allow_extra_args(false);
    cmd->add_option("-v,--volume", o->volumes, "Bind mount a volume")->allow_extra_args(false);
    cmd->add_option("service", o->service, "Service")->required();
    // Everything after SERVICE is the command, options included (`run svc sh -c '...'`): no
    // positional for it, so that the parser stops at its first word.
    cmd->prefix_command();
    cmd->footer("Usage: ucompose run [OPTIONS] SERVICE [COMMAND] [ARGS...]");
    cmd->callback([cmd, &g, o, entrypoint, name, user, workdir] {
        if (!entrypoint->empty()) o->entrypoint = *entrypoint;
        if (!name->empty()) o->name = *name;
        if (!user->empty()) o->user = *user;
        o->command = cmd->remaining();
        if (!workdir->empty()) o->workdir = *workdir;
        ucompose::Session s = open_engine_session(g, {o->service}, !o->no_deps);
        g.exit_code = (ucompose::run(s, *o));
    });
}
