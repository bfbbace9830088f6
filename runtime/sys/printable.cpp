#include "runtime/sys/printable.hpp"

#include <cstdint>
#include <cstdio>

namespace sys {
namespace {

void hex_byte(std::string& out, unsigned char c) {
    char buf[5];
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
    out += buf;
}

// The length of the well-formed UTF-8 sequence starting at text[i] (its code point in `cp`),
// or 0 when the byte there does not start one (RFC 3629, table 3-7 of the Unicode standard).
size_t utf8_sequence(std::string_view text, size_t i, std::uint32_t& cp) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = b(0);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0f;
        if (c == 0xe0) lo = 0xa0;  // no overlong forms
        if (c == 0xed) hi = 0x9f;  // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07;
        if (c == 0xf0) lo = 0x90;  // no overlong forms
        if (c == 0xf4) hi = 0x8f;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        const unsigned char n = b(k);
        if (k == 1 ? (n < lo || n > hi) : (n < 0x80 || n > 0xbf)) return 0;
        cp = (cp << 6) | (n & 0x3f);
    }
    return len;
}

bool shown_escaped(std::uint32_t cp) {
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c == '\n') out += "\\n";
            else if (c == '\t') out += "\\t";
            else if (c == '\r') out += "\\r";
            else if (c < 0x20 || c == 0x7f) hex_byte(out, c);
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const size_t len = utf8_sequence(text, i, cp);
        if (len == 0) {
            hex_byte(out, c);
            ++i;
        } else if (shown_escaped(cp)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u{%04x}", static_cast<unsigned>(cp));
            out += buf;
            i += len;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

}  // namespace sys
