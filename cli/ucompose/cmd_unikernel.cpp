// ucompose unikernel build|import|push|pull|ls|rm: unikernel images, the local registry and
// remote (OCI) registries.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/ucompose/commands.hpp"
#include "orchestrator/image/command_runner.hpp"
#include "orchestrator/engine/output.hpp"
#include "orchestrator/image/unikernel_build.hpp"
#include "orchestrator/image/unikernel_push.hpp"
#include "orchestrator/registry/remote.hpp"
#include "orchestrator/registry/store.hpp"
#include "runtime/registry/pull_limits.hpp"
#include "runtime/registry/remote.hpp"

namespace {

// What a dry run shows for the copy: a registry's image by the digest the pull would check.
std::string pinned_for_show(const std::string& ref) {
    std::string t = ucrun::registry::transport_reference(ref);
    return t.rfind("docker://", 0) == 0 ? ucrun::registry::pin_digest(t, "sha256:<digest>") : t;
}

using ucompose::image::CommandRunner;

std::unique_ptr<CommandRunner> make_runner(const GlobalOptions& g) {
    if (g.dry_run)
        return std::make_unique<ucompose::image::DryRunCommandRunner>([](const std::string& l) { std::cout << l << "\n"; });
    return std::make_unique<ucompose::image::SystemCommandRunner>();
}

// docker compose's progress block for one unikernel: a line rewritten in place on a terminal,
// plain lines otherwise (orchestrator/engine/output.hpp).
class StepProgress {
public:
    StepProgress(const GlobalOptions& g, std::string name, std::string title)
        : progress_(std::cerr, !g.no_ansi && !g.dry_run && ::isatty(STDERR_FILENO) != 0, std::move(title)),
          name_(std::move(name)) {}
    // A step: "building initramfs", "pushing ..."
    void step(const std::string& line) { progress_.event("Unikernel", name_, line); }
    ucompose::image::Progress callback() {
        return [this](const std::string& line) { step(line); };
    }
    void done(const std::string& status) {
        progress_.event("Unikernel", name_, status, true);
        progress_.finish();
    }
    void failed() {
        progress_.event("Unikernel", name_, "Error", true, true);
        progress_.finish();
    }

private:
    ucompose::Progress progress_;
    std::string name_;
};

// Runs `work` between a progress block's first step and its final status.
template <typename Work>
void with_progress(StepProgress& p, const std::string& done, Work&& work) {
    try {
        work();
    } catch (...) {
        p.failed();
        throw;
    }
    p.done(done);
}

std::string kib(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
    return buf;
}

void add_build(CLI::App& parent, GlobalOptions& g) {
    auto o = std::make_shared<ucompose::image::UnikernelBuildOptions>();
    auto image = std::make_shared<std::string>();
    auto no_registry = std::make_shared<bool>(false);
    auto kernel = std::make_shared<std::string>();
    auto memory = std::make_shared<int>(0);
    auto* cmd = parent.add_subcommand("build", "Build a linux unikernel from an ELF program");
    cmd->add_option("elf", o->elf, "The program (any x86-64 Linux ELF, static or dynamic)")->required();
    cmd->add_option("--name", o->name, "Registry name ([a-z0-9][a-z0-9._-]*)")->required();
    cmd->add_option("--kernel", *kernel,
                    "Kernel (default: the guest kernel of `ucompose kernel build`, else the host's newest /boot/vmlinuz-*)");
    cmd->add_option("args", o->args, "Default arguments after the program (after --: ELF --name N -- -f -p 80)");
    cmd->add_option("--arg", o->args, "Default argument after the program (repeatable; --arg=-f for dashes)")
        ->allow_extra_args(false);
    cmd->add_option("--env", o->env, "Default environment K=V (repeatable)")->allow_extra_args(false);
    cmd->add_option("--file", o->files, "Extra file or directory SRC:DST (repeatable)")->allow_extra_args(false);
    cmd->add_option("--module", o->extra_modules, "Extra kernel module to load (repeatable)")->allow_extra_args(false);
    cmd->add_option("--cmdline", o->cmdline, "Extra kernel command line");
    cmd->add_option("--memory", *memory, "Default guest RAM in MiB (default: sized from the kernel and the initramfs)");
    cmd->add_option("--registry", o->registry_root, "Registry root (default: $UCRUN_REGISTRY or /var/lib/ucrun/registry)");
    cmd->add_option("--image", *image, "Also build this OCI image (FROM scratch, io.ucrun.unikernel.* labels)");
    cmd->add_flag("--no-registry", *no_registry, "Do not install in the registry (use with --image)");
    cmd->add_flag("--force", o->force, "Replace an existing registry entry");
    cmd->callback([o, image, no_registry, kernel, memory, &g] {
        if (!kernel->empty()) o->kernel = *kernel;
        if (*memory != 0) o->memory_mib = *memory;
        if (!image->empty()) o->image = *image;
        o->install = !*no_registry;
        o->podman = g.podman_path;
        auto runner = make_runner(g);
        StepProgress p(g, o->name, "Building");
        ucompose::image::UnikernelBuildResult r;
        with_progress(p, "Built", [&] { r = ucompose::image::build_unikernel(*o, *runner, p.callback()); });
        for (const auto& w : r.warnings) spdlog::warn("{}", w);
        std::cout << "unikernel " << o->name << ": initrd " << kib(r.initrd_bytes) << " (zstd), kernel "
                  << r.kernel << " (" << kib(r.kernel_bytes) << " in the image), memory " << r.memory_mib << " MiB\n";
        if (r.entry_dir) std::cout << "  registry: " << *r.entry_dir << "\n";
        if (r.image) std::cout << "  image: " << *r.image << "\n";
    });
}

void add_import(CLI::App& parent, GlobalOptions& g) {
    auto o = std::make_shared<ucompose::image::UnikernelImportOptions>();
    auto kernel = std::make_shared<std::string>(), initrd = std::make_shared<std::string>(),
         disk = std::make_shared<std::string>(), image = std::make_shared<std::string>();
    auto no_registry = std::make_shared<bool>(false);
    auto* cmd = parent.add_subcommand("import", "Register a prebuilt unikernel (Unikraft ELF, Nanos disk, kernel+initrd)");
    cmd->add_option("name", o->name, "Registry name")->required();
    cmd->add_option("--kind", o->kind, "linux | multiboot | disk")->capture_default_str();
    cmd->add_option("--kernel", *kernel, "Kernel file");
    cmd->add_option("--initrd", *initrd, "Initrd (linux, optional for multiboot)");
    cmd->add_option("--disk", *disk, "Raw disk image (disk)");
    cmd->add_option("--cmdline", o->cmdline, "Kernel command line");
    cmd->add_option("--memory", o->memory_mib, "Default guest RAM in MiB")->capture_default_str();
    cmd->add_option("--registry", o->registry_root, "Registry root");
    cmd->add_option("--image", *image, "Also build this OCI image");
    cmd->add_flag("--no-registry", *no_registry, "Do not install in the registry (use with --image)");
    cmd->add_flag("--force", o->force, "Replace an existing registry entry");
    cmd->callback([o, kernel, initrd, disk, image, no_registry, &g] {
        if (!kernel->empty()) o->kernel = *kernel;
        if (!initrd->empty()) o->initrd = *initrd;
        if (!disk->empty()) o->disk = *disk;
        if (!image->empty()) o->image = *image;
        o->install = !*no_registry;
        o->podman = g.podman_path;
        auto runner = make_runner(g);
        StepProgress p(g, o->name, "Importing");
        std::optional<std::string> dir;
        with_progress(p, "Imported", [&] { dir = ucompose::image::import_unikernel(*o, *runner, p.callback()); });
        if (dir) std::cout << "unikernel " << o->name << ": " << *dir << "\n";
    });
}

void add_push(CLI::App& parent, GlobalOptions& g) {
    auto o = std::make_shared<ucompose::image::UnikernelPushOptions>();
    auto* cmd = parent.add_subcommand("push", "Push a unikernel of the local registry to an OCI registry");
    cmd->add_option("name", o->name, "Registry name")->required();
    cmd->add_option("ref", o->ref, "Image reference, HOST[:PORT]/PATH[:TAG]")->required();
    cmd->add_option("--registry", o->registry_root, "Local registry root");
    cmd->add_option("--tls-verify", o->tls_verify, "Require HTTPS and verify certificates (--tls-verify=false for HTTP)")
        ->capture_default_str();
    cmd->add_flag("--keep-image", o->keep_image, "Keep the local podman image tagged REF after the push");
    cmd->callback([o, &g] {
        o->podman = g.podman_path;
        auto runner = make_runner(g);
        StepProgress p(g, o->name, "Pushing");
        with_progress(p, "Pushed", [&] { ucompose::image::push_unikernel(*o, *runner, p.callback()); });
        std::cout << o->ref << "\n";
    });
}

struct PullCli {
    std::string ref, name, root;
    std::optional<bool> tls_verify;
};

void add_pull(CLI::App& parent, GlobalOptions& g) {
    auto o = std::make_shared<PullCli>();
    auto* cmd = parent.add_subcommand("pull", "Pull a unikernel image into the local registry");
    cmd->add_option("ref", o->ref, "Image reference, HOST[:PORT]/PATH[:TAG]")->required();
    cmd->add_option("--name", o->name, "Registry name (default: the reference's last path component)");
    cmd->add_option("--registry", o->root, "Local registry root");
    cmd->add_option("--tls-verify", o->tls_verify,
                    "Require HTTPS and verify certificates (default: remote_tls_verify of the ucrun config, else true)");
    cmd->callback([o, &g] {
        auto settings = ucompose::registry::remote_settings();
        ucrun::registry::PullRequest r;
        r.ref = o->ref;
        r.name = o->name.empty() ? ucompose::registry::name_from_reference(o->ref) : o->name;
        r.root = o->root.empty() ? settings.root : o->root;
        r.force = true;  // as podman pull: the reference's current image replaces what we had
        r.tls_verify = o->tls_verify.value_or(settings.tls_verify);
        r.skopeo = settings.skopeo;
        if (g.dry_run) {  // the copy names the image by the digest the inspect's manifest has
            std::cout << sys::join_argv(ucrun::registry::skopeo_inspect_argv(r.skopeo, r.ref, r.tls_verify)) << "\n"
                      << sys::join_argv(ucrun::registry::skopeo_copy_argv(r.skopeo, pinned_for_show(r.ref), "<staging>",
                                                                          r.tls_verify))
                      << "\n";
            return;
        }
        StepProgress p(g, r.name, "Pulling");
        r.progress = p.callback();
        ucrun::registry::PullResult res;
        with_progress(p, "Pulled", [&] { res = ucrun::registry::pull_unikernel(r); });
        std::cout << "unikernel " << r.name << ": " << res.dir << " (" << kib(res.bytes) << " fetched)\n";
    });
}

void add_ls(CLI::App& parent) {
    auto root = std::make_shared<std::string>();
    auto* cmd = parent.add_subcommand("ls", "List the unikernels in the registry");
    cmd->add_option("--registry", *root, "Registry root");
    cmd->callback([root] {
        std::string r = root->empty() ? ucompose::registry::default_root() : *root;
        auto list = ucompose::registry::list_entries(r);
        std::printf("%-32s %-10s %8s  %s\n", "NAME", "KIND", "MEMORY", "CMDLINE");
        for (const auto& e : list.entries)
            std::printf("%-32s %-10s %8s  %s\n", e.manifest.name.c_str(),
                        ucompose::registry::to_string(e.manifest.kind),
                        e.manifest.memory_mib ? (std::to_string(*e.manifest.memory_mib) + " MiB").c_str() : "-",
                        e.manifest.cmdline.c_str());
        for (const auto& p : list.problems) spdlog::warn("{}", p);
    });
}

void add_rm(CLI::App& parent) {
    auto root = std::make_shared<std::string>();
    auto names = std::make_shared<std::vector<std::string>>();
    auto* cmd = parent.add_subcommand("rm", "Remove unikernels from the registry");
    cmd->add_option("names", *names, "Registry names")->required();
    cmd->add_option("--registry", *root, "Registry root");
    cmd->callback([root, names] {
        std::string r = root->empty() ? ucompose::registry::default_root() : *root;
        for (const auto& n : *names) {
            ucompose::registry::remove_entry(r, n);
            std::cout << n << "\n";
        }
    });
}

}  // namespace

void add_unikernel_command(CLI::App& app, GlobalOptions& g) {
    auto* cmd = app.add_subcommand("unikernel", "Build, import, push, pull, list and remove unikernels");
    cmd->require_subcommand(1);
    add_build(*cmd, g);
    add_import(*cmd, g);
    add_push(*cmd, g);
    add_pull(*cmd, g);
    add_ls(*cmd);
    add_rm(*cmd);
}
