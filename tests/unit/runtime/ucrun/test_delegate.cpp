#include <catch2/catch.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/ucrun/delegate.hpp"

using namespace ucrun;

TEST_CASE("delegate argv forwards globals and puts the delegate's state under ucrun's root", "[ucrun][delegate]") {
    GlobalOptions g;
    g.root = "/run/ucrun";
    CHECK(delegate_argv("/usr/bin/crun", "/run/ucrun/crun", g, "start", {"c1"}) ==
          Argv{"/usr/bin/crun", "--root", "/run/ucrun/crun", "start", "c1"});

    g.debug = true;
    g.log = "/tmp/l.json";
    g.log_format = "json";
    g.systemd_cgroup = true;
    CHECK(delegate_argv("/usr/bin/crun", "/r/crun", g, "kill", {"--all", "c1", "9"}) ==
          Argv{"/usr/bin/crun", "--root", "/r/crun", "--debug", "--log", "/tmp/l.json", "--log-format=json",
               "--systemd-cgroup", "kill", "--all", "c1", "9"});
}

TEST_CASE("create args are rebuilt from the options with the effective bundle", "[ucrun][delegate]") {
    CreateOptions o;
    o.id = "c1";
    o.bundle = "/podman/userdata";
    CHECK(create_args(o, "/run/ucrun/containers/c1/bundle") ==
          Argv{"--bundle", "/run/ucrun/containers/c1/bundle", "c1"});
    o.pid_file = "/p/pidfile";
    o.console_socket = "/p/sock";
    o.preserve_fds = 2;
    o.no_pivot = true;
    o.no_new_keyring = true;
    CHECK(create_args(o, "/b") == Argv{"--bundle", "/b", "--pid-file", "/p/pidfile", "--console-socket", "/p/sock",
                                       "--preserve-fds=2", "--no-pivot", "--no-new-keyring", "c1"});
}

TEST_CASE("the delegate is found by path or in PATH, and a missing one names where we looked", "[ucrun][delegate]") {
    CHECK(resolve_delegate("/bin/sh", "") == "/bin/sh");
    CHECK(resolve_delegate("sh", "/nonexistent:/bin") == "/bin/sh");
    CHECK(delegate_name("/usr/bin/crun") == "crun");
    CHECK(delegate_name("runc") == "runc");
    try {
        resolve_delegate("no-such-runtime-xyz", "/nonexistent");
        FAIL("expected an error");
    } catch (const sys::Error& e) {
        std::string msg = e.what();
        CHECK(msg.find("\"no-such-runtime-xyz\" not found") != std::string::npos);
        CHECK(msg.find("/nonexistent:/usr/local/bin:/usr/bin") != std::string::npos);
    }
    CHECK_THROWS_AS(resolve_delegate("/nonexistent/crun", ""), sys::Error);
}
