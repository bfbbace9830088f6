#pragma once
namespace ucompose {
// The version written into io.podman.compose.version labels and printed by `version`.
const char* version();
}  // namespace ucompose
