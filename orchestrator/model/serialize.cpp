#include "orchestrator/model/serialize.hpp"

#include <algorithm>

#include "orchestrator/model/json_put.hpp"
#include "orchestrator/model/keys/service_key.hpp"
#include "orchestrator/model/yaml_scalar.hpp"
#include "orchestrator/model/yaml_write.hpp"

namespace ucompose {

using json = nlohmann::json;

// Each key writes its own value (its `emit`, keys/); then the x- extensions as they were read.
json service_to_json(const Service& s) {
    json o = json::object();
    for (const ServiceKey& k : service_keys()) {
        if (!k.emit) continue;
        json v;
        k.emit(s, v);
        if (!v.is_null()) o[std::string(k.name)] = std::move(v);
    }
    for (const auto& [k, v] : s.extensions) o[k] = v;
    return o;
}

json project_to_json(const Project& p) {
    json o = json::object();
    o["name"] = p.name;
    json services = json::object();
    for (const auto& [name, s] : p.services) services[name] = service_to_json(s);
    o["services"] = services;
    if (!p.networks.empty()) {
        json n = json::object();
        for (const auto& [key, d] : p.networks) {
            json j;
            j["name"] = d.name;
            put(j, "driver", d.driver);
            put(j, "driver_opts", d.driver_opts);
            put(j, "external", d.external);
            put(j, "internal", d.internal);
            put(j, "enable_ipv6", d.enable_ipv6);
            put(j, "labels", d.labels);
            if (d.ipam_driver || !d.ipam_config.empty()) {
                json ipam = json::object();
                put(ipam, "driver", d.ipam_driver);
                if (!d.ipam_config.empty()) {
                    json cfg = json::array();
                    for (const IpamPool& pool : d.ipam_config) {
                        json c = json::object();
                        put(c, "subnet", pool.subnet);
                        put(c, "gateway", pool.gateway);
                        put(c, "ip_range", pool.ip_range);
                        cfg.push_back(c);
                    }
                    ipam["config"] = cfg;
                }
                j["ipam"] = ipam;
            }
            for (const auto& [k, v] : d.extensions) j[k] = v;
            n[key] = j;
        }
        o["networks"] = n;
    }
    if (!p.volumes.empty()) {
        json v = json::object();
        for (const auto& [key, d] : p.volumes) {
            json j;
            j["name"] = d.name;
            put(j, "driver", d.driver);
            put(j, "driver_opts", d.driver_opts);
            put(j, "external", d.external);
            put(j, "labels", d.labels);
            for (const auto& [k, x] : d.extensions) j[k] = x;
            v[key] = j;
        }
        o["volumes"] = v;
    }
    for (const auto& [key, defs] : {std::pair{"secrets", &p.secrets}, std::pair{"configs", &p.configs}}) {
        if (defs->empty()) continue;
        json m = json::object();
        for (const auto& [name, d] : *defs) {
            json j = json::object();
            put(j, "file", d.file);
            if (d.external) {
                j["external"] = true;
                j["name"] = d.name;
            }
            m[name] = j;
        }
        o[key] = m;
    }
    for (const auto& [k, v] : p.extensions) o[k] = v;
    return o;
}

namespace {

// A string that would read back as another type, or that holds a line break the emitter would
// leave bare, is quoted; keys too.
bool config_quotes(std::string_view s) { return plain_reads_as_non_string(s) || has_other_line_break(s); }

// Docker compose's layout: '$' as "$$" (values are interpolated when the output is loaded again,
// keys are not), floats as Go prints them, "null", "{}".
constexpr YamlStyle kConfigYaml{.quote_value = config_quotes,
                                .quote_key = config_quotes,
                                .double_dollars = true,
                                .go_floats = true,
                                .null_word = true,
                                .flow_empty_maps = true};

// docker compose's top-level order (compose-go's Project): then the x- extensions, sorted.
constexpr const char* kTopLevel[] = {"name", "services", "networks", "volumes", "secrets", "configs"};

// docker compose prints byte sizes as decimal strings ("268435456"); the JSON keeps ints. Each
// key says where its sizes are (its `bytes`, keys/).
void byte_sizes_as_strings(json& service) {
    for (const ServiceKey& k : service_keys())
        if (k.bytes)
            if (auto it = service.find(std::string(k.name)); it != service.end()) k.bytes(*it);
}

}  // namespace

std::string to_yaml(const json& value) { return write_yaml(nlohmann::ordered_json(value), kConfigYaml); }

std::string project_to_yaml(const Project& project) {
    json model = project_to_json(project);
    for (auto& [name, service] : model["services"].items()) byte_sizes_as_strings(service);
    nlohmann::ordered_json top = nlohmann::ordered_json::object();
    for (const char* key : kTopLevel)
        if (auto it = model.find(key); it != model.end()) top[key] = *it;
    for (auto it = model.begin(); it != model.end(); ++it)
        if (std::find(std::begin(kTopLevel), std::end(kTopLevel), it.key()) == std::end(kTopLevel))
            top[it.key()] = it.value();
    return write_yaml(top, kConfigYaml);
}

}  // namespace ucompose
