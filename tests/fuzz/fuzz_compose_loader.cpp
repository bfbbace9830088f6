// libFuzzer target: compose YAML text -> typed Project, with .env, interpolation, extends,
// include, profiles, validation (orchestrator/model/loader.hpp), then the model back to JSON.
//
// Input: up to four parts separated by NUL bytes (YAML and .env never hold one):
//   compose.yaml \0 .env \0 shell environment (KEY=VALUE lines) \0 other.yaml
// The files live in memory under /fuzz/project (virtual_files.hpp): .env exists when the input
// has a second part, other.yaml when it has a fourth (for extends, include and env_file).
// Errors the loader reports (sys::Error, ucompose::Error) are expected; anything else escaping
// (std::out_of_range, a YAML exception, ...) is a finding, as is any sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "orchestrator/model/loader.hpp"
#include "orchestrator/model/serialize.hpp"
#include "runtime/sys/error.hpp"
#include "tests/fuzz/virtual_files.hpp"

namespace {

constexpr const char* kDir = "/fuzz/project";

std::vector<std::string> split_parts(const std::uint8_t* data, std::size_t size, std::size_t max_parts) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0 && parts.size() < max_parts)
            parts.emplace_back();
        else
            parts.back() += static_cast<char>(data[i]);
    }
    return parts;
}

std::map<std::string, std::string> environment_from(const std::string& text) {
    std::map<std::string, std::string> env;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t nl = text.find('\n', at);
        std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        if (std::size_t eq = line.find('='); eq != std::string::npos && eq > 0)
            env[line.substr(0, eq)] = line.substr(eq + 1);
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    return env;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> parts = split_parts(data, size, 4);
    auto& files = fuzz::virtual_files();
    files.clear();
    const std::string dir = kDir;
    files[dir + "/compose.yaml"] = parts[0];
    if (parts.size() > 1) files[dir + "/.env"] = parts[1];
    if (parts.size() > 3) files[dir + "/other.yaml"] = parts[3];

    ucompose::LoadOptions opts;
    opts.files = {"compose.yaml"};
    opts.working_dir = dir;
    opts.environment = parts.size() > 2 ? environment_from(parts[2]) : std::map<std::string, std::string>{};
    std::size_t warnings = 0;
    opts.warn = [&warnings](const std::string& w) { warnings += w.size(); };
    try {
        ucompose::Project project = ucompose::load_project(opts);
        nlohmann::json model = ucompose::project_to_json(project);
        // dump() would throw on invalid UTF-8 by design; replace it, the point is the walk.
        std::string json = model.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        std::string yaml = ucompose::project_to_yaml(project);
        (void)json;
        (void)yaml;
    } catch (const sys::Error&) {
        // A reported error: the expected outcome for most inputs.
    }
    files.clear();
    return 0;
}
