// The podman arguments of how a service is reached and names things
// (orchestrator/model/keys/networking.cpp).
#include "orchestrator/podman/key_args_helpers.hpp"

namespace ucompose {
namespace {

using namespace args;

// One --network per joined network (spec.networks: key -> real name), with the service name
// and the aliases as aliases; nothing when network_mode is set.
void networks_argv(const Service& s, const ContainerSpec& spec, sys::Argv& a) {
    if (spec.network_mode) return;
    for (const auto& [key, real] : spec.networks) {
        std::vector<std::string> opts;
        if (spec.service_alias) opts.push_back("alias=" + s.name);
        auto att = s.networks.find(key);
        if (att != s.networks.end()) {
            for (const auto& al : att->second.aliases) opts.push_back("alias=" + al);
            if (att->second.ipv4_address) opts.push_back("ip=" + *att->second.ipv4_address);
            if (att->second.ipv6_address) opts.push_back("ip6=" + *att->second.ipv6_address);
            if (att->second.mac_address) opts.push_back("mac=" + *att->second.mac_address);
        }
        std::string v = real;
        for (std::size_t i = 0; i < opts.size(); ++i) v += (i == 0 ? ":" : ",") + opts[i];
        add(a, "--network", v);
    }
}

std::string port_arg(const Port& p) {
    std::string s;
    if (p.host_ip) {
        s += (p.host_ip->find(':') != std::string::npos ? "[" + *p.host_ip + "]" : *p.host_ip) + ":";
        s += p.published.value_or("") + ":";
    } else if (p.published) {
        s += *p.published + ":";
    }
    s += std::to_string(p.target);
    if (p.protocol != "tcp") s += "/" + p.protocol;
    return s;
}

// `run` publishes ports only with --service-ports (spec.publish_ports).
void ports_argv(const Service& s, const ContainerSpec& spec, sys::Argv& a) {
    if (!spec.publish_ports) return;
    for (const auto& p : s.ports) add(a, "-p", port_arg(p));
}

}  // namespace

std::vector<KeyArgs> networking_args() {
    return {
        // service:<x> arrives resolved to container:<x's name> in spec.network_mode.
        {.key = "network_mode",
         .write = [](const Service&, const ContainerSpec& spec, sys::Argv& a) {
             if (spec.network_mode) add(a, "--network", *spec.network_mode);
         }},
        {.key = "networks", .write = networks_argv},
        {.key = "hostname", .write = value("--hostname", &Service::hostname)},
        {.key = "domainname", .write = value("--domainname", &Service::domainname)},
        {.key = "extra_hosts", .write = each("--add-host", &Service::extra_hosts)},
        {.key = "dns", .write = each("--dns", &Service::dns)},
        {.key = "dns_search", .write = each("--dns-search", &Service::dns_search)},
        {.key = "dns_opt", .write = each("--dns-option", &Service::dns_opt)},
        {.key = "ports", .write = ports_argv},
        {.key = "expose", .write = each("--expose", &Service::expose)},
        no_args("links", "names resolve on the project's networks; podman gets no --link"),
    };
}

}  // namespace ucompose
