// How a service is watched: logging and healthcheck (x-ucompose's probes use its timing).
#include <nlohmann/json.hpp>

#include "orchestrator/model/keys/key_helpers.hpp"
#include "orchestrator/model/merge.hpp"

namespace ucompose {
namespace {

using namespace keys;

void read_logging(const Value& v, const KeyRead& r, Service& s) {
    const std::string p = r.path();
    Logging l;
    if (!v.is_null()) need_map(v, p);
    for (const Entry& e : v.map) {
        if (e.key == "driver") l.driver = read_string(e.value, p + ".driver");
        else if (e.key == "options") l.options = read_string_map(e.value, p + ".options");
        else r.warn_unknown(e, p);
    }
    s.logging = l;
}

void read_healthcheck(const Value& v, const KeyRead& r, Service& s) {
    const std::string p = r.path();
    need_map(v, p);
    Healthcheck h;
    for (const Entry& e : v.map) {
        const std::string kp = p + "." + e.key;
        const Value& x = e.value;
        if (e.key == "test") {
            if (x.is_scalar()) {
                h.test = {"CMD-SHELL", x.scalar};
            } else {
                h.test = read_string_list(x, kp);
                if (h.test.empty()) continue;
                const std::string& kind = h.test[0];
                if (kind != "CMD" && kind != "CMD-SHELL" && kind != "NONE")
                    throw Error(x.pos, kp + " must start with \"CMD\", \"CMD-SHELL\" or \"NONE\"");
                if (kind == "NONE") h.disable = true;
            }
        } else if (e.key == "interval") h.interval = read_duration(x, kp);
        else if (e.key == "timeout") h.timeout = read_duration(x, kp);
        else if (e.key == "start_period") h.start_period = read_duration(x, kp);
        else if (e.key == "start_interval") h.start_interval = read_duration(x, kp);
        else if (e.key == "retries") {
            int64_t n = read_int(x, kp);
            if (n < 0 || n > 1000000) throw_type(x, kp, "a non-negative integer");
            h.retries = static_cast<int>(n);
        } else if (e.key == "disable") {
            if (read_bool(x, kp)) h.disable = true;
        } else if (e.key.rfind("x-", 0) != 0) {
            r.warn_unknown(e, p);
        }
    }
    s.healthcheck = h;
}

void emit_logging(const Service& s, nlohmann::json& out) {
    if (!s.logging) return;
    out = nlohmann::json::object();
    put(out, "driver", s.logging->driver);
    put(out, "options", s.logging->options);
}

void emit_healthcheck(const Service& s, nlohmann::json& out) {
    if (!s.healthcheck) return;
    const Healthcheck& h = *s.healthcheck;
    out = nlohmann::json::object();
    put(out, "test", h.test);
    put(out, "interval", h.interval);
    put(out, "timeout", h.timeout);
    put(out, "start_period", h.start_period);
    put(out, "start_interval", h.start_interval);
    put(out, "retries", h.retries);
    put(out, "disable", h.disable);
}

}  // namespace

std::vector<ServiceKey> health_keys() {
    return {
        {.name = "logging", .merge = merge_rule::logging, .read = read_logging, .emit = emit_logging,
         .kube = kube_warned_if_set(35, &Service::logging, "logs are the node runtime's")},
        {.name = "healthcheck", .merge = merge_rule::healthcheck, .read = read_healthcheck, .emit = emit_healthcheck,
         .kube = kube_converted()},
    };
}

}  // namespace ucompose
