// `ucompose build tracker`: the FROM scratch image of the tracker (tracker/loop-svc.c), built offline
// from the binary and Containerfile carried in ucompose. A content hash label makes a rebuild of
// unchanged content a no-op.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "orchestrator/image/command_runner.hpp"

namespace ucompose::image {

inline constexpr const char* kDefaultTrackerTag = "localhost/ucompose/unikernel-tracker:latest";
inline constexpr const char* kTrackerHashLabel = "io.ucrun.tracker.hash";

struct TrackerBuildOptions {
    std::string tag = kDefaultTrackerTag;
    std::string podman = "podman";
    bool force = false;  // build even when the image is up to date
};

struct TrackerBuildResult {
    std::string tag;
    std::string hash;
    bool built = false;  // false: already up to date
};

// "sha256:<64 hex digits>" over the binary, a NUL and the Containerfile.
std::string tracker_content_hash(std::string_view binary, std::string_view containerfile);

sys::Argv tracker_hash_query_argv(const std::string& podman, const std::string& tag);

// `progress` receives one line per step ("tracker image ... is up to date").
TrackerBuildResult build_tracker(const TrackerBuildOptions& opts, CommandRunner& runner,
                                 const std::function<void(const std::string&)>& progress = {});

}  // namespace ucompose::image
