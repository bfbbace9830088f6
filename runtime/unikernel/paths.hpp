// Paths given by images and manifests, confined to a base directory (the rootfs or a registry
// entry): no "..", and no symlink that leads out of the base.
#pragma once
#include <string>

namespace ucrun::unikernel {

// Lexical check only (pure): `rel` is non-empty and has no ".." component. A leading '/' is
// allowed and means "relative to the base" (image annotations name rootfs paths that way).
// Returns rel without leading slashes; throws sys::Error "<what> \"<rel>\": <why>".
std::string confined_relative(const std::string& rel, const std::string& what);

// The host path of `rel` inside `base`, resolved through symlinks and checked to stay inside
// `base`; the file must exist and be a regular file. Throws naming `what` and the path.
std::string resolve_file_within(const std::string& base, const std::string& rel, const std::string& what);

}  // namespace ucrun::unikernel
