#include "orchestrator/engine/exit_policy.hpp"

namespace ucompose {

std::optional<int> parse_wait_output(const std::string& text) {
    size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return std::nullopt;
    size_t e = text.find_last_not_of(" \t\r\n");
    std::string t = text.substr(b, e - b + 1);
    size_t i = t[0] == '-' ? 1 : 0;
    if (i == t.size() || t.size() - i > 9) return std::nullopt;
    for (; i < t.size(); ++i)
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    return std::stoi(t);
}

ExitPolicy::ExitPolicy(ExitPolicyOptions o) : o_(std::move(o)) {
    if (o_.exit_code_from) {
        o_.abort_on_container_exit = true;
        code_from_ = o_.exit_code_from;
    }
}

bool ExitPolicy::on_exit(const std::string& service, int code) {
    if (!o_.abort_on_container_exit && !o_.abort_on_container_failure) return false;
    bool trigger = o_.abort_on_container_exit || code != 0;
    if (!trigger && !aborting_) return false;
    // As docker compose: without --exit-code-from, the first container to trigger decides.
    if (!code_from_) code_from_ = service;
    if (*code_from_ == service) code_ = code;
    if (aborting_) return false;
    aborting_ = true;
    return true;
}

int ExitPolicy::exit_code() const {
    if (interrupted_ && !o_.exit_code_from) return 130;
    if (o_.podman_compose && !o_.exit_code_from && !o_.abort_on_container_failure) return 0;
    return code_;
}

}  // namespace ucompose
