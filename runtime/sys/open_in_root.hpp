// Files of an untrusted tree (an image's rootfs, a registry entry) opened relative to a directory
// fd with openat2(2): RESOLVE_IN_ROOT makes every "/" and ".." stay inside the tree,
// RESOLVE_NO_MAGICLINKS refuses /proc/<pid>/root-style links, O_NOFOLLOW refuses a symlink as
// the last component and O_NONBLOCK keeps a FIFO from blocking the open. Only regular files are
// accepted, and only up to a size cap. No host path is ever built from the tree's content: the
// path of an opened file is read back from the kernel (/proc/self/fd).
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/sys/unique_fd.hpp"

namespace sys {

// An opened directory (O_PATH), the root that openat2 resolves in.
UniqueFd open_root_dir(const std::string& path, const std::string& what);

struct RegularFile {
    UniqueFd fd;          // O_RDONLY, blocking mode restored
    std::uint64_t size = 0;
    std::string path;     // the host path the kernel reports for fd (for binds and messages)
};

// Opens `rel` (no leading '/' needed; ".." is resolved inside the root) under `root`. nullopt when
// a component is missing (ENOENT, ENOTDIR); otherwise a failure, a non-regular file or a file
// larger than `max_bytes` throws sys::Error naming `what` and `rel`.
std::optional<RegularFile> open_regular_in_root(int root, const std::string& rel, const std::string& what,
                                                std::uint64_t max_bytes);
// The same, but a missing file is an error too.
RegularFile require_regular_in_root(int root, const std::string& rel, const std::string& what,
                                    std::uint64_t max_bytes);

// Reads all of an opened regular file (at most `max_bytes`, which it was checked against).
std::string read_all(const RegularFile& f, const std::string& what);

// Opens an absolute host path with the same rules, its parent directory being the root: for
// files whose path ucrun itself chose (a cache file, a resolved image file) and that are read
// again later.
RegularFile reopen_regular(const std::string& path, const std::string& what, std::uint64_t max_bytes);

// "512 MiB" for messages.
std::string describe_bytes(std::uint64_t n);

}  // namespace sys
