// The derived config.json (runtime/unikernel/bundle.cpp).
#include <catch2/catch.hpp>

#include "runtime/unikernel/bundle.hpp"

using namespace ucrun::unikernel;
using nlohmann::json;

TEST_CASE("derive_config: process, root, mounts, devices", "[unikernel][bundle]") {
    json original = json::parse(R"({
        "ociVersion": "1.0.2",
        "process": {"args": ["/kernel"], "env": ["PATH=/bin"], "cwd": "/app", "terminal": false,
                    "user": {"uid": 0, "gid": 0}},
        "root": {"path": "rootfs", "readonly": true},
        "mounts": [{"destination": "/proc", "type": "proc", "source": "proc"},
                   {"destination": "/etc/hosts", "type": "bind", "source": "/ud/hosts", "options": ["bind", "ro"]},
                   {"destination": "/dev/shm", "type": "tmpfs", "source": "shm"},
                   {"destination": "/../../etc//", "type": "bind", "source": "/v", "options": ["rbind"]}],
        "linux": {"devices": [{"path": "/dev/net/tun", "type": "c", "major": 10, "minor": 200}],
                  "resources": {"memory": {"limit": 536870912}}}
    })");
    BundlePlan plan;
    plan.args = {"/.ucrun/monitor", "--", "qemu"};
    plan.env = {"HOME=/"};
    plan.rootfs = "/run/ucrun/containers/x/root";
    plan.binds = {{kUsrDir, "/usr", true, true, true}, {kVmDir, "/run/ucrun/containers/x/vm", false, false, false}};
    plan.tmpfs = {{kTmpDir, 268435456, "1777"}};
    plan.devices = {{"/dev/net/tun", 10, 200}, {"/dev/kvm", 10, 232}};
    json c = derive_config(original, plan);

    CHECK(c["process"]["args"] == json({"/.ucrun/monitor", "--", "qemu"}));
    CHECK(c["process"]["env"] == json({"HOME=/"}));
    CHECK(c["process"]["cwd"] == "/");
    CHECK(c["process"]["user"]["uid"] == 0);   // the rest of process is kept
    CHECK(c["root"] == json::parse(R"({"path":"/run/ucrun/containers/x/root","readonly":true})"));
    CHECK(c["process"]["noNewPrivileges"] == true);
    CHECK(c["process"]["capabilities"] ==
          json::parse(R"({"bounding":[],"effective":[],"inheritable":[],"permitted":[],"ambient":[]})"));
    CHECK(c["linux"]["resources"]["memory"]["limit"] == 536870912);

    const json& m = c["mounts"];
    REQUIRE(m.size() == 8);
    CHECK(m[0]["destination"] == "/proc");
    CHECK(m[1]["destination"] == "/dev/shm");
    CHECK(m[2] == json::parse(R"({"destination":"/.ucrun","type":"tmpfs","source":"tmpfs",
                                  "options":["nosuid","nodev","mode=755","size=1m"]})"));
    CHECK(m[3] == json::parse(R"({"destination":"/.ucrun/usr","type":"bind","source":"/usr",
                                  "options":["rbind","ro","nosuid","nodev"]})"));
    CHECK(m[4] == json::parse(R"({"destination":"/.ucrun/vm","type":"bind","source":"/run/ucrun/containers/x/vm",
                                  "options":["bind","rw","nosuid","nodev","noexec"]})"));
    CHECK(m[5] == json::parse(R"({"destination":"/.ucrun/tmp","type":"tmpfs","source":"tmpfs",
                                  "options":["nosuid","nodev","noexec","mode=1777","size=268435456"]})"));
    // The container's own mounts, after the private tmpfs that holds their mount points.
    CHECK(m[6] == json::parse(R"({"destination":"/.ucrun/mounts/etc/hosts","type":"bind","source":"/ud/hosts",
                                  "options":["bind","ro"]})"));
    CHECK(m[7]["destination"] == "/.ucrun/mounts/etc");

    const json& d = c["linux"]["devices"];
    REQUIRE(d.size() == 2);   // /dev/net/tun was already listed
    CHECK(d[1] == json::parse(R"({"path":"/dev/kvm","type":"c","major":10,"minor":232,"fileMode":438,"uid":0,"gid":0})"));
    const json& rules = c["linux"]["resources"]["devices"];
    REQUIRE(rules.size() == 2);
    CHECK(rules[1] == json::parse(R"({"allow":true,"type":"c","major":10,"minor":232,"access":"rwm"})"));
    CHECK(original["process"]["args"] == json({"/kernel"}));   // the original is untouched
}

TEST_CASE("relocated_destination: only /proc, /dev and /sys stay", "[unikernel][bundle]") {
    CHECK(relocated_destination("/proc") == "/proc");
    CHECK(relocated_destination("/dev/pts") == "/dev/pts");
    CHECK(relocated_destination("/sys/fs/cgroup") == "/sys/fs/cgroup");
    CHECK(relocated_destination("/devices") == "/.ucrun/mounts/devices");
    CHECK(relocated_destination("/etc/resolv.conf") == "/.ucrun/mounts/etc/resolv.conf");
    CHECK(relocated_destination("/") == "/.ucrun/mounts");
    CHECK(relocated_destination("/../..//x/./y/") == "/.ucrun/mounts/x/y");
    CHECK(relocated_destination("/a/../../proc") == "/proc");
    CHECK(relocated_destination("data") == "/.ucrun/mounts/data");
}
