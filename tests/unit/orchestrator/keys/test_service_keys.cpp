// The table of service keys (orchestrator/model/keys/table.cpp) as data, and `dns` through
// every step its description drives: the worked example of orchestrator/model/README.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "keys_fixture.hpp"
#include "orchestrator/model/keys/service_key.hpp"
#include "orchestrator/podman/container_args.hpp"

using namespace ucompose;
using keys_test::service;

TEST_CASE("service keys: one description each, complete for what is carried", "[keys]") {
    std::set<std::string_view> names;
    for (const ServiceKey& k : service_keys()) {
        INFO(k.name);
        CHECK(names.insert(k.name).second);
        if (k.support == Support::Carried) {
            CHECK(static_cast<bool>(k.read));
            CHECK(k.merge != nullptr);
        } else {
            CHECK_FALSE(k.read);
        }
    }
    CHECK(find_service_key("dns") != nullptr);
    CHECK(find_service_key("cpu_shares") != nullptr);  // passthrough keys are entries too
    CHECK(find_service_key("x-ucompose") != nullptr);
    CHECK(find_service_key("x-other") == nullptr);
    CHECK(find_service_key("imagee") == nullptr);
}

TEST_CASE("service keys: the spec keys not carried yet", "[keys]") {
    std::vector<std::string_view> not_yet;
    for (const ServiceKey& k : service_keys())
        if (k.support == Support::NotYet) not_yet.push_back(k.name);
    std::sort(not_yet.begin(), not_yet.end());
    // Keep orchestrator/model/README.md's list in step with this one.
    CHECK(not_yet == std::vector<std::string_view>{
                         "attach", "blkio_config", "cpu_count", "cpu_percent", "credential_spec", "develop",
                         "external_links", "gpus", "isolation", "label_file", "models", "post_start",
                         "pre_stop", "provider", "use_api_socket", "volumes_from_options"});
}

TEST_CASE("service keys: each has a Kubernetes meaning, the warned ones a check, a reason and a place",
          "[keys][kube]") {
    std::map<int, std::string_view> warned;  // order -> key
    for (const ServiceKey& k : service_keys()) {
        INFO(k.name);
        CHECK(k.kube.use != KubeUse::Unset);
        if (k.kube.use != KubeUse::Warned) continue;
        CHECK(static_cast<bool>(k.kube.warn_when));
        CHECK_FALSE(k.kube.reason.empty());
        CHECK(k.kube.order > 0);
        CHECK(warned.emplace(k.kube.order, k.name).second);  // one place each
    }
    // The order of a service's warnings (docs/kubernetes-convert.md, "Warned about"), then the
    // passthrough keys in their table's order.
    std::vector<std::string_view> order;
    for (const auto& [n, key] : warned) order.push_back(key);
    CHECK(order == std::vector<std::string_view>{
                       "build", "network_mode", "networks", "volumes", "volumes_from", "tmpfs", "devices",
                       "privileged", "cap_add", "cap_drop", "security_opt", "user", "group_add", "read_only",
                       "extra_hosts", "dns", "dns_search", "dns_opt", "container_name", "hostname", "domainname",
                       "links", "restart", "deploy", "pids_limit", "memswap_limit", "shm_size", "sysctls",
                       "ulimits", "pid", "ipc", "init", "stop_signal", "stop_grace_period", "logging", "tty",
                       "stdin_open", "runtime", "platform", "pull_policy", "labels", "annotations", "secrets",
                       "configs", "profiles", "cgroup", "cgroup_parent", "cpu_period", "cpu_quota",
                       "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpuset", "device_cgroup_rules",
                       "mac_address", "mem_swappiness", "oom_kill_disable", "oom_score_adj", "storage_opt",
                       "userns_mode", "uts"});
}

TEST_CASE("dns: a string or a list, appended unique across files, one --dns each", "[keys][dns]") {
    Service s = service({"image: x\ndns: 1.1.1.1\n", "dns: [8.8.8.8, 1.1.1.1]\n"});
    CHECK(s.dns == std::vector<std::string>{"1.1.1.1", "8.8.8.8"});

    ContainerSpec spec;
    spec.name = "p_web_1";
    spec.image = "x";
    CHECK(container_args(s, spec) == sys::Argv{"--name", "p_web_1", "--dns", "1.1.1.1", "--dns", "8.8.8.8", "x"});

    CHECK_THROWS_WITH(service({"image: x\ndns: {a: b}\n"}),
                      "compose.yaml:2:6: services.web.dns must be a list of strings, not a mapping");
}

