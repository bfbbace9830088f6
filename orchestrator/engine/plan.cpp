#include "orchestrator/engine/plan.hpp"

#include <algorithm>

#include "orchestrator/engine/names.hpp"

namespace ucompose {

const char* to_string(StepKind k) {
    switch (k) {
    case StepKind::Create: return "create";
    case StepKind::Recreate: return "recreate";
    case StepKind::Start: return "start";
    case StepKind::Keep: return "keep";
    case StepKind::Remove: return "remove";
    }
    return "?";
}

std::vector<std::string> service_network_keys(const Service& s) {
    if (s.network_mode) return {};
    if (s.networks.empty()) return {"default"};
    std::vector<std::string> keys;
    for (const auto& [k, v] : s.networks) keys.push_back(k);
    return keys;
}

ImagePlan plan_images(const Project& project, const std::vector<std::string>& services,
                      const std::vector<ObservedImage>& images, const UpPolicy& policy) {
    ImagePlan out;
    for (const auto& name : services) {
        const Service& s = project.service(name);
        std::string ref = image_name(project, s);
        bool present = find_image(images, ref) != nullptr;
        std::string pull = !policy.pull.empty() ? policy.pull : s.pull_policy.value_or("missing");
        ImageAction action = ImageAction::None;
        if (s.build) {
            if (policy.no_build) {
                if (!present) out.errors.push_back(name + ": image " + ref + " is missing and --no-build was given");
            } else if (policy.build || pull == "build" || !present) {
                action = ImageAction::Build;
            }
        } else if (pull == "always") {
            action = ImageAction::Pull;
        } else if (!present) {
            if (pull == "never")
                out.errors.push_back(name + ": image " + ref + " is not present locally and pull policy is never");
            else
                action = ImageAction::Pull;
        }
        out.services[name] = action;
    }
    return out;
}

Plan plan_up(const PlanInput& in) {
    const Project& project = *in.project;
    Plan plan;
    std::set<std::string> selected(in.services.begin(), in.services.end());

    // Networks and volumes the selected services use.
    std::set<std::string> net_keys, vol_keys;
    for (const auto& name : in.services) {
        const Service& s = project.service(name);
        for (const auto& k : service_network_keys(s)) net_keys.insert(k);
        for (const auto& m : s.volumes) {
            if (m.type == MountType::Volume && m.source && project.volumes.count(*m.source)) vol_keys.insert(*m.source);
        }
    }
    for (const auto& key : net_keys) {
        auto it = project.networks.find(key);
        std::string real = it != project.networks.end() ? it->second.name : project.name + "_" + key;
        if (in.existing_networks.count(real)) continue;
        if (it != project.networks.end() && it->second.external) {
            plan.errors.push_back("network " + real + " declared as external, but could not be found");
            continue;
        }
        plan.networks.push_back(key);
    }
    for (const auto& key : vol_keys) {
        const VolumeDef& v = project.volumes.at(key);
        if (in.existing_volumes.count(v.name)) continue;
        if (v.external) {
            plan.errors.push_back("volume " + v.name + " declared as external, but could not be found");
            continue;
        }
        plan.volumes.push_back(key);
    }

    // Containers, by service.
    std::map<std::string, std::vector<const ObservedContainer*>> by_service;
    for (const auto& c : in.containers) {
        if (c.oneoff()) continue;
        std::string svc = c.service();
        if (project.services.count(svc)) {
            by_service[svc].push_back(&c);
        } else if (!project.disabled_services.count(svc)) {
            if (in.policy.remove_orphans)
                plan.remove_orphans.push_back({StepKind::Remove, svc, c.number(), c.name, c.name, "orphan"});
            else
                plan.orphans_kept.push_back(c.name);
        }
    }
    for (const auto& name : in.services) {
        const Service& s = project.service(name);
        auto& steps = plan.services[name];
        auto& existing = by_service[name];
        std::sort(existing.begin(), existing.end(),
                  [](const ObservedContainer* a, const ObservedContainer* b) { return a->number() < b->number(); });
        int replicas = s.replicas();
        auto hash_it = in.hashes.find(name);
        std::string want_hash = hash_it == in.hashes.end() ? "" : hash_it->second;
        std::set<int> have;
        for (const ObservedContainer* c : existing) {
            int n = c->number();
            if (n < 1 || n > replicas || have.count(n)) {
                steps.push_back({StepKind::Remove, name, n, c->name, c->name, "scaled down"});
                continue;
            }
            have.insert(n);
            ContainerStep step{StepKind::Keep, name, n, c->name, c->name, ""};
            bool changed = c->config_hash() != want_hash;
            if (in.policy.force_recreate) {
                step.kind = StepKind::Recreate;
                step.reason = "--force-recreate";
            } else if (changed && !in.policy.no_recreate) {
                step.kind = StepKind::Recreate;
                step.reason = "configuration changed";
            } else if (c->running() || c->state == "paused") {
                step.kind = StepKind::Keep;
                step.reason = "running";
            } else {
                step.kind = StepKind::Start;
                step.reason = c->state;
            }
            if (step.kind == StepKind::Recreate) step.name = container_name(project, s, n);
            steps.push_back(step);
        }
        for (int n = 1; n <= replicas; ++n) {
            if (!have.count(n)) steps.push_back({StepKind::Create, name, n, container_name(project, s, n), "", "missing"});
        }
        std::stable_sort(steps.begin(), steps.end(), [](const ContainerStep& a, const ContainerStep& b) {
            return (a.kind == StepKind::Remove) > (b.kind == StepKind::Remove) ||
                   ((a.kind == StepKind::Remove) == (b.kind == StepKind::Remove) && a.number < b.number);
        });
    }
    return plan;
}

std::string describe(const Plan& plan) {
    std::string out;
    for (const auto& e : plan.errors) out += "error " + e + "\n";
    for (const auto& n : plan.networks) out += "network create " + n + "\n";
    for (const auto& v : plan.volumes) out += "volume create " + v + "\n";
    for (const auto& c : plan.remove_orphans) out += "orphan remove " + c.name + "\n";
    for (const auto& c : plan.orphans_kept) out += "orphan keep " + c + "\n";
    for (const auto& [svc, steps] : plan.services) {
        for (const auto& s : steps) {
            out += std::string(to_string(s.kind)) + " " + s.name;
            if (!s.reason.empty()) out += " (" + s.reason + ")";
            out += "\n";
        }
    }
    return out;
}

}  // namespace ucompose
