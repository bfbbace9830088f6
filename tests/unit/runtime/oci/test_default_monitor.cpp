// ucrun's default monitor follows the binary's own prefix (runtime/oci/config.cpp).
#include <catch2/catch.hpp>

#include "runtime/oci/config.hpp"

TEST_CASE("default monitor: beside <prefix>/bin/NAME is <prefix>/lib/ucrun/ucrun-monitor") {
    CHECK(ucrun::monitor_beside("/usr/bin/ucrun") == "/usr/lib/ucrun/ucrun-monitor");
    CHECK(ucrun::monitor_beside("/usr/local/bin/ucrun") == "/usr/local/lib/ucrun/ucrun-monitor");
    CHECK(ucrun::monitor_beside("/opt/x/bin/ucompose") == "/opt/x/lib/ucrun/ucrun-monitor");
}

TEST_CASE("default monitor: a binary outside a bin directory has none beside it") {
    CHECK(ucrun::monitor_beside("/work/build/cli/ucrun").empty());
    CHECK(ucrun::monitor_beside("/usr/sbin/ucrun").empty());
    CHECK(ucrun::monitor_beside("ucrun").empty());
}

TEST_CASE("default monitor: a config without \"monitor\", or no config file, starts from it") {
    CHECK(ucrun::parse_config("{}", "t.json").monitor == ucrun::default_monitor());
    CHECK(ucrun::parse_config(R"({"monitor":"/m"})", "t.json").monitor == "/m");
    CHECK(ucrun::load_config({{"UCRUN_CONFIG", "/nonexistent/ucrun.json"}}).monitor == ucrun::default_monitor());
    CHECK(ucrun::load_config({{"UCRUN_CONFIG", "/nonexistent/ucrun.json"}, {"UCRUN_MONITOR", "/e"}}).monitor == "/e");
}

TEST_CASE("default monitor: the unit test binary (not in a bin directory) falls back to the prefix's") {
    CHECK(ucrun::default_monitor().size() > std::string("/lib/ucrun/ucrun-monitor").size());
    CHECK(ucrun::default_monitor().find("/lib/ucrun/ucrun-monitor") != std::string::npos);
}
