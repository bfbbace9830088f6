// What a pulled unikernel image may hold, and the choices made before any blob is fetched
// (docs/registry.md, "Limits of a pull"). A unikernel entry is a manifest, a kernel and an initrd
// or disk: megabytes in one or two layers. A registry is not trusted to stay within that, so the
// image manifest is read first (`skopeo inspect --raw`), checked here, and then fetched by its
// digest, so the image copied is the image checked. Pure: text in, data or a one-line error out.
#pragma once
#include <cstdint>
#include <string>

#include "runtime/registry/image_layout.hpp"

namespace ucrun::registry {

struct PullLimits {
    std::size_t layers = 16;
    std::uint64_t blob_bytes = std::uint64_t(512) << 20;     // one blob as fetched
    std::uint64_t fetched_bytes = std::uint64_t(1) << 30;    // config and layers together
    std::uint64_t unpacked_bytes = std::uint64_t(1) << 30;   // every layer, unpacked
    std::size_t files = 4096;                                // tar members of every layer
};

// Throws sys::Error "<origin>: ..." when `image` has more layers than the limit, a blob with no
// declared size, or a blob or a total larger than the limits.
void check_pull_limits(const ImageManifest& image, const PullLimits& limits, const std::string& origin);

// The index entry for linux/`architecture` (an OCI/Go name: "amd64", "arm64"); the first one when
// several match. Throws naming `origin` and the platforms the index has when none does.
const IndexEntry& pick_platform(const std::vector<IndexEntry>& index, const std::string& architecture,
                                const std::string& origin);

// This machine's architecture under its OCI name ("x86_64" -> "amd64", "aarch64" -> "arm64").
std::string host_architecture();

// "docker://HOST/REPO:TAG" (or "HOST/REPO", or "...@sha256:...") -> "docker://HOST/REPO@DIGEST".
std::string pin_digest(const std::string& docker_ref, const std::string& digest);

}  // namespace ucrun::registry
