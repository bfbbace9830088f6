// The hostname of a UTS namespace given by path (e.g. /proc/<pid>/ns/uts). A container that joins
// another's UTS namespace, as every app container of a Kubernetes pod joins the sandbox's, has no
// "hostname" in its config.json: the namespace already has one, and the guest should get it.
#pragma once
#include <string>

namespace ucrun::unikernel {

// Read on a thread of its own that joins the namespace (UTS may be joined per thread). Throws
// sys::Error naming the path when it cannot be opened or joined.
std::string hostname_in_uts(const std::string& ns_path);

}  // namespace ucrun::unikernel
