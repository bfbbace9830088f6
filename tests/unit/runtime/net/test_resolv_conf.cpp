#include <catch2/catch.hpp>

#include "runtime/net/net.hpp"

using namespace ucrun::net;

TEST_CASE("resolv.conf: IPv4 nameservers in order, last search/domain wins", "[net][resolv_conf]") {
    GuestNet g;
    parse_resolv_conf("# podman\n"
                      "domain old.example\n"
                      "search dns.podman example.com   # comment\n"
                      "nameserver 10.89.64.1\n"
                      "nameserver fd00::1\n"
                      "nameserver\t8.8.8.8 ; trailing\n"
                      "options ndots:0 edns0\n"
                      "nameserver not-an-ip\n",
                      g);
    CHECK(g.dns == std::vector<std::string>{"10.89.64.1", "8.8.8.8"});
    CHECK(g.search == std::vector<std::string>{"dns.podman", "example.com"});

    GuestNet d;
    parse_resolv_conf("search a b\ndomain only.this\n", d);
    CHECK(d.search == std::vector<std::string>{"only.this"});

    GuestNet empty;
    parse_resolv_conf("", empty);
    CHECK(empty.dns.empty());
    CHECK(empty.search.empty());
}
