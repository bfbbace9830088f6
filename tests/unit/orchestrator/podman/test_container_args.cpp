#include <catch2/catch.hpp>

#include "orchestrator/podman/command.hpp"
#include "orchestrator/podman/container_args.hpp"

using namespace ucompose;
using namespace std::chrono_literals;

namespace {
std::string joined(const sys::Argv& v) {
    std::string s;
    for (const auto& a : v) s += (s.empty() ? "" : " ") + a;
    return s;
}
}  // namespace

TEST_CASE("container_args: a typical service, golden") {
    Service s;
    s.name = "web";
    s.image = "localhost/web:1";
    s.command = std::vector<std::string>{"httpd", "-f", "-p", "8080"};
    s.environment = {{"A", "1"}, {"UNSET", std::nullopt}, {"EMPTY", ""}};
    s.ports.push_back(Port{8080, std::string("18080"), std::nullopt});
    Port udp{53, std::nullopt, std::string("127.0.0.1")};
    udp.protocol = "udp";
    s.ports.push_back(udp);
    VolumeMount bind;
    bind.type = MountType::Bind;
    bind.source = "/srv/data";
    bind.target = "/data";
    bind.read_only = true;
    s.volumes.push_back(bind);
    VolumeMount named;
    named.source = "cache";
    named.target = "/cache";
    s.volumes.push_back(named);
    s.restart = "unless-stopped";
    s.mem_limit = 64 * 1024 * 1024;
    s.stop_grace_period = 3s;
    Healthcheck hc;
    hc.test = {"CMD", "wget", "-q", "http://localhost:8080"};
    hc.interval = 1s;
    hc.retries = 5;
    hc.start_period = 1500ms;
    s.healthcheck = hc;
    s.networks["front"] = NetworkAttachment{{"www"}};

    ContainerSpec spec;
    spec.name = "p_web_1";
    spec.labels = {{"com.docker.compose.service", "web"}};
    spec.image = "localhost/web:1";
    spec.pull = "never";
    spec.networks = {{"front", "p_front"}};
    spec.volumes = {{"cache", "p_cache"}};
    CHECK(joined(container_args(s, spec)) ==
          "--name p_web_1 --pull=never --label com.docker.compose.service=web -e A=1 -e EMPTY= "
          "--network p_front:alias=web,alias=www -p 18080:8080 -p 127.0.0.1::53/udp -v /srv/data:/data:ro "
          "-v p_cache:/cache --stop-timeout 3 --restart unless-stopped --memory 67108864 "
          "--health-cmd [\"wget\",\"-q\",\"http://localhost:8080\"] --health-interval disable "
          "--health-retries 5 --health-start-period 1500ms localhost/web:1 httpd -f -p 8080");
}

TEST_CASE("container_args: unikernel runtime, CMD-SHELL, entrypoint reset, network_mode") {
    Service s;
    s.name = "uk";
    s.entrypoint = std::vector<std::string>{};
    Healthcheck hc;
    hc.test = {"CMD-SHELL", "test -f /ready"};
    s.healthcheck = hc;
    ContainerSpec spec;
    spec.name = "p_uk_1";
    spec.image = "localhost/ucompose/unikernel-tracker:latest";
    spec.runtime = "ucrun";
    spec.network_mode = "container:p_db_1";
    spec.extra_env = {{"SERVICE_NAME", "redis-server"}};
    CHECK(joined(container_args(s, spec)) ==
          "--name p_uk_1 --runtime ucrun -e SERVICE_NAME=redis-server --network container:p_db_1 --entrypoint  "
          "--health-cmd test -f /ready --health-interval disable localhost/ucompose/unikernel-tracker:latest");
}

TEST_CASE("container_args: disabled healthcheck and run-only options") {
    Service s;
    s.name = "job";
    s.healthcheck = Healthcheck{{"NONE"}};
    s.ports.push_back(Port{80, std::string("8080")});
    s.restart = "always";
    ContainerSpec spec;
    spec.name = "p_job_run_1";
    spec.image = "img";
    spec.remove = true;
    spec.tty = true;
    spec.interactive = true;
    spec.publish_ports = false;
    spec.command = std::vector<std::string>{"echo", "hi there"};
    spec.extra_args = {"-v", "/a:/b"};
    CHECK(joined(container_args(s, spec)) ==
          "--name p_job_run_1 --rm -t -i --no-healthcheck -v /a:/b img echo hi there");
}

TEST_CASE("go_duration formats what podman parses") {
    CHECK(go_duration(90s) == "90s");
    CHECK(go_duration(1500ms) == "1500ms");
    CHECK(go_duration(Duration(5)) == "5ns");
    CHECK(go_duration(Duration::zero()) == "0s");
}

TEST_CASE("full_argv injects global and per-verb arguments") {
    PodmanConfig c;
    c.path = "/usr/bin/podman";
    c.global_args = {"--log-level", "warn"};
    c.verb_args["create"] = {"--runtime=ucrun"};
    c.verb_args["network"] = {"--x"};
    CHECK(full_argv(c, cmd("create", "--name", "a", "img")) ==
          sys::Argv{"/usr/bin/podman", "--log-level", "warn", "create", "--runtime=ucrun", "--name", "a", "img"});
    CHECK(full_argv(c, cmd("network create", sys::Argv{"n1"})) ==
          sys::Argv{"/usr/bin/podman", "--log-level", "warn", "network", "create", "--x", "n1"});
    CHECK(full_argv(c, cmd("start", "a")) == sys::Argv{"/usr/bin/podman", "--log-level", "warn", "start", "a"});
}

TEST_CASE("network, volume and build args") {
    NetworkDef n;
    n.name = "p_front";
    n.internal = true;
    n.ipam_config.push_back(IpamPool{std::string("10.9.0.0/24"), std::nullopt, std::nullopt});
    CHECK(joined(network_create_args(n, {{"io.podman.compose.project", "p"}})) ==
          "--label io.podman.compose.project=p --internal --subnet 10.9.0.0/24 p_front");
    VolumeDef v;
    v.name = "p_data";
    CHECK(joined(volume_create_args(v, {{"k", "v"}})) == "--label k=v p_data");
    BuildConfig b;
    b.context = "/src";
    b.dockerfile = "Containerfile";
    b.args = {{"X", std::string("1")}, {"Y", std::nullopt}};
    CHECK(joined(build_args(b, "p_web", false, false)) == "-t p_web -f /src/Containerfile --build-arg X=1 --build-arg Y /src");
}
