#include "runtime/oci/log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "runtime/sys/clock.hpp"
#include "runtime/sys/printable.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucrun {
namespace {

void append_to_log(const GlobalOptions& g, const std::string& level, const std::string& msg) {
    if (g.log.empty()) return;
    sys::UniqueFd fd(::open(g.log.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (!fd) return;  // the log is best effort; stderr already has the message
    std::string line = format_log_line(g.log_format, level, msg, sys::now_rfc3339());
    (void)!::write(fd.get(), line.data(), line.size());
}

}  // namespace

std::string format_log_line(const std::string& format, const std::string& level,
                            const std::string& msg, const std::string& time) {
    if (format == "json") {
        nlohmann::json j = {{"level", level}, {"msg", msg}, {"time", time}};
        // Bytes that are not UTF-8 become U+FFFD rather than a type_error escaping the log.
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    return time + " " + level + ": " + sys::printable(msg) + "\n";
}

void report_error(const GlobalOptions& g, const std::string& msg) {
    // Under conmon (json logs, or its sync/start pipes in the env) podman prefixes the runtime's
    // name itself, as it does for crun; a person at a terminal gets "ucrun: error: ".
    bool under_conmon = g.log_format == "json" || std::getenv("_OCI_SYNCPIPE") || std::getenv("_OCI_STARTPIPE");
    // One line whatever the message carries (bytes from an image, a bundle or a guest).
    const std::string shown = sys::printable(msg);
    std::string line = (under_conmon ? "" : "ucrun: error: ") + shown + "\n";
    (void)!::write(2, line.data(), line.size());
    append_to_log(g, "error", shown);
}

void log_info(const GlobalOptions& g, const std::string& msg) { append_to_log(g, "info", msg); }

void log_debug(const GlobalOptions& g, const std::string& msg) {
    if (g.debug) append_to_log(g, "debug", msg);
}

}  // namespace ucrun
