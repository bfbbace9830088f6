#include "orchestrator/kernel/build.hpp"

#include <fcntl.h>
#include <glob.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>

#include "orchestrator/image/embedded.hpp"
#include "orchestrator/kernel/compact_elf.hpp"
#include "orchestrator/kernel/fragment.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/file_lock.hpp"
#include "runtime/sys/process.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "runtime/sys/unique_fd.hpp"

extern char** environ;

namespace ucompose::kernel {
namespace {

using Clock = std::chrono::steady_clock;

void say(const BuildReporter& r, const std::string& line) {
    if (r.step) r.step(line);
}

long seconds_since(Clock::time_point t0) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - t0).count());
}

// The build's environment: ours, minus what would redirect kbuild, plus fixed build identity.
sys::Argv build_env() {
    sys::Argv env;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        std::string key = kv.substr(0, kv.find('='));
        if (key == "ARCH" || key == "CROSS_COMPILE" || key == "O" || key == "CC" || key == "LLVM" ||
            key.rfind("KCONFIG_", 0) == 0 || key.rfind("KBUILD_", 0) == 0 || key == "MAKEFLAGS" || key == "MFLAGS")
            continue;
        env.push_back(kv);
    }
    env.push_back("KBUILD_BUILD_USER=ucompose");
    env.push_back("KBUILD_BUILD_HOST=ucompose");
    return env;
}

// Runs one step with stdout and stderr merged, handing each line to `on_line` and keeping the
// last lines for the error message.
void run_step(const std::string& what, const sys::Argv& argv, const std::function<void(const std::string&)>& on_line) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) sys::throw_errno("pipe");
    sys::UniqueFd rd(fds[0]), wr(fds[1]);
    sys::SpawnOptions so;
    so.stdin_fd = -1;
    so.stdout_fd = wr.get();
    so.stderr_fd = wr.get();
    so.env = build_env();
    sys::Child child = sys::spawn(argv, so);
    wr.reset();
    std::deque<std::string> tail;
    std::string pending;
    char buf[8192];
    for (;;) {
        ssize_t n = ::read(rd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        pending.append(buf, static_cast<size_t>(n));
        size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            if (on_line) on_line(line);
            if (!is_build_step(line)) {
                tail.push_back(line);
                if (tail.size() > 25) tail.pop_front();
            }
        }
    }
    if (!pending.empty()) tail.push_back(pending);
    int code = sys::exit_code_of(child.wait());
    if (code != 0) {
        std::string msg = what + " failed (exit " + std::to_string(code) + "): " + sys::join_argv(argv);
        for (const auto& l : tail) msg += "\n  | " + l;
        throw sys::Error(msg);
    }
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string tarball_package(const std::string& tarball) {
    auto slash = tarball.find_last_of('/');
    std::string base = slash == std::string::npos ? tarball : tarball.substr(slash + 1);
    auto dot = base.find(".tar");
    return dot == std::string::npos ? base : base.substr(0, dot);
}

// The Debian package version of the tarball ("6.1.192-1"), or "local" when dpkg does not know it.
std::string source_version(const std::string& tarball) {
    try {
        auto r = sys::run({"dpkg-query", "-W", "-f=${Version}", tarball_package(tarball)});
        if (r.exit_code == 0 && !r.out.empty()) return first_line(r.out);
    } catch (const sys::Error&) {
    }
    return "local";
}

std::string source_identity(const std::string& tarball) {
    struct stat st {};
    if (::stat(tarball.c_str(), &st) != 0) sys::throw_errno("kernel source " + tarball);
    return tarball + " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec);
}

std::string compiler_identity() {
    try {
        auto r = sys::run({"gcc", "--version"});
        if (r.exit_code == 0) return first_line(r.out);
    } catch (const sys::Error&) {
    }
    throw sys::Error("gcc not found: the guest kernel is built with the host's gcc (apt-get install gcc)");
}

// Tools kbuild needs for this configuration, checked before minutes of work.
void check_tools() {
    std::vector<std::string> missing;
    const std::pair<const char*, const char*> tools[] = {{"make", "make"}, {"flex", "flex"}, {"bison", "bison"},
                                                         {"bc", "bc"},     {"xz", "xz-utils"}, {"tar", "tar"}};
    for (const auto& [tool, pkg] : tools)
        if (sys::find_program(tool).empty()) missing.push_back(pkg);
    if (!sys::path_exists("/usr/include/gelf.h")) missing.push_back("libelf-dev");
    if (!sys::path_exists("/usr/include/openssl/opensslv.h")) missing.push_back("libssl-dev");
    if (missing.empty()) return;
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : " ") + m;
    throw sys::Error("cannot build the guest kernel: missing " + list + " (apt-get install " + list + ")");
}

// One build at a time per kernels root; a build takes minutes, so a waiting one gives up after
// this (sys::FileLock).
constexpr std::chrono::minutes kBuildLockWait{30};

long previous_steps(const std::string& root) {
    long best = 0;
    for (const auto& k : list_kernels(root)) best = std::max(best, k.compile_steps);
    return best;
}

}  // namespace

bool is_build_step(const std::string& line) {
    // kbuild's quiet output: two spaces, an upper-case tag padded to 8, then the target.
    if (line.size() < 11 || line[0] != ' ' || line[1] != ' ') return false;
    static const char* const tags[] = {"CC ", "AS ", "LD ", "AR ", "HOSTCC ", "HOSTLD ", "OBJCOPY ", "VDSO ", "LDS "};
    for (const char* t : tags)
        if (line.compare(2, std::char_traits<char>::length(t), t) == 0) return true;
    return false;
}

