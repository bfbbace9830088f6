#include "runtime/unikernel/paths.hpp"

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

}  // namespace ucrun::unikernel
