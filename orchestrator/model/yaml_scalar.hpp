// Which strings a YAML reader would take for another type if written plain: the one decision
// the YAML emitter (yaml-cpp 0.7) leaves to us. yaml-cpp quotes what YAML's syntax needs
// (": ", " #", leading indicators, control characters, "null", "~", ""), but writes "123",
// "true" or "0x1F" plain, which every reader then resolves to an int, a bool or a number.
#pragma once
#include <string_view>

namespace ucompose {

// True when `text`, written as a plain scalar, resolves to null, a bool or a number under
// YAML 1.2's core schema or YAML 1.1's types (y/n/yes/no/on/off, 0o17, 1_000, 12:30, .inf):
// docker compose's reader and yaml-cpp both accept the 1.1 forms, so those are quoted too.
bool plain_reads_as_non_string(std::string_view text);

// True when `text` holds a character YAML reads as a line break other than '\n' (CR, NEL,
// U+2028, U+2029): yaml-cpp 0.7 writes those in a plain scalar as they are, which breaks the
// document; quoted, it escapes them.
bool has_other_line_break(std::string_view text);

// `convert`'s looser rule (Kubernetes reads YAML 1.1): the empty string, the null and bool words
// (y/n/yes/no/on/off, ~, .inf, .nan), and any string that could read as a number (a digit or
// '.' first, after a sign, then only hex digits and "xXoO._:+-", as "1.2.3" or "1-2"):
// over-quoting a few odd strings is harmless, under-quoting would change a type.
bool may_read_as_non_string(std::string_view text);

}  // namespace ucompose
