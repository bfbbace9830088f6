#include <catch2/catch.hpp>

#include <cstdint>

#include "runtime/net/links.hpp"

using namespace ucrun::net;

TEST_CASE("MACs print as lowercase colon-separated hex", "[net][links]") {
    const std::uint8_t mac[6] = {0x02, 0xAB, 0x00, 0x10, 0xfe, 0x9};
    CHECK(format_mac(nl::Bytes(mac, 6)) == "02:ab:00:10:fe:09");
    CHECK(format_mac({}).empty());
}
