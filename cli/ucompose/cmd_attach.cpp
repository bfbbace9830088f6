// `ucompose attach`: this terminal's input, output and signals to a service's container.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_attach_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("attach", "Attach local standard input, output, and error streams to a service's running container");
    auto o = std::make_shared<ucompose::AttachOptions>();
    auto keys = std::make_shared<std::string>();
    cmd->add_option("--index", o->index, "Index of the container if the service has multiple replicas");
    cmd->add_flag("--no-stdin", o->no_stdin, "Do not attach STDIN");
    cmd->add_flag("--sig-proxy,!--no-sig-proxy", o->sig_proxy, "Proxy all received signals to the process");
    cmd->add_option("--detach-keys", *keys, "Override the key sequence for detaching from a container");
    cmd->add_option("service", o->service, "Service")->required();
    cmd->callback([&g, o, keys] {
        if (!keys->empty()) o->detach_keys = *keys;
        ucompose::Session s = open_engine_session(g);
        g.exit_code = ucompose::attach(s, *o);
    });
}
