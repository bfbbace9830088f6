// The spawn core (runtime/sys/process.cpp): what its callers rely on. ucrun's delegate runs
// (default options), ucompose's podman children (AsyncChild: /dev/null stdin, own process group,
// signals reset), the doctor's and the kernel build's commands (fds, env).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "runtime/sys/error.hpp"
#include "runtime/sys/process.hpp"
#include "runtime/sys/unique_fd.hpp"
#include "tests/unit/error_of.hpp"

namespace {

// The SigIgn mask of a running process, from /proc.
unsigned long long ignored_signals(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("SigIgn:", 0) == 0) return std::stoull(line.substr(7), nullptr, 16);
    FAIL("no SigIgn in /proc/" << pid << "/status");
    return 0;
}

// Runs argv with stdout on a pipe; returns what it wrote.
std::string output_of(const sys::Argv& argv, sys::SpawnOptions o) {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    sys::UniqueFd rd(fds[0]), wr(fds[1]);
    o.stdout_fd = wr.get();
    sys::Child child = sys::spawn(argv, o);
    wr.reset();
    std::string out;
    char buf[256];
    ssize_t n;
    while ((n = ::read(rd.get(), buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    CHECK(sys::exit_code_of(child.wait()) == 0);
    return out;
}

}  // namespace

TEST_CASE("spawn: an exec failure is an error naming the program") {
    CHECK(error_of([] { sys::spawn({"ucrun-unit-no-such-program"}); }) ==
          "exec ucrun-unit-no-such-program: No such file or directory");
    CHECK(error_of([] { sys::spawn({}); }) == "spawn: empty argv");
}

TEST_CASE("run: exit code, stdout and stderr apart, stdin given") {
    auto r = sys::run({"sh", "-c", "cat; echo err >&2; exit 3"}, "in\n");
    CHECK(r.exit_code == 3);
    CHECK(r.out == "in\n");
    CHECK(r.err == "err\n");
    CHECK(sys::run({"sh", "-c", "kill -TERM $$"}).exit_code == 128 + SIGTERM);
}

TEST_CASE("spawn: environment, /dev/null stdin") {
    sys::SpawnOptions o;
    o.env = sys::Argv{"UCRUN_UNIT=1"};
    CHECK(output_of({"sh", "-c", "echo \"$UCRUN_UNIT ${HOME:-unset}\""}, o) == "1 unset\n");
    sys::SpawnOptions null_in;
    null_in.stdin_null = true;
    CHECK(output_of({"wc", "-c"}, null_in) == "0\n");
}

TEST_CASE("spawn: process group and signal dispositions") {
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    REQUIRE(::sigaction(SIGUSR1, &ignore, &old) == 0);
    const unsigned long long usr1 = 1ULL << (SIGUSR1 - 1);

    // Default options, as ucrun's delegate runs: the parent's group, an ignored signal stays ignored.
    sys::Child plain = sys::spawn({"sleep", "30"});
    CHECK(::getpgid(plain.pid()) == ::getpgrp());
    CHECK((ignored_signals(plain.pid()) & usr1) != 0);

    sys::SpawnOptions o;
    o.new_process_group = true;
    o.default_signals = {SIGUSR1};
    sys::Child own = sys::spawn({"sleep", "30"}, o);
    CHECK(::getpgid(own.pid()) == own.pid());
    CHECK((ignored_signals(own.pid()) & usr1) == 0);

    ::sigaction(SIGUSR1, &old, nullptr);
}  // both children are killed and reaped here
