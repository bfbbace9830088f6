#include "runtime/registry/pull_limits.hpp"

#include <sys/utsname.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/open_in_root.hpp"

namespace ucrun::registry {

void check_pull_limits(const ImageManifest& image, const PullLimits& limits, const std::string& origin) {
    if (image.layers.size() > limits.layers)
        throw sys::Error(origin + ": " + std::to_string(image.layers.size()) + " layers is more than the limit of " +
                         std::to_string(limits.layers));
    std::uint64_t total = 0;
    auto count = [&](const Blob& b, const std::string& what) {
        if (!b.size) throw sys::Error(origin + ": the manifest gives no size for " + what);
        if (*b.size > limits.blob_bytes)
            throw sys::Error(origin + ": " + what + " is " + sys::describe_bytes(*b.size) + ", more than the limit of " +
                             sys::describe_bytes(limits.blob_bytes) + " for one blob");
        total += *b.size;
    };
    count(image.config, "the config");
    for (std::size_t i = 0; i < image.layers.size(); ++i) count(image.layers[i], "layer " + std::to_string(i));
    if (total > limits.fetched_bytes)
        throw sys::Error(origin + ": its blobs are " + sys::describe_bytes(total) + ", more than the limit of " +
                         sys::describe_bytes(limits.fetched_bytes));
}

const IndexEntry& pick_platform(const std::vector<IndexEntry>& index, const std::string& architecture,
                                const std::string& origin) {
    std::string seen;
    for (const auto& e : index) {
        if (e.os == "linux" && e.architecture == architecture) return e;
        if (!seen.empty()) seen += ", ";
        seen += (e.os.empty() ? "?" : e.os) + "/" + (e.architecture.empty() ? "?" : e.architecture);
    }
    throw sys::Error(origin + ": the index has no image for linux/" + architecture +
                     (seen.empty() ? " (it is empty)" : " (it has " + seen + ")"));
}

std::string host_architecture() {
    utsname u{};
    if (::uname(&u) != 0) return "amd64";
    std::string m = u.machine;
    if (m == "x86_64") return "amd64";
    if (m == "aarch64") return "arm64";
    if (m == "i686" || m == "i386") return "386";
    return m;
}

std::string pin_digest(const std::string& docker_ref, const std::string& digest) {
    std::string r = docker_ref;
    const std::string scheme = "docker://";
    if (r.rfind(scheme, 0) == 0) r.erase(0, scheme.size());
    auto at = r.find('@');
    if (at != std::string::npos) {
        r.erase(at);
    } else {
        auto slash = r.rfind('/');
        auto colon = r.rfind(':');
        if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) r.erase(colon);
    }
    return scheme + r + "@" + digest;
}

}  // namespace ucrun::registry