TEST_CASE("ulimits: the spec's mapping, or podman-compose's name=soft[:hard] string or list", "[keys][ulimits]") {
    ContainerSpec spec;
    spec.name = "p_web_1";
    spec.image = "x";
    const sys::Argv want{"--name", "p_web_1", "--ulimit", "nofile=1002", "--ulimit", "nproc=1002:2002", "x"};
    CHECK(container_args(service({"image: x\nulimits: {nofile: 1002, nproc: {soft: 1002, hard: 2002}}\n"}), spec) == want);
    CHECK(container_args(service({"image: x\nulimits: [nproc=1002:2002, nofile=1002]\n"}), spec) == want);
    Service one = service({"image: x\nulimits: nofile=1001\n"});
    REQUIRE(one.ulimits.count("nofile") == 1);
    CHECK(one.ulimits.at("nofile").single == 1001);

    CHECK_THROWS_WITH(service({"image: x\nulimits: nofile\n"}),
                      "compose.yaml:2:10: services.web.ulimits: invalid ulimit \"nofile\": expected name=soft[:hard]");
    CHECK_THROWS_WITH(service({"image: x\nulimits: [nofile=many]\n"}),
                      Catch::Contains("services.web.ulimits.nofile"));
}

TEST_CASE("ports: one port as a bare string is a list of one (podman-compose's form)", "[keys][ports]") {
    Service bare = service({"image: x\nports: \"9001:9001\"\n"});
    Service listed = service({"image: x\nports: [\"9001:9001\"]\n"});
    ContainerSpec spec;
    spec.name = "p_web_1";
    spec.image = "x";
    spec.publish_ports = true;
    REQUIRE(bare.ports.size() == 1);
    CHECK(container_args(bare, spec) == container_args(listed, spec));
    CHECK_THROWS_WITH(service({"image: x\nports: {a: 1}\n"}), Catch::Contains("services.web.ports must be a list"));
}

TEST_CASE("stop_grace_period: a duration, replaced by a later file, whole seconds to podman", "[keys]") {
    Service s = service({"image: x\nstop_grace_period: 1m\n", "stop_grace_period: 2500ms\n"});
    CHECK(s.stop_grace_period == std::chrono::milliseconds(2500));
    ContainerSpec spec;
    spec.name = "n";
    spec.image = "x";
    CHECK(container_args(s, spec) == sys::Argv{"--name", "n", "--stop-timeout", "2", "x"});
    CHECK_THROWS_WITH(service({"image: x\nstop_grace_period: soon\n"}),
                      "compose.yaml:2:20: services.web.stop_grace_period must be a duration like 10s or "
                      "1m30s, not \"soon\"");
}

TEST_CASE("not supported keys warn once with their place; unknown keys too", "[keys]") {
    std::vector<std::string> warnings;
    ConvertContext ctx;
    ctx.warn = [&](const Position& p, const std::string& m) { warnings.push_back(p.str() + ": " + m); };
    service({"image: x\ngpus: all\nimagee: y\n"}, ctx);
    CHECK(warnings == std::vector<std::string>{
                          "compose.yaml:2:1: services.web: 'gpus' is not supported by ucompose yet, ignored",
                          "compose.yaml:3:1: services.web: unknown key 'imagee', ignored"});
}

TEST_CASE("environment wins over env_file wherever either is written", "[keys][environment]") {
    ConvertContext ctx;
    ctx.read_file = [](const std::string&) -> std::optional<std::string> { return "A=file\nB=file\n"; };
    ctx.environment = [](const std::string& k) -> std::optional<std::string> {
        return k == "C" ? std::optional<std::string>("shell") : std::nullopt;
    };
    for (const char* yaml : {"image: x\nenvironment: {A: env, C: null}\nenv_file: a.env\n",
                             "image: x\nenv_file: a.env\nenvironment: {A: env, C: null}\n"}) {
        INFO(yaml);
        Service s = service({yaml}, ctx);
        CHECK(s.environment == std::map<std::string, std::optional<std::string>>{
                                   {"A", "env"}, {"B", "file"}, {"C", "shell"}});
    }
}
