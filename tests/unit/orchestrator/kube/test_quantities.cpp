// orchestrator/kube/resources.cpp: Kubernetes quantities of compose's sizes and cpus.
#include <catch2/catch.hpp>

#include "orchestrator/kube/parts.hpp"

using ucompose::kube::cpu_quantity;
using ucompose::kube::memory_quantity;

TEST_CASE("kube quantities: memory in Mi when whole MiB, else bytes", "[kube]") {
    CHECK(memory_quantity(512LL * 1024 * 1024) == "512Mi");
    CHECK(memory_quantity(1024LL * 1024 * 1024) == "1024Mi");
    CHECK(memory_quantity(1000000) == "1000000");
    CHECK(memory_quantity(1024) == "1024");
}

TEST_CASE("kube quantities: cpus in cores or millicores", "[kube]") {
    CHECK(cpu_quantity(2) == "2");
    CHECK(cpu_quantity(0.5) == "500m");
    CHECK(cpu_quantity(1.5) == "1500m");
    CHECK(cpu_quantity(0.0001) == "1m");  // never 0: that would mean no limit
}
