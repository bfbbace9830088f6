#include "orchestrator/image/unikernel_build.hpp"

#include <elf.h>
#include <sys/stat.h>

#include <filesystem>

#include "orchestrator/image/compress.hpp"
#include "orchestrator/image/elf.hpp"
#include "orchestrator/image/embedded.hpp"
#include "orchestrator/image/guest_layout.hpp"
#include "orchestrator/image/kernel.hpp"
#include "orchestrator/image/libraries.hpp"
#include "orchestrator/image/modules.hpp"
#include "orchestrator/image/oci.hpp"
#include "orchestrator/kernel/store.hpp"
#include "orchestrator/registry/manifest.hpp"
#include "orchestrator/registry/store.hpp"
#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"

namespace fs = std::filesystem;

namespace ucompose::image {
namespace {

void say(const Progress& p, const std::string& line) {
    if (p) p(line);
}

std::uint64_t file_size(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) sys::throw_errno("stat " + path);
    return static_cast<std::uint64_t>(st.st_size);
}

void check_env(const std::vector<std::string>& env) {
    for (const auto& kv : env) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) throw sys::Error("--env \"" + kv + "\": expected KEY=VALUE");
    }
}

// SRC:DST specs to regular files; a directory SRC is copied recursively under DST.
std::vector<FileMapping> expand_files(const std::vector<std::string>& specs) {
    std::vector<FileMapping> out;
    for (const auto& spec : specs) {
        FileMapping m = parse_file_mapping(spec);
        struct stat st;
        if (::stat(m.src.c_str(), &st) != 0) sys::throw_errno("--file " + m.src);
        if (S_ISREG(st.st_mode)) {
            m.mode = st.st_mode & 07777;
            out.push_back(m);
        } else if (S_ISDIR(st.st_mode)) {
            for (const auto& e : fs::recursive_directory_iterator(m.src)) {
                if (!e.is_regular_file()) continue;
                struct stat fst;
                if (::stat(e.path().c_str(), &fst) != 0) sys::throw_errno("--file " + e.path().string());
                std::string rel = fs::relative(e.path(), m.src).string();
                out.push_back({e.path().string(), m.dst + "/" + rel, static_cast<std::uint32_t>(fst.st_mode & 07777)});
            }
        } else {
            throw sys::Error("--file " + m.src + ": not a regular file or directory");
        }
    }
    return out;
}

// Fails before any work when the entry exists and --force is not given.
void precheck_install(const std::string& root, const std::string& name, bool force) {
    ucrun::registry::validate_name(name);
    if (!force && sys::path_exists(root + "/" + name))
        throw sys::Error("unikernel \"" + name + "\" already exists in " + root + " (use --force to replace it)");
}

struct Publication {
    std::string registry_root;
    bool install = true;
    std::optional<std::string> image;
    bool force = false;
    std::string podman;
};

// `files`: entry-relative name -> host path. Installs into the registry and/or builds the image.
void publish(const registry::Manifest& manifest, const std::vector<std::pair<std::string, std::string>>& files,
             const std::vector<std::string>& cmd, const Publication& pub, CommandRunner& runner,
             const Progress& progress, std::optional<std::string>& entry_dir) {
    if (pub.install) {
        registry::StagedEntry staged(pub.registry_root, manifest.name, pub.force);
        for (const auto& [name, host] : files) sys::copy_file(host, staged.dir() + "/" + name);
        entry_dir = staged.commit(manifest);
        say(progress, "installed " + manifest.name + " in " + *entry_dir);
    }
    if (pub.image) {
        say(progress, "building OCI image " + *pub.image);
        build_unikernel_image(runner, pub.podman, *pub.image, manifest, files, cmd);
        say(progress, "built OCI image " + *pub.image);
    }
}

ElfInfo check_program(const std::string& path) {
    auto data = sys::read_file_if_exists(path);
    if (!data) throw sys::SystemError("program " + path, ENOENT);
    ElfInfo info = parse_elf(*data, "program " + path);
    if (info.elf_class != ELFCLASS64 || info.machine != EM_X86_64)
        throw sys::Error("program " + path + ": not an x86-64 ELF (the guest kernel is x86-64)");
    if (info.type != ET_EXEC && info.type != ET_DYN)
        throw sys::Error("program " + path + ": not an executable ELF (type " + std::to_string(info.type) + ")");
    return info;
}

