// gzip (RFC 1952) in memory through zlib: the image builder's initramfs and kernels, and ucrun's
// unpacking of a compressed guest kernel.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace sys {

// The gzip stream of `data` at level 9, with no name and no timestamp (reproducible output).
std::string gzip_compress(std::string_view data);

// Whether `data` starts with gzip's magic bytes.
bool is_gzip(std::string_view data);

// The content of a gzip stream. Throws sys::Error naming `origin` when the stream is corrupt,
// truncated, or would unpack to more than `max_bytes`.
std::string gzip_decompress(std::string_view data, const std::string& origin, std::size_t max_bytes);
// The same, streamed: `next_input` returns the next chunk of the stream (empty at its end), and
// each unpacked chunk goes to `sink`, so neither side is ever whole in memory.
void gzip_decompress_stream(const std::function<std::string_view()>& next_input,
                            const std::function<void(std::string_view)>& sink, const std::string& origin,
                            std::size_t max_bytes);

}  // namespace sys
