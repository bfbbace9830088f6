// What podman says exists, parsed once into types (podman's JSON stays at this edge).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ucompose {

struct ObservedContainer {
    std::string id;
    std::string name;
    std::string image;     // reference it was created from
    std::string image_id;
    std::string state;     // created | running | paused | exited | stopped | ...
    std::string status;    // podman's human text ("Up 2 seconds (healthy)")
    int exit_code = 0;
    std::map<std::string, std::string> labels;
    std::vector<std::string> ports;  // "0.0.0.0:8080->80/tcp"
    std::vector<std::string> command;
    long long created = 0;

    std::string service() const;  // com.docker.compose.service, or ""
    int number() const;           // com.docker.compose.container-number, or 0
    std::string config_hash() const;
    bool running() const { return state == "running"; }
    bool oneoff() const;          // a `run` container
};

struct ObservedImage {
    std::string id;
    std::vector<std::string> names;
    std::map<std::string, std::string> labels;
    long long size = 0;
};

// `podman ps -a --format json` (empty text = none). Throws Error on bad JSON.
std::vector<ObservedContainer> parse_ps_json(const std::string& text);
// `podman images --format json`.
std::vector<ObservedImage> parse_images_json(const std::string& text);
// `podman network ls --format json` / `podman volume ls --format json`: the names.
std::vector<std::string> parse_network_names(const std::string& text);
std::vector<std::string> parse_volume_names(const std::string& text);
// `podman inspect --format json <container>`: the first IPv4 address on any network.
std::optional<std::string> parse_container_ip(const std::string& text);

// The image the reference names, if listed.
const ObservedImage* find_image(const std::vector<ObservedImage>& images, const std::string& reference);

}  // namespace ucompose