// The Debian-style kernel's virtio chain as modules (its drivers are not built in).
void plan_kernel_modules(const GuestKernel& kernel, const std::vector<std::string>& extra, GuestLayout& layout,
                         UnikernelBuildResult& result) {
    if (kernel.version) {
        layout.kernel_version = kernel.version;
        layout.modules_dir = "/lib/modules/" + *kernel.version;
    }
    if (!kernel.version || !sys::path_exists(layout.modules_dir + "/modules.dep")) {
        result.warnings.push_back("no modules for kernel " + kernel.path + " (" +
                                  (kernel.version ? layout.modules_dir + "/modules.dep" : "version unknown") +
                                  " missing): the guest gets no virtio NIC unless the kernel has it built in");
        return;
    }
    auto deps = parse_modules_dep(sys::read_file(layout.modules_dir + "/modules.dep"));
    auto builtin_text = sys::read_file_if_exists(layout.modules_dir + "/modules.builtin");
    auto wanted = default_guest_modules();
    wanted.insert(wanted.end(), extra.begin(), extra.end());
    ModulePlan mp = plan_modules(deps, builtin_text ? parse_modules_builtin(*builtin_text) : std::set<std::string>{},
                                 wanted);
    for (const auto& m : mp.missing) result.warnings.push_back("module " + m + " not found for kernel " + *kernel.version);
    for (const auto& m : mp.load) {
        if (m.size() < 3 || m.compare(m.size() - 3, 3, ".ko") != 0) {
            result.warnings.push_back("module " + m + " is compressed: not supported, skipped");
            continue;
        }
        layout.modules.push_back(m);
    }
    for (const auto& m : layout.modules) result.modules.push_back(module_name_of(m));
}

}  // namespace

UnikernelBuildResult build_unikernel(const UnikernelBuildOptions& opts, CommandRunner& runner,
                                     const Progress& progress) {
    UnikernelBuildResult result;
    const std::string root = opts.registry_root.empty() ? registry::default_root() : opts.registry_root;
    ucrun::registry::validate_name(opts.name);
    if (opts.install) precheck_install(root, opts.name, opts.force);
    if (!opts.install && !opts.image) throw sys::Error("nothing to do: neither the registry nor --image");
    if (opts.memory_mib && *opts.memory_mib < 16)
        throw sys::Error("--memory " + std::to_string(*opts.memory_mib) + ": at least 16 MiB");
    check_env(opts.env);

    // The program and what the loader will open for it.
    ElfInfo elf = check_program(opts.elf);
    GuestLayout layout;
    layout.init_binary = std::string(guest_init_binary());
    layout.app_path = fs::absolute(opts.elf).lexically_normal().string();
    layout.app_source = fs::canonical(opts.elf).string();
    layout.args = opts.args;
    layout.env = opts.env;
    if (elf.is_dynamic()) {
        ResolveEnv env = host_resolve_env();
        if (elf.interpreter) {
            if (!env.inspect(*elf.interpreter))
                throw sys::Error("program " + opts.elf + ": its loader " + *elf.interpreter + " does not exist");
            layout.interpreter = elf.interpreter;
        }
        layout.libraries = resolve_libraries(layout.app_source, elf, env);
        for (const auto& l : layout.libraries) result.libraries.push_back(l.path);
        if (sys::path_exists("/etc/ld.so.cache")) layout.loader_cache = "/etc/ld.so.cache";
        say(progress, opts.elf + ": dynamic, " + std::to_string(layout.libraries.size()) + " libraries");
    } else {
        say(progress, opts.elf + ": static");
    }
    layout.files = expand_files(opts.files);

    // The kernel and the modules init loads.
    GuestKernel kernel = choose_guest_kernel(opts.kernel, opts.kernels_root.empty() ? kernel::default_root() : opts.kernels_root);
    if (kernel.fallback_warning) result.warnings.push_back(*kernel.fallback_warning);
    result.kernel = kernel.path;
    result.kernel_purpose_built = kernel.builtin_drivers;
    if (kernel.builtin_drivers) {
        for (const auto& m : opts.extra_modules)
            result.warnings.push_back("--module " + m + " ignored: " + kernel.path + " has its drivers built in and loads no modules");
        say(progress, "kernel " + kernel.path + " (purpose-built, drivers built in: no modules)");
    } else {
        plan_kernel_modules(kernel, opts.extra_modules, layout, result);
        say(progress, "kernel " + kernel.path + ", modules: " + std::to_string(layout.modules.size()));
    }

    // The initramfs: cpio, then zstd.
    sys::TempDir work("ucompose-build-");
    std::string cpio_path = work.path() + "/initrd.cpio";
    std::string initrd_path = work.path() + "/initrd.img";
    {
        std::string archive = render_cpio(plan_guest_initramfs(layout));
        result.initrd_cpio_bytes = archive.size();
        sys::write_file_atomic(cpio_path, archive);
    }
    zstd_file(cpio_path, initrd_path);
    result.initrd_bytes = file_size(initrd_path);
    say(progress, "initrd " + std::to_string(result.initrd_bytes) + " bytes (zstd), " +
                      std::to_string(result.initrd_cpio_bytes) + " uncompressed");

    registry::Manifest manifest;
    manifest.name = opts.name;
    manifest.kind = registry::Kind::linux_;
    // The purpose-built kernel is a PVH ELF, 7 MB plain: the entry keeps it gzipped (2.3 MB) and
    // ucrun unpacks it once per host (runtime/unikernel/kernel_cache.hpp). A host kernel is a
    // bzImage, compressed already.
    std::string kernel_file = kernel.path;
    manifest.kernel = "vmlinuz";
    if (kernel.builtin_drivers) {
        kernel_file = work.path() + "/vmlinux.gz";
        gzip_file(kernel.path, kernel_file);
        manifest.kernel = "vmlinux.gz";
    }
    result.kernel_bytes = file_size(kernel_file);  // as it goes into the image
    manifest.initrd = "initrd.img";
    manifest.cmdline = opts.cmdline;
    // (Only a host kernel's size counts in the sizing, and for a host kernel the file is the image's.)
    result.memory_mib = opts.memory_mib.value_or(default_guest_memory_mib(result.kernel_bytes, result.initrd_cpio_bytes,
                                                                           kernel.builtin_drivers));
    manifest.memory_mib = result.memory_mib;
    publish(manifest, {{manifest.kernel, kernel_file}, {"initrd.img", initrd_path}}, default_command(layout),
            {root, opts.install, opts.image, opts.force, opts.podman}, runner, progress, result.entry_dir);
    result.image = opts.image;
    return result;
}

