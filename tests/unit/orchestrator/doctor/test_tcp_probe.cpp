#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <sys/socket.h>

#include "orchestrator/doctor/tcp_probe.hpp"
#include "runtime/sys/unique_fd.hpp"

using namespace ucompose::doctor;

TEST_CASE("registry_host_port: host and port of HOST[:PORT]/PREFIX, 443 by default", "[doctor]") {
    auto a = registry_host_port("127.0.0.1:5000/unikernels");
    CHECK(a.host == "127.0.0.1");
    CHECK(a.port == "5000");
    auto b = registry_host_port("registry.example.com/team/uk");
    CHECK(b.host == "registry.example.com");
    CHECK(b.port == "443");
    auto c = registry_host_port("[::1]:5001/x");
    CHECK(c.host == "::1");
    CHECK(c.port == "5001");
}

TEST_CASE("tcp_problem: a listening socket answers, a closed port is refused", "[doctor]") {
    sys::UniqueFd s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    REQUIRE(s.get() >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(s.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(s.get(), 1) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(s.get(), reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    std::string port = std::to_string(ntohs(addr.sin_port));
    CHECK_FALSE(tcp_problem({"127.0.0.1", port}, 2000));
    s = sys::UniqueFd();  // closed: nobody listens on the port any more
    auto p = tcp_problem({"127.0.0.1", port}, 2000);
    REQUIRE(p);
    CHECK(*p == "connection refused");
}
