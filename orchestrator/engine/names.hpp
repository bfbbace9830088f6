// Names and labels, as podman-compose writes them, so that ucompose and podman-compose see
// each other's containers: containers <project>_<service>_<n>, networks <project>_<net>,
// volumes <project>_<vol>, labels io.podman.compose.* and com.docker.compose.*.
#pragma once
#include <map>
#include <string>

#include "orchestrator/model/model.hpp"

namespace ucompose {

namespace label {
inline constexpr const char* kPodmanProject = "io.podman.compose.project";
inline constexpr const char* kPodmanVersion = "io.podman.compose.version";
inline constexpr const char* kProject = "com.docker.compose.project";
inline constexpr const char* kService = "com.docker.compose.service";
inline constexpr const char* kNumber = "com.docker.compose.container-number";
inline constexpr const char* kWorkingDir = "com.docker.compose.project.working_dir";
inline constexpr const char* kConfigFiles = "com.docker.compose.project.config_files";
inline constexpr const char* kConfigHash = "com.docker.compose.config-hash";
inline constexpr const char* kOneoff = "com.docker.compose.oneoff";
inline constexpr const char* kNetwork = "com.docker.compose.network";
inline constexpr const char* kVolume = "com.docker.compose.volume";
}  // namespace label

// The tracker image of the seed's form (SERVICE_NAME selects the unikernel).
inline constexpr const char* kTrackerImage = "localhost/ucompose/unikernel-tracker:latest";
// The image label that marks a unikernel image.
inline constexpr const char* kUnikernelKindLabel = "io.ucrun.unikernel.kind";

// container_name, else "<project>_<service>_<n>".
std::string container_name(const Project& project, const Service& service, int number);
// "<service>-<n>": the log prefix and progress name of a container.
std::string display_name(const std::string& service, int number);
// image:, else "<project>_<service>" (podman-compose's name for a built image).
std::string image_name(const Project& project, const Service& service);
// "podman ps --filter" value selecting the project's containers.
std::string project_filter(const Project& project);

// The labels of a container of a service.
std::map<std::string, std::string> container_labels(const Project& project, const Service& service, int number,
                                                    const std::string& config_hash);
// The labels of a project network / volume.
std::map<std::string, std::string> network_labels(const Project& project, const std::string& key);
std::map<std::string, std::string> volume_labels(const Project& project, const std::string& key);

// The SHA-256 (64 hex digits, as Docker Compose's com.docker.compose.config-hash) of everything
// that defines a service's containers plus the image ID it runs: a different hash means the
// container must be recreated.
std::string config_hash(const Service& service, const std::string& image_id);

// Image references podman may list the reference under ("busybox" -> docker.io/library/busybox:latest,
// localhost/busybox:latest, ...), all with a tag.
bool image_reference_matches(const std::string& reference, const std::string& listed_name);

}  // namespace ucompose
