// ucompose build tracker [--tag T] [--force]: the tracker image, built offline.
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "cli/ucompose/commands.hpp"
#include "orchestrator/image/command_runner.hpp"
#include "orchestrator/image/tracker.hpp"
#include "runtime/sys/error.hpp"

void add_build_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("build", "Build images (tracker: the unikernel tracker image)");
    cmd->require_subcommand(1);

    auto opts = std::make_shared<ucompose::image::TrackerBuildOptions>();
    auto* tracker = cmd->add_subcommand("tracker", "Build the unikernel tracker image (FROM scratch, offline)");
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
