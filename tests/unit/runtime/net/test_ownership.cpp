#include <catch2/catch.hpp>

#include "runtime/net/ownership.hpp"

using namespace ucrun::net;

namespace {

// A u32 filter as dumped: the classifier and its hash table (no action), then our node.
std::vector<IngressFilter> u32_at(std::uint16_t pref, std::optional<std::string> cookie) {
    return {{pref, "u32", false, std::nullopt, 0},
            {pref, "u32", false, std::nullopt, 0},
            {pref, "u32", true, std::move(cookie), 7}};
}

std::vector<IngressFilter> concat(std::vector<IngressFilter> a, const std::vector<IngressFilter>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("filter marks fit a tc cookie and round-trip", "[net][ownership]") {
    std::string m = encode_mark({true, "uk0123456789ab"});
    CHECK(m == "Quk0123456789ab");
    CHECK(encode_mark({false, "uk0123456789abc"}).size() == 16);  // the most a cookie holds
    auto back = decode_mark(m);
    REQUIRE(back);
    CHECK(back->created_qdisc);
    CHECK(back->tap == "uk0123456789ab");
    CHECK_FALSE(decode_mark(""));
    CHECK_FALSE(decode_mark("Q"));
    CHECK_FALSE(decode_mark("Xuk1"));
}

TEST_CASE("detach removes our filter, and the qdisc only if we made it and it is unused", "[net][ownership]") {
    const std::string tap = "uk1";
    SECTION("we created the qdisc and are alone on it") {
        DetachPlan p = plan_detach(u32_at(kFilterPref, "Quk1"), tap);
        CHECK(p.delete_prefs == std::vector<std::uint16_t>{kFilterPref});
        CHECK(p.delete_qdisc);
    }
    SECTION("the qdisc was there before us") {
        DetachPlan p = plan_detach(u32_at(kFilterPref, "Fuk1"), tap);
        CHECK(p.delete_prefs == std::vector<std::uint16_t>{kFilterPref});
        CHECK_FALSE(p.delete_qdisc);
    }
    SECTION("someone added a filter to our qdisc since: the qdisc stays") {
        DetachPlan p = plan_detach(concat(u32_at(kFilterPref, "Quk1"), u32_at(10, std::nullopt)), tap);
        CHECK(p.delete_prefs == std::vector<std::uint16_t>{kFilterPref});
        CHECK_FALSE(p.delete_qdisc);
    }
    SECTION("another tap's filter, a foreign cookie, or none at our pref: untouched") {
        CHECK(plan_detach(u32_at(kFilterPref, "Quk2"), tap).delete_prefs.empty());
        CHECK(plan_detach(u32_at(kFilterPref, "something"), tap).delete_prefs.empty());
        CHECK(plan_detach(u32_at(kFilterPref, std::nullopt), tap).delete_prefs.empty());
        CHECK(plan_detach(concat(u32_at(kFilterPref, "Quk1"), u32_at(kFilterPref, "Fuk2")), tap)
                  .delete_prefs.empty());
    }
    SECTION("our mark at another pref is not ours; nothing at all is a no-op") {
        CHECK(plan_detach(u32_at(10, "Quk1"), tap).delete_prefs.empty());
        DetachPlan none = plan_detach({}, tap);
        CHECK(none.delete_prefs.empty());
        CHECK_FALSE(none.delete_qdisc);
    }
}

TEST_CASE("attach sees an eth0 already redirected by another unikernel", "[net][ownership]") {
    CHECK_FALSE(redirected_to({}));
    CHECK_FALSE(redirected_to(u32_at(10, "Quk2")));
    CHECK(redirected_to(u32_at(kFilterPref, "Fuk2")) == std::optional<std::string>("uk2"));
    CHECK(redirected_to(u32_at(kFilterPref, std::nullopt)) == std::optional<std::string>("(unknown)"));
}
