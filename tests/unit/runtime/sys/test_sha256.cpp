// SHA-256 (runtime/sys/sha256.cpp). Expected values from coreutils' sha256sum, e.g.
// `printf 'abc' | sha256sum`.
#include <catch2/catch.hpp>

#include "runtime/sys/sha256.hpp"

TEST_CASE("sha256: known digests") {
    CHECK(sys::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sys::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // head -c 1000000 /dev/zero | tr '\0' a | sha256sum
    CHECK(sys::sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: updates in pieces equal one update") {
    CHECK(sys::Sha256().update("a").update("").update("bc").hex() == sys::sha256_hex("abc"));
    // printf 'bin\0FROM scratch' | sha256sum
    CHECK(sys::Sha256().update("bin").update(std::string_view("\0", 1)).update("FROM scratch").hex() ==
          "5da180cd19c32b531de6a8536289f2d62d20c447499db31c8ff822805ebca40e");
}
