// `ucompose port`: the public port bound to a service's private port.
#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"

void add_port_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("port", "Print the public port for a port binding");
    auto o = std::make_shared<ucompose::PortOptions>();
    cmd->add_option("--protocol", o->protocol, "tcp or udp")->check(CLI::IsMember({"tcp", "udp", "sctp"}));
    cmd->add_option("--index", o->index, "Index of the container if service has multiple replicas");
    cmd->add_option("service", o->service, "Service")->required();
    cmd->add_option("private_port", o->private_port, "Private port")->required();
    cmd->callback([&g, o] {
        ucompose::Session s = open_engine_session(g);
        g.exit_code = (ucompose::port(s, *o));
    });
}
