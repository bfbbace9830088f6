// The readinessProbe:
//   x-ucompose probe_http "P/path" -> httpGet {port P, path}   (preferred when both are set)
//   x-ucompose probe_tcp P         -> tcpSocket {port P}
//   healthcheck test CMD a b       -> exec {command: [a, b]}
//   healthcheck test CMD-SHELL c   -> exec {command: [sh, -c, c]}
// with interval/timeout/retries/start_period -> periodSeconds/timeoutSeconds/failureThreshold/
// initialDelaySeconds where set (whole seconds, rounded up; unset fields keep Kubernetes' defaults).
#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {
namespace {

int64_t seconds_up(Duration d, int64_t minimum) {
    int64_t s = (d.count() + 999'999'999) / 1'000'000'000;
    return std::max(s, minimum);
}

std::optional<Manifest> exec_action(const Healthcheck& h) {
    if (h.disable || h.test.empty())
        return std::nullopt;
    const std::string& form = h.test.front();
    if (form == "CMD" && h.test.size() > 1)
        return Manifest{{"command", Manifest(std::vector<std::string>(h.test.begin() + 1, h.test.end()))}};
    if (form == "CMD-SHELL" && h.test.size() > 1)
        return Manifest{{"command", {"sh", "-c", h.test[1]}}};
    return std::nullopt;
}

void add_timing(Manifest& probe, const std::optional<Healthcheck>& h) {
    if (!h)
        return;
    if (h->start_period)
        probe["initialDelaySeconds"] = seconds_up(*h->start_period, 0);
    if (h->interval)
        probe["periodSeconds"] = seconds_up(*h->interval, 1);
    if (h->timeout)
        probe["timeoutSeconds"] = seconds_up(*h->timeout, 1);
    if (h->retries)
        probe["failureThreshold"] = std::max(*h->retries, 1);
}

}  // namespace

std::optional<Manifest> readiness_probe(const Service& s, bool unikernel, Warnings& w) {
    Manifest probe = Manifest::object();
    if (s.ucompose && s.ucompose->probe_http) {
        probe["httpGet"] = {{"path", s.ucompose->probe_http->path}, {"port", s.ucompose->probe_http->port}};
    } else if (s.ucompose && s.ucompose->probe_tcp) {
        probe["tcpSocket"] = {{"port", *s.ucompose->probe_tcp}};
    } else if (auto exec = s.healthcheck ? exec_action(*s.healthcheck) : std::nullopt) {
        if (unikernel)
            w.add(s, "healthcheck",
                  "the healthcheck runs a command, which a unikernel cannot run; use x-ucompose "
                  "probe_tcp or probe_http");
        probe["exec"] = *exec;
    } else {
        return std::nullopt;
    }
    add_timing(probe, s.healthcheck);
    return probe;
}

}  // namespace ucompose::kube
