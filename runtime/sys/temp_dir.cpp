#include "runtime/sys/temp_dir.hpp"

#include <stdlib.h>

#include <vector>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace sys {

TempDir::TempDir(const std::string& prefix, const std::string& parent) {
    std::string dir = parent;
    if (dir.empty()) {
        const char* env = ::getenv("TMPDIR");
        dir = env && *env ? env : "/var/tmp";
    }
    std::string templ = dir + "/" + prefix + "XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) throw_errno("mkdtemp " + templ);
    path_ = buf.data();
}

TempDir::~TempDir() {
    if (path_.empty()) return;
    try {
        remove_tree(path_);
    } catch (...) {
    }
}

std::string TempDir::release() {
    std::string p;
    p.swap(path_);
    return p;
}

}  // namespace sys
