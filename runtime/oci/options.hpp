// ucrun's global options (runc's command line) and the parsed verb request.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace ucrun {

struct GlobalOptions {
    std::string root = "/run/ucrun";
    std::string log;                   // --log FILE ("" = none)
    std::string log_format = "text";   // --log-format text|json
    bool debug = false;
    bool systemd_cgroup = false;
    std::optional<std::string> rootless;        // accepted and forwarded (runc/crun)
    std::optional<std::string> cgroup_manager;  // accepted and forwarded (crun)
    std::optional<std::string> criu;            // accepted and forwarded (runc)
};

// `create` flags ucrun reads (the rest are forwarded as given).
struct CreateOptions {
    std::string id;
    std::string bundle = ".";
    std::optional<std::string> pid_file;
    std::optional<std::string> console_socket;
    std::optional<unsigned> preserve_fds;
    bool no_pivot = false;
    bool no_new_keyring = false;
};

}  // namespace ucrun
