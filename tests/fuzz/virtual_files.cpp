#include "tests/fuzz/virtual_files.hpp"

#include <cerrno>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace fuzz {

std::map<std::string, std::string>& virtual_files() {
    static std::map<std::string, std::string> files;
    return files;
}

}  // namespace fuzz

namespace sys {

std::optional<std::string> read_file_if_exists(const std::string& path) {
    const auto& files = fuzz::virtual_files();
    if (auto it = files.find(path); it != files.end()) return it->second;
    // A directory of a virtual file: reading it fails as on a real disk.
    auto below = files.lower_bound(path + "/");
    if (below != files.end() && below->first.compare(0, path.size() + 1, path + "/") == 0)
        throw SystemError("read " + path, EISDIR);
    return std::nullopt;
}

std::string read_file(const std::string& path) {
    auto data = read_file_if_exists(path);
    if (!data) throw SystemError("open " + path, ENOENT);
    return *data;
}

bool path_exists(const std::string& path) {
    const auto& files = fuzz::virtual_files();
    if (files.count(path)) return true;
    auto below = files.lower_bound(path + "/");
    return below != files.end() && below->first.compare(0, path.size() + 1, path + "/") == 0;
}

}  // namespace sys
