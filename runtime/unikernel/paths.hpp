// Paths given by images and manifests, confined to a base directory (the rootfs or a registry
// entry): no "..". The files are then opened inside the base by sys::open_regular_in_root, so no
// symlink leads out of it either.
#pragma once
#include <string>

namespace ucrun::unikernel {

// Lexical check only (pure): `rel` is non-empty and has no ".." component. A leading '/' is
// allowed and means "relative to the base" (image annotations name rootfs paths that way).
// Returns rel without leading slashes; throws sys::Error "<what> \"<rel>\": <why>".
std::string confined_relative(const std::string& rel, const std::string& what);

}  // namespace ucrun::unikernel
