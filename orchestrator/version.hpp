#pragma once
#include <string>

namespace ucompose {
// The version written into io.podman.compose.version labels (podman-compose's, which ucompose
// speaks): not ucompose's own release, which is release_version() below.
const char* version();

// What `ucompose version` and `--version` print: "ucompose version <release>\ncommit: <revision>\n".
// <release> is the CMake project version, <revision> the git revision baked in at build time
// (cmake/git_revision.cmake: `git describe --always`, "-dirty", or "unknown").
std::string version_text(const std::string& program, const std::string& release, const std::string& revision);
}  // namespace ucompose
