#include <catch2/catch.hpp>

#include "runtime/sys/gzip.hpp"
#include "tests/unit/error_of.hpp"

TEST_CASE("gzip: round trip, magic, no name or time (reproducible)") {
    std::string data;
    for (int i = 0; i < 100000; ++i) data += static_cast<char>('a' + i % 7);
    std::string gz = sys::gzip_compress(data);
    CHECK(sys::is_gzip(gz));
    CHECK_FALSE(sys::is_gzip(data));
    CHECK(gz.size() < data.size() / 10);
    CHECK(gz == sys::gzip_compress(data));
    CHECK(gz[4] == 0);  // MTIME is zero
    CHECK(sys::gzip_decompress(gz, "x", data.size()) == data);
    CHECK(sys::gzip_decompress(sys::gzip_compress(""), "x", 0).empty());
}

TEST_CASE("gzip: corrupt, truncated and oversized streams are errors naming the origin") {
    std::string gz = sys::gzip_compress(std::string(5000, 'z'));
    CHECK_THAT(error_of([&] { sys::gzip_decompress(gz.substr(0, gz.size() / 2), "kernel k.gz", 1 << 20); }),
               Catch::StartsWith("kernel k.gz: not a valid gzip stream"));
    std::string bad = gz;
    bad[12] ^= 0x55;
    CHECK_THAT(error_of([&] { sys::gzip_decompress(bad, "kernel k.gz", 1 << 20); }),
               Catch::StartsWith("kernel k.gz: not a valid gzip stream"));
    CHECK(error_of([&] { sys::gzip_decompress(gz, "kernel k.gz", 4999); }) ==
          "kernel k.gz: unpacks to more than 4999 bytes");
}
