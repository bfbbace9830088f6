#include "orchestrator/engine/log_style.hpp"

#include <algorithm>
#include <vector>

namespace ucompose {

LogStyle log_style(const Session& s, bool no_color, bool no_log_prefix) {
    LogStyle style;
    style.prefix = !no_log_prefix;
    style.podman_compose = s.podman_compose;
    style.ansi = s.ansi;
    // podman-compose colours whether or not stdout is a tty; docker compose only on a tty.
    style.color = !no_color && (s.podman_compose ? s.ansi : s.color);
    return style;
}

std::map<std::string, int> podman_compose_colors(const Project& p) {
    std::vector<std::string> order = p.service_names();
    std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
        return p.service(a).depends_on.size() < p.service(b).depends_on.size();
    });
    std::map<std::string, int> colors;
    for (std::size_t i = 0; i < order.size(); ++i) colors[order[i]] = static_cast<int>(i);
    return colors;
}

std::string podman_compose_label(const Service& svc, int number) {
    if (svc.container_name) return *svc.container_name;
    return svc.name + "_" + std::to_string(number);
}

}  // namespace ucompose
