// From a podman-compose command line (ParsedArgs of the verb table's flags) to the native
// engine request each verb runs (pure: tested without podman). Keys are the table's (key_of).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/compat/verb_spec.hpp"
#include "orchestrator/engine/commands.hpp"

namespace ucompose::compat {

struct UpRequest {
    UpOptions up;
    std::vector<std::string> scale;  // --scale SERVICE=NUM
    bool with_deps = true;           // not --no-deps
    bool no_hosts = false;           // --no-hosts: every `podman create` gets --no-hosts
};
UpRequest up_request(const ParsedArgs& a);

DownOptions down_request(const ParsedArgs& a);
LogsOptions logs_request(const ParsedArgs& a);
// start, stop, restart, pause, unpause, kill: their services, -t and kill's -s (kill --all: every service).
LifecycleOptions lifecycle_request(const ParsedArgs& a);

struct RunRequest {
    RunOptions run;
    bool with_deps = true;
};
// run [flags] SERVICE [COMMAND...]: throws Error without a service.
RunRequest run_request(const ParsedArgs& a);
// exec [flags] SERVICE COMMAND...: throws Error without both.
ExecOptions exec_request(const ParsedArgs& a);

PullOptions pull_request(const ParsedArgs& a);
BuildOptions build_request(const ParsedArgs& a);
PushOptions push_request(const ParsedArgs& a);

struct PsRequest {
    bool quiet = false;
    std::optional<std::string> format;
};
PsRequest ps_request(const ParsedArgs& a);

struct ConfigRequest {
    bool services = false;  // --services: one name per line
    bool quiet = false;     // -q: only validate
};
ConfigRequest config_request(const ParsedArgs& a);

PortOptions port_request(const ParsedArgs& a);
ImagesOptions images_request(const ParsedArgs& a);

enum class VersionForm { Pretty, Json, Short };
VersionForm version_request(const ParsedArgs& a);
// What `version` prints in that form (one line, with its newline).
std::string version_text(VersionForm form, const std::string& podman_compose_version, const std::string& ucompose_version);

}  // namespace ucompose::compat
