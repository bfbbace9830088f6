// Guest RAM and vCPUs from the container's limits (runtime/unikernel/resources.cpp).
#include <catch2/catch.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/unikernel/resources.hpp"

using namespace ucrun::unikernel;

namespace {
constexpr int64_t MiB = 1024 * 1024;
}

TEST_CASE("derive_resources: no limit uses the image default, else 256 MiB", "[unikernel][resources]") {
    CHECK(derive_resources({}).guest_mib == 256);
    ResourceInput in;
    in.image_memory_mib = 64;
    CHECK(derive_resources(in).guest_mib == 64);
    in.memory_limit_bytes = -1;   // "unlimited"
    CHECK(derive_resources(in).guest_mib == 64);
    CHECK(derive_resources(in).headroom_mib == 0);
}

TEST_CASE("derive_resources: 512 MiB limit leaves the documented headroom", "[unikernel][resources]") {
    ResourceInput in;
    in.memory_limit_bytes = 512 * MiB;
    in.image_memory_mib = 1024;   // a limit wins over the image default
    in.accel = Accel::tcg;
    Resources tcg = derive_resources(in);
    CHECK(tcg.tb_size_mib == 16);
    CHECK(tcg.headroom_mib == 64 + 16 + 32);
    CHECK(tcg.guest_mib == 400);
    in.accel = Accel::kvm;
    Resources kvm = derive_resources(in);
    CHECK(kvm.tb_size_mib == 0);
    CHECK(kvm.guest_mib == 416);
}

TEST_CASE("derive_resources: a limit too small is an error that says what would do", "[unikernel][resources]") {
    ResourceInput in;
    in.memory_limit_bytes = 64 * MiB;
    try {
        derive_resources(in);
        FAIL("expected an error");
    } catch (const sys::Error& e) {
        CHECK(std::string(e.what()).find("memory limit 64 MiB is too small for a VM") != std::string::npos);
    }
    in.memory_limit_bytes = 120 * MiB;   // 120 - (64 + 16 + 7) = 33: just enough
    CHECK(derive_resources(in).guest_mib == 33);
}

TEST_CASE("derive_resources: vCPUs from the CPU quota", "[unikernel][resources]") {
    ResourceInput in;
    in.host_cpus = 4;
    CHECK(derive_resources(in).vcpus == 1);
    in.cpu_quota = 150000;
    in.cpu_period = 100000;
    CHECK(derive_resources(in).vcpus == 2);
    in.cpu_quota = 1000000;
    CHECK(derive_resources(in).vcpus == 4);   // capped at the host's CPUs
    in.cpu_quota = 1000;
    CHECK(derive_resources(in).vcpus == 1);
    in.cpu_quota = -1;
    CHECK(derive_resources(in).vcpus == 1);
}
