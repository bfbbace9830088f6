// ucrun: an OCI runtime with runc's command line. Ordinary containers go to crun unchanged;
// unikernels become the container's process. This file only runs what the verb table parsed.
#include <exception>

#include "cli/ucrun/command_line.hpp"
#include "runtime/oci/log.hpp"

int main(int argc, char** argv) {
    ucrun::GlobalOptions g;
    try {
        ucrun_cli::ParsedCommand parsed = ucrun_cli::parse_command_line(argc, argv, g);
        if (!parsed.error.empty()) ucrun::report_error(g, parsed.error);
        if (parsed.exit_code) return *parsed.exit_code;
        ucrun::Context ctx{g, ucrun::load_config(ucrun::current_env()), ucrun::current_env()};
        return parsed.verb->run(ctx, parsed.request);
    } catch (const std::exception& e) {
        ucrun::report_error(g, e.what());
        return 1;
    }
}
