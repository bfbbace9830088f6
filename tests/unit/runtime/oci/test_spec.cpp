#include <catch2/catch.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/oci/spec.hpp"
#include "tests/unit/error_of.hpp"

using namespace ucrun;

namespace {
// The error parse_spec gives for `text` read from /b/config.json.
std::string spec_error(const std::string& text) {
    return error_of([&] { parse_spec(text, "/b/config.json"); });
}
}  // namespace

TEST_CASE("config.json is read into the typed spec", "[ucrun][spec]") {
    auto s = parse_spec(R"({"ociVersion":"1.0.2","root":{"path":"rootfs","readonly":true},
      "process":{"terminal":true,"args":["/bin/app","-x"],"env":["A=1","SERVICE_NAME=redis"],"cwd":"/srv"},
      "hostname":"h","annotations":{"io.ucrun.unikernel.kind":"linux"},
      "linux":{"namespaces":[{"type":"pid"},{"type":"network","path":"/run/netns/n1"}],
               "resources":{"memory":{"limit":536870912},"cpu":{"quota":200000,"period":100000}}}})",
                        "/b/config.json");
    CHECK(s.oci_version == "1.0.2");
    CHECK(s.root_readonly);
    CHECK(s.terminal);
    CHECK(s.args == std::vector<std::string>{"/bin/app", "-x"});
    CHECK(s.env_value("SERVICE_NAME") == std::optional<std::string>("redis"));
    CHECK_FALSE(s.env_value("SERVICE"));
    CHECK(s.cwd == "/srv");
    CHECK(s.annotations.at("io.ucrun.unikernel.kind") == "linux");
    CHECK(s.namespace_path("network") == std::optional<std::string>("/run/netns/n1"));
    CHECK(s.namespace_path("pid") == std::optional<std::string>(""));
    CHECK_FALSE(s.namespace_path("user"));
    CHECK(s.memory_limit == 536870912);
    CHECK(s.cpu_quota == 200000);
    CHECK(s.cpu_period == 100000u);
    CHECK(rootfs_path(s, "/b") == "/b/rootfs");
}

TEST_CASE("a malformed config.json gets one line naming the file and the place", "[ucrun][spec]") {
    CHECK(spec_error("{").rfind("/b/config.json: invalid JSON", 0) == 0);
    CHECK(spec_error("[]") == "/b/config.json: document: must be a JSON object");
    CHECK(spec_error(R"({"root":{"path":"r"}})") == "/b/config.json: ociVersion: is required");
    CHECK(spec_error(R"({"ociVersion":"1.0.2"})") == "/b/config.json: root: is required");
    CHECK(spec_error(R"({"ociVersion":"1.0.2","root":{"path":"r"},"process":{"args":"sh"}})") ==
          "/b/config.json: process.args: must be an array of strings");
    CHECK(spec_error(R"({"ociVersion":"1.0.2","root":{"path":"r"},"process":{"cwd":"rel"}})") ==
          "/b/config.json: process.cwd: must be an absolute path");
    CHECK(spec_error(R"({"ociVersion":"1.0.2","root":{"path":"r"},"linux":{"resources":{"memory":{"limit":"1g"}}}})") ==
          "/b/config.json: linux.resources.memory.limit: must be an integer");
    CHECK(spec_error(R"({"ociVersion":"1.0.2","root":{"path":"r"},"annotations":{"a":1}})") ==
          "/b/config.json: annotations.a: must be a string");
}
