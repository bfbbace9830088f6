// `ucompose config`: print the normalised model (YAML or JSON), or parts of it.

#include <iostream>
#include <set>

#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/model/loader.hpp"
#include "orchestrator/model/serialize.hpp"

namespace {

struct ConfigOptions {
    bool services = false;
    bool volumes = false;
    bool profiles = false;
    bool images = false;
    bool quiet = false;
    std::string format = "yaml";
    std::vector<std::string> names;
};

void run_config(const GlobalOptions& g, const ConfigOptions& o) {
    ucompose::LoadOptions lo = ucompose::load_options(session_options(g, o.names));
    if (o.profiles) lo.profiles.push_back("*");  // list every profile, enabled or not
    ucompose::Project p = ucompose::load_project(lo);
    if (o.quiet) return;
    if (o.services) {
        for (const auto& name : p.service_names()) std::cout << name << "\n";
    } else if (o.volumes) {
        for (const auto& [name, v] : p.volumes) std::cout << name << "\n";
    } else if (o.profiles) {
        for (const auto& prof : p.all_profiles()) std::cout << prof << "\n";
    } else if (o.images) {
        std::set<std::string> images;
        for (const auto& [name, s] : p.services)
            images.insert(s.image ? *s.image : p.name + "_" + name);
        for (const auto& i : images) std::cout << i << "\n";
    } else if (o.format == "json") {
        std::cout << ucompose::project_to_json(p).dump(2) << "\n";
    } else {
        std::cout << ucompose::project_to_yaml(p);
    }
}

}  // namespace

void add_config_command(CLI::App& app, GlobalOptions& g) {
    auto opts = std::make_shared<ConfigOptions>();
    auto* cmd = app.add_subcommand("config", "Parse, resolve and render the compose file");
    cmd->add_flag("--services", opts->services, "Print the service names, one per line");
    cmd->add_flag("--volumes", opts->volumes, "Print the volume names, one per line");
    cmd->add_flag("--profiles", opts->profiles, "Print the profile names, one per line");
    cmd->add_flag("--images", opts->images, "Print the image names, one per line");
    cmd->add_flag("-q,--quiet", opts->quiet, "Only validate the configuration");
    cmd->add_option("--format", opts->format, "Output format")->check(CLI::IsMember({"yaml", "json"}));
    cmd->add_option("services", opts->names, "Services to show (with their dependencies)");
    cmd->callback([&g, opts] { run_config(g, *opts); });
}
