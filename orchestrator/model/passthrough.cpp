#include "orchestrator/model/passthrough.hpp"

namespace ucompose {

const std::vector<PassKey>& passthrough_keys() {
    static const std::vector<PassKey> keys = {
        {"cgroup", "--cgroupns", PassKind::String},
        {"cgroup_parent", "--cgroup-parent", PassKind::String},
        {"cpu_period", "--cpu-period", PassKind::Int},
        {"cpu_quota", "--cpu-quota", PassKind::Int},
        {"cpu_rt_period", "--cpu-rt-period", PassKind::Int},
        {"cpu_rt_runtime", "--cpu-rt-runtime", PassKind::Int},
        {"cpu_shares", "--cpu-shares", PassKind::Int},
        {"cpuset", "--cpuset-cpus", PassKind::String},
        {"device_cgroup_rules", "--device-cgroup-rule", PassKind::List},
        {"mac_address", "--mac-address", PassKind::String},
        {"mem_swappiness", "--memory-swappiness", PassKind::Int},
        {"oom_kill_disable", "--oom-kill-disable", PassKind::Bool},
        {"oom_score_adj", "--oom-score-adj", PassKind::Int},
        {"storage_opt", "--storage-opt", PassKind::Map},
        {"userns_mode", "--userns", PassKind::String},
        {"uts", "--uts", PassKind::String},
    };
    return keys;
}

const PassKey* find_passthrough(const std::string& key) {
    for (const PassKey& k : passthrough_keys())
        if (key == k.key) return &k;
    return nullptr;
}

}  // namespace ucompose
