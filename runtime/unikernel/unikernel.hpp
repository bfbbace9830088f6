// The seam between ucrun's verbs and the unikernel runtime: what create and delete call for a
// container classified as a unikernel.
#pragma once
#include <string>

#include "runtime/oci/config.hpp"
#include "runtime/oci/options.hpp"
#include "runtime/oci/spec.hpp"
#include "runtime/unikernel/source.hpp"

namespace ucrun::unikernel {

struct PrepareRequest {
    const Spec& spec;
    std::string id;
    std::string bundle;      // the bundle podman gave us (never modified)
    std::string state_dir;   // <root>/containers/<id>: ours to fill, removed by delete
    const Config& config;
    const GlobalOptions& globals;
    const Source& source;    // what classify() resolved
};

// Annotations that tune one container (on top of the ucrun config):
inline constexpr const char* kDebugAnnotation = "io.ucrun.debug";   // "1": monitor and guest debug lines

// Builds everything the VM needs (derived bundle in which the monitor/VMM is the container's
// process, network plumbing, guest config) and returns the derived bundle's path. On failure it
// throws after undoing what it made.
std::string prepare(const PrepareRequest& req);

// Undoes what prepare made for this container (taps, filters, sockets). Idempotent: things
// already gone are fine; it never touches what it did not make.
void cleanup(const std::string& id, const std::string& state_dir, const Config& config);

// Why `exec` cannot run in a unikernel container.
std::string exec_refusal(const std::string& id);

}  // namespace ucrun::unikernel
