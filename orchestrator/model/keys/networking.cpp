// How a service is reached and names things: networks, network_mode, hostname, DNS, ports.
#include "orchestrator/model/keys/key_helpers.hpp"
#include "orchestrator/model/keys/sub_keys.hpp"
#include "orchestrator/model/merge.hpp"

namespace ucompose {
namespace {

using namespace keys;

const SubKey<NetworkAttachment> kAttachmentKeys[] = {
    {"aliases", [](const Value& x, const std::string& kp, const KeyRead&, NetworkAttachment& a) {
         a.aliases = read_string_list(x, kp);
     }},
    {"ipv4_address", [](const Value& x, const std::string& kp, const KeyRead&, NetworkAttachment& a) {
         a.ipv4_address = read_string(x, kp);
     }},
    {"ipv6_address", [](const Value& x, const std::string& kp, const KeyRead&, NetworkAttachment& a) {
         a.ipv6_address = read_string(x, kp);
     }},
    {"mac_address", [](const Value& x, const std::string& kp, const KeyRead&, NetworkAttachment& a) {
         a.mac_address = read_string(x, kp);
     }},
    {"priority", [](const Value& x, const std::string& kp, const KeyRead&, NetworkAttachment& a) {
         a.priority = static_cast<int>(read_int(x, kp));
     }},
    {"link_local_ips", nullptr},
    {"driver_opts", nullptr},
    {"gw_priority", nullptr},
};

NetworkAttachment read_attachment(const Value& v, const std::string& p, const KeyRead& r) {
    NetworkAttachment a;
    if (v.is_null()) return a;
    need_map(v, p);
    read_sub_keys(v, p, r, kAttachmentKeys, a, XKeys::extensions);
    return a;
}

void read_networks(const Value& v, const KeyRead& r, Service& s) {
    if (v.is_null()) return;
    need_map(v, r.path());
    for (const Entry& n : v.map) s.networks[n.key] = read_attachment(n.value, r.path() + "." + n.key, r);
}

Port read_port_long(const Value& v, const std::string& p, const KeyRead& r) {
    need_map(v, p);
    Port port;
    bool have_target = false;
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        const Value& x = e.value;
        if (e.key == "target") {
            port.target = read_port(x, kp);
            have_target = true;
        } else if (e.key == "published") {
            if (!x.is_null()) port.published = read_string(x, kp);
        } else if (e.key == "host_ip") port.host_ip = read_string(x, kp);
        else if (e.key == "protocol") port.protocol = read_string(x, kp);
        else if (e.key == "mode") port.mode = read_string(x, kp);
        else if (e.key == "name") port.name = read_string(x, kp);
        else if (e.key == "app_protocol") port.app_protocol = read_string(x, kp);
        else if (e.key.rfind("x-", 0) != 0) r.warn_unknown(e, p);
    }
    if (!have_target) throw Error(v.pos, p + " needs a 'target' port");
    return port;
}

void read_ports(const Value& v, const KeyRead& r, Service& s) {
    if (v.is_null()) return;
    if (!v.is_seq()) throw_type(v, r.path(), "a list");
    for (const Value& p : v.seq) s.ports.push_back(read_port_long(p, r.path(), r));
}

// Kubernetes has the default network only, without aliases.
bool non_default_networks(const Service& s, bool) {
    for (const auto& [key, a] : s.networks)
        if (key != "default" || !a.aliases.empty()) return true;
    return false;
}

void emit_networks(const Service& s, nlohmann::json& out) {
    for (const auto& [name, att] : s.networks) {
        nlohmann::json j = nlohmann::json::object();
        put(j, "aliases", att.aliases);
        put(j, "ipv4_address", att.ipv4_address);
        put(j, "ipv6_address", att.ipv6_address);
        put(j, "mac_address", att.mac_address);
        put(j, "priority", att.priority);
        out[name] = j.empty() ? nlohmann::json(nullptr) : j;
    }
}

void emit_ports(const Service& s, nlohmann::json& out) {
    for (const Port& p : s.ports) {
        nlohmann::json j{{"target", p.target}, {"protocol", p.protocol}, {"mode", p.mode}};
        put(j, "published", p.published);
        put(j, "host_ip", p.host_ip);
        put(j, "name", p.name);
        put(j, "app_protocol", p.app_protocol);
        out.push_back(j);
    }
}

}  // namespace

std::vector<ServiceKey> networking_keys() {
    using namespace merge_rule;
    return {
        {.name = "network_mode", .merge = replace, .read = into(&Service::network_mode, read_string),
         .emit = from(&Service::network_mode),
         .kube = kube_warned_if_set(2, &Service::network_mode, "every pod has its own network namespace")},
        {.name = "networks", .normalize = shape::networks, .merge = mapping, .read = read_networks,
         .emit = emit_networks,
         .kube = kube_warned(3, non_default_networks,
                             "a cluster has one pod network; services reach each other by Service name")},
        {.name = "hostname", .merge = replace, .read = into(&Service::hostname, read_string),
         .emit = from(&Service::hostname),
         .kube = kube_warned_if_set(20, &Service::hostname, "a pod's hostname is its name")},
        {.name = "domainname", .merge = replace, .read = into(&Service::domainname, read_string),
         .emit = from(&Service::domainname),
         .kube = kube_warned_if_set(21, &Service::domainname, "a pod's domain is the cluster's")},
        {.name = "extra_hosts", .normalize = shape::extra_hosts, .merge = append_unique,
         .read = into(&Service::extra_hosts, read_string_list), .emit = from(&Service::extra_hosts),
         .kube = kube_warned_if_set(15, &Service::extra_hosts, "use hostAliases in the pod spec")},
        {.name = "dns", .normalize = shape::one_or_many, .merge = append_unique,
         .read = into(&Service::dns, read_string_list), .emit = from(&Service::dns),
         .kube = kube_warned_if_set(16, &Service::dns, "pods use the cluster DNS")},
        {.name = "dns_search", .normalize = shape::one_or_many, .merge = append_unique,
         .read = into(&Service::dns_search, read_string_list), .emit = from(&Service::dns_search),
         .kube = kube_warned_if_set(17, &Service::dns_search, "pods use the cluster DNS")},
        {.name = "dns_opt", .merge = append_unique,
         .read = into(&Service::dns_opt, read_string_list), .emit = from(&Service::dns_opt),
         .kube = kube_warned_if_set(18, &Service::dns_opt, "pods use the cluster DNS")},
        {.name = "ports", .normalize = shape::ports, .merge = ports_by_binding, .read = read_ports,
         .emit = emit_ports,
         .kube = kube_converted()},
        {.name = "expose", .normalize = shape::quoted_items, .merge = append_unique,
         .read = into(&Service::expose, read_string_list), .emit = from(&Service::expose),
         .kube = kube_converted()},
        {.name = "links", .merge = append_unique, .read = into(&Service::links, read_string_list),
         .emit = from(&Service::links),
         .kube = kube_warned_if_set(22, &Service::links, "services reach each other by Service name")},
        not_yet("external_links"),
    };
}

}  // namespace ucompose
