// One add_<name>_command per subcommand file (cmd_<name>.cpp); cmd_lifecycle.cpp adds five.
#pragma once
#include <CLI/CLI.hpp>

#include "cli/ucompose/global_options.hpp"

void add_version_command(CLI::App& app, GlobalOptions& g);
void add_build_command(CLI::App& app, GlobalOptions& g);
void add_unikernel_command(CLI::App& app, GlobalOptions& g);
void add_kernel_command(CLI::App& app, GlobalOptions& g);
void add_config_command(CLI::App& app, GlobalOptions& g);
void add_up_command(CLI::App& app, GlobalOptions& g);
void add_down_command(CLI::App& app, GlobalOptions& g);
void add_ps_command(CLI::App& app, GlobalOptions& g);
void add_logs_command(CLI::App& app, GlobalOptions& g);
void add_lifecycle_commands(CLI::App& app, GlobalOptions& g);  // start stop restart pause unpause
void add_kill_command(CLI::App& app, GlobalOptions& g);
void add_rm_command(CLI::App& app, GlobalOptions& g);
void add_run_command(CLI::App& app, GlobalOptions& g);
void add_exec_command(CLI::App& app, GlobalOptions& g);
void add_pull_command(CLI::App& app, GlobalOptions& g);
void add_push_command(CLI::App& app, GlobalOptions& g);
void add_ls_command(CLI::App& app, GlobalOptions& g);
void add_stats_command(CLI::App& app, GlobalOptions& g);
void add_wait_command(CLI::App& app, GlobalOptions& g);
void add_cp_command(CLI::App& app, GlobalOptions& g);
void add_attach_command(CLI::App& app, GlobalOptions& g);
void add_images_command(CLI::App& app, GlobalOptions& g);
void add_top_command(CLI::App& app, GlobalOptions& g);
void add_port_command(CLI::App& app, GlobalOptions& g);
void add_events_command(CLI::App& app, GlobalOptions& g);
void add_create_command(CLI::App& app, GlobalOptions& g);
void add_convert_command(CLI::App& app, GlobalOptions& g);
void add_doctor_command(CLI::App& app, GlobalOptions& g);
void add_completion_command(CLI::App& app, GlobalOptions& g);  // hidden: completion bash
