// The monitor's exit-code rule (docs/guest-contract.md), pure and shared with the unit tests.
// Header-only: the monitor is a separate static program, and unit_tests links only the libraries.
#pragma once
#include <sys/wait.h>

#include <cstddef>

namespace ucrun::monitor {

// Parses "exit=<0-255>" lines from the guest's COM2 file; the last valid one wins.
// Returns -1 when there is none.
inline int parse_exit_file(const char* data, size_t len) {
    int found = -1;
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && data[i] != '\n') ++i;
        size_t end = i;
        if (end > start && data[end - 1] == '\r') --end;
        ++i;
        const char* p = data + start;
        size_t n = end - start;
        if (n < 6 || p[0] != 'e' || p[1] != 'x' || p[2] != 'i' || p[3] != 't' || p[4] != '=') continue;
        int v = 0;
        size_t k = 5;
        for (; k < n && k < 9 && p[k] >= '0' && p[k] <= '9'; ++k) v = v * 10 + (p[k] - '0');
        if (k == n && k > 5 && v <= 255) found = v;
    }
    return found;
}

// `exit_file_code` from parse_exit_file (or -1); `wait_status` is QEMU's raw wait status.
//  - exit=N in the file wins;
//  - else an odd QEMU status > 1 is isa-debug-exit: status >> 1;
//  - else a clean power-off is 0 and any other status is QEMU's own, as is;
//  - a QEMU killed by a signal gives 128 + signal (137 when killed at the stop deadline).
inline int container_exit_code(int exit_file_code, int wait_status) {
    if (exit_file_code >= 0) return exit_file_code;
    if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
    if (!WIFEXITED(wait_status)) return 255;
    int s = WEXITSTATUS(wait_status);
    if (s > 1 && (s & 1)) return s >> 1;
    return s;
}

}  // namespace ucrun::monitor
