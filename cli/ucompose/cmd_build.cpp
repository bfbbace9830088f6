// ucompose build [SERVICES]: build the services' images (docker compose's `build`).
// ucompose build tracker [--tag T] [--force]: the tracker image, built offline.
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/commands.hpp"
#include "orchestrator/image/command_runner.hpp"
#include "orchestrator/image/tracker.hpp"
#include "runtime/sys/error.hpp"

namespace {

void add_tracker_command(CLI::App& build, GlobalOptions& g) {
    auto opts = std::make_shared<ucompose::image::TrackerBuildOptions>();
    auto* tracker = build.add_subcommand("tracker", "Build the unikernel tracker image (FROM scratch, offline)");
    tracker->add_option("--tag", opts->tag, "Image tag")->capture_default_str();
    tracker->add_flag("--force", opts->force, "Rebuild even when the image is up to date");
    tracker->callback([opts, &g] {
        opts->podman = g.podman_path;
        std::unique_ptr<ucompose::image::CommandRunner> runner;
        if (g.dry_run)
            runner = std::make_unique<ucompose::image::DryRunCommandRunner>([](const std::string& l) { std::cout << l << "\n"; });
        else
            runner = std::make_unique<ucompose::image::SystemCommandRunner>();
        ucompose::image::build_tracker(*opts, *runner, [](const std::string& line) { spdlog::info("{}", line); });
    });
}

}  // namespace

void add_build_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("build", "Build or rebuild services (tracker: the unikernel tracker image)");
    cmd->require_subcommand(0, 1);
    add_tracker_command(*cmd, g);

    auto o = std::make_shared<ucompose::BuildOptions>();
    cmd->add_option("--build-arg", o->build_args, "Set build-time variables for services (KEY=VALUE)")->allow_extra_args(false);
    cmd->add_flag("--no-cache", o->no_cache, "Do not use cache when building the image");
    cmd->add_flag("--pull", o->pull, "Always attempt to pull a newer version of the image");
    cmd->add_flag("-q,--quiet", o->quiet, "Don't print anything to standard output");
    cmd->add_option("services", o->services, "Services");
    cmd->final_callback([cmd, &g, o] {
        if (!cmd->get_subcommands().empty()) return;  // `build tracker` ran
        ucompose::Session s = open_engine_session(g, o->services, false);
        g.exit_code = ucompose::build(s, *o);
    });
}
