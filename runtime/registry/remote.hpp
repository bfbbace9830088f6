// Unikernels from an OCI registry (docs/registry.md, "Remote registry"): the reference a name
// maps to, skopeo's argv, what its failures mean, and the pull itself, which installs the image's
// /unikernel/ as a local registry entry. Shared by `ucompose unikernel pull`, ucompose's pre-pull
// before `up`, and ucrun's on-demand pull at create.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "runtime/sys/error.hpp"
#include "runtime/sys/process.hpp"

namespace ucrun::registry {

// "HOST[:PORT]/PREFIX" + name -> "HOST[:PORT]/PREFIX/name:latest" (a trailing '/' dropped, the
// name validated). Throws for an empty remote or one with a scheme ("http://...").
std::string remote_reference(const std::string& remote, const std::string& name);

// "docker://REF" unless REF already names a transport ("docker://", "oci:", "dir:", ...).
std::string transport_reference(const std::string& ref);

// skopeo inspect --raw [--tls-verify=false] <transport ref>: the manifest (or index) as stored.
sys::Argv skopeo_inspect_argv(const std::string& skopeo, const std::string& ref, bool tls_verify);

// skopeo copy [--src-tls-verify=false] --retry-times 0 <transport ref> dir:<dir>
sys::Argv skopeo_copy_argv(const std::string& skopeo, const std::string& ref, const std::string& dir,
                           bool tls_verify);

enum class FailureKind { unreachable, not_found, denied, other };
struct Failure {
    FailureKind kind = FailureKind::other;
    std::string message;  // one line, naming the reference or the registry's URL
};
// What skopeo's stderr says went wrong with `ref` (pure; the text of its last error).
Failure describe_skopeo_failure(const std::string& ref, const std::string& stderr_text, bool tls_verify);

struct PullRequest {
    std::string ref;         // "HOST:PORT/PREFIX/NAME:TAG" (or with a transport)
    std::string root;        // the local registry
    std::string name;        // the entry's name (the image's own name is replaced)
    bool force = false;      // replace an existing entry
    bool tls_verify = true;
    std::string skopeo = "skopeo";
    std::function<void(const std::string&)> progress;  // short status lines; may be empty
};

struct PullResult {
    std::string dir;              // the entry
    bool installed = false;       // false: another pull installed it while we waited
    std::uint64_t bytes = 0;      // blob bytes fetched
};

class PullError : public sys::Error {
public:
    PullError(FailureKind kind, const std::string& message) : sys::Error(message), kind_(kind) {}
    FailureKind kind() const { return kind_; }

private:
    FailureKind kind_;
};

// Fetches `ref` with skopeo into a staging directory (from a registry: by the digest of a
// manifest read and checked against PullLimits first, each file skopeo writes bounded by
// RLIMIT_FSIZE; layers unpacked to disk, never into memory) of the registry, checks that it is a
// unikernel image within PullLimits (io.ucrun.unikernel.* labels and a /unikernel/manifest.json), and installs its
// /unikernel/ as the entry `name` in one rename. Pulls of the registry are serialized by a lock
// (<root>/.pull.lock); a pull that finds the entry installed after waiting installs nothing
// (unless `force`). Throws PullError for skopeo's failures, sys::Error for a bad image.
PullResult pull_unikernel(const PullRequest& request);

}  // namespace ucrun::registry
