// What a pulled unikernel image holds, read from skopeo's `dir:` layout (manifest.json plus one
// file per blob, named by its digest's hex): the manifest's config and layers, the config's
// labels, and which layer members form the registry entry (the image's /unikernel/, the form
// `ucompose unikernel build --image` writes: docs/registry.md). Pure: text in, data out.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/registry/tar_reader.hpp"

namespace ucrun::registry {

struct Blob {
    std::string digest;      // "sha256:<64 hex>"
    std::string media_type;
    std::optional<std::uint64_t> size;  // as the manifest declares it (required by OCI; checked by pull_limits)
};

struct ImageManifest {
    Blob config;
    std::vector<Blob> layers;
};

// An OCI image manifest or a Docker v2 schema 2 manifest. An index or manifest list, schema 1,
// or a digest that is not sha256:<64 hex> is an error naming `origin`.
ImageManifest parse_image_manifest(const std::string& text, const std::string& origin);

// One image of an index (OCI image index or Docker manifest list).
struct IndexEntry {
    Blob manifest;
    std::string os, architecture, variant;  // the entry's platform ("" when absent)
};

// True when `text` is a JSON object with a "manifests" array (an index, not one image).
bool is_image_index(const std::string& text);
// The entries of an index; a digest that is not sha256:<64 hex> is an error naming `origin`.
std::vector<IndexEntry> parse_image_index(const std::string& text, const std::string& origin);

// The config's config.Labels (absent: empty).
std::map<std::string, std::string> image_labels(const std::string& config_text, const std::string& origin);

// Whether the labels describe a unikernel (io.ucrun.unikernel.name or .kind).
bool is_unikernel_image(const std::map<std::string, std::string>& labels);

// "<dir>/<hex>" for a digest parse_image_manifest accepted.
std::string blob_path(const std::string& dir, const std::string& digest);

enum class Compression { none, gzip, zstd, unknown };
// From the content's magic bytes (a tar has no magic at offset 0; "ustar" sits at 257).
Compression layer_compression(std::string_view content);

struct EntryFile {
    std::string path;  // relative to the entry: "manifest.json", "vmlinux", "initrd.img"
    std::string_view data;
    std::uint32_t mode = 0644;
};

// The regular files under unikernel/ in one layer's members, paths made relative to it. A member
// under unikernel/ that is a link, or whose path has a ".." component, is an error (an entry's
// files are plain files: docs/registry.md). Members elsewhere are ignored.
std::vector<EntryFile> entry_files(const std::vector<TarMember>& members, const std::string& origin);

}  // namespace ucrun::registry
