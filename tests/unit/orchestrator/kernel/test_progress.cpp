#include <catch2/catch.hpp>

#include "orchestrator/kernel/build.hpp"
#include "orchestrator/kernel/progress.hpp"

using namespace ucompose::kernel;

TEST_CASE("kernel build progress: kbuild's step lines are counted, the rest is not") {
    CHECK(is_build_step("  CC      kernel/fork.o"));
    CHECK(is_build_step("  AS      arch/x86/entry/entry_64.o"));
    CHECK(is_build_step("  LD      vmlinux.o"));
    CHECK(is_build_step("  HOSTCC  scripts/kconfig/conf.o"));
    CHECK_FALSE(is_build_step("  GEN     Makefile"));
    CHECK_FALSE(is_build_step("kernel/fork.c:12: error: expected ';'"));
    CHECK_FALSE(is_build_step("CC kernel/fork.o"));
    CHECK_FALSE(is_build_step(""));
}

TEST_CASE("kernel build progress: one line with the share done when the total is known") {
    CHECK(progress_line(812, 1624, 190) == "compiling: 812/1624 steps (50%), 3m10s");
    CHECK(progress_line(2000, 1624, 61) == "compiling: 2000/1624 steps (99%), 1m01s");
    CHECK(progress_line(5, 0, 7) == "compiling: 5 steps, 0m07s");
}

TEST_CASE("kernel build progress: plain output is one line per 15 s at most") {
    char buf[4096] = {};
    FILE* out = fmemopen(buf, sizeof buf, "w");
    ProgressMeter m(false);
    m.step("unpacking", out);
    m.compiled(1, 0, 0, out);
    m.compiled(2, 0, 5, out);
    m.compiled(3, 0, 15, out);
    m.compiled(4, 0, 20, out);
    m.finish(out);
    std::fclose(out);
    CHECK(std::string(buf) == "unpacking\ncompiling: 1 steps, 0m00s\ncompiling: 3 steps, 0m15s\n");
}

TEST_CASE("kernel build progress: a terminal gets one line rewritten in place") {
    char buf[4096] = {};
    FILE* out = fmemopen(buf, sizeof buf, "w");
    ProgressMeter m(true);
    m.compiled(1, 2, 0, out);
    m.compiled(2, 2, 1, out);
    m.step("installed", out);
    std::fclose(out);
    CHECK(std::string(buf) ==
          "\r\033[Kcompiling: 1/2 steps (50%), 0m00s\r\033[Kcompiling: 2/2 steps (99%), 0m01s\ninstalled\n");
}

#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "tests/unit/error_of.hpp"

TEST_CASE("kernel build: the source tarball, or what to install") {
    sys::TempDir tmp("ucompose-unit-");
    CHECK(error_of([&] { find_source("", tmp.path() + "/linux-source-*.tar.xz"); }) ==
          "no kernel source: " + tmp.path() +
              "/linux-source-*.tar.xz does not exist (apt-get install linux-source-6.1, or pass --source TARBALL)");
    CHECK(error_of([] { find_source("/nonexistent/linux.tar.xz"); }) ==
          "kernel source /nonexistent/linux.tar.xz: No such file or directory");
    sys::write_file_atomic(tmp.path() + "/linux-source-6.1.tar.xz", "x");
    sys::write_file_atomic(tmp.path() + "/linux-source-6.10.tar.xz", "x");
    sys::write_file_atomic(tmp.path() + "/linux-source-6.9.tar.xz", "x");
    CHECK(find_source("", tmp.path() + "/linux-source-*.tar.xz") == tmp.path() + "/linux-source-6.10.tar.xz");
}
