// A fault-injection point for the fault tests (tests/system/test_fault_ucrun_killed.sh): a
// container annotated io.ucrun.debug.stop-at=<step> makes ucrun stop itself (SIGSTOP) when its
// create reaches that step, so that a test can SIGKILL it there, as a crash or an OOM kill would.
// Steps of a unikernel's create: "record" (the record is written), "tap" (the guest's tap and tc
// filters exist), "delegate" (the delegate created the container; ucrun has not returned yet).
#pragma once
#include <map>
#include <string>

namespace ucrun {

inline constexpr const char* kStopAtAnnotation = "io.ucrun.debug.stop-at";

// Stops the calling process when `annotations` ask for `step`; a no-op otherwise.
void fault_point(const std::map<std::string, std::string>& annotations, const char* step);

}  // namespace ucrun
