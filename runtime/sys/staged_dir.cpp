#include "runtime/sys/staged_dir.hpp"

#include <stdio.h>
#include <unistd.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace sys {

StagedDir::StagedDir(std::string root, std::string name) : root_(std::move(root)), name_(std::move(name)) {
    make_dirs(root_);
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
