// `ucompose exec`: a command in a running container of a service.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_exec_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("exec", "Execute a command in a running container");
    auto o = std::make_shared<ucompose::ExecOptions>();
    auto user = std::make_shared<std::string>();
    auto workdir = std::make_shared<std::string>();
    cmd->add_flag("-d,--detach", o->detach, "Detached mode: run command in the background");
    cmd->add_flag("-T,--no-TTY", o->no_tty, "Disable pseudo-TTY allocation");
    cmd->add_flag("--privileged", o->privileged, "Give extended privileges to the process");
    cmd->add_option("-u,--user", *user, "Run the command as this user");
    cmd->add_option("-w,--workdir", *workdir, "Path to workdir directory for this command");
    cmd->add_option("-e,--env", o->env, "Set environment variables")->allow_extra_args(false);
    cmd->add_option("--index", o->index, "Index of the container if service has multiple replicas");
    cmd->add_option("service", o->service, "Service")->required();
    // Everything after SERVICE is the command, options included (`exec svc sh -c '...'`).
    cmd->prefix_command();
    cmd->footer("Usage: ucompose exec [OPTIONS] SERVICE COMMAND [ARGS...]");
    cmd->callback([cmd, &g, o, user, workdir] {
        if (!user->empty()) o->user = *user;
        o->command = cmd->remaining();
        if (o->command.empty()) throw CLI::ValidationError("exec", "a command is required after the service");
        if (!workdir->empty()) o->workdir = *workdir;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::exec(s, *o));
    });
}
