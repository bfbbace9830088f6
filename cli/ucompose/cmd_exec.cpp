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
    cmd->add_option("-e,--env", o->env, "Set environment variables");
    cmd->add_option("--index", o->index, "Index of the container if service has multiple replicas");
    cmd->add_option("service", o->service, "Service")->required();
    cmd->add_option("command", o->command, "Command and arguments")->required();
    cmd->prefix_command();
    cmd->callback([cmd, &g, o, user, workdir] {
        if (!user->empty()) o->user = *user;
        for (const auto& rest : cmd->remaining()) o->command.push_back(rest);
        if (!workdir->empty()) o->workdir = *workdir;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::exec(s, *o));
    });
}
