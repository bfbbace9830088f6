// `ucompose doctor`'s output: one line per prerequisite, then a summary line.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "orchestrator/doctor/checks.hpp"

namespace ucompose::doctor {

// "fail  init             podman's init binary ... is missing; fix: apt-get install ..." (no newline).
std::string format_finding(const Finding& f);
// "2 warnings, 1 failure" / "all ok".
std::string summary(const std::vector<Finding>& findings);
// Every finding, one per line, then the summary.
void print_report(std::ostream& out, const std::vector<Finding>& findings);

}  // namespace ucompose::doctor
