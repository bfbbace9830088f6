// Object names and the labels that tie a Service to its Deployment's pods.
#include <cctype>

#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {

std::string object_name(const Service& s, Warnings& w) {
    std::string name;
    for (char c : s.name)
        name += (c == '_' || c == '.') ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != s.name)
        w.add(s, "",
              "'" + s.name + "' is not a Kubernetes object name; its objects are named '" + name +
                  "' (and other services reach it by that name)");
    return name;
}

Manifest selector_labels(const Project& p, const std::string& name) {
    return Manifest{{"app.kubernetes.io/name", name}, {"app.kubernetes.io/part-of", p.name}};
}

}  // namespace ucompose::kube
