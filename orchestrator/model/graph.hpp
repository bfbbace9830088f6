// The service dependency graph: validation, cycle detection, start levels, stop order.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "orchestrator/model/model.hpp"

namespace ucompose {

// Throws Error at the depends_on entry when a service depends on a service that is not
// defined, and "dependency cycle detected: a -> b -> a" (starting from the smallest name)
// when the enabled services contain a cycle.
void check_dependencies(const Project& project);

// Level 0: services without dependencies; level n: services whose dependencies are all
// in levels < n. Names within a level are sorted. Services of one level may start in
// parallel once the previous levels' conditions hold.
std::vector<std::vector<std::string>> start_levels(const Project& project);

// The reverse of the start order: dependents stop before their dependencies.
std::vector<std::string> stop_order(const Project& project);

// `names` plus everything they depend on (transitively), looked up in `services`,
// sorted. Missing names are skipped.
std::vector<std::string> dependency_closure(const std::map<std::string, Service>& services,
                                            const std::vector<std::string>& names);

}  // namespace ucompose
