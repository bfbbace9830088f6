#include <catch2/catch.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/oci/config.hpp"
#include "runtime/oci/log.hpp"

using namespace ucrun;

TEST_CASE("ucrun config: file values, then env overrides", "[ucrun][config]") {
    Config c = parse_config(R"({"delegate":"runc","registry":"/reg","stop_timeout":3})", "/etc/ucrun/ucrun.json");
    CHECK(c.delegate == "runc");
    CHECK(c.registry == "/reg");
    CHECK(c.stop_timeout_s == 3);
    apply_env_overrides(c, {{"UCRUN_DELEGATE", "/opt/crun"}, {"UCRUN_REGISTRY", "/r2"}});
    CHECK(c.delegate == "/opt/crun");
    CHECK(c.registry == "/r2");
    CHECK_THROWS_WITH(parse_config(R"({"delegate":1})", "/e.json"), "/e.json: \"delegate\" must be a string");
    CHECK_THROWS_WITH(parse_config("nope", "/e.json"), Catch::StartsWith("/e.json: invalid JSON"));
    Config d = load_config({{"UCRUN_CONFIG", "/nonexistent/ucrun.json"}});
    CHECK(d.delegate == "crun");
    CHECK(d.source == "defaults");
    CHECK(d.cache == "/var/lib/ucrun/cache");
    CHECK(parse_config(R"({"cache":"/srv/ucrun-cache"})", "/e.json").cache == "/srv/ucrun-cache");
    CHECK_THROWS_WITH(parse_config(R"({"cache":[]})", "/e.json"), "/e.json: \"cache\" must be a string");
}

TEST_CASE("log lines are json for conmon and text otherwise", "[ucrun][log]") {
    CHECK(format_log_line("json", "error", "bad \"x\"", "T") ==
          "{\"level\":\"error\",\"msg\":\"bad \\\"x\\\"\",\"time\":\"T\"}\n");
    CHECK(format_log_line("text", "error", "bad", "T") == "T error: bad\n");
}

#include "runtime/ucrun/features.hpp"

TEST_CASE("features: the delegate's document when it has one, ours otherwise, with ucrun's annotations",
          "[ucrun][features]") {
    auto ours = features_document(std::nullopt, "crun");
    CHECK(ours["ociVersionMin"] == "1.0.0");
    CHECK(ours["hooks"].size() == 6);
    CHECK(ours["linux"]["cgroup"]["v2"] == true);
    CHECK(ours["annotations"]["io.ucrun.delegate"] == "crun");
    auto theirs = features_document(nlohmann::json{{"ociVersionMax", "9.9"}, {"annotations", {{"x", "y"}}}}, "runc");
    CHECK(theirs["ociVersionMax"] == "9.9");
    CHECK(theirs["annotations"]["x"] == "y");
    CHECK(theirs["annotations"]["io.ucrun.delegate"] == "runc");
    CHECK_FALSE(theirs.contains("hooks"));
}

TEST_CASE("features: seccomp, AppArmor and SELinux as the host has them, not assumed", "[ucrun][features]") {
    auto none = features_document(std::nullopt, "crun", HostSecurity{});
    CHECK(none["linux"]["seccomp"]["enabled"] == false);
    CHECK(none["linux"]["apparmor"]["enabled"] == false);
    CHECK(none["linux"]["selinux"]["enabled"] == false);
    auto some = features_document(std::nullopt, "crun", HostSecurity{true, false, true});
    CHECK(some["linux"]["seccomp"]["enabled"] == true);
    CHECK(some["linux"]["apparmor"]["enabled"] == false);
    CHECK(some["linux"]["selinux"]["enabled"] == true);
}
