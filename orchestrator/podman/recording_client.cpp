#include "orchestrator/podman/recording_client.hpp"

#include <algorithm>

namespace ucompose {
namespace {

sys::Argv flat(const PodmanCommand& c) {
    sys::Argv v = c.verb;
    v.insert(v.end(), c.args.begin(), c.args.end());
    return v;
}

void each_line(const std::string& text, const LineSink& sink) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        sink(std::string_view(text).substr(pos, nl - pos));
        pos = nl + 1;
    }
}

}  // namespace

PodmanResult RecordingPodmanClient::answer(const PodmanCommand& command) {
    commands_.push_back(command);
    sys::Argv v = flat(command);
    Script* best = nullptr;
    std::size_t best_len = 0;
    for (auto& script : replies_) {
        const sys::Argv& prefix = script.prefix;
        if (prefix.size() > v.size() || (best && prefix.size() < best_len)) continue;
        if (std::equal(prefix.begin(), prefix.end(), v.begin())) {
            best = &script;
            best_len = prefix.size();
        }
    }
    if (!best) return unscripted(command);
    std::size_t i = std::min(best->used, best->replies.size() - 1);
    ++best->used;
    return best->replies[i];
}

Task<int> RecordingPodmanClient::stream(PodmanCommand command, LineSink out, LineSink err) {
    PodmanResult r = answer(command);
    if (out) each_line(r.out, out);
    if (err) each_line(r.err, err);
    co_return r.exit_code;
}

PodmanResult RecordingPodmanClient::unscripted(const PodmanCommand&) { return PodmanResult{}; }

std::string RecordingPodmanClient::line(const PodmanCommand& command) {
    std::string s;
    for (const auto& a : flat(command)) {
        if (!s.empty()) s += ' ';
        s += a;
    }
    return s;
}

std::vector<std::string> RecordingPodmanClient::lines() const {
    std::vector<std::string> out;
    for (const auto& c : commands_) out.push_back(line(c));
    return out;
}

}  // namespace ucompose
