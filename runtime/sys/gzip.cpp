#include "runtime/sys/gzip.hpp"

#include <zlib.h>

#include <functional>

#include "runtime/sys/error.hpp"

namespace sys {
namespace {

constexpr int kGzipWindow = 15 + 16;  // zlib: 15-bit window, gzip wrapper

}  // namespace

std::string gzip_compress(std::string_view data) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, kGzipWindow, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("gzip: deflateInit2 failed");
    std::string out(deflateBound(&z, data.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw Error("gzip: deflate failed (" + std::to_string(rc) + ")");
    return out;
}

bool is_gzip(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b;
}

void gzip_decompress_stream(const std::function<std::string_view()>& next_input,
                            const std::function<void(std::string_view)>& sink, const std::string& origin,
                            std::size_t max_bytes) {
    z_stream z{};
    if (inflateInit2(&z, kGzipWindow) != Z_OK) throw Error(origin + ": inflateInit2 failed");
    struct End {
        z_stream* z;
        ~End() { inflateEnd(z); }
    } end{&z};
    std::size_t total = 0;
    bool input_done = false;
    char buf[1 << 16];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (z.avail_in == 0 && !input_done) {
            std::string_view in = next_input();
            if (in.empty()) input_done = true;
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
            z.avail_in = static_cast<uInt>(in.size());
        }
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            if (rc == Z_BUF_ERROR && !input_done) continue;  // needs more input
            std::string why = z.msg ? z.msg : (rc == Z_BUF_ERROR ? "truncated" : "error " + std::to_string(rc));
            throw Error(origin + ": not a valid gzip stream (" + why + ")");
        }
        std::size_t produced = sizeof buf - z.avail_out;
        total += produced;
        if (total > max_bytes) throw Error(origin + ": unpacks to more than " + std::to_string(max_bytes) + " bytes");
        if (produced) sink(std::string_view(buf, produced));
        if (rc == Z_OK && input_done && z.avail_in == 0 && z.avail_out != 0)
            throw Error(origin + ": not a valid gzip stream (truncated)");
    }
}

std::string gzip_decompress(std::string_view data, const std::string& origin, std::size_t max_bytes) {
    std::string out;
    bool given = false;
    gzip_decompress_stream([&]() -> std::string_view { return given ? std::string_view() : (given = true, data); },
                           [&](std::string_view chunk) { out.append(chunk); }, origin, max_bytes);
    return out;
}

}  // namespace sys