std::string find_source(const std::string& explicit_source, const std::string& pattern) {
    if (!explicit_source.empty()) {
        if (!sys::path_exists(explicit_source))
            throw sys::Error("kernel source " + explicit_source + ": No such file or directory");
        return explicit_source;
    }
    glob_t g{};
    std::vector<std::string> found;
    if (::glob(pattern.c_str(), 0, nullptr, &g) == 0)
        for (size_t i = 0; i < g.gl_pathc; ++i) found.push_back(g.gl_pathv[i]);
    ::globfree(&g);
    if (found.empty())
        throw sys::Error("no kernel source: " + pattern +
                         " does not exist (apt-get install linux-source-6.1, or pass --source TARBALL)");
    std::sort(found.begin(), found.end(),
              [](const std::string& a, const std::string& b) { return ::strverscmp(a.c_str(), b.c_str()) < 0; });
    return found.back();
}

KernelBuildResult build_kernel(const KernelBuildOptions& opts, const BuildReporter& report) {
    const auto t0 = Clock::now();
    const std::string root = opts.root.empty() ? default_root() : opts.root;
    const std::string tarball = find_source(opts.source);
    const std::string fragment_origin = opts.fragment_path.empty() ? "built-in fragment" : opts.fragment_path;
    const std::string fragment_text =
        opts.fragment_path.empty() ? std::string(image::guest_kernel_fragment()) : sys::read_file(opts.fragment_path);
    const auto fragment = parse_fragment(fragment_text, fragment_origin);

    BuildInputs inputs{source_version(tarball), source_identity(tarball), fragment_text, compiler_identity()};
    const std::string hash = inputs_hash(inputs);
    const std::string name = entry_name(inputs.source_version, hash);

    sys::FileLock lock(root, "build", "guest kernel build", kBuildLockWait);
    if (!opts.force)
        if (auto k = read_kernel(root + "/" + name)) {
            auto cur = current_kernel(root);
            if (!cur || cur->name != name) set_current(root, name);
            return {*k, false};
        }
    check_tools();

    const int jobs = opts.jobs > 0 ? opts.jobs : std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN));
    sys::TempDir work("ucompose-kernel-", opts.work_parent);
    const std::string src = work.path() + "/src", out = work.path() + "/out";
    sys::make_dirs(src);
    sys::make_dirs(out);
    const sys::Argv make = {"make", "-C", src, "O=" + out, "ARCH=x86_64"};
    auto with = [&](std::initializer_list<std::string> extra) {
        sys::Argv a = make;
        a.insert(a.end(), extra);
        return a;
    };

    say(report, "unpacking " + tarball + " (" + inputs.source_version + ")");
    run_step("unpacking the kernel source", {"tar", "-xJf", tarball, "-C", src, "--strip-components=1"}, {});

    say(report, "configuring: tinyconfig + " + fragment_origin);
    run_step("make tinyconfig", with({"-s", "tinyconfig"}), {});
    sys::write_file_atomic(work.path() + "/fragment.config", fragment_text);
    run_step("merging the fragment",
             {src + "/scripts/kconfig/merge_config.sh", "-m", "-O", out, out + "/.config", work.path() + "/fragment.config"},
             {});
    run_step("make olddefconfig", with({"-s", "olddefconfig"}), {});
    auto problems = unhonoured(fragment, sys::read_file(out + "/.config"));
    if (!problems.empty()) {
        std::string msg = fragment_origin + ": " + std::to_string(problems.size()) +
                          " setting(s) did not take effect in the kernel's configuration:";
        for (const auto& p : problems) msg += "\n  " + p;
        throw sys::Error(msg);
    }

    const long expected = previous_steps(root);
    say(report, "compiling vmlinux and bzImage with " + std::to_string(jobs) + " jobs (takes minutes)");
    long steps = 0;
    run_step("compiling the kernel", with({"-j" + std::to_string(jobs), "vmlinux", "bzImage"}),
             [&](const std::string& line) {
                 if (!is_build_step(line)) return;
                 ++steps;
                 if (report.compiled) report.compiled(steps, expected, seconds_since(t0));
             });
    auto release = sys::run(with({"-s", "kernelrelease"}));

    StagedKernel staged(root, name);
    // The PVH ELF without kbuild's 2 MiB padding and symbol tables (compact_elf.hpp).
    sys::write_file_atomic(staged.dir() + "/vmlinux", compact_elf(sys::read_file(out + "/vmlinux"), out + "/vmlinux"));
    sys::copy_file(out + "/arch/x86/boot/bzImage", staged.dir() + "/bzImage");
    sys::copy_file(out + "/System.map", staged.dir() + "/System.map");  // symbols for initcall_debug and oopses
    const std::string final_config = sys::read_file(out + "/.config");
    sys::write_file_atomic(staged.dir() + "/config", final_config);
    sys::write_file_atomic(staged.dir() + "/fragment.config", fragment_text);
    InstalledKernel facts;
    facts.release = release.exit_code == 0 ? first_line(release.out) : "";
    facts.inputs_hash = hash;
    facts.modules = final_config.find("\nCONFIG_MODULES=y\n") != std::string::npos;
    facts.build_seconds = seconds_since(t0);
    facts.compile_steps = steps;
    auto previous = current_kernel(root);
    InstalledKernel installed = staged.commit(facts);
    set_current(root, name);
    say(report, "installed kernel " + name + " in " + installed.dir);
    // Keep the new kernel and the one it replaces (to go back by hand); older ones go. Registry
    // entries hold copies of their kernel, so nothing refers to these directories.
    for (const auto& k : list_kernels(root))
        if (k.name != name && (!previous || k.name != previous->name)) {
            sys::remove_tree(k.dir);
            say(report, "removed old kernel " + k.name);
        }
    return {installed, true};
}

}  // namespace ucompose::kernel
