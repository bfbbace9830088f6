// The monitor's exit-code rule (runtime/monitor/exit_status.hpp, docs/guest-contract.md).
#include <catch2/catch.hpp>
#include <string>

#include "runtime/monitor/exit_status.hpp"

using namespace ucrun::monitor;

namespace {
int parse(const std::string& s) { return parse_exit_file(s.data(), s.size()).code; }
bool promised(const std::string& s) { return parse_exit_file(s.data(), s.size()).promised; }
ExitReport none() { return {}; }
ExitReport code(int c) { return {c, true}; }
ExitReport promise() { return {-1, true}; }
int exited(int code) { return code << 8; }
int signaled(int sig) { return sig; }
}  // namespace

TEST_CASE("parse_exit_file", "[monitor]") {
    CHECK(parse("") == -1);
    CHECK(parse("exit=7\n") == 7);
    CHECK(parse("exit=0\r\n") == 0);
    CHECK(parse("noise\nexit=3\nexit=4\n") == 4);
    CHECK(parse("exit=256\n") == -1);
    CHECK(parse("exit=\n") == -1);
    CHECK(parse("exit=12x\n") == -1);
    CHECK(parse("exit=255") == 255);
    CHECK(parse("report=exit\nexit=9\n") == 9);
    CHECK(promised("report=exit\n"));
    CHECK(promised("report=exit\r\nexit=0\n"));
    CHECK_FALSE(promised("exit=0\n"));
    CHECK_FALSE(promised("report=exitx\n"));
}

TEST_CASE("container_exit_code", "[monitor]") {
    CHECK(container_exit_code(code(5), exited(15)) == 5);      // the file wins
    CHECK(container_exit_code(code(0), exited(0)) == 0);
    CHECK(container_exit_code(none(), exited(15)) == 7);       // isa-debug-exit: (7 << 1) | 1
    CHECK(container_exit_code(none(), exited(3)) == 1);        // (1 << 1) | 1
    CHECK(container_exit_code(none(), exited(0)) == 0);        // clean power-off, no promise
    CHECK(container_exit_code(promise(), exited(0)) == 255);   // promised, then a panic reset
    CHECK(container_exit_code(promise(), exited(15)) == 7);
    CHECK(container_exit_code(none(), exited(1)) == 1);        // QEMU's own failure
    CHECK(container_exit_code(promise(), exited(1)) == 1);
    CHECK(container_exit_code(none(), exited(2)) == 2);
    CHECK(container_exit_code(none(), signaled(9)) == 137);
    CHECK(container_exit_code(promise(), signaled(9)) == 137);
}
