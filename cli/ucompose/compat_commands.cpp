#include "cli/ucompose/compat_commands.hpp"

#include <iostream>
#include <memory>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/model/loader.hpp"
#include "orchestrator/model/serialize.hpp"

namespace ucompose::compat {
namespace {

void add_ps(CLI::App& app, CompatGlobals& g, int& code) {
    struct Opts {
        bool quiet = false;
        std::optional<std::string> format;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("ps", "show status of containers");
    c->add_flag("-q,--quiet", o->quiet, "Only display container IDs");
    c->add_option("--format", o->format, "a podman ps Go template, or json");
    c->callback([&g, &code, o] {
        Session s = open_compat_session(g, {});
        code = podman_ps(s, o->quiet, o->format);
    });
}

void add_config(CLI::App& app, CompatGlobals& g, int& code) {
    struct Opts {
        bool services = false, quiet = false, no_normalize = false;
    };
    auto o = std::make_shared<Opts>();
    auto* c = app.add_subcommand("config", "displays the compose file");
    c->add_flag("--services", o->services, "Print the service names, one per line.");
    c->add_flag("-q,--quiet", o->quiet, "Only validate the configuration, don't print anything.");
    c->add_flag("--no-normalize", o->no_normalize,
                "accepted; the model is always printed normalized (a warning says so)");
    c->callback([&g, &code, o] {
        if (o->no_normalize) std::cerr << "WARNING: config --no-normalize: the model is printed normalized\n";
        Project p = load_project(load_options(compat_session_options(g, {})));
        code = 0;
        if (o->quiet) return;
        if (o->services) {
            for (const auto& name : p.service_names()) std::cout << name << "\n";
            return;
        }
        std::cout << project_to_yaml(p);
    });
}

void add_port(CLI::App& app, CompatGlobals& g, int& code) {
    auto o = std::make_shared<PortOptions>();
    auto* c = app.add_subcommand("port", "Prints the public port for a port binding.");
    c->add_option("--index", o->index, "index of the container if there are multiple instances of a service");
    c->add_option("--protocol", o->protocol, "tcp or udp")->check(CLI::IsMember({"tcp", "udp"}));
    c->add_option("service", o->service, "service name")->required();
    c->add_option("private_port", o->private_port, "private port")->required();
    c->callback([&g, &code, o] {
        Session s = open_compat_session(g, {});
        code = port(s, *o);
    });
}

void add_images(CLI::App& app, CompatGlobals& g, int& code) {
    auto o = std::make_shared<ImagesOptions>();
    auto* c = app.add_subcommand("images", "List images used by the created containers");
    c->add_flag("-q,--quiet", o->quiet, "Only display images IDs");
    c->add_option("services", o->services, "services");
    c->callback([&g, &code, o] {
        Session s = open_compat_session(g, {});
        code = images(s, *o);
    });
}

}  // namespace

void add_inspect_commands(CLI::App& app, CompatGlobals& g, int& code) {
    add_ps(app, g, code);
    add_config(app, g, code);
    add_port(app, g, code);
    add_images(app, g, code);
}

}  // namespace ucompose::compat