std::optional<std::string> import_unikernel(const UnikernelImportOptions& opts, CommandRunner& runner,
                                            const Progress& progress) {
    const std::string root = opts.registry_root.empty() ? registry::default_root() : opts.registry_root;
    ucrun::registry::validate_name(opts.name);
    registry::Kind kind = registry::parse_kind(opts.kind);
    if (opts.install) precheck_install(root, opts.name, opts.force);
    if (!opts.install && !opts.image) throw sys::Error("nothing to do: neither the registry nor --image");

    registry::Manifest manifest;
    manifest.name = opts.name;
    manifest.kind = kind;
    manifest.cmdline = opts.cmdline;
    manifest.memory_mib = opts.memory_mib;
    std::vector<std::pair<std::string, std::string>> files;
    auto need = [](const std::optional<std::string>& v, const char* flag, const std::string& why) {
        if (!v) throw sys::Error(std::string("--") + flag + " is required " + why);
    };
    auto add = [&](const std::string& entry_name, const std::string& host, const char* what) {
        if (!sys::path_exists(host)) throw sys::SystemError(std::string(what) + " " + host, ENOENT);
        files.emplace_back(entry_name, host);
    };
    switch (kind) {
        case registry::Kind::linux_:
            need(opts.kernel, "kernel", "for a linux unikernel");
            need(opts.initrd, "initrd", "for a linux unikernel");
            if (opts.disk) throw sys::Error("--disk is only for --kind disk");
            add("vmlinuz", *opts.kernel, "kernel");
            add("initrd.img", *opts.initrd, "initrd");
            manifest.kernel = "vmlinuz";
            manifest.initrd = "initrd.img";
            break;
        case registry::Kind::multiboot:
            need(opts.kernel, "kernel", "for a multiboot unikernel");
            if (opts.disk) throw sys::Error("--disk is only for --kind disk");
            add("kernel", *opts.kernel, "kernel");
            manifest.kernel = "kernel";
            if (opts.initrd) {
                add("initrd.img", *opts.initrd, "initrd");
                manifest.initrd = "initrd.img";
            }
            break;
        case registry::Kind::disk:
            need(opts.disk, "disk", "for a disk unikernel");
            if (opts.initrd) throw sys::Error("--initrd is not for --kind disk");
            add("disk.img", *opts.disk, "disk");
            manifest.disk = "disk.img";
            if (opts.kernel) {
                add("kernel", *opts.kernel, "kernel");
                manifest.kernel = "kernel";
            }
            break;
    }
    std::optional<std::string> entry_dir;
    publish(manifest, files, {}, {root, opts.install, opts.image, opts.force, opts.podman}, runner, progress,
            entry_dir);
    return entry_dir;
}

}  // namespace ucompose::image
