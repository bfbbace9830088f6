#include "orchestrator/image/unikernel_push.hpp"

#include "orchestrator/image/oci.hpp"
#include "orchestrator/registry/manifest.hpp"
#include "orchestrator/registry/store.hpp"
#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucompose::image {
namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    auto nl = s.rfind('\n');
    return nl == std::string::npos ? s : s.substr(nl + 1);  // podman's last line is its error
}

}  // namespace

sys::Argv podman_push_argv(const std::string& podman, const std::string& ref, bool tls_verify) {
    sys::Argv argv{podman, "push"};
    if (!tls_verify) argv.push_back("--tls-verify=false");
    argv.push_back(ref);
    return argv;
}

void push_unikernel(const UnikernelPushOptions& opts, CommandRunner& runner, const Progress& progress) {
    ucrun::registry::validate_name(opts.name);
    if (opts.ref.empty()) throw sys::Error("push " + opts.name + ": the image reference is empty");
    const std::string root = opts.registry_root.empty() ? registry::default_root() : opts.registry_root;
    const std::string dir = root + "/" + opts.name;
    const std::string manifest_path = dir + "/manifest.json";
    auto text = sys::read_file_if_exists(manifest_path);
    if (!text) throw sys::Error("unknown unikernel \"" + opts.name + "\": no " + manifest_path + " in the registry " + root);
    registry::Manifest m = registry::parse_manifest(*text, manifest_path);
    std::vector<std::pair<std::string, std::string>> files;
    if (!m.kernel.empty()) files.emplace_back(m.kernel, dir + "/" + m.kernel);
    if (m.initrd) files.emplace_back(*m.initrd, dir + "/" + *m.initrd);
    if (m.disk) files.emplace_back(*m.disk, dir + "/" + *m.disk);
    if (progress) progress("building image " + opts.ref);
    build_unikernel_image(runner, opts.podman, opts.ref, m, files, {});
    if (progress) progress("pushing " + opts.ref);
    auto r = runner.run(podman_push_argv(opts.podman, opts.ref, opts.tls_verify));
    if (!opts.keep_image) runner.run({opts.podman, "rmi", opts.ref});
    if (r.exit_code != 0)
        throw sys::Error("push " + opts.name + " to " + opts.ref + ": " + trimmed(r.err.empty() ? r.out : r.err));
    if (progress) progress("pushed " + opts.ref);
}

}  // namespace ucompose::image
