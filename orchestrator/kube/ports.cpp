// Which ports a service's container declares and which its Service carries.
//   ports: "P:T"   -> containerPort T, Service port P -> targetPort T
//   ports: "T"     -> containerPort T, Service port T (compose publishes a random host port)
//   expose: "T"    -> containerPort T, Service port T (ClusterIP: reachable inside the cluster only)
#include <algorithm>
#include <cctype>

#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {
namespace {

std::string upper(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<uint16_t> port_number(const std::string& s) {
    if (s.empty() || s.size() > 5 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    int n = std::stoi(s);
    if (n < 1 || n > 65535)
        return std::nullopt;
    return static_cast<uint16_t>(n);
}

// Kompose's names: the port number, with the protocol when it is not TCP.
std::string default_name(uint16_t port, const std::string& protocol) {
    return protocol == "TCP" ? std::to_string(port) : std::to_string(port) + "-" + lower(protocol);
}

void add_container_port(PortPlan& plan, uint16_t port, const std::string& protocol) {
    for (const auto& c : plan.container)
        if (c.port == port && c.protocol == protocol)
            return;
    plan.container.push_back({port, protocol});
}

void add_service_port(PortPlan& plan, ServicePort sp) {
    for (const auto& s : plan.service)
        if (s.port == sp.port && s.protocol == sp.protocol)
            return;
    if (sp.name.empty())
        sp.name = default_name(sp.port, sp.protocol);
    plan.service.push_back(std::move(sp));
}

uint16_t service_port_of(const Service& s, const Port& p, Warnings& w) {
    if (p.host_ip)
        w.add(s, "ports",
              "host_ip " + *p.host_ip + " of port " + std::to_string(p.target) +
                  " is not converted: a Service listens on the cluster's addresses");
    if (!p.published)
        return p.target;
    if (auto n = port_number(*p.published))
        return *n;
    w.add(s, "ports",
          "published range " + *p.published + " has no Service equivalent; the Service port is " +
              std::to_string(p.target));
    return p.target;
}

void add_ports(const Service& s, PortPlan& plan, Warnings& w) {
    for (const auto& p : s.ports) {
        std::string protocol = upper(p.protocol);
        add_container_port(plan, p.target, protocol);
        add_service_port(plan, {p.name.value_or(""), service_port_of(s, p, w), p.target, protocol});
    }
}

// expose: "3000", "3000/udp", "3000-3002" (each port of a range).
void add_expose(const Service& s, PortPlan& plan, Warnings& w) {
    for (const auto& e : s.expose) {
        auto slash = e.find('/');
        std::string protocol = slash == std::string::npos ? "TCP" : upper(e.substr(slash + 1));
        std::string range = e.substr(0, slash);
        auto dash = range.find('-');
        auto first = port_number(range.substr(0, dash));
        auto last = dash == std::string::npos ? first : port_number(range.substr(dash + 1));
        if (!first || !last || *last < *first) {
            w.add(s, "expose", "expose entry '" + e + "' is not a port or a port range; skipped");
            continue;
        }
        for (int port = *first; port <= *last; ++port) {
            add_container_port(plan, static_cast<uint16_t>(port), protocol);
            add_service_port(plan, {"", static_cast<uint16_t>(port), static_cast<uint16_t>(port), protocol});
        }
    }
}

std::optional<uint16_t> probe_port(const Service& s) {
    if (!s.ucompose)
        return std::nullopt;
    if (s.ucompose->probe_tcp)
        return s.ucompose->probe_tcp;
    if (s.ucompose->probe_http)
        return s.ucompose->probe_http->port;
    return std::nullopt;
}

}  // namespace

PortPlan port_plan(const Service& s, bool depended_on, Warnings& w) {
    PortPlan plan;
    add_ports(s, plan, w);
    add_expose(s, plan, w);
    if (plan.service.empty() && depended_on) {
        // Not a containerPort: compose does not declare it (and podman 4.3's kube play would
        // publish it on the host).
        if (auto port = probe_port(s))
            add_service_port(plan, {"", *port, *port, "TCP"});
    }
    return plan;
}

}  // namespace ucompose::kube
