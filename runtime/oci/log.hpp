// Error and debug lines for --log, in the format the caller asked for (conmon reads json lines).
#pragma once
#include <string>

#include "runtime/oci/options.hpp"

namespace ucrun {

// "json": {"level":"error","msg":"...","time":"..."}; "text": time level msg.
std::string format_log_line(const std::string& format, const std::string& level,
                            const std::string& msg, const std::string& time_rfc3339);

// Writes the error to stderr ("ucrun: error: msg") and, when --log was given, to the log file.
void report_error(const GlobalOptions& g, const std::string& msg);
// Info lines go only to the log file (podman's oci-log), when there is one.
void log_info(const GlobalOptions& g, const std::string& msg);
// Debug lines go only to the log file, and only with --debug.
void log_debug(const GlobalOptions& g, const std::string& msg);

}  // namespace ucrun
