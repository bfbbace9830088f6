// The texts and commands of `ucompose doctor --fix` (orchestrator/doctor/fixes.cpp).
#include <catch2/catch.hpp>

#include "orchestrator/doctor/fixes.hpp"
#include "healthy_facts.hpp"

using namespace ucompose::doctor;

TEST_CASE("doctor --fix: the drop-in is scripts/setup-host's, byte for byte", "[doctor]") {
    CHECK(dropin_text("/usr/local/bin/ucrun", Limits{20000, 32768}) ==
          "# Written by ucompose's scripts/setup-host. Safe to delete (ucrun is then unregistered).\n"
          "[containers]\n"
          "default_ulimits = [\"nofile=20000:20000\", \"nproc=32768:32768\"]\n"
          "\n"
          "[engine]\n"
          "runtime_supports_json = [\"crun\", \"runc\", \"kata\", \"runsc\", \"krun\", \"ucrun\"]\n"
          "runtime_supports_nocgroups = [\"crun\", \"krun\", \"ucrun\"]\n"
          "\n"
          "[engine.runtimes]\n"
          "ucrun = [\"/usr/local/bin/ucrun\"]\n");
}

TEST_CASE("doctor --fix: ucrun.json is scripts/setup-host's", "[doctor]") {
    CHECK(ucrun_config_text() ==
          "{\n  \"delegate\": \"crun\",\n  \"registry\": \"/var/lib/ucrun/registry\",\n"
          "  \"qemu\": \"/usr/bin/qemu-system-x86_64\",\n  \"stop_timeout\": 10\n}\n");
}

TEST_CASE("doctor --fix: commands and descriptions", "[doctor]") {
    Facts f = healthy_facts();
    f.ucrun_bin = "/opt/ucrun";
    FixContext c = fix_context(f);
    CHECK(c.limits.nofile == 20000);
    CHECK(c.limits.nproc == 32768);

    Action a;
    a.kind = ActionKind::install_packages;
    a.packages = {"catatonit"};
    a.reinstall = true;
    CHECK(install_argv(a) ==
          sys::Argv{"apt-get", "install", "-y", "-q", "--no-install-recommends", "--reinstall", "catatonit"});
    CHECK(describe(a, c) == "apt-get install -y -q --no-install-recommends --reinstall catatonit");

    a = Action{};
    a.kind = ActionKind::write_dropin;
    CHECK(describe(a, c) ==
          "write /etc/containers/containers.conf.d/50-ucrun.conf (ucrun = /opt/ucrun, nofile=20000, nproc=32768)");
    a.kind = ActionKind::make_registry;
    CHECK(describe(a, c) == "mkdir -p /var/lib/ucrun/registry");
    a.kind = ActionKind::start_syslog;
    CHECK(describe(a, c) == "busybox syslogd -C64");
}
