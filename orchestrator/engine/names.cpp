#include "orchestrator/engine/names.hpp"


#include "orchestrator/model/serialize.hpp"
#include "orchestrator/version.hpp"
#include "runtime/sys/sha256.hpp"

namespace ucompose {

std::string container_name(const Project& project, const Service& service, int number) {
    if (service.container_name) return *service.container_name;
    return project.name + "_" + service.name + "_" + std::to_string(number);
}

std::string display_name(const std::string& service, int number) {
    return service + "-" + std::to_string(number);
}

std::string image_name(const Project& project, const Service& service) {
    if (service.image) return *service.image;
    return project.name + "_" + service.name;
}

std::string project_filter(const Project& project) {
    return std::string("label=") + label::kPodmanProject + "=" + project.name;
}

namespace {
std::map<std::string, std::string> project_labels(const Project& project) {
    std::string files;
    for (const auto& f : project.config_files) files += (files.empty() ? "" : ",") + f;
    return {
        {label::kPodmanProject, project.name},
        {label::kPodmanVersion, version()},
        {label::kProject, project.name},
        {label::kWorkingDir, project.working_dir},
        {label::kConfigFiles, files},
    };
}
}  // namespace

std::map<std::string, std::string> container_labels(const Project& project, const Service& service, int number,
                                                    const std::string& config_hash) {
    auto labels = project_labels(project);
    labels[label::kService] = service.name;
    labels[label::kNumber] = std::to_string(number);
    labels[label::kConfigHash] = config_hash;
    labels[label::kOneoff] = "False";
    return labels;
}

std::map<std::string, std::string> network_labels(const Project& project, const std::string& key) {
    return {{label::kPodmanProject, project.name}, {label::kProject, project.name}, {label::kNetwork, key}};
}

std::map<std::string, std::string> volume_labels(const Project& project, const std::string& key) {
    return {{label::kPodmanProject, project.name}, {label::kProject, project.name}, {label::kVolume, key}};
}

std::string config_hash(const Service& service, const std::string& image_id) {
    nlohmann::json j = service_to_json(service);
    // Scaling and the build recipe do not change an existing container.
    j.erase("scale");
    j.erase("build");
    if (j.contains("deploy") && j["deploy"].is_object()) j["deploy"].erase("replicas");
    return sys::sha256_hex(j.dump() + "\n" + image_id);
}

namespace {
bool has_domain(const std::string& ref) {
    auto slash = ref.find('/');
    if (slash == std::string::npos) return false;
    std::string first = ref.substr(0, slash);
    return first == "localhost" || first.find('.') != std::string::npos || first.find(':') != std::string::npos;
}
// With a tag, and Docker Hub's official images under their full path (docker.io/python:3 is
// docker.io/library/python:3, as podman and docker read it).
std::string with_tag(const std::string& ref) {
    std::string r = ref;
    const std::string hub = "docker.io/";
    if (r.compare(0, hub.size(), hub) == 0 && r.find('/', hub.size()) == std::string::npos)
        r.insert(hub.size(), "library/");
    if (r.find('@') != std::string::npos) return r;
    auto slash = r.rfind('/');
    auto colon = r.rfind(':');
    if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) return r + ":latest";
    return r;
}
}  // namespace

bool image_reference_matches(const std::string& reference, const std::string& listed_name) {
    std::string ref = with_tag(reference);
    std::string listed = with_tag(listed_name);
    if (ref == listed) return true;
    if (has_domain(ref)) return false;
    // A short name: any registry's image with that path (podman resolves short names likewise).
    if (listed.size() > ref.size() && listed.compare(listed.size() - ref.size(), ref.size(), ref) == 0 &&
        listed[listed.size() - ref.size() - 1] == '/') {
        std::string domain = listed.substr(0, listed.size() - ref.size() - 1);
        return domain == "localhost" || domain == "docker.io/library" || domain == "docker.io" ||
               domain.find('/') == std::string::npos;
    }
    return false;
}

}  // namespace ucompose
