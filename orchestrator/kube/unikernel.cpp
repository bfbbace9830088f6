// Which services are unikernels, and which image they get in the cluster:
//   - image: a local unikernel OCI image (labelled io.ucrun.unikernel.name) -> as written;
//   - SERVICE_NAME (the seed's form) or x-ucompose.unikernel names a registry entry -> the newest
//     local OCI image of that name when there is one (SERVICE_NAME dropped: the image carries
//     the unikernel), else the image as written, SERVICE_NAME kept, and a warning saying how
//     to publish one (a cluster node has no ucrun registry entries of this host).
#include "orchestrator/engine/names.hpp"
#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {
namespace {

bool is_unikernel_image(const std::string& image, const ConvertOptions& o) {
    for (const auto& [name, refs] : o.unikernel_images)
        for (const auto& ref : refs)
            if (image_reference_matches(image, ref))
                return true;
    return false;
}

struct RegistryName {
    std::string name;
    std::string key;  // where it is written: environment or x-ucompose
};

std::optional<RegistryName> registry_name(const Service& s) {
    auto env = s.environment.find("SERVICE_NAME");
    if (env != s.environment.end() && env->second && !env->second->empty())
        return RegistryName{*env->second, "environment"};
    if (s.ucompose && s.ucompose->unikernel)
        return RegistryName{*s.ucompose->unikernel, "x-ucompose"};
    return std::nullopt;
}

void warn_unpublished(const Service& s, const RegistryName& r, const std::string& image, Warnings& w) {
    const std::string& name = r.name;
    std::string ref = "REGISTRY/" + name + ":TAG";
    w.add(s, r.key,
          "unikernel '" + name +
              "' is an entry of this host's ucrun registry, which a cluster node does not have; "
              "no local image is labelled " +
              std::string(kUnikernelNameLabel) + "=" + name + ", so the image stays " + image +
              ". Publish one with `ucompose unikernel build ELF --name " + name + " --image " + ref +
              "` then `podman push " + ref + "`, and convert again");
}

}  // namespace

UnikernelChoice unikernel_choice(const Project& p, const Service& s, const ConvertOptions& o, Warnings& w) {
    UnikernelChoice c;
    c.image = image_name(p, s);
    c.environment = s.environment;
    if (is_unikernel_image(c.image, o)) {
        c.unikernel = true;
        return c;
    }
    auto r = registry_name(s);
    if (!r)
        return c;
    c.unikernel = true;
    auto known = o.unikernel_images.find(r->name);
    if (known != o.unikernel_images.end() && !known->second.empty()) {
        c.image = known->second.front();
        c.environment.erase("SERVICE_NAME");
        return c;
    }
    c.environment["SERVICE_NAME"] = r->name;
    warn_unpublished(s, *r, c.image, w);
    return c;
}

}  // namespace ucompose::kube
