// YAML text -> Manifests with yaml-cpp (declared in yaml_io.hpp).
#include <yaml-cpp/yaml.h>

#include <regex>

#include "orchestrator/kube/yaml_io.hpp"
#include "orchestrator/model/error.hpp"

namespace ucompose::kube {
namespace {

// A plain scalar as YAML 1.2's core schema resolves it.
Manifest plain_scalar(const std::string& s) {
    static const std::regex null_re("~|null|Null|NULL|");
    static const std::regex true_re("true|True|TRUE"), false_re("false|False|FALSE");
    static const std::regex int_re("[-+]?[0-9]+");
    static const std::regex float_re("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    if (std::regex_match(s, null_re))
        return nullptr;
    if (std::regex_match(s, true_re))
        return true;
    if (std::regex_match(s, false_re))
        return false;
    if (std::regex_match(s, int_re))
        return std::stoll(s);
    if (std::regex_match(s, float_re))
        return std::stod(s);
    return s;
}

Manifest to_manifest(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Map: {
            Manifest m = Manifest::object();
            for (const auto& kv : n)
                m[kv.first.as<std::string>()] = to_manifest(kv.second);
            return m;
        }
        case YAML::NodeType::Sequence: {
            Manifest a = Manifest::array();
            for (const auto& x : n)
                a.push_back(to_manifest(x));
            return a;
        }
        case YAML::NodeType::Scalar:
            return n.Tag() == "!" ? Manifest(n.Scalar()) : plain_scalar(n.Scalar());
        default:
            return nullptr;
    }
}

}  // namespace

std::vector<Manifest> parse_documents(const std::string& text, const std::string& what) {
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(text);
    } catch (const YAML::Exception& e) {
        throw Error(what + ": invalid YAML: " + e.what());
    }
    std::vector<Manifest> out;
    for (const auto& d : docs)
        if (!d.IsNull())
            out.push_back(to_manifest(d));
    return out;
}

}  // namespace ucompose::kube
