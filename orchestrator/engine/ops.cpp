#include "orchestrator/engine/ops.hpp"

#include "orchestrator/image/tracker.hpp"

#include <algorithm>

#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/plan.hpp"
#include "orchestrator/model/graph.hpp"

namespace ucompose {

Task<std::vector<ObservedContainer>> observe_containers(PodmanClient& client, const Project& project) {
    PodmanResult r = co_await run_checked(
        client, cmd("ps", "-a", "--format", "json", "--filter", project_filter(project)), "list containers");
    co_return parse_ps_json(r.out);
}

Task<std::vector<ObservedImage>> list_images(PodmanClient& client) {
    PodmanResult r = co_await run_checked(client, cmd("images", "--format", "json"), "list images");
    co_return parse_images_json(r.out);
}

Task<std::set<std::string>> list_networks(PodmanClient& client) {
    PodmanResult r = co_await run_checked(client, cmd("network ls", "--format", "json"), "list networks");
    auto names = parse_network_names(r.out);
    co_return std::set<std::string>(names.begin(), names.end());
}

Task<std::set<std::string>> list_volumes(PodmanClient& client) {
    PodmanResult r = co_await run_checked(client, cmd("volume ls", "--format", "json"), "list volumes");
    auto names = parse_volume_names(r.out);
    co_return std::set<std::string>(names.begin(), names.end());
}

Task<PodmanResult> run_checked(PodmanClient& client, PodmanCommand command, const std::string& what) {
    PodmanResult r = co_await client.run(std::move(command));
    if (!r.ok()) throw Error(what + ": " + r.message());
    co_return r;
}

bool is_unikernel(const Service& s, const ObservedImage* image) {
    if (s.ucompose && s.ucompose->unikernel) return true;
    if (image && image->labels.count(kUnikernelKindLabel)) return true;
    // The tracker, under its default tag or any tag `ucompose build tracker --tag` gave it.
    const bool tracker = (s.image && image_reference_matches(kTrackerImage, *s.image)) ||
                         (image && image->labels.count(image::kTrackerHashLabel));
    if (tracker && s.environment.count("SERVICE_NAME")) return true;
    return false;
}

ContainerSpec container_spec(const Project& project, const Service& s, int number, const std::string& hash,
                             const ObservedImage* image) {
    ContainerSpec spec;
    spec.name = container_name(project, s, number);
    spec.labels = container_labels(project, s, number, hash);
    spec.image = image_name(project, s);
    if (s.runtime) spec.runtime = s.runtime;
    if (is_unikernel(s, image)) {
        spec.runtime = (s.ucompose && s.ucompose->runtime) ? *s.ucompose->runtime : std::string("ucrun");
        if (s.ucompose && s.ucompose->unikernel && !s.environment.count("SERVICE_NAME"))
            spec.extra_env["SERVICE_NAME"] = *s.ucompose->unikernel;
    }
    // Images are built, pulled or checked before create: podman itself never pulls.
    spec.pull = "never";
    if (s.network_mode) {
        const std::string& m = *s.network_mode;
        if (m.rfind("service:", 0) == 0) {
            std::string other = m.substr(8);
            auto it = project.services.find(other);
            spec.network_mode = "container:" + (it != project.services.end() ? container_name(project, it->second, 1)
                                                                             : project.name + "_" + other + "_1");
        } else {
            spec.network_mode = m;
        }
    } else {
        for (const auto& key : service_network_keys(s)) {
            auto it = project.networks.find(key);
            spec.networks[key] = it != project.networks.end() ? it->second.name : project.name + "_" + key;
        }
    }
    for (const auto& [key, def] : project.volumes) spec.volumes[key] = def.name;
    FileObjectArgs objects = file_object_args(project, s);
    spec.file_binds = std::move(objects.binds);
    spec.secrets = std::move(objects.secrets);
    for (const auto& v : s.volumes_from) {
        std::string src = v, mode;
        auto colon = v.find(':');
        if (v.rfind("container:", 0) == 0) {
            spec.volumes_from.push_back(v.substr(10));
            continue;
        }
        if (colon != std::string::npos) {
            src = v.substr(0, colon);
            mode = v.substr(colon);
        }
        auto it = project.services.find(src);
        spec.volumes_from.push_back((it != project.services.end() ? container_name(project, it->second, 1) : src) +
                                    mode);
    }
    return spec;
}

void require_services(const Project& project, const std::vector<std::string>& names) {
    for (const auto& n : names) project.service(n);
}

std::vector<ObservedContainer> select_containers(const std::vector<ObservedContainer>& all,
                                                 const std::vector<std::string>& services, bool include_oneoff) {
    std::vector<ObservedContainer> out;
    for (const auto& c : all) {
        if (c.oneoff() && !include_oneoff) continue;
        if (!services.empty() && std::find(services.begin(), services.end(), c.service()) == services.end()) continue;
        out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const ObservedContainer& a, const ObservedContainer& b) {
        if (a.service() != b.service()) return a.service() < b.service();
        if (a.number() != b.number()) return a.number() < b.number();
        return a.name < b.name;
    });
    return out;
}

std::vector<std::vector<std::string>> levels_of(const Project& project, const std::vector<std::string>& services) {
    std::vector<std::vector<std::string>> out;
    std::set<std::string> want(services.begin(), services.end());
    std::set<std::string> placed;
    for (const auto& level : start_levels(project)) {
        std::vector<std::string> l;
        for (const auto& s : level) {
            if (want.empty() || want.count(s)) {
                l.push_back(s);
                placed.insert(s);
            }
        }
        if (!l.empty()) out.push_back(l);
    }
    // Services outside the model (orphans) go last.
    std::vector<std::string> rest;
    for (const auto& s : want) {
        if (!placed.count(s)) rest.push_back(s);
    }
    if (!rest.empty()) out.push_back(rest);
    return out;
}

std::vector<std::string> with_restart_dependents(const Project& project, const std::vector<std::string>& services) {
    std::set<std::string> out(services.begin(), services.end());
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& [name, svc] : project.services) {
            if (out.count(name)) continue;
            for (const auto& [dep, d] : svc.depends_on) {
                if (d.restart && out.count(dep)) {
                    out.insert(name);
                    grew = true;
                    break;
                }
            }
        }
    }
    return {out.begin(), out.end()};
}

std::string orphan_containers_advice(const std::vector<std::string>& names) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    return "orphan containers (" + list + ") for this project. If you removed or renamed this service in your "
           "compose file, you can run this command with the --remove-orphans flag to clean it up.";
}

bool network_in_use(const PodmanResult& r) {
    if (r.ok()) return false;
    return r.err.find("network is being used") != std::string::npos ||
           r.err.find("has associated containers") != std::string::npos;
}

}  // namespace ucompose
