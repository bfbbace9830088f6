// Reading a tar archive held in memory (an OCI image layer): POSIX ustar headers, pax extended
// headers ('x' path and size records) and GNU long names ('L'). Only what a layer built by
// podman/buildah or Go's archive/tar contains; no writing, no extraction to disk (the caller
// decides which members it takes and where).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ucrun::registry {

struct TarMember {
    enum class Type { file, directory, symlink, hardlink, other };
    std::string path;        // as recorded, "./" prefixes removed
    Type type = Type::other;
    std::uint32_t mode = 0;  // permission bits
    std::string_view data;   // a file's content (points into the archive)
    std::string link;        // symlink/hardlink target
};

// Every member in archive order. Throws sys::Error "<origin>: ..." for a truncated archive, a
// header whose checksum does not match, a malformed size or pax record, or when `counted` (the
// members of earlier layers) plus this archive's members pass `max_members` (a pull's file limit:
// the list is never built past it).
std::vector<TarMember> read_tar(std::string_view archive, const std::string& origin,
                                std::size_t max_members = SIZE_MAX, std::size_t counted = 0);

}  // namespace ucrun::registry
