#include "orchestrator/doctor/report.hpp"

#include <cstdio>

namespace ucompose::doctor {

std::string format_finding(const Finding& f) {
    char head[64];
    std::snprintf(head, sizeof head, "%-4s  %-16s ", status_word(f.status), f.name.c_str());
    std::string line = head + f.message;
    if (f.status != Status::ok && !f.fix.empty()) line += "; fix: " + f.fix;
    return line;
}

std::string summary(const std::vector<Finding>& findings) {
    int warns = 0, fails = 0;
    for (const auto& f : findings) {
        if (f.status == Status::warn) ++warns;
        if (f.status == Status::fail) ++fails;
    }
    if (warns == 0 && fails == 0) return "all ok";
    auto count = [](int n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
    return count(fails, "failure") + ", " + count(warns, "warning");
}

void print_report(std::ostream& out, const std::vector<Finding>& findings) {
    for (const auto& f : findings) out << format_finding(f) << "\n";
    out << summary(findings) << "\n";
}

}  // namespace ucompose::doctor
