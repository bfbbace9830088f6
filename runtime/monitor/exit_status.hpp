// The monitor's exit-code rule (docs/guest-contract.md), pure and shared with the unit tests.
// Header-only: the monitor is a separate static program, and unit_tests links only the libraries.
#pragma once
#include <sys/wait.h>

#include <cstddef>
#include <cstring>

namespace ucrun::monitor {

// What the guest wrote on its COM2 file: "exit=<0-255>" lines (the last valid one wins; -1 when
// there is none), and whether it promised one with a "report=exit" line (the project's init writes
// it first thing, so a VM that then ends without an exit line crashed: a kernel panic resets it).
struct ExitReport {
    int code = -1;
    bool promised = false;
};

inline ExitReport parse_exit_file(const char* data, size_t len) {
    ExitReport r;
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && data[i] != '\n') ++i;
        size_t end = i;
        if (end > start && data[end - 1] == '\r') --end;
        ++i;
        const char* p = data + start;
        size_t n = end - start;
        if (n == 11 && std::memcmp(p, "report=exit", 11) == 0) r.promised = true;
        if (n < 6 || std::memcmp(p, "exit=", 5) != 0) continue;
        int v = 0;
        size_t k = 5;
        for (; k < n && k < 9 && p[k] >= '0' && p[k] <= '9'; ++k) v = v * 10 + (p[k] - '0');
        if (k == n && k > 5 && v <= 255) r.code = v;
    }
    return r;
}

// The container's exit code from the guest's report and QEMU's raw wait status:
//  - exit=N in the file wins;
//  - else an odd QEMU status > 1 is isa-debug-exit: status >> 1;
//  - else a clean QEMU exit is 0, unless the guest promised a report and gave none: then it
//    crashed (kernel panic, dead init), which is kGuestCrashed;
//  - any other QEMU status is QEMU's own, as is;
//  - a QEMU killed by a signal gives 128 + signal (137 when killed at the stop deadline).
inline constexpr int kGuestCrashed = 255;

inline int container_exit_code(const ExitReport& report, int wait_status) {
    if (report.code >= 0) return report.code;
    if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
    if (!WIFEXITED(wait_status)) return 255;
    int s = WEXITSTATUS(wait_status);
    if (s > 1 && (s & 1)) return s >> 1;
    if (s == 0 && report.promised) return kGuestCrashed;
    return s;
}

}  // namespace ucrun::monitor
