// Text from outside (a compose file, an image, a guest, podman's stderr) made safe to print on
// one line of a terminal or a log: control bytes and bytes that are not UTF-8 become visible
// escapes, so a message can neither end a line early, move the cursor, change colours, nor
// carry bytes a JSON encoder refuses. Valid UTF-8 text is kept as it is.
#pragma once
#include <string>
#include <string_view>

namespace sys {

// Pure. "\n" -> "\\n", "\t" -> "\\t", "\r" -> "\\r", other C0 bytes, DEL and every byte that is
// not part of a well-formed UTF-8 sequence (overlong, surrogate, above U+10FFFF, cut short) ->
// "\\xNN" (lower-case hex). Code points that reorder or break lines when shown (C1 controls
// U+0080..U+009F, U+2028/U+2029, the bidi embeddings/overrides/isolates U+202A..U+202E and
// U+2066..U+2069) -> "\\u{NNNN}". A backslash is kept (so the result is printable, not reversible),
// which makes printable(printable(s)) == printable(s).
std::string printable(std::string_view text);

}  // namespace sys
