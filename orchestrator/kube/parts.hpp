// The pieces convert.cpp assembles, one file each (internal to orchestrator/kube).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/kube/convert.hpp"

namespace ucompose::kube {

// Collects warnings as "file:line:col: service S: message".
class Warnings {
public:
    void add(const Service& s, const std::string& key, const std::string& message);
    std::vector<std::string> take() { return std::move(lines_); }

private:
    std::vector<std::string> lines_;
};

// names.cpp: the service's name as a Kubernetes object name (RFC 1123 label: lowercase,
// '_' and '.' become '-'); warns when it differs from the compose name.
std::string object_name(const Service& s, Warnings& w);
// app.kubernetes.io/name and app.kubernetes.io/part-of: the selector of the Deployment and Service.
Manifest selector_labels(const Project& p, const std::string& name);

// ports.cpp
struct ContainerPort {
    uint16_t port = 0;
    std::string protocol;  // TCP | UDP | SCTP
};
struct ServicePort {
    std::string name;
    uint16_t port = 0;    // the Service's port (compose's published port)
    uint16_t target = 0;  // the container's port
    std::string protocol;
};
struct PortPlan {
    std::vector<ContainerPort> container;  // ports: targets and expose:, once each
    std::vector<ServicePort> service;      // empty: no Service
};
// `depended_on`: some service depends on this one; without ports: or expose:, its x-ucompose
// probe port (probe_tcp, else probe_http's) then becomes its Service's port.
PortPlan port_plan(const Service& s, bool depended_on, Warnings& w);

// service.cpp
Manifest service_object(const Project& p, const std::string& name, const std::vector<ServicePort>& ports);

// unikernel.cpp: whether the service runs under ucrun, and the image and env it gets.
struct UnikernelChoice {
    bool unikernel = false;
    std::string image;
    std::map<std::string, std::optional<std::string>> environment;
};
UnikernelChoice unikernel_choice(const Project& p, const Service& s, const ConvertOptions& o, Warnings& w);

// probes.cpp: the readinessProbe (x-ucompose probe, else the healthcheck's test), if any.
std::optional<Manifest> readiness_probe(const Service& s, bool unikernel, Warnings& w);

// resources.cpp
std::string memory_quantity(int64_t bytes);  // "512Mi", or bytes when not whole MiB
std::string cpu_quantity(double cpus);       // "2", "500m"
std::optional<Manifest> resources(const Service& s);

// init_containers.cpp: one initContainer per dependency with a Service; `ports` holds each
// service's Service ports and `names` its object name.
Manifest init_containers(const Service& s, const std::map<std::string, std::vector<ServicePort>>& ports,
                         const std::map<std::string, std::string>& names, const std::string& image, Warnings& w);

// container.cpp: the service's container.
Manifest container(const Service& s, const std::string& name, const UnikernelChoice& u, const PortPlan& ports,
                   Warnings& w);

// deployment.cpp
struct PodParts {
    Manifest container;
    Manifest init_containers;  // an array, maybe empty
    bool unikernel = false;
};
Manifest deployment_object(const Project& p, const Service& s, const std::string& name, PodParts parts);

// runtime_class.cpp: the RuntimeClass text as an object; throws Error when it is not one.
Manifest runtime_class_object(const std::string& yaml);

// unsupported.cpp: a warning for each key set that Kubernetes does not get.
void warn_unsupported(const Service& s, bool unikernel, Warnings& w);

}  // namespace ucompose::kube
