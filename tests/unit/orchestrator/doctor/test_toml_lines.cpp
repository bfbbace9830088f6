// The TOML subset doctor reads (orchestrator/doctor/toml_lines.cpp).
#include <catch2/catch.hpp>

#include "orchestrator/doctor/toml_lines.hpp"

using namespace ucompose::doctor;

TEST_CASE("doctor: containers.conf keys, drop-ins overlaid", "[doctor]") {
    auto base = parse_toml_lines(R"(# comment
[containers]
#default_ulimits = [
#  "nofile=1280:2560",
#]
init_path = "/usr/libexec/podman/catatonit"  # trailing comment

[engine]
runtime_supports_json = [
  "crun",
  "runc",   # the second
]
[engine.runtimes]
crun = ["/usr/bin/crun", "/usr/sbin/crun"]
)");
    CHECK_FALSE(toml_value(base, "containers", "default_ulimits"));
    CHECK(toml_string(*toml_value(base, "containers", "init_path")) == "/usr/libexec/podman/catatonit");
    CHECK(toml_string_array(*toml_value(base, "engine", "runtime_supports_json")) ==
          std::vector<std::string>{"crun", "runc"});

    auto dropin = parse_toml_lines(R"([containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime_supports_json = ["crun", "runc", "ucrun"]

[engine.runtimes]
ucrun = ["/usr/local/bin/ucrun"]
)");
    overlay(base, dropin);
    CHECK(toml_string_array(*toml_value(base, "containers", "default_ulimits")) ==
          std::vector<std::string>{"nofile=20000:20000", "nproc=32768:32768"});
    CHECK(toml_string_array(*toml_value(base, "engine", "runtime_supports_json")).back() == "ucrun");
    CHECK(toml_string_array(*toml_value(base, "engine.runtimes", "ucrun")) ==
          std::vector<std::string>{"/usr/local/bin/ucrun"});
    CHECK(toml_value(base, "engine.runtimes", "crun"));   // kept from the base
    CHECK_FALSE(toml_value(base, "engine.runtimes", "kata"));
}

TEST_CASE("doctor: containerd's quoted table names", "[doctor]") {
    auto t = parse_toml_lines(R"(version = 2
[plugins]
  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.ucrun]
    runtime_type = "io.containerd.runc.v2"
    pod_annotations = ["io.ucrun.*"]

    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.ucrun.options]
      BinaryName = "/usr/local/bin/ucrun"
      Root = ""
)");
    const std::string ucrun = "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.ucrun";
    CHECK(t.count(ucrun) == 1);
    CHECK(toml_string(*toml_value(t, ucrun + ".options", "BinaryName")) == "/usr/local/bin/ucrun");
    CHECK(toml_string(*toml_value(t, ucrun + ".options", "Root")).empty());
    CHECK(toml_string(*toml_value(t, "", "version")) == "2");
}

TEST_CASE("doctor: strings and arrays", "[doctor]") {
    CHECK(toml_string("'a # b'") == "a # b");
    CHECK(toml_string("\"a\\\"b\"") == "a\"b");
    CHECK(toml_string_array("\"one\"") == std::vector<std::string>{"one"});
    CHECK(toml_string_array("[]").empty());
    CHECK(toml_string_array("[\"a,b\", 'c']") == std::vector<std::string>{"a,b", "c"});
    auto t = parse_toml_lines("k = \"x # not a comment\"\n");
    CHECK(toml_string(*toml_value(t, "", "k")) == "x # not a comment");
}
