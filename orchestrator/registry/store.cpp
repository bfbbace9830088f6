#include "orchestrator/registry/store.hpp"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/oci/config.hpp"

namespace ucompose::registry {

std::string default_root() { return ucrun::load_config(ucrun::current_env()).registry; }

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
