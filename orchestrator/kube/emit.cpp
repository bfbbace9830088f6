// Manifest -> YAML with YAML::Emitter (declared in yaml_io.hpp).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "orchestrator/kube/yaml_io.hpp"

namespace ucompose::kube {
namespace {

// Words YAML 1.1 or 1.2 reads as null or bool (Kubernetes' sigs.k8s.io/yaml follows YAML 1.1).
bool is_keyword(const std::string& s) {
    static const std::array<const char*, 24> words{"null",  "Null",  "NULL", "~",   "true", "True", "TRUE", "false",
                                                   "False", "FALSE", "yes",  "Yes", "YES",  "no",   "No",   "NO",
                                                   "on",    "On",    "ON",   "off", "Off",  "OFF",  ".inf", ".nan"};
    if (s == "y" || s == "Y" || s == "n" || s == "N" || s == "-.inf" || s == ".NaN")
        return true;
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return s == w; });
}

// Could read as a number in YAML 1.1 or 1.2 (decimal, 0x, 0o, 1_000, 1:30, 1e3): over-quoting
// a few odd strings is harmless, under-quoting would change a type.
bool looks_numeric(const std::string& s) {
    size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (i >= s.size() || !(std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) || std::strchr("xXoO._:+-", c) != nullptr;
    });
}

bool needs_quotes(const std::string& s) {
    return s.empty() || is_keyword(s) || looks_numeric(s);
}

void put(YAML::Emitter& e, const Manifest& v) {
    switch (v.type()) {
        case Manifest::value_t::object:
            e << YAML::BeginMap;
            for (const auto& [k, x] : v.items()) {
                e << YAML::Key << k << YAML::Value;
                put(e, x);
            }
            e << YAML::EndMap;
            break;
        case Manifest::value_t::array:
            e << (v.empty() ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
            for (const auto& x : v)
                put(e, x);
            e << YAML::EndSeq;
            break;
        case Manifest::value_t::string: {
            const auto& s = v.get_ref<const std::string&>();
            if (needs_quotes(s))
                e << YAML::DoubleQuoted;
            e << s;
            break;
        }
        case Manifest::value_t::boolean:
            e << v.get<bool>();
            break;
        case Manifest::value_t::number_integer:
            e << v.get<int64_t>();
            break;
        case Manifest::value_t::number_unsigned:
            e << v.get<uint64_t>();
            break;
        case Manifest::value_t::number_float:
            e << v.get<double>();
            break;
        default:
            e << YAML::Null;
            break;
    }
}

std::string finish(const YAML::Emitter& e) {
    std::string out = e.c_str();
    if (!out.empty() && out.back() != '\n')
        out += '\n';
    return out;
}

}  // namespace

std::string emit_document(const Manifest& body) {
    YAML::Emitter e;
    put(e, body);
    return finish(e);
}

std::string emit_stream(const std::vector<Manifest>& bodies) {
    YAML::Emitter e;
    for (const auto& b : bodies) {
        e << YAML::BeginDoc;
        put(e, b);
    }
    return finish(e);
}

}  // namespace ucompose::kube
