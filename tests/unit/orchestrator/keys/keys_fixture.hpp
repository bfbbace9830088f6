// Helpers for the service key tests: a service from YAML text through the loader's steps
// (parse, normalize, merge, convert) without files.
#pragma once
#include <string>
#include <vector>

#include "orchestrator/model/convert.hpp"
#include "orchestrator/model/merge.hpp"
#include "orchestrator/model/normalize.hpp"
#include "orchestrator/model/yaml_parse.hpp"

namespace keys_test {

// One file's `services.web` value, normalised as the loader does.
inline ucompose::Value service_value(const std::string& yaml, const std::string& file = "compose.yaml") {
    ucompose::Value v = ucompose::parse_yaml(yaml, file);
    ucompose::NormalizeContext ctx{"/project", "/home/tester", nullptr};
    ucompose::normalize_service(v, "web", ctx);
    return v;
}

// Files merged in order, then converted to the typed service.
inline ucompose::Service service(const std::vector<std::string>& files,
                                 ucompose::ConvertContext ctx = {}) {
    ucompose::Value merged = service_value(files.at(0));
    for (size_t i = 1; i < files.size(); ++i)
        ucompose::merge_service(merged, service_value(files[i], "file" + std::to_string(i) + ".yaml"));
    ucompose::strip_reset(merged);
    return ucompose::convert_service("web", merged, {}, ctx);
}

}  // namespace keys_test
