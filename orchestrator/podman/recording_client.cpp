#include "orchestrator/podman/recording_client.hpp"

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
    const PodmanResult* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& [prefix, result] : replies_) {
        if (prefix.size() > v.size() || (best && prefix.size() < best_len)) continue;
        if (std::equal(prefix.begin(), prefix.end(), v.begin())) {
            best = &result;
            best_len = prefix.size();
        }
    }
    return best ? *best : PodmanResult{};
}

Task<int> RecordingPodmanClient::stream(PodmanCommand command, LineSink out, LineSink err) {
    PodmanResult r = answer(command);
    if (out) each_line(r.out, out);
    if (err) each_line(r.err, err);
    co_return r.exit_code;
}

std::vector<std::string> RecordingPodmanClient::lines() const {
    std::vector<std::string> out;
    for (const auto& c : commands_) {
        std::string s;
        for (const auto& a : flat(c)) {
            if (!s.empty()) s += ' ';
            s += a;
        }
        out.push_back(s);
    }
    return out;
}

}  // namespace ucompose
