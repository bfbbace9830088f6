#include "orchestrator/engine/observed.hpp"

#include <nlohmann/json.hpp>

#include "orchestrator/engine/names.hpp"
#include "orchestrator/model/error.hpp"

namespace ucompose {
namespace {

nlohmann::json parse(const std::string& text, const char* what) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return nlohmann::json::array();
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("cannot parse the output of podman ") + what + ": " + e.what());
    }
}

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::map<std::string, std::string> string_map(const nlohmann::json& j, const char* key) {
    std::map<std::string, std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return out;
    for (const auto& [k, v] : it->items()) {
        if (v.is_string()) out[k] = v.get<std::string>();
    }
    return out;
}

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& v : *it) {
        if (v.is_string()) out.push_back(v.get<std::string>());
    }
    return out;
}

std::string get_label(const std::map<std::string, std::string>& labels, const char* key) {
    auto it = labels.find(key);
    return it == labels.end() ? std::string() : it->second;
}

}  // namespace

std::string ObservedContainer::service() const { return get_label(labels, label::kService); }
int ObservedContainer::number() const {
    try {
        return std::stoi(get_label(labels, label::kNumber));
    } catch (...) {
        return 0;
    }
}
std::string ObservedContainer::config_hash() const { return get_label(labels, label::kConfigHash); }
bool ObservedContainer::oneoff() const { return get_label(labels, label::kOneoff) == "True"; }

std::vector<ObservedContainer> parse_ps_json(const std::string& text) {
    std::vector<ObservedContainer> out;
    for (const auto& j : parse(text, "ps")) {
        ObservedContainer c;
        c.id = str(j, "Id");
        auto names = string_list(j, "Names");
        c.name = names.empty() ? c.id : names.front();
        c.image = str(j, "Image");
        c.image_id = str(j, "ImageID");
        c.state = str(j, "State");
        c.status = str(j, "Status");
        if (j.contains("ExitCode") && j["ExitCode"].is_number_integer()) c.exit_code = j["ExitCode"].get<int>();
        if (j.contains("Created") && j["Created"].is_number()) c.created = j["Created"].get<long long>();
        c.labels = string_map(j, "Labels");
        c.command = string_list(j, "Command");
        if (j.contains("Ports") && j["Ports"].is_array()) {
            for (const auto& p : j["Ports"]) {
                std::string host_ip = p.value("host_ip", std::string());
                int hp = p.value("host_port", 0), cp = p.value("container_port", 0);
                int range = p.value("range", 1);
                std::string proto = p.value("protocol", std::string("tcp"));
                for (int i = 0; i < std::max(range, 1); ++i) {
                    c.ports.push_back((host_ip.empty() ? "0.0.0.0" : host_ip) + ":" + std::to_string(hp + i) +
                                      "->" + std::to_string(cp + i) + "/" + proto);
                }
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<ObservedImage> parse_images_json(const std::string& text) {
    std::vector<ObservedImage> out;
    for (const auto& j : parse(text, "images")) {
        ObservedImage i;
        i.id = str(j, "Id");
        i.names = string_list(j, "Names");
        i.labels = string_map(j, "Labels");
        if (j.contains("Size") && j["Size"].is_number()) i.size = j["Size"].get<long long>();
        out.push_back(std::move(i));
    }
    return out;
}

std::vector<std::string> parse_network_names(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& j : parse(text, "network ls")) {
        std::string n = str(j, "name");
        if (n.empty()) n = str(j, "Name");
        out.push_back(n);
    }
    return out;
}

std::vector<std::string> parse_volume_names(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& j : parse(text, "volume ls")) {
        std::string n = str(j, "Name");
        if (n.empty()) n = str(j, "name");
        out.push_back(n);
    }
    return out;
}

std::optional<std::string> parse_container_ip(const std::string& text) {
    nlohmann::json all = parse(text, "inspect");
    if (!all.is_array() || all.empty()) return std::nullopt;
    const auto& ns = all[0].value("NetworkSettings", nlohmann::json::object());
    if (ns.contains("Networks") && ns["Networks"].is_object()) {
        for (const auto& [name, net] : ns["Networks"].items()) {
            std::string ip = str(net, "IPAddress");
            if (!ip.empty()) return ip;
        }
    }
    std::string ip = str(ns, "IPAddress");
    if (!ip.empty()) return ip;
    return std::nullopt;
}

const ObservedImage* find_image(const std::vector<ObservedImage>& images, const std::string& reference) {
    for (const auto& img : images) {
        if (img.id == reference || (reference.size() >= 12 && img.id.rfind(reference, 0) == 0)) return &img;
        for (const auto& n : img.names) {
            if (image_reference_matches(reference, n)) return &img;
        }
    }
    return nullptr;
}

}  // namespace ucompose
