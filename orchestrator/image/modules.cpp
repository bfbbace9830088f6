#include "orchestrator/image/modules.hpp"

#include <functional>
#include <sstream>

namespace ucompose::image {

ModuleDeps parse_modules_dep(const std::string& text) {
    ModuleDeps deps;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::vector<std::string> list;
        std::istringstream rest(line.substr(colon + 1));
        std::string dep;
        while (rest >> dep) list.push_back(dep);
        deps[line.substr(0, colon)] = std::move(list);
    }
    return deps;
}

std::set<std::string> parse_modules_builtin(const std::string& text) {
    std::set<std::string> names;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) names.insert(module_name_of(line));
    return names;
}

std::string module_name_of(const std::string& path) {
    auto slash = path.rfind('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    auto ko = base.find(".ko");
    if (ko != std::string::npos) base.resize(ko);
    for (char& c : base)
        if (c == '-') c = '_';
    return base;
}

ModulePlan plan_modules(const ModuleDeps& deps, const std::set<std::string>& builtin,
                        const std::vector<std::string>& wanted) {
    std::map<std::string, std::string> by_name;  // name -> path
    for (const auto& [path, _] : deps) by_name.emplace(module_name_of(path), path);

    ModulePlan plan;
    std::set<std::string> done;
    // Depth-first, dependencies before dependents. modules.dep lists the deepest dependency last,
    // so they are visited in reverse, which gives modprobe's order.
    std::function<void(const std::string&)> visit = [&](const std::string& path) {
        if (!done.insert(path).second) return;
        auto it = deps.find(path);
        if (it != deps.end())
            for (auto d = it->second.rbegin(); d != it->second.rend(); ++d) visit(*d);
        plan.load.push_back(path);
    };
    for (const auto& w : wanted) {
        std::string name = module_name_of(w);
        auto it = by_name.find(name);
        if (it != by_name.end())
            visit(it->second);
        else if (builtin.count(name))
            plan.builtin.push_back(name);
        else
            plan.missing.push_back(name);
    }
    return plan;
}

std::vector<std::string> default_guest_modules() { return {"virtio_pci", "virtio_net", "button"}; }

}  // namespace ucompose::image
