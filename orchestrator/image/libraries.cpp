#include "orchestrator/image/libraries.hpp"

#include <deque>
#include <filesystem>
#include <set>
#include <sstream>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/process.hpp"

namespace ucompose::image {
namespace {

std::string dirname_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string join_dir(const std::string& dir, const std::string& name) {
    if (dir.empty()) return name;
    return dir.back() == '/' ? dir + name : dir + "/" + name;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
}

struct Loaded {
    std::string path;
    ElfInfo info;
    int loader;  // index of the object that loaded it, -1 for the executable
};

}  // namespace

LoaderCache parse_ldconfig_output(const std::string& text) {
    // "\tlibz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1"
    LoaderCache cache;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        auto arrow = line.find(" => ");
        auto paren = line.find(" (");
        if (arrow == std::string::npos || paren == std::string::npos || paren > arrow) continue;
        auto name_start = line.find_first_not_of(" \t");
        std::string name = line.substr(name_start, paren - name_start);
        std::string flags = line.substr(paren + 2, line.find(')', paren) - paren - 2);
        if (flags.find("x86-64") == std::string::npos || flags.find("hwcap") != std::string::npos) continue;
        cache.emplace(name, line.substr(arrow + 4));  // the first entry wins, as in the cache lookup
    }
    return cache;
}

std::string expand_dst(const std::string& entry, const std::string& origin, const ResolveEnv& env) {
    std::string s = entry;
    replace_all(s, "${ORIGIN}", origin);
    replace_all(s, "$ORIGIN", origin);
    replace_all(s, "${LIB}", env.lib_token);
    replace_all(s, "$LIB", env.lib_token);
    replace_all(s, "${PLATFORM}", env.platform_token);
    replace_all(s, "$PLATFORM", env.platform_token);
    return s;
}

std::vector<ResolvedLibrary> resolve_libraries(const std::string& exe_path, const ElfInfo& exe,
                                               const ResolveEnv& env) {
    std::vector<Loaded> objects{{exe_path, exe, -1}};
    std::vector<ResolvedLibrary> out;
    std::set<std::string> known_names;  // DT_NEEDED names and SONAMEs already loaded
    std::set<std::string> known_paths{exe_path};
    if (exe.interpreter) known_paths.insert(*exe.interpreter);

    auto origin_of = [&](const Loaded& o) { return dirname_of(env.canonical(o.path)); };

    // Tries dir/name; returns the path when it is an ELF the loader would accept.
    auto try_dir = [&](const std::string& dir, const std::string& name,
                       std::vector<std::string>& searched) -> std::optional<std::pair<std::string, ElfInfo>> {
        std::string path = join_dir(dir, name);
        searched.push_back(dir);
        auto info = env.inspect(path);
        if (info && info->compatible_with(exe)) return std::make_pair(path, *info);
        return std::nullopt;
    };

    for (size_t i = 0; i < objects.size(); ++i) {  // breadth-first, like _dl_map_object_deps
        const Loaded requester = objects[i];  // a copy: `objects` grows below
        for (const auto& name : requester.info.needed) {
            if (known_names.count(name)) continue;
            std::vector<std::string> searched;
            std::optional<std::pair<std::string, ElfInfo>> found;

            if (name.find('/') != std::string::npos) {
                auto info = env.inspect(name);
                if (info && info->compatible_with(exe)) found = std::make_pair(name, *info);
                searched.push_back(name);
            } else {
                if (requester.info.runpath.empty()) {
                    // DT_RPATH of the requester, then of each object up the loader chain, then the executable's.
                    bool did_exe = false;
                    for (int l = static_cast<int>(i); l >= 0 && !found; l = objects[l].loader) {
                        for (const auto& e : objects[l].info.rpath) {
                            if ((found = try_dir(expand_dst(e, origin_of(objects[l]), env), name, searched))) break;
                        }
                        did_exe |= l == 0;
                    }
                    if (!found && !did_exe)
                        for (const auto& e : objects[0].info.rpath)
                            if ((found = try_dir(expand_dst(e, origin_of(objects[0]), env), name, searched))) break;
                }
                if (!found)
                    for (const auto& e : requester.info.runpath)
                        if ((found = try_dir(expand_dst(e, origin_of(requester), env), name, searched))) break;
                if (!found && !requester.info.nodeflib) {
                    auto hit = env.cache.find(name);
                    if (hit != env.cache.end()) {
                        auto info = env.inspect(hit->second);
                        if (info && info->compatible_with(exe)) found = std::make_pair(hit->second, *info);
                        searched.push_back("ld.so.cache");
                    }
                    for (const auto& d : env.default_dirs) {
                        if (found) break;
                        found = try_dir(d, name, searched);
                    }
                }
            }
            if (!found) {
                std::string where;
                for (const auto& s : searched) where += (where.empty() ? "" : ", ") + s;
                throw sys::Error("library " + name + " needed by " + requester.path + ": not found" +
                                 (where.empty() ? "" : " (searched " + where + ")"));
            }
            known_names.insert(name);
            if (found->second.soname) known_names.insert(*found->second.soname);
            if (!known_paths.insert(found->first).second) continue;
            out.push_back({name, found->first, requester.path});
            objects.push_back({found->first, found->second, static_cast<int>(i)});
        }
    }
    return out;
}

ResolveEnv host_resolve_env() {
    ResolveEnv env;
    env.inspect = [](const std::string& path) -> std::optional<ElfInfo> {
        auto data = sys::read_file_if_exists(path);
        if (!data || !looks_like_elf(*data)) return std::nullopt;
        try {
            return parse_elf(*data, path);
        } catch (const sys::Error&) {
            return std::nullopt;
        }
    };
    env.canonical = [](const std::string& path) {
        std::error_code ec;
        auto p = std::filesystem::canonical(path, ec);
        return ec ? path : p.string();
    };
    for (const char* ldconfig : {"/sbin/ldconfig", "/usr/sbin/ldconfig"}) {
        if (!sys::path_exists(ldconfig)) continue;
        auto r = sys::run({ldconfig, "-p"});
        if (r.exit_code == 0) env.cache = parse_ldconfig_output(r.out);
        break;
    }
    for (const char* d : {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"})
        if (sys::path_exists(d)) env.default_dirs.push_back(d);
    if (!sys::path_exists("/lib/x86_64-linux-gnu")) env.lib_token = "lib64";
    return env;
}

}  // namespace ucompose::image
