// ucompose kernel build|ls: the purpose-built guest kernel of linux unikernels.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/ucompose/commands.hpp"
#include "orchestrator/kernel/build.hpp"
#include "orchestrator/kernel/progress.hpp"
#include "orchestrator/kernel/store.hpp"

namespace {

namespace k = ucompose::kernel;

void add_build(CLI::App& parent) {
    auto o = std::make_shared<k::KernelBuildOptions>();
    auto* cmd = parent.add_subcommand("build", "Build the guest kernel (cached by its inputs; minutes the first time)");
    cmd->add_option("--source", o->source, "linux-source tarball (default: the newest /usr/src/linux-source-*.tar.xz)");
    cmd->add_option("--fragment", o->fragment_path, "Kconfig fragment (default: the one carried by ucompose)");
    cmd->add_option("--kernels", o->root, "Kernels directory (default: $UCRUN_KERNELS or /var/lib/ucrun/kernels)");
    cmd->add_option("-j,--jobs", o->jobs, "Parallel compile jobs (default: the number of CPUs)");
    cmd->add_flag("--force", o->force, "Build even when a kernel with the same inputs is installed");
    cmd->callback([o] {
        auto meter = std::make_shared<k::ProgressMeter>(::isatty(STDERR_FILENO) != 0);
        k::BuildReporter r;
        r.step = [meter](const std::string& line) { meter->step(line, stderr); };
        r.compiled = [meter](long done, long expected, long seconds) { meter->compiled(done, expected, seconds, stderr); };
        auto result = k::build_kernel(*o, r);
        meter->finish(stderr);
        std::cout << "kernel " << result.kernel.name << (result.built ? ": built" : ": up to date") << "\n"
                  << "  vmlinux: " << result.kernel.vmlinux << "\n"
                  << "  bzImage: " << result.kernel.bzimage << "\n";
    });
}

void add_ls(CLI::App& parent) {
    auto root = std::make_shared<std::string>();
    auto* cmd = parent.add_subcommand("ls", "List the installed guest kernels (* = current)");
    cmd->add_option("--kernels", *root, "Kernels directory");
    cmd->callback([root] {
        std::string r = root->empty() ? k::default_root() : *root;
        auto current = k::current_kernel(r);
        std::printf("  %-32s %-12s %10s %10s  %s\n", "NAME", "RELEASE", "VMLINUX", "BZIMAGE", "BUILD");
        for (const auto& kern : k::list_kernels(r)) {
            auto size = [](const std::string& p) {
                std::error_code ec;
                auto n = std::filesystem::file_size(p, ec);
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.1f MiB", ec ? 0.0 : static_cast<double>(n) / (1024.0 * 1024.0));
                return std::string(buf);
            };
            std::printf("%c %-32s %-12s %10s %10s  %ld s\n", current && current->name == kern.name ? '*' : ' ',
                        kern.name.c_str(), kern.release.c_str(), size(kern.vmlinux).c_str(),
                        size(kern.bzimage).c_str(), kern.build_seconds);
        }
    });
}

}  // namespace

void add_kernel_command(CLI::App& app, GlobalOptions&) {
    auto* cmd = app.add_subcommand("kernel", "Build and list the guest kernel of linux unikernels");
    cmd->require_subcommand(1);
    add_build(*cmd);
    add_ls(*cmd);
}
