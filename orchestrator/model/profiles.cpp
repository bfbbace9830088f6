#include "orchestrator/model/profiles.hpp"

#include <algorithm>
#include <set>

#include "orchestrator/model/graph.hpp"

namespace ucompose {

std::vector<std::string> split_profiles_var(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find(',', start);
        if (end == std::string::npos) end = value.size();
        std::string item = value.substr(start, end - start);
        std::size_t b = item.find_first_not_of(" \t");
        if (b != std::string::npos) out.push_back(item.substr(b, item.find_last_not_of(" \t") - b + 1));
        start = end + 1;
    }
    return out;
}

void apply_selection(Project& project, const Selection& sel,
                     const std::function<void(const std::string&)>& warn) {
    std::set<std::string> active(sel.profiles.begin(), sel.profiles.end());
    active.erase("");
    const bool all = active.count("*") > 0;
    std::vector<std::string> known = project.all_profiles();
    for (const std::string& p : active) {
        if (p != "*" && !std::binary_search(known.begin(), known.end(), p))
            throw Error("unknown profile '" + p + "'" +
                        (known.empty() ? std::string(" (no service has profiles)") : ""));
    }
    for (const std::string& s : sel.services)
        if (!project.services.count(s)) throw Error("no such service: " + s);

    std::set<std::string> enabled;
    if (!sel.services.empty()) {
        for (const std::string& s : sel.services) {
            const Service& svc = project.services.at(s);
            active.insert(svc.profiles.begin(), svc.profiles.end());
        }
        std::vector<std::string> chosen =
            sel.with_dependencies ? dependency_closure(project.services, sel.services) : sel.services;
        enabled.insert(chosen.begin(), chosen.end());
    } else {
        std::vector<std::string> roots;
        for (const auto& [name, svc] : project.services) {
            bool on = svc.profiles.empty() || all;
            for (const std::string& p : svc.profiles) on = on || active.count(p);
            if (on) roots.push_back(name);
        }
        // Required dependencies of enabled services come along.
        std::set<std::string> seen(roots.begin(), roots.end());
        std::vector<std::string> todo = roots;
        while (!todo.empty()) {
            std::string n = todo.back();
            todo.pop_back();
            for (const auto& [dep, d] : project.services.at(n).depends_on) {
                if (!d.required || !project.services.count(dep)) continue;
                if (seen.insert(dep).second) todo.push_back(dep);
            }
        }
        enabled = std::move(seen);
    }

    for (auto it = project.services.begin(); it != project.services.end();) {
        if (enabled.count(it->first)) {
            ++it;
        } else {
            project.disabled_services.insert(project.services.extract(it++));
        }
    }
    for (auto& [name, svc] : project.services) {
        for (auto d = svc.depends_on.begin(); d != svc.depends_on.end();) {
            bool drop = !d->second.required && !project.services.count(d->first);
            if (drop && !sel.with_dependencies) drop = false;
            if (drop) {
                if (warn)
                    warn(with_position(d->second.where, "service '" + name +
                                                           "' skips its optional dependency '" +
                                                           d->first + "', which is not enabled"));
                d = svc.depends_on.erase(d);
            } else {
                ++d;
            }
        }
    }
    project.active_profiles.assign(active.begin(), active.end());
}

}  // namespace ucompose
