// doctor's report lines (orchestrator/doctor/report.cpp).
#include <catch2/catch.hpp>

#include <sstream>

#include "orchestrator/doctor/report.hpp"

using namespace ucompose::doctor;

TEST_CASE("doctor: one line per finding, the fix on warn and fail", "[doctor]") {
    Finding ok{"tun", Status::ok, "/dev/net/tun present", "", std::nullopt};
    Finding warn{"syslog", Status::warn, "no /dev/log", "busybox syslogd -C64", std::nullopt};
    Finding fail{"registry", Status::fail, "registry directory /r missing", "mkdir -p /r", std::nullopt};
    CHECK(format_finding(ok) == "ok    tun              /dev/net/tun present");
    CHECK(format_finding(warn) == "warn  syslog           no /dev/log; fix: busybox syslogd -C64");
    CHECK(format_finding(fail) == "fail  registry         registry directory /r missing; fix: mkdir -p /r");

    CHECK(summary({ok}) == "all ok");
    CHECK(summary({ok, warn}) == "0 failures, 1 warning");
    CHECK(summary({fail, warn, warn}) == "1 failure, 2 warnings");

    std::ostringstream out;
    print_report(out, {ok, fail});
    CHECK(out.str() == format_finding(ok) + "\n" + format_finding(fail) + "\n1 failure, 0 warnings\n");
}
