// A Kubernetes object as data: JSON values in insertion order (apiVersion, kind, metadata, spec),
// written as YAML only by emit.cpp.
#pragma once
#include <nlohmann/json.hpp>

namespace ucompose::kube {

using Manifest = nlohmann::ordered_json;

}  // namespace ucompose::kube
