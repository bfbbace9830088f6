#include <catch2/catch.hpp>
#include <zstd.h>

#include "orchestrator/image/compress.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/gzip.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "tests/unit/error_of.hpp"

using namespace ucompose::image;

TEST_CASE("compress: zstd and gzip files unpack to their input, and repeat byte for byte") {
    sys::TempDir tmp("ucompose-unit-");
    std::string data;
    for (int i = 0; i < 200000; ++i) data += static_cast<char>("cpio newc "[i % 10]);
    sys::write_file_atomic(tmp.path() + "/in", data);
    zstd_file(tmp.path() + "/in", tmp.path() + "/a.zst");
    zstd_file(tmp.path() + "/in", tmp.path() + "/b.zst");
    std::string z = sys::read_file(tmp.path() + "/a.zst");
    CHECK(z == sys::read_file(tmp.path() + "/b.zst"));
    CHECK(z.compare(0, 4, "\x28\xb5\x2f\xfd") == 0);  // the magic the kernel's initramfs unpacker looks for
    std::string back(ZSTD_getFrameContentSize(z.data(), z.size()), '\0');
    CHECK(ZSTD_decompress(back.data(), back.size(), z.data(), z.size()) == data.size());
    CHECK(back == data);
    gzip_file(tmp.path() + "/in", tmp.path() + "/c.gz");
    CHECK(sys::gzip_decompress(sys::read_file(tmp.path() + "/c.gz"), "c.gz", data.size()) == data);
    CHECK(error_of([&] { zstd_file(tmp.path() + "/missing", tmp.path() + "/x"); }) ==
          "open " + tmp.path() + "/missing: No such file or directory");
}
