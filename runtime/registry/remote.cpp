#include "runtime/registry/remote.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <sys/file.h>

#include <cstdint>
#include <map>
#include <optional>

#include "runtime/registry/image_layout.hpp"
#include "runtime/registry/manifest.hpp"
#include "runtime/registry/name.hpp"
#include "runtime/registry/pull_limits.hpp"
#include "runtime/registry/staged_entry.hpp"
#include "runtime/registry/tar_reader.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/chunk_reader.hpp"
#include "runtime/sys/file_lock.hpp"
#include "runtime/sys/gzip.hpp"
#include "runtime/sys/mapped_file.hpp"
#include "runtime/sys/open_in_root.hpp"
#include "runtime/sys/sha256.hpp"
#include "runtime/sys/staged_dir.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucrun::registry {
namespace {

bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

// skopeo (logrus) ends with: time="..." level=fatal msg="<the error>"; the text inside msg="",
// unescaped, or the last non-empty line.
std::string last_error(const std::string& text) {
    auto pos = text.rfind("msg=\"");
    if (pos != std::string::npos) {
        std::string out;
        for (std::size_t i = pos + 5; i < text.size() && text[i] != '"'; ++i) {
            if (text[i] == '\\' && i + 1 < text.size()) ++i;
            out += text[i];
        }
        return out;
    }
    std::string line;
    std::size_t end = text.size();
    while (end > 0) {
        auto start = text.rfind('\n', end - 1);
        start = start == std::string::npos ? 0 : start + 1;
        line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r\n") != std::string::npos) break;
        if (start == 0) break;
        end = start - 1;
    }
    return line;
}

// "127.0.0.1:5000" from "127.0.0.1:5000/u/x:latest" (what a "docker://" reference names).
std::string registry_host(const std::string& ref) {
    std::string r = ref;
    if (r.rfind("docker://", 0) == 0) r.erase(0, 9);
    return r.substr(0, r.find('/'));
}

// One pull at a time per registry root; a pull that waits longer than this for another one (a
// unikernel is megabytes) gives up with a one-line error (sys::FileLock).
constexpr std::chrono::minutes kPullLockWait{5};

void say(const PullRequest& r, const std::string& line) {
    if (r.progress) r.progress(line);
}


// An image manifest or index is a few KiB (containers/image itself refuses more than 4 MiB).
constexpr std::uint64_t kMaxManifestBytes = std::uint64_t(4) << 20;

// argv run with every file it writes bounded to `bytes` (RLIMIT_FSIZE, by util-linux's prlimit):
// the backstop for a registry whose blob is longer than its manifest said.
sys::Argv file_size_bounded(const sys::Argv& argv, std::uint64_t bytes) {
    sys::Argv out{"prlimit", "--fsize=" + std::to_string(bytes), "--"};
    out.insert(out.end(), argv.begin(), argv.end());
    return out;
}

std::string inspect_raw(const PullRequest& r, const std::string& ref) {
    sys::RunResult run = sys::run(skopeo_inspect_argv(r.skopeo, ref, r.tls_verify));
    if (run.exit_code != 0) {
        Failure f = describe_skopeo_failure(r.ref, run.err.empty() ? run.out : run.err, r.tls_verify);
        throw PullError(f.kind, f.message);
    }
    if (run.out.size() > kMaxManifestBytes)
        throw sys::Error(r.ref + ": its manifest is more than " + sys::describe_bytes(kMaxManifestBytes));
    return run.out;
}

// What skopeo copies for the request: for a registry (docker://), the image manifest is read
// first, an index resolved to this machine's platform, the limits checked, and the image then
// named by its digest, so that what is fetched is what was checked. Other transports (a local
// oci: or dir: layout) are copied by name and checked once on disk.
std::string checked_source(const PullRequest& r, const PullLimits& limits) {
    std::string ref = transport_reference(r.ref);
    if (ref.rfind("docker://", 0) != 0) return ref;
    std::string raw = inspect_raw(r, ref);
    std::string digest = "sha256:" + sys::sha256_hex(raw);
    if (is_image_index(raw)) {
        const IndexEntry& e = pick_platform(parse_image_index(raw, r.ref + " (index)"), host_architecture(), r.ref);
        digest = e.manifest.digest;
        raw = inspect_raw(r, pin_digest(ref, digest));
        if ("sha256:" + sys::sha256_hex(raw) != digest)
            throw sys::Error(r.ref + ": the registry's manifest for " + digest + " does not have that digest");
    }
    check_pull_limits(parse_image_manifest(raw, r.ref + " (manifest)"), limits, r.ref);
    return pin_digest(ref, digest);
}

sys::Error too_much_unpacked(const std::string& ref, const PullLimits& limits) {
    return sys::Error(ref + ": the image's layers unpack to more than the limit of " +
                      sys::describe_bytes(limits.unpacked_bytes));
}

// A layer as a tar on disk: a gzip blob unpacked to `scratch` (streamed, and refused once the
// layers unpacked so far, `used` bytes, and this one pass the limit), a plain tar used as it is;
// mapped, never read into memory.
sys::MappedFile unpack_layer(const sys::RegularFile& blob, const std::string& scratch, const std::string& origin,
                             const PullLimits& limits, std::uint64_t used) {
    char magic[262] = {};
    ssize_t got = ::pread(blob.fd.get(), magic, sizeof magic, 0);
    switch (layer_compression(std::string_view(magic, got > 0 ? static_cast<std::size_t>(got) : 0))) {
        case Compression::gzip: break;
        case Compression::none: return sys::MappedFile(blob.fd.get(), origin);
        case Compression::zstd:
            throw sys::Error(origin + ": zstd-compressed layers are not supported (push with gzip, podman's default)");
        case Compression::unknown: throw sys::Error(origin + ": not a tar, gzip or zstd layer");
    }
    sys::UniqueFd out(::open(scratch.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!out) sys::throw_errno("create " + scratch);
    sys::ChunkReader in(blob.fd.get(), origin);
    sys::gzip_decompress_stream(
        [&] { return in.next(); },
        [&](std::string_view chunk) {
            used += chunk.size();
            if (used > limits.unpacked_bytes) throw too_much_unpacked(origin, limits);
            sys::write_all(out.get(), chunk, scratch);
        },
        origin, SIZE_MAX);
    return sys::MappedFile(out.get(), scratch);
}

}  // namespace

std::string remote_reference(const std::string& remote, const std::string& name) {
    validate_name(name);
    std::string r = remote;
    while (!r.empty() && r.back() == '/') r.pop_back();
    if (r.empty()) throw sys::Error("remote registry is empty (expected HOST[:PORT]/PREFIX)");
    if (contains(r, "://"))
        throw sys::Error("remote registry \"" + remote + "\" has a scheme; write HOST[:PORT]/PREFIX (TLS is chosen by \"remote_tls_verify\")");
    return r + "/" + name + ":latest";
}

std::string transport_reference(const std::string& ref) {
    for (const char* t : {"docker://", "oci:", "dir:", "oci-archive:", "docker-archive:", "containers-storage:"})
        if (ref.rfind(t, 0) == 0) return ref;
    return "docker://" + ref;
}

sys::Argv skopeo_inspect_argv(const std::string& skopeo, const std::string& ref, bool tls_verify) {
    sys::Argv argv{skopeo, "inspect", "--raw"};
    if (!tls_verify) argv.push_back("--tls-verify=false");
    argv.push_back(transport_reference(ref));
    return argv;
}

sys::Argv skopeo_copy_argv(const std::string& skopeo, const std::string& ref, const std::string& dir,
                           bool tls_verify) {
    sys::Argv argv{skopeo, "copy"};
    if (!tls_verify) argv.push_back("--src-tls-verify=false");
    argv.push_back(transport_reference(ref));
    argv.push_back("dir:" + dir);
    return argv;
}

Failure describe_skopeo_failure(const std::string& ref, const std::string& stderr_text, bool tls_verify) {
    std::string err = last_error(stderr_text);
    std::string host = registry_host(ref);
    std::string url = std::string(tls_verify ? "https://" : "http://") + host + "/v2/";
    if (contains(err, "server gave HTTP response to HTTPS client"))
        return {FailureKind::unreachable,
                "registry " + url + " answers plain HTTP, not HTTPS (set \"remote_tls_verify\": false in the ucrun "
                "config, or --tls-verify=false, for a registry without TLS)"};
    for (const char* down : {"connection refused", "no such host", "i/o timeout", "network is unreachable",
                             "no route to host", "connection reset", "TLS handshake timeout"}) {
        if (contains(err, down))
            return {FailureKind::unreachable, "registry " + url + " is not reachable (" + down + ") for " + ref};
    }
    if (contains(err, "manifest unknown") || contains(err, "name unknown") || contains(err, "not found"))
        return {FailureKind::not_found, ref + " not found in registry " + host};
    if (contains(err, "unauthorized") || contains(err, "denied") || contains(err, "authentication required"))
        return {FailureKind::denied, ref + ": access denied by registry " + host + " (log in with `podman login " + host + "`)"};
    return {FailureKind::other, "pull " + ref + ": " + (err.empty() ? "skopeo failed" : err)};
}

PullResult pull_unikernel(const PullRequest& r) {
    validate_name(r.name);
    PullResult result;
    sys::FileLock lock(r.root, "pull", "pull into " + r.root, kPullLockWait);
    if (!r.force && sys::path_exists(r.root + "/" + r.name + "/manifest.json")) {
        result.dir = r.root + "/" + r.name;
        return result;  // installed by another pull while this one waited
    }
    const PullLimits limits;
    StagedEntry entry(r.root, r.name, r.force);
    sys::StagedDir download(r.root, "download-" + r.name);
    say(r, "pulling " + r.ref);
    const std::string source = checked_source(r, limits);
    sys::RunResult run = sys::run(file_size_bounded(skopeo_copy_argv(r.skopeo, source, download.path(), r.tls_verify),
                                                    limits.blob_bytes));
    if (run.exit_code != 0) {
        Failure f = describe_skopeo_failure(r.ref, run.err.empty() ? run.out : run.err, r.tls_verify);
        throw PullError(f.kind, f.message);
    }
    // Checked again as fetched: a transport other than docker:// was copied by name, and a blob
    // on disk is read only within its limit whatever the manifest said.
    sys::UniqueFd dir = sys::open_root_dir(download.path(), r.ref + " (download)");
    const std::string manifest_text = sys::read_all(
        sys::require_regular_in_root(dir.get(), "manifest.json", r.ref + " (manifest)", kMaxManifestBytes),
        r.ref + " (manifest)");
    ImageManifest image = parse_image_manifest(manifest_text, r.ref + " (manifest)");
    check_pull_limits(image, limits, r.ref);
    auto open_blob = [&](const Blob& b, const std::string& what) {
        return sys::require_regular_in_root(dir.get(), blob_path("", b.digest).substr(1), what, limits.blob_bytes);
    };
    sys::RegularFile config_file = open_blob(image.config, r.ref + " (config)");
    std::string config = sys::read_all(config_file, r.ref + " (config)");
    result.bytes += config.size();
    if (!is_unikernel_image(image_labels(config, r.ref + " (config)")))
        throw sys::Error(r.ref + " is not a unikernel image: it has no io.ucrun.unikernel.* labels (make one with "
                         "`ucompose unikernel build --image` or `ucompose unikernel push`)");
    std::vector<sys::MappedFile> tars;  // the unpacked layers, on disk in the download directory
    std::map<std::string, std::pair<std::string_view, std::uint32_t>> files;  // later layers win
    std::uint64_t unpacked = 0;
    std::size_t members = 0;
    for (std::size_t i = 0; i < image.layers.size(); ++i) {
        const Blob& layer = image.layers[i];
        const std::string origin = r.ref + " layer " + layer.digest.substr(0, 19);
        sys::RegularFile blob = open_blob(layer, origin);
        result.bytes += blob.size;
        tars.push_back(unpack_layer(blob, download.path() + "/layer-" + std::to_string(i) + ".tar", origin, limits,
                                    unpacked));
        std::string_view tar = tars.back().view();
        unpacked += tar.size();
        if (unpacked > limits.unpacked_bytes) throw too_much_unpacked(origin, limits);
        std::vector<TarMember> list = read_tar(tar, origin, limits.files, members);
        members += list.size();
        for (const auto& f : entry_files(list, origin)) files[f.path] = {f.data, f.mode};
    }
    auto manifest_file = files.find("manifest.json");
    if (manifest_file == files.end())
        throw sys::Error(r.ref + " is not a unikernel image: it has no /unikernel/manifest.json");
    if (manifest_file->second.first.size() > kMaxManifestBytes)
        throw sys::Error(r.ref + ":/unikernel/manifest.json is more than " + sys::describe_bytes(kMaxManifestBytes));
    Manifest m = parse_manifest(std::string(manifest_file->second.first), r.ref + ":/unikernel/manifest.json");
    files.erase(manifest_file);
    for (const auto& [path, content] : files) {
        validate_entry_path(path, r.ref + ":/unikernel/" + path);
        std::string target = entry.dir() + "/" + path;
        auto slash = path.rfind('/');
        if (slash != std::string::npos) sys::make_dirs(entry.dir() + "/" + path.substr(0, slash));
        sys::write_file_atomic(target, content.first, static_cast<int>(content.second & 0755));
    }
    m.name = r.name;
    say(r, "installing " + r.name);
    result.dir = entry.commit(m);
    result.installed = true;
    return result;
}

}  // namespace ucrun::registry
