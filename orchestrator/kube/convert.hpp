// `ucompose convert --format kubernetes` (pure): a loaded compose project -> Kubernetes objects.
// Per service a Deployment (apps/v1) and, when it has ports, a Service (v1); the RuntimeClass
// (node.k8s.io/v1) once when a service is a unikernel. What maps to what, and what is only
// warned about: docs/kubernetes-convert.md.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "orchestrator/image/embedded.hpp"
#include "orchestrator/kube/manifest.hpp"
#include "orchestrator/model/model.hpp"

namespace ucompose::kube {

// The image of the initContainers that wait for a dependency (it needs sh, nc -z and sleep).
inline constexpr const char* kDefaultInitImage = "docker.io/library/busybox:latest";
// The RuntimeClass unikernel pods name (runtime/node/runtimeclass.yaml's metadata.name).
inline constexpr const char* kRuntimeClassName = "ucrun";
// The label `ucompose unikernel build --image` puts on a unikernel OCI image: its registry name.
inline constexpr const char* kUnikernelNameLabel = "io.ucrun.unikernel.name";

struct ConvertOptions {
    // Local unikernel OCI images: registry name (kUnikernelNameLabel) -> the references of the
    // images with that label, the one to use first. A service whose image is one of them is a
    // unikernel; a SERVICE_NAME service gets the first reference of its name.
    std::map<std::string, std::vector<std::string>> unikernel_images;
    std::string init_image = kDefaultInitImage;
    // The RuntimeClass object, as YAML text (default: the one carried in ucompose).
    std::string runtime_class_yaml = std::string(image::kube_runtimeclass());
};

struct KubeObject {
    std::string file;  // "<service>-deployment.yaml", "<service>-service.yaml" or "runtimeclass.yaml"
    Manifest body;
};

struct Conversion {
    // The RuntimeClass first (when needed), then per service in start order (dependencies
    // first, so that `podman kube play` meets them first): its Service, then its Deployment.
    std::vector<KubeObject> objects;
    // What the cluster will not get, one line each: "file:line:col: service S: ...".
    std::vector<std::string> warnings;
};

// Throws Error when the RuntimeClass text is not a RuntimeClass.
Conversion convert(const Project& project, const ConvertOptions& options);

}  // namespace ucompose::kube
