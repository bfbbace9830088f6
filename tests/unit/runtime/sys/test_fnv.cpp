// FNV-1a (runtime/sys/fnv.hpp).
#include <catch2/catch.hpp>

#include "runtime/sys/fnv.hpp"

TEST_CASE("fnv1a64: the published test vectors, and hex digits") {
    CHECK(sys::Fnv1a64().value() == 0xcbf29ce484222325ULL);
    CHECK(sys::Fnv1a64().update("a").value() == 0xaf63dc4c8601ec8cULL);
    CHECK(sys::Fnv1a64().update("foobar").value() == 0x85944171f73967e8ULL);
    CHECK(sys::Fnv1a64().update("foo").update("bar").hex() == "85944171f73967e8");
    CHECK(sys::Fnv1a64().update("foobar").hex(12) == "4171f73967e8");
}
