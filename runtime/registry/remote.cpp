#include "runtime/registry/remote.hpp"

#include <fcntl.h>
#include <sys/file.h>

#include <map>

#include "runtime/registry/image_layout.hpp"
#include "runtime/registry/manifest.hpp"
#include "runtime/registry/name.hpp"
#include "runtime/registry/staged_entry.hpp"
#include "runtime/registry/tar_reader.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/file_lock.hpp"
#include "runtime/sys/gzip.hpp"
#include "runtime/sys/staged_dir.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucrun::registry {
namespace {

// A layer larger than this unpacked is refused (a unikernel is megabytes).
constexpr std::size_t kMaxLayerBytes = std::size_t(4) << 30;

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
    StagedEntry entry(r.root, r.name, r.force);
    sys::StagedDir download(r.root, "download-" + r.name);
    say(r, "pulling " + r.ref);
    sys::RunResult run = sys::run(skopeo_copy_argv(r.skopeo, r.ref, download.path(), r.tls_verify));
    if (run.exit_code != 0) {
        Failure f = describe_skopeo_failure(r.ref, run.err.empty() ? run.out : run.err, r.tls_verify);
        throw PullError(f.kind, f.message);
    }
    const std::string manifest_path = download.path() + "/manifest.json";
    ImageManifest image = parse_image_manifest(sys::read_file(manifest_path), r.ref + " (manifest)");
    std::string config = sys::read_file(blob_path(download.path(), image.config.digest));
    result.bytes += config.size();
    if (!is_unikernel_image(image_labels(config, r.ref + " (config)")))
        throw sys::Error(r.ref + " is not a unikernel image: it has no io.ucrun.unikernel.* labels (make one with "
                         "`ucompose unikernel build --image` or `ucompose unikernel push`)");
    std::map<std::string, std::pair<std::string, std::uint32_t>> files;  // later layers win
    for (const auto& layer : image.layers) {
        const std::string origin = r.ref + " layer " + layer.digest.substr(0, 19);
        std::string content = sys::read_file(blob_path(download.path(), layer.digest));
        result.bytes += content.size();
        switch (layer_compression(content)) {
            case Compression::gzip: content = sys::gzip_decompress(content, origin, kMaxLayerBytes); break;
            case Compression::none: break;
            case Compression::zstd:
                throw sys::Error(origin + ": zstd-compressed layers are not supported (push with gzip, podman's default)");
            case Compression::unknown: throw sys::Error(origin + ": not a tar, gzip or zstd layer");
        }
        for (const auto& f : entry_files(read_tar(content, origin), origin))
            files[f.path] = {std::string(f.data), f.mode};
    }
    auto manifest_file = files.find("manifest.json");
    if (manifest_file == files.end())
        throw sys::Error(r.ref + " is not a unikernel image: it has no /unikernel/manifest.json");
    Manifest m = parse_manifest(manifest_file->second.first, r.ref + ":/unikernel/manifest.json");
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
