#include "runtime/sys/staged_dir.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace sys {
namespace {

// Removes <root>/.tmp-<name>-<pid> and .old-<name>-<pid> of writers that no longer run (killed
// before they committed or cleaned up).
void sweep_dead_writers(const std::string& root, const std::string& name) {
    DIR* d = ::opendir(root.c_str());
    if (!d) return;
    std::vector<std::string> dead;
    for (const std::string prefix : {".tmp-" + name + "-", ".old-" + name + "-"}) {
        ::rewinddir(d);
        while (dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n.rfind(prefix, 0) != 0) continue;
            std::string pid = n.substr(prefix.size());
            if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) continue;
            if (::kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH) dead.push_back(root + "/" + n);
        }
    }
    ::closedir(d);
    for (const auto& p : dead) {
        try {
            remove_tree(p);
        } catch (...) {
        }
    }
}

}  // namespace

StagedDir::StagedDir(std::string root, std::string name) : root_(std::move(root)), name_(std::move(name)) {
    make_dirs(root_);
    sweep_dead_writers(root_, name_);
    tmp_ = root_ + "/.tmp-" + name_ + "-" + std::to_string(::getpid());
    remove_tree(tmp_);  // a leftover of a crashed writer with a reused pid
    make_dirs(tmp_);
}

StagedDir::~StagedDir() {
    if (committed_) return;
    try {
        remove_tree(tmp_);
    } catch (...) {
    }
}

std::string StagedDir::commit() {
    std::string final_dir = root_ + "/" + name_;
    // Replacing: swap the two directories in one step, so that <root>/<name> is the old one or the
    // new one at every instant (a writer killed in between leaves no gap); the old one then sits
    // at the staging path and is removed.
    if (path_exists(final_dir) &&
        ::renameat2(AT_FDCWD, tmp_.c_str(), AT_FDCWD, final_dir.c_str(), RENAME_EXCHANGE) == 0) {
        committed_ = true;
        remove_tree(tmp_);
        return final_dir;
    }
    // First install, or a filesystem without RENAME_EXCHANGE: aside, then in.
    std::string aside;
    if (path_exists(final_dir)) {
        aside = root_ + "/.old-" + name_ + "-" + std::to_string(::getpid());
        remove_tree(aside);
        if (::rename(final_dir.c_str(), aside.c_str()) != 0) throw_errno("rename " + final_dir + " to " + aside);
    }
    if (::rename(tmp_.c_str(), final_dir.c_str()) != 0) {
        int err = errno;
        if (!aside.empty()) ::rename(aside.c_str(), final_dir.c_str());  // put the old one back
        throw SystemError("rename " + tmp_ + " to " + final_dir, err);
    }
    committed_ = true;
    if (!aside.empty()) remove_tree(aside);
    return final_dir;
}

}  // namespace sys
