// libFuzzer target: the OCI documents a registry serves before any layer is fetched
// (runtime/registry, docs/registry.md, "Limits of a pull"): is_image_index, parse_image_index and
// pick_platform for an index; parse_image_manifest and check_pull_limits for an image manifest;
// image_labels and is_unikernel_image for a config. Input: one JSON document, tried as all three.
// Any sys::Error is a clean refusal; a crash, a sanitizer report or another exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/registry/image_layout.hpp"
#include "runtime/registry/pull_limits.hpp"
#include "runtime/sys/error.hpp"

using namespace ucrun::registry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        if (is_image_index(text)) (void)pick_platform(parse_image_index(text, "index"), "amd64", "ref");
    } catch (const sys::Error&) {
    }
    try {
        ImageManifest m = parse_image_manifest(text, "manifest");
        check_pull_limits(m, PullLimits{}, "ref");
        if (m.layers.size() > PullLimits{}.layers) __builtin_trap();  // the limits held
        (void)blob_path("/d", m.config.digest);
    } catch (const sys::Error&) {
    }
    try {
        (void)is_unikernel_image(image_labels(text, "config"));
    } catch (const sys::Error&) {
    }
    return 0;
}
