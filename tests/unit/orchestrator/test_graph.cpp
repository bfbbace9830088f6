// orchestrator/model/graph.cpp: levels, stop order, cycles, as data.
#include <catch2/catch.hpp>

#include "orchestrator/model/graph.hpp"

using namespace ucompose;

namespace {
Project project(const std::map<std::string, std::vector<std::string>>& deps) {
    Project p;
    for (const auto& [name, ds] : deps) {
        Service s;
        s.name = name;
        s.image = "x";
        for (const std::string& d : ds) s.depends_on[d] = DependsOn{};
        p.services[name] = s;
    }
    return p;
}
}  // namespace

TEST_CASE("diamond: start levels and reverse stop order", "[graph]") {
    Project p = project({{"top", {"left", "right"}}, {"left", {"base"}}, {"right", {"base"}}, {"base", {}}});
    check_dependencies(p);
    CHECK(start_levels(p) == std::vector<std::vector<std::string>>{{"base"}, {"left", "right"}, {"top"}});
    CHECK(stop_order(p) == std::vector<std::string>{"top", "right", "left", "base"});
    CHECK(dependency_closure(p.services, {"left"}) == std::vector<std::string>{"base", "left"});
}

TEST_CASE("cycles name their path from the smallest service", "[graph]") {
    CHECK_THROWS_WITH(check_dependencies(project({{"z", {"y"}}, {"y", {"x"}}, {"x", {"z"}}})),
                      "dependency cycle detected: x -> z -> y -> x");
    CHECK_THROWS_WITH(check_dependencies(project({{"a", {}}, {"b", {"c"}}, {"c", {"b"}}})),
                      "dependency cycle detected: b -> c -> b");
}

TEST_CASE("an unknown dependency is an error unless optional", "[graph]") {
    Project p = project({{"a", {"ghost"}}});
    CHECK_THROWS_WITH(check_dependencies(p), "service 'a' depends on undefined service 'ghost'");
    p.services["a"].depends_on["ghost"].required = false;
    CHECK_NOTHROW(check_dependencies(p));
    CHECK(start_levels(p) == std::vector<std::vector<std::string>>{{"a"}});
}
