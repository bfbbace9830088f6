// A fault-injection point for the fault tests (tests/system/test_fault_ucrun_killed.sh): a
// container annotated io.ucrun.debug.stop-at=<step> makes ucrun stop itself (SIGSTOP) when its
// create reaches that step, so that a test can SIGKILL it there, as a crash or an OOM kill would.
// Steps of a unikernel's create: "record" (the record is written), "tap" (the guest's tap and tc
// filters exist), "delegate" (the delegate created the container; ucrun has not returned yet).
// The annotation is honoured only when the ucrun config has "debug_fault_points": true (a key of
// root's config file, which no annotation or pod author can set); otherwise it is ignored, as any
// unknown annotation is.
#pragma once
#include <map>
#include <string>

namespace ucrun {

inline constexpr const char* kStopAtAnnotation = "io.ucrun.debug.stop-at";

// Stops the calling process when fault points are enabled and `annotations` ask for `step`; a
// no-op otherwise.
void fault_point(bool enabled, const std::map<std::string, std::string>& annotations, const char* step);

}  // namespace ucrun
