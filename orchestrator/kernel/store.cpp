#include "orchestrator/kernel/store.hpp"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucompose::kernel {
namespace {

constexpr const char* kFacts = "kernel.json";

std::string to_json(const InstalledKernel& k) {
    nlohmann::json j = {{"release", k.release},
                        {"inputs_hash", k.inputs_hash},
                        {"modules", k.modules},
                        {"vmlinux", "vmlinux"},
                        {"bzimage", "bzImage"},
                        {"build_seconds", k.build_seconds},
                        {"compile_steps", k.compile_steps}};
    return j.dump(2) + "\n";
}

}  // namespace

std::string default_root() {
    const char* env = ::getenv("UCRUN_KERNELS");
    return env && *env ? env : "/var/lib/ucrun/kernels";
}

std::optional<InstalledKernel> read_kernel(const std::string& dir) {
    auto text = sys::read_file_if_exists(dir + "/" + kFacts);
    if (!text) return std::nullopt;
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    InstalledKernel k;
    k.dir = dir;
    auto slash = dir.find_last_of('/');
    k.name = slash == std::string::npos ? dir : dir.substr(slash + 1);
    k.vmlinux = dir + "/vmlinux";
    k.bzimage = dir + "/bzImage";
    k.release = j.value("release", "");
    k.inputs_hash = j.value("inputs_hash", "");
    k.modules = j.value("modules", false);
    k.build_seconds = j.value("build_seconds", 0L);
    k.compile_steps = j.value("compile_steps", 0L);
    if (!sys::path_exists(k.vmlinux) || !sys::path_exists(k.bzimage)) return std::nullopt;
    return k;
}

std::optional<InstalledKernel> current_kernel(const std::string& root) {
    char target[4096];
    ssize_t n = ::readlink((root + "/current").c_str(), target, sizeof target - 1);
    if (n <= 0) return std::nullopt;
    std::string t(target, static_cast<size_t>(n));
    return read_kernel(t.front() == '/' ? t : root + "/" + t);
}

std::vector<InstalledKernel> list_kernels(const std::string& root) {
    std::vector<InstalledKernel> out;
    DIR* d = ::opendir(root.c_str());
    if (!d) return out;
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n.empty() || n.front() == '.' || n == "current") continue;
        names.push_back(n);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names)
        if (auto k = read_kernel(root + "/" + n)) out.push_back(*k);
    return out;
}

void set_current(const std::string& root, const std::string& name) {
    std::string link = root + "/current";
    std::string tmp = root + "/.current-" + std::to_string(::getpid());
    ::unlink(tmp.c_str());
    if (::symlink(name.c_str(), tmp.c_str()) != 0) sys::throw_errno("symlink " + tmp);
    if (::rename(tmp.c_str(), link.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw sys::SystemError("rename " + tmp + " to " + link, err);
    }
}

StagedKernel::StagedKernel(std::string root, std::string name) : staged_(std::move(root), std::move(name)) {}

InstalledKernel StagedKernel::commit(const InstalledKernel& facts) {
    sys::write_file_atomic(dir() + "/" + kFacts, to_json(facts));
    // Same inputs, same result: an existing directory of this name (incomplete, or built again
    // with --force) is replaced.
    std::string final_dir = staged_.commit();
    auto k = read_kernel(final_dir);
    if (!k) throw sys::Error("kernel " + final_dir + ": vmlinux or bzImage missing after install");
    return *k;
}

}  // namespace ucompose::kernel
