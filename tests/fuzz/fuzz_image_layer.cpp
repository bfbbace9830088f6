// libFuzzer target: what ucrun reads from a pulled layer blob (runtime/registry, docs/registry.md):
// layer_compression on its first bytes, the bounded gunzip of a gzip layer, read_tar (ustar, pax
// and GNU long-name headers, under the member limit) and entry_files, which picks the regular
// files under unikernel/ and refuses links and ".." members. Input: the blob as fetched.
// Any sys::Error is a clean refusal; a crash, a sanitizer report or another exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/registry/image_layout.hpp"
#include "runtime/registry/pull_limits.hpp"
#include "runtime/registry/tar_reader.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/gzip.hpp"

using namespace ucrun::registry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view blob(reinterpret_cast<const char*>(data), size);
    try {
        std::string unpacked;
        switch (layer_compression(blob)) {
            case Compression::gzip:
                // The pull's limit is 1 GiB; a fuzz run keeps to 16 MiB (libFuzzer's RSS limit).
                unpacked = sys::gzip_decompress(blob, "layer", std::size_t(16) << 20);
                blob = unpacked;
                break;
            case Compression::none: break;
            case Compression::zstd:
            case Compression::unknown: return 0;
        }
        auto members = read_tar(blob, "layer", PullLimits{}.files);
        for (const auto& f : entry_files(members, "layer")) {
            if (f.path.empty() || f.path.front() == '/') __builtin_trap();  // entry paths are relative
            if (f.data.data() < blob.data() || f.data.data() + f.data.size() > blob.data() + blob.size())
                __builtin_trap();  // a member's content lies inside the archive
        }
    } catch (const sys::Error&) {
    }
    return 0;
}
