// The monitor's exit-code rule (runtime/monitor/exit_status.hpp, docs/guest-contract.md).
#include <catch2/catch.hpp>
#include <string>

#include "runtime/monitor/exit_status.hpp"

using namespace ucrun::monitor;

namespace {
int parse(const std::string& s) { return parse_exit_file(s.data(), s.size()); }
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
}

TEST_CASE("container_exit_code", "[monitor]") {
    CHECK(container_exit_code(5, exited(15)) == 5);          // the file wins
    CHECK(container_exit_code(-1, exited(15)) == 7);         // isa-debug-exit: (7 << 1) | 1
    CHECK(container_exit_code(-1, exited(3)) == 1);          // (1 << 1) | 1
    CHECK(container_exit_code(-1, exited(0)) == 0);          // clean power-off
    CHECK(container_exit_code(-1, exited(1)) == 1);          // QEMU's own failure
    CHECK(container_exit_code(-1, exited(2)) == 2);
    CHECK(container_exit_code(-1, signaled(9)) == 137);
}
