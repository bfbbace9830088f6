#include <catch2/catch.hpp>

#include <elf.h>

#include "orchestrator/image/elf.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

using namespace ucompose::image;

TEST_CASE("elf: the test binary itself is a dynamic x86-64 ELF") {
    ElfInfo info = read_elf("/proc/self/exe");
    CHECK(info.elf_class == ELFCLASS64);
    CHECK(info.machine == EM_X86_64);
    REQUIRE(info.interpreter.has_value());
    CHECK(info.interpreter->find("ld-linux") != std::string::npos);
    CHECK(std::find(info.needed.begin(), info.needed.end(), "libc.so.6") != info.needed.end());
    CHECK(info.is_dynamic());
}

TEST_CASE("elf: non-ELF and truncated input are errors naming the file") {
    try {
        parse_elf("#!/bin/sh\necho hi\n", "/x/script");
        FAIL("no error");
    } catch (const sys::Error& e) {
        CHECK(std::string(e.what()) == "/x/script: not an ELF file");
    }
    CHECK_THROWS_AS(parse_elf(std::string("\x7f" "ELF\x02\x01\x01", 7), "t"), sys::Error);
    std::string head = sys::read_file("/proc/self/exe").substr(0, 80);
    CHECK_THROWS_AS(parse_elf(head, "t"), sys::Error);
}
