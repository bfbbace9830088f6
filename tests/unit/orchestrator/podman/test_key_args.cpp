// orchestrator/podman/key_args/: every service key that reaches podman has its entry there, an
// argv writer or the place its value goes instead, so that a new key cannot be forgotten.
#include <catch2/catch.hpp>

#include <set>

#include "orchestrator/model/keys/service_key.hpp"
#include "orchestrator/podman/key_args.hpp"

using namespace ucompose;

TEST_CASE("podman key args: one entry per carried service key, a writer or where it goes", "[podman][keys]") {
    std::set<std::string_view> carried;
    for (const ServiceKey& k : service_keys()) {
        if (k.support != Support::Carried) continue;
        INFO(k.name);
        carried.insert(k.name);
        const KeyArgs* a = find_key_args(k.name);
        REQUIRE(a != nullptr);
        CHECK(static_cast<bool>(a->write) != !a->elsewhere.empty());  // one or the other
    }
    std::set<std::string_view> seen;
    for (const KeyArgs& a : key_args()) {
        INFO(a.key);
        CHECK(seen.insert(a.key).second);  // once each
        CHECK(carried.count(a.key) == 1);  // a key the table carries (not a spelling of its own)
    }
}

TEST_CASE("podman key args: the keys podman gets no argument for", "[podman][keys]") {
    std::vector<std::string_view> none;
    for (const KeyArgs& a : key_args())
        if (!a.write) none.push_back(a.key);
    CHECK(none == std::vector<std::string_view>{"image", "build", "env_file", "container_name", "depends_on",
                                                "profiles", "scale", "pull_policy", "runtime", "x-ucompose",
                                                "links", "configs", "command", "deploy"});
}
