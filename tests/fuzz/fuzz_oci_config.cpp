// libFuzzer target: an OCI config.json as ucrun reads it at `create` (runtime/oci/spec.hpp),
// then the pure parts of classification over its annotations and env: the pod role
// (runtime/unikernel/pod.hpp), io.ucrun.unikernel.* and com.urunc.unikernel.*
// (runtime/unikernel/annotations.hpp), and classify() itself (runtime/ucrun/classify.hpp)
// against a fixed, empty rootfs and an empty registry in a temp directory made once, so any
// file an annotation names is simply absent (made once under $TMPDIR).
// Input: the config.json text. Errors ucrun reports (sys::Error) are expected.

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "runtime/ucrun/classify.hpp"
#include "runtime/oci/config.hpp"
#include "runtime/oci/spec.hpp"
#include "runtime/unikernel/annotations.hpp"
#include "runtime/unikernel/pod.hpp"

namespace {

struct Dirs {
    // Under $TMPDIR: run.sh points it into its own work directory, which it removes (libFuzzer
    // does not always leave through exit(), so the removal at exit is best effort).
    sys::TempDir tmp{"ucrun-fuzz-oci-"};
    std::string root = tmp.path(), rootfs = root + "/rootfs", registry = root + "/registry";
    Dirs() {
        sys::make_dirs(rootfs);
        sys::make_dirs(registry);
    }
};

const Dirs& dirs() {
    static const Dirs d;
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Dirs& d = dirs();
    std::string text(reinterpret_cast<const char*>(data), size);
    ucrun::Spec spec;
    try {
        spec = ucrun::parse_spec(text, "config.json");
    } catch (const sys::Error&) {
        return 0;
    }
    // What create reads next.
    std::string rootfs = ucrun::rootfs_path(spec, d.root);
    (void)rootfs;
    (void)spec.env_value("SERVICE_NAME");
    (void)spec.namespace_path("network");

    try {
        (void)ucrun::unikernel::pod_member(spec.annotations);
    } catch (const sys::Error&) {
    }
    try {
        (void)ucrun::unikernel::from_ucrun_annotations(spec.annotations, d.rootfs);
    } catch (const sys::Error&) {
    }
    try {
        (void)ucrun::unikernel::from_urunc_annotations(spec.annotations, d.rootfs);
    } catch (const sys::Error&) {
    }
    try {
        ucrun::Config config;
        config.registry = d.registry;
        const std::string id = "fuzz";
        (void)ucrun::classify(ucrun::ClassifyInput{id, spec, d.rootfs, config});
    } catch (const sys::Error&) {
    }
    return 0;
}
