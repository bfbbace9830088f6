// The podman arguments of what a service may use and do (orchestrator/model/keys/resources.cpp):
// a limit is the service key's, else deploy.resources'.
#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {
namespace {

using namespace args;

std::string number(double d) {
    std::string s = std::to_string(d);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

// The service key, else deploy.resources (limits or reservations).
template <class T>
std::optional<T> with_deploy(const std::optional<T>& own, std::optional<T> ResourceSpec::*field, bool limits,
                             const Service& s) {
    if (own || !s.deploy) return own;
    return (limits ? s.deploy->limits : s.deploy->reservations).*field;
}

void ulimits_argv(const Service& s, const ContainerSpec&, sys::Argv& a) {
    for (const auto& [name, u] : s.ulimits) {
        if (u.single) add(a, "--ulimit", name + "=" + std::to_string(*u.single));
        else if (u.soft && u.hard)
            add(a, "--ulimit", name + "=" + std::to_string(*u.soft) + ":" + std::to_string(*u.hard));
    }
}

}  // namespace

std::vector<KeyArgs> resources_args() {
    return {
        {.key = "mem_limit",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (auto m = with_deploy(s.mem_limit, &ResourceSpec::memory, true, s))
                 add(a, "--memory", std::to_string(*m));
         }},
        {.key = "mem_reservation",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (auto m = with_deploy(s.mem_reservation, &ResourceSpec::memory, false, s))
                 add(a, "--memory-reservation", std::to_string(*m));
         }},
        {.key = "memswap_limit",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (s.memswap_limit) add(a, "--memory-swap", std::to_string(*s.memswap_limit));
         }},
        {.key = "cpus",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (auto c = with_deploy(s.cpus, &ResourceSpec::cpus, true, s)) add(a, "--cpus", number(*c));
         }},
        {.key = "pids_limit",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (auto p = with_deploy(s.pids_limit, &ResourceSpec::pids, true, s))
                 add(a, "--pids-limit", std::to_string(*p));
         }},
        {.key = "shm_size",
         .write = [](const Service& s, const ContainerSpec&, sys::Argv& a) {
             if (s.shm_size) add(a, "--shm-size", std::to_string(*s.shm_size));
         }},
        {.key = "ulimits", .write = ulimits_argv},
        {.key = "cap_add", .write = each("--cap-add", &Service::cap_add)},
        {.key = "cap_drop", .write = each("--cap-drop", &Service::cap_drop)},
        {.key = "devices", .write = each("--device", &Service::devices)},
        {.key = "security_opt", .write = each("--security-opt", &Service::security_opt)},
        {.key = "group_add", .write = each("--group-add", &Service::group_add)},
        {.key = "sysctls", .write = pairs("--sysctl", &Service::sysctls)},
        {.key = "read_only", .write = when("--read-only", &Service::read_only)},
        {.key = "privileged", .write = when("--privileged", &Service::privileged)},
        {.key = "pid", .write = value("--pid", &Service::pid)},
        {.key = "ipc", .write = value("--ipc", &Service::ipc)},
        {.key = "platform", .write = value("--platform", &Service::platform)},
        no_args("deploy",
                "its limits and restart policy reach podman through mem_limit, mem_reservation, cpus, "
                "pids_limit and restart; replicas through scale"),
    };
}

}  // namespace ucompose
