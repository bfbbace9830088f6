#include "orchestrator/registry/store.hpp"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucompose::registry {

std::string default_root() {
    const char* env = ::getenv("UCRUN_REGISTRY");
    return env && *env ? env : "/var/lib/ucrun/registry";
}

StagedEntry::StagedEntry(std::string root, std::string name, bool force)
    : root_(std::move(root)), name_(std::move(name)), force_(force) {
    ucrun::registry::validate_name(name_);
    if (!force_ && sys::path_exists(root_ + "/" + name_))
        throw sys::Error("unikernel \"" + name_ + "\" already exists in " + root_ + " (use --force to replace it)");
    sys::make_dirs(root_);
    tmp_ = root_ + "/.tmp-" + name_ + "-" + std::to_string(::getpid());
    sys::remove_tree(tmp_);  // a leftover of a crashed build with a reused pid
    sys::make_dirs(tmp_);
}

StagedEntry::~StagedEntry() {
    if (committed_) return;
    try {
        sys::remove_tree(tmp_);
    } catch (...) {
    }
}

std::string StagedEntry::commit(const Manifest& manifest) {
    const bool no_kernel = manifest.kind == Kind::disk && manifest.kernel.empty();
    for (const auto* f : {no_kernel ? nullptr : &manifest.kernel, manifest.initrd ? &*manifest.initrd : nullptr,
                          manifest.disk ? &*manifest.disk : nullptr}) {
        if (!f) continue;
        validate_entry_path(*f, "manifest of " + name_);
        if (!sys::path_exists(tmp_ + "/" + *f)) throw sys::Error("registry entry " + name_ + ": " + *f + " is missing");
    }
    sys::write_file_atomic(tmp_ + "/manifest.json", to_json(manifest));
    std::string final_dir = root_ + "/" + name_;
    std::string aside;
    if (sys::path_exists(final_dir)) {
        if (!force_) throw sys::Error("unikernel \"" + name_ + "\" already exists in " + root_ + " (use --force to replace it)");
        aside = root_ + "/.old-" + name_ + "-" + std::to_string(::getpid());
        sys::remove_tree(aside);
        if (::rename(final_dir.c_str(), aside.c_str()) != 0) sys::throw_errno("rename " + final_dir + " to " + aside);
    }
    if (::rename(tmp_.c_str(), final_dir.c_str()) != 0) {
        int err = errno;
        if (!aside.empty()) ::rename(aside.c_str(), final_dir.c_str());  // put the old one back
        throw sys::SystemError("rename " + tmp_ + " to " + final_dir, err);
    }
    committed_ = true;
    if (!aside.empty()) sys::remove_tree(aside);
    return final_dir;
}

ListResult list_entries(const std::string& root) {
    ListResult result;
    DIR* d = ::opendir(root.c_str());
    if (!d) {
        if (errno == ENOENT) return result;
        sys::throw_errno("open registry " + root);
    }
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (!ucrun::registry::name_problem(n)) names.push_back(n);  // skips ., .., .tmp-*, .old-*
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        std::string dir = root + "/" + n;
        std::string file = dir + "/manifest.json";
        try {
            auto text = sys::read_file_if_exists(file);
            if (!text) continue;  // not an entry
            result.entries.push_back({dir, parse_manifest(*text, file)});
        } catch (const sys::Error& e) {
            result.problems.push_back(e.what());
        }
    }
    return result;
}

void remove_entry(const std::string& root, const std::string& name) {
    ucrun::registry::validate_name(name);
    std::string dir = root + "/" + name;
    if (!sys::path_exists(dir)) throw sys::Error("unikernel \"" + name + "\" is not in " + root);
    // Rename aside first so a reader never sees a half-removed entry.
    std::string aside = root + "/.rm-" + name + "-" + std::to_string(::getpid());
    if (::rename(dir.c_str(), aside.c_str()) != 0) sys::throw_errno("rename " + dir + " to " + aside);
    sys::remove_tree(aside);
}

}  // namespace ucompose::registry
