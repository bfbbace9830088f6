#include "orchestrator/image/tracker.hpp"

#include <cstdint>
#include <cstdio>

#include "orchestrator/image/embedded.hpp"
#include "orchestrator/image/oci.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/sha256.hpp"
#include "runtime/sys/temp_dir.hpp"

namespace ucompose::image {
std::string tracker_content_hash(std::string_view binary, std::string_view containerfile) {
    return "sha256:" + sys::Sha256().update(binary).update(std::string_view("\0", 1)).update(containerfile).hex();
}

sys::Argv tracker_hash_query_argv(const std::string& podman, const std::string& tag) {
    return {podman, "image", "inspect", "--format", std::string("{{index .Labels \"") + kTrackerHashLabel + "\"}}", tag};
}

TrackerBuildResult build_tracker(const TrackerBuildOptions& opts, CommandRunner& runner,
                                 const std::function<void(const std::string&)>& progress) {
    auto say = [&](const std::string& line) {
        if (progress) progress(line);
    };
    TrackerBuildResult result;
    result.tag = opts.tag;
    result.hash = tracker_content_hash(tracker_binary(), tracker_containerfile());
    if (!opts.force) {
        auto current = runner.run(tracker_hash_query_argv(opts.podman, opts.tag));
        std::string have = current.out;
        while (!have.empty() && (have.back() == '\n' || have.back() == ' ')) have.pop_back();
        if (current.exit_code == 0 && have == result.hash) {
            say("tracker image " + opts.tag + " is up to date (" + result.hash + ")");
            return result;
        }
    }
    say("building tracker image " + opts.tag + " (FROM scratch, offline)");
    sys::TempDir ctx("ucompose-tracker-");
    sys::write_file_atomic(ctx.path() + "/loop-svc", std::string(tracker_binary()), 0755);
    sys::write_file_atomic(ctx.path() + "/Containerfile", std::string(tracker_containerfile()));
    podman_build(runner, opts.podman, opts.tag, ctx.path(), {{kTrackerHashLabel, result.hash}});
    say("built tracker image " + opts.tag + " (" + std::to_string(tracker_binary().size()) + " byte binary)");
    result.built = true;
    return result;
}

}  // namespace ucompose::image
