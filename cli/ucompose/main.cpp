// ucompose: a compose-spec orchestrator for Podman, with unikernels through ucrun.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/compat.hpp"
#include "cli/ucompose/unknown_command.hpp"
#include "orchestrator/podman/limited_client.hpp"
#include "runtime/sys/printable.hpp"

namespace {

int run(int argc, char** argv) {
    if (invoked_as_podman_compose(argv[0])) return run_compat(argc, argv);
    if (argc > 1 && std::string(argv[1]) == "compat") return run_compat(argc - 1, argv + 1);
    CLI::App app{"ucompose: compose projects of containers and unikernels on Podman"};
    app.require_subcommand(1);
    GlobalOptions g;
    app.add_option("-f,--file", g.files, "Compose file(s)");
    app.add_option("-p,--project-name", g.project_name, "Project name");
    app.add_option("--project-directory", g.project_directory, "Project directory");
    app.add_option("--env-file", g.env_files, "Environment file(s)");
    app.add_option("--profile", g.profiles, "Profile(s) to enable");
    app.add_option("--podman-path", g.podman_path, "Podman binary");
    app.add_flag("--dry-run", g.dry_run, "Print the podman commands, run none");
    app.add_flag("--no-ansi", g.no_ansi, "No colours or live progress");
    app.add_flag("--verbose", g.verbose, "Debug logging");
    app.add_option_function<std::string>("--parallel", [&g](const std::string& v) { g.parallel = v; },
                                         "Control max parallelism, -1 for unlimited (default -1)");

    add_version_command(app, g);
    add_build_command(app, g);
    add_unikernel_command(app, g);
    add_kernel_command(app, g);
    add_config_command(app, g);
    add_up_command(app, g);
    add_down_command(app, g);
    add_ps_command(app, g);
    add_logs_command(app, g);
    add_lifecycle_commands(app, g);
    add_kill_command(app, g);
    add_rm_command(app, g);
    add_run_command(app, g);
    add_exec_command(app, g);
    add_pull_command(app, g);
    add_push_command(app, g);
    add_ls_command(app, g);
    add_stats_command(app, g);
    add_wait_command(app, g);
    add_cp_command(app, g);
    add_attach_command(app, g);
    add_images_command(app, g);
    add_top_command(app, g);
    add_port_command(app, g);
    add_events_command(app, g);
    add_create_command(app, g);
    add_convert_command(app, g);
    add_doctor_command(app, g);
    add_completion_command(app, g);

    app.parse_complete_callback([&] {
        spdlog::set_level(g.verbose ? spdlog::level::debug : spdlog::level::info);
        g.parallel_limit = ucompose::parallel_limit(g.parallel, ucompose::environment_value("COMPOSE_PARALLEL_LIMIT"));
    });
    check_command_word(app, argc, argv, "ucompose");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    return g.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    auto logger = spdlog::stderr_color_mt("ucompose");
    logger->set_pattern("%^%l%$: %v");
    spdlog::set_default_logger(logger);
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        // One line whatever the message carries (a compose file's bytes, podman's stderr).
        std::cerr << "ucompose: error: " << sys::printable(e.what()) << "\n";
        return 1;
    }
}
