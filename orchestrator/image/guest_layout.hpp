// Where everything goes in a `linux` unikernel's initramfs (docs/guest-contract.md), as data:
//   /init                        the static guest init (runtime/guest)
//   /dev/console                 so the kernel can give init a console before devtmpfs is mounted
//   <app's canonical host path>  the ELF itself, so $ORIGIN-relative libraries still resolve
//   <interpreter>, <libraries>   at the paths the loader opens them from; /etc/ld.so.cache too
//   /lib/modules/<ver>/...       the modules init loads, and /lib/modules/load-order listing them
//   /ucrun.default/{args,env}    the image's default command and environment (NUL-separated)
//   extra files (--file SRC:DST)
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/image/initramfs.hpp"
#include "orchestrator/image/libraries.hpp"

namespace ucompose::image {

struct FileMapping {
    std::string src;  // host path
    std::string dst;  // absolute guest path
    std::uint32_t mode = 0644;
    bool operator==(const FileMapping&) const = default;
};

// "SRC:DST" (DST absolute). Throws sys::Error on a malformed spec.
FileMapping parse_file_mapping(const std::string& spec);

struct GuestLayout {
    std::string init_binary;             // the guest init's bytes
    std::string app_path;                // guest path and argv[0]: the path as given, made absolute
                                         // (not through symlinks: redis-server -> redis-check-rdb
                                         // picks its mode from argv[0])
    std::string app_source;              // the host file copied there (canonical); "" = app_path
    std::optional<std::string> interpreter;
    std::vector<ResolvedLibrary> libraries;
    std::optional<std::string> loader_cache;  // host path of ld.so.cache to include
    std::optional<std::string> kernel_version;
    std::string modules_dir;             // host /lib/modules/<ver>
    std::vector<std::string> modules;    // relative to modules_dir, in load order
    std::vector<std::string> args;       // the app's argv without argv[0]
    std::vector<std::string> env;        // K=V
    std::vector<FileMapping> files;      // regular files only (directories expanded by the caller)
};

// The default argv: the app's guest path, then `args`.
std::vector<std::string> default_command(const GuestLayout& layout);

// "a\0b\0": the format of /ucrun/args, /ucrun/env and /ucrun.default/*.
std::string nul_join(const std::vector<std::string>& items);

InitramfsPlan plan_guest_initramfs(const GuestLayout& layout);

}  // namespace ucompose::image
