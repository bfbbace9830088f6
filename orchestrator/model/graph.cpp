#include "orchestrator/model/graph.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace ucompose {
namespace {

enum class Mark { None, Active, Done };

struct CycleFinder {
    const Project& project;
    std::map<std::string, Mark> marks;
    std::vector<std::string> stack;

    void visit(const std::string& name) {
        marks[name] = Mark::Active;
        stack.push_back(name);
        for (const auto& [dep, d] : project.services.at(name).depends_on) {
            if (!project.services.count(dep)) continue;
            Mark m = marks[dep];
            if (m == Mark::Active) report(dep);
            if (m == Mark::None) visit(dep);
        }
        stack.pop_back();
        marks[name] = Mark::Done;
    }

    [[noreturn]] void report(const std::string& start) {
        auto it = std::find(stack.begin(), stack.end(), start);
        std::vector<std::string> cycle(it, stack.end());
        std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
        std::string path;
        for (const std::string& s : cycle) path += s + " -> ";
        throw Error("dependency cycle detected: " + path + cycle.front());
    }
};

}  // namespace

void check_dependencies(const Project& project) {
    for (const auto& [name, svc] : project.services) {
        for (const auto& [dep, d] : svc.depends_on) {
            if (project.services.count(dep)) continue;
            if (!d.required) continue;
            if (project.disabled_services.count(dep)) continue;  // --no-deps
            throw Error(d.where, "service '" + name + "' depends on undefined service '" + dep + "'");
        }
    }
    CycleFinder f{project, {}, {}};
    for (const auto& [name, svc] : project.services)
        if (f.marks[name] == Mark::None) f.visit(name);
}

std::vector<std::vector<std::string>> start_levels(const Project& project) {
    std::map<std::string, int> level;
    // Services are few; iterate to a fixed point (check_dependencies rejects cycles).
    std::function<int(const std::string&, int)> depth = [&](const std::string& name, int guard) {
        if (auto it = level.find(name); it != level.end()) return it->second;
        if (guard > static_cast<int>(project.services.size()))
            throw Error("dependency cycle detected involving " + name);
        int l = 0;
        for (const auto& [dep, d] : project.services.at(name).depends_on)
            if (project.services.count(dep)) l = std::max(l, depth(dep, guard + 1) + 1);
        level[name] = l;
        return l;
    };
    std::vector<std::vector<std::string>> out;
    for (const auto& [name, svc] : project.services) {
        int l = depth(name, 0);
        if (static_cast<int>(out.size()) <= l) out.resize(static_cast<size_t>(l) + 1);
        out[static_cast<size_t>(l)].push_back(name);
    }
    for (auto& lv : out) std::sort(lv.begin(), lv.end());
    return out;
}

std::vector<std::string> stop_order(const Project& project) {
    std::vector<std::string> out;
    auto levels = start_levels(project);
    for (auto it = levels.rbegin(); it != levels.rend(); ++it)
        for (auto s = it->rbegin(); s != it->rend(); ++s) out.push_back(*s);
    return out;
}

std::vector<std::string> dependency_closure(const std::map<std::string, Service>& services,
                                            const std::vector<std::string>& names) {
    std::set<std::string> seen;
    std::vector<std::string> todo(names.begin(), names.end());
    while (!todo.empty()) {
        std::string n = todo.back();
        todo.pop_back();
        auto it = services.find(n);
        if (it == services.end() || !seen.insert(n).second) continue;
        for (const auto& [dep, d] : it->second.depends_on) todo.push_back(dep);
    }
    return {seen.begin(), seen.end()};
}

}  // namespace ucompose
