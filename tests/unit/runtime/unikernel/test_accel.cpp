// KVM or TCG (runtime/unikernel/accel.cpp).
#include <catch2/catch.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/unikernel/accel.hpp"

using namespace ucrun::unikernel;

TEST_CASE("choose_accel", "[unikernel][accel]") {
    CHECK(choose_accel("auto", std::nullopt).accel == Accel::kvm);
    AccelChoice c = choose_accel("auto", std::string("open /dev/kvm: No such file or directory"));
    CHECK(c.accel == Accel::tcg);
    CHECK(c.reason.find("No such file") != std::string::npos);
    CHECK(choose_accel("tcg", std::nullopt).accel == Accel::tcg);
    CHECK(choose_accel("kvm", std::nullopt).accel == Accel::kvm);
    CHECK_THROWS_AS(choose_accel("kvm", std::string("no")), sys::Error);
    CHECK_THROWS_AS(choose_accel("hvf", std::nullopt), sys::Error);
}

TEST_CASE("probe_kvm: a missing device is a reason, not an error", "[unikernel][accel]") {
    auto why = probe_kvm("/nonexistent/kvm", "/nonexistent/module");
    REQUIRE(why);
    CHECK(why->find("/nonexistent/kvm") != std::string::npos);
}
