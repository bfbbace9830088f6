// Text from outside made printable on one line (runtime/sys/printable.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "runtime/sys/printable.hpp"

namespace {

struct Case {
    const char* name;
    std::string in;
    std::string out;
};

}  // namespace

TEST_CASE("printable: control bytes and broken UTF-8 become escapes, UTF-8 text stays", "[sys][printable]") {
    const Case cases[] = {
        {"plain ASCII", "services.web: bad value", "services.web: bad value"},
        {"empty", "", ""},
        {"newline, tab, CR", "a\nb\tc\rd", "a\\nb\\tc\\rd"},
        {"NUL", std::string("a\0b", 3), "a\\x00b"},
        {"ESC sequence (colour, cursor)", "\x1b[31mred\x1b[0m\x1b[2J", "\\x1b[31mred\\x1b[0m\\x1b[2J"},
        {"BEL, BS, DEL", "\x07\x08\x7f", "\\x07\\x08\\x7f"},
        {"backslash kept", "C:\\dir \\n", "C:\\dir \\n"},
        {"valid UTF-8 kept", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\xb3", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\xb3"},
        {"lone continuation byte", "a\x80z", "a\\x80z"},
        {"invalid lead bytes", "\xc0\xc1\xf5\xff", "\\xc0\\xc1\\xf5\\xff"},
        {"overlong slash", "\xc0\xaf", "\\xc0\\xaf"},
        {"overlong 3-byte", "\xe0\x80\xaf", "\\xe0\\x80\\xaf"},
        {"surrogate", "\xed\xa0\x80", "\\xed\\xa0\\x80"},
        {"above U+10FFFF", "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"},
        {"cut short at the end", "ok\xe2\x82", "ok\\xe2\\x82"},
        {"cut short by ASCII", "\xe2\x82x", "\\xe2\\x82x"},
        {"C1 CSI (U+009B)", "\xc2\x9b" "31m", "\\u{009b}31m"},
        {"line separator U+2028", "a\xe2\x80\xa8" "b", "a\\u{2028}b"},
        {"bidi override U+202E", "\xe2\x80\xae" "txt.exe", "\\u{202e}txt.exe"},
        {"bidi isolate U+2066", "\xe2\x81\xa6", "\\u{2066}"},
        {"U+00A0 (not a control) kept", "a\xc2\xa0" "b", "a\xc2\xa0" "b"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        CHECK(sys::printable(c.in) == c.out);
        CHECK(sys::printable(c.out) == c.out);  // already printable stays as it is
    }
}

TEST_CASE("printable: every byte value gives one line of printable ASCII or UTF-8", "[sys][printable]") {
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    const std::string out = sys::printable(all);
    for (unsigned char c : out) {
        CHECK(c >= 0x20);
        CHECK(c != 0x7f);
    }
    CHECK(out.find('\n') == std::string::npos);
}
