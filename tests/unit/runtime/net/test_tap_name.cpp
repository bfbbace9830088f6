#include <catch2/catch.hpp>

#include "runtime/net/net.hpp"

using namespace ucrun::net;

TEST_CASE("tap names are short, stable and differ per container", "[net][tap_name]") {
    std::string id(64, 'a');
    std::string name = tap_name_for(id);
    CHECK(name.size() == 14);  // fits IFNAMSIZ (16) with its NUL
    CHECK(name.rfind("uk", 0) == 0);
    CHECK(name.find_first_not_of("0123456789abcdef", 2) == std::string::npos);
    CHECK(tap_name_for(id) == name);
    CHECK(tap_name_for(id + "b") != name);
    CHECK(tap_name_for("") == "uk" + std::string("cbf29ce484222325").substr(4));  // FNV-1a offset basis, low 48 bits
}
