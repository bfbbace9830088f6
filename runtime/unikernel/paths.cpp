#include "runtime/unikernel/paths.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "runtime/sys/error.hpp"

namespace ucrun::unikernel {

std::string confined_relative(const std::string& rel, const std::string& what) {
    if (rel.empty()) throw sys::Error(what + ": the path is empty");
    size_t start = rel.find_first_not_of('/');
    if (start == std::string::npos) throw sys::Error(what + " \"" + rel + "\": names a directory, not a file");
    std::string out = rel.substr(start);
    size_t pos = 0;
    while (pos <= out.size()) {
        size_t slash = out.find('/', pos);
        std::string part = out.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
        if (part == "..") throw sys::Error(what + " \"" + rel + "\": \"..\" is not allowed (paths never leave their base)");
        if (slash == std::string::npos) break;
        pos = slash + 1;
    }
    return out;
}

std::string resolve_file_within(const std::string& base, const std::string& rel, const std::string& what) {
    std::string clean = confined_relative(rel, what);
    char real_base[PATH_MAX];
    if (!::realpath(base.c_str(), real_base)) sys::throw_errno(what + ": " + base);
    std::string joined = std::string(real_base) + "/" + clean;
    char real[PATH_MAX];
    if (!::realpath(joined.c_str(), real)) {
        int err = errno;
        throw sys::SystemError(what + " \"" + rel + "\" (" + joined + ")", err);
    }
    std::string b(real_base), r(real);
    if (!(r.size() > b.size() && r.compare(0, b.size(), b) == 0 && (b == "/" || r[b.size()] == '/')))
        throw sys::Error(what + " \"" + rel + "\": resolves to " + r + ", outside " + b);
    struct stat st {};
    if (::stat(real, &st) != 0) sys::throw_errno(what + " " + r);
    if (!S_ISREG(st.st_mode)) throw sys::Error(what + " \"" + rel + "\" (" + r + "): not a regular file");
    return r;
}

}  // namespace ucrun::unikernel
