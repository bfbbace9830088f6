// The OCI form of a unikernel: a FROM scratch image holding the kernel and initrd (or disk) under
// /unikernel/ (a registry entry, manifest.json included) and described by io.ucrun.unikernel.*
// labels, built offline by `podman build`.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "orchestrator/image/command_runner.hpp"
#include "orchestrator/registry/manifest.hpp"

namespace ucompose::image {

inline constexpr const char* kImageUnikernelDir = "/unikernel";

using Labels = std::vector<std::pair<std::string, std::string>>;

// io.ucrun.unikernel.{name,kind,kernel,initrd,disk,cmdline,memory}; paths are absolute in the image
// ("/unikernel/vmlinuz"); memory is MiB.
Labels unikernel_labels(const registry::Manifest& m);

// FROM scratch; COPY unikernel/ /unikernel/; CMD <default args> (JSON form).
std::string unikernel_containerfile(const std::vector<std::string>& cmd);

sys::Argv podman_build_argv(const std::string& podman, const std::string& tag, const std::string& context_dir,
                            const Labels& labels);

// Builds `tag` from `context_dir` (which holds Containerfile). Throws with podman's stderr on failure.
void podman_build(CommandRunner& runner, const std::string& podman, const std::string& tag,
                  const std::string& context_dir, const Labels& labels);

// The image of a registry entry: `files` (entry-relative name -> host path) and `manifest` go
// under /unikernel/ of a FROM scratch image tagged `tag`, with unikernel_labels() and CMD `cmd`
// (none when empty). Built offline in a temporary context directory.
void build_unikernel_image(CommandRunner& runner, const std::string& podman, const std::string& tag,
                           const registry::Manifest& manifest,
                           const std::vector<std::pair<std::string, std::string>>& files,
                           const std::vector<std::string>& cmd);

}  // namespace ucompose::image
