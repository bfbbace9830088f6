// The engine without Podman: projects loaded from YAML text, a scripted client that records the
// commands (and can keep several run() in flight), stdout/stderr captured by an rdbuf swap, and
// each command run the way main() runs it (an escaping error printed as "ucompose: error: ...", 1).
#pragma once
#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "orchestrator/engine/clock.hpp"
#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/names.hpp"
#include "orchestrator/model/loader.hpp"
#include "orchestrator/podman/recording_client.hpp"

namespace engine_test {

// Projects shared by the engine tests. db <- web <- proxy, and solo on its own:
inline const char* kChain = R"(
services:
  db:
    image: docker.io/library/busybox:latest
  web:
    image: docker.io/library/busybox:latest
    depends_on: [db]
  proxy:
    image: docker.io/library/busybox:latest
    depends_on: [web]
  solo:
    image: docker.io/library/busybox:latest
)";
// Two independent services:
inline const char* kTwo = R"(
services:
  a:
    image: docker.io/library/busybox:latest
  b:
    image: docker.io/library/busybox:latest
)";


using namespace ucompose;

// Swaps `stream`'s buffer for a string for this scope.
class Capture {
public:
    explicit Capture(std::ostream& stream) : stream_(stream), old_(stream.rdbuf(buffer_.rdbuf())) {}
    ~Capture() { stream_.rdbuf(old_); }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;
    std::string text() const { return buffer_.str(); }

private:
    std::ostringstream buffer_;  // before old_: constructed first
    std::ostream& stream_;
    std::streambuf* old_;
};

// `up -d`'s options.
inline UpOptions detached() {
    UpOptions o;
    o.detach = true;
    return o;
}

// A project from compose YAML, as `-f -` with `-p name` and no shell environment.
inline Project load_yaml(const std::string& yaml, const std::string& name = "p") {
    std::istringstream in(yaml);
    LoadOptions o;
    o.working_dir = "/tmp";
    o.environment = {{"HOME", "/home/tester"}};
    o.files = {"-"};
    o.project_name = name;
    o.stdin_input = &in;
    return load_project(o);
}

// RecordingPodmanClient whose run() can stay in flight for `yields` turns of the loop (so that
// independent commands overlap), counting how many are in flight at once, per first verb word.
class ScriptedClient : public RecordingPodmanClient {
public:
    int yields = 0;
    std::map<std::string, int> in_flight, peak;
    int total_in_flight = 0, total_peak = 0;

    Task<PodmanResult> run(PodmanCommand command) override {
        std::string verb = command.verb.empty() ? "" : command.verb.front();
        // Recorded (and answered) when issued, so lines() is in issue order.
        PodmanResult r = co_await RecordingPodmanClient::run(std::move(command));
        peak[verb] = std::max(peak[verb], ++in_flight[verb]);
        total_peak = std::max(total_peak, ++total_in_flight);
        auto ex = co_await asio::this_coro::executor;
        for (int i = 0; i < yields; ++i) co_await asio::post(ex, asio::use_awaitable);
        --in_flight[verb];
        --total_in_flight;
        co_return r;
    }
};

inline PodmanResult ok(std::string out = "") { return PodmanResult{0, std::move(out), ""}; }
inline PodmanResult failed(int code, std::string err) { return PodmanResult{code, "", std::move(err)}; }
// A podman process killed by SIGKILL, as the real client reports it (sys::exit_code_of: 128+signal,
// and podman had no time to print anything).
inline PodmanResult killed() { return PodmanResult{137, "", ""}; }

// One container as `podman ps -a --format json` lists it, with the labels ucompose gives it.
struct Listed {
    std::string service;
    int number = 1;
    std::string state = "running";
};

inline std::string ps_json(const Project& p, const std::vector<Listed>& containers) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& c : containers) {
        const Service& svc = p.service(c.service);
        std::string name = container_name(p, svc, c.number);
        nlohmann::json j;
        j["Id"] = name + "-id";
        j["Names"] = {name};
        j["Image"] = svc.image.value_or("");
        j["State"] = c.state;
        j["Labels"] = container_labels(p, svc, c.number, "hash");
        all.push_back(j);
    }
    return all.dump();
}

// The images a project's services name, as `podman images --format json` lists them (so that
// `up` pulls nothing).
inline std::string images_json(const Project& p) {
    nlohmann::json all = nlohmann::json::array();
    int n = 0;
    for (const auto& [name, svc] : p.services) {
        nlohmann::json j;
        j["Id"] = "sha256:" + std::string(60, 'a') + std::to_string(10 + n++);
        j["Names"] = {image_name(p, svc)};
        all.push_back(j);
    }
    return all.dump();
}

// A client for project `p` whose images are all present and whose listings are empty.
inline void script_fresh(RecordingPodmanClient& c, const Project& p) {
    c.reply({"images"}, ok(images_json(p)));
    c.reply({"ps"}, ok("[]"));
}
// A client for project `p` where `containers` exist.
inline void script_existing(RecordingPodmanClient& c, const Project& p, const std::vector<Listed>& containers) {
    c.reply({"images"}, ok(images_json(p)));
    c.reply({"ps"}, ok(ps_json(p, containers)));
    c.reply({"network", "ls"}, ok("[{\"name\":\"" + p.name + "_default\"}]"));
}

// A command in short: "create <name>", "network create <name>", "volume create <name>",
// "run <name>", else the whole verb+args line.
inline std::string brief(const PodmanCommand& c) {
    std::string verb;
    for (const auto& w : c.verb) verb += (verb.empty() ? "" : " ") + w;
    if (verb == "create" || verb == "run") {
        auto it = std::find(c.args.begin(), c.args.end(), "--name");
        if (it != c.args.end() && it + 1 != c.args.end()) return verb + " " + *(it + 1);
    }
    if ((verb == "network create" || verb == "volume create") && !c.args.empty()) return verb + " " + c.args.back();
    std::string s = verb;
    for (const auto& a : c.args) s += " " + a;
    return s;
}

// The commands that change something (listings left out), in brief, in issue order.
inline std::vector<std::string> actions(const RecordingPodmanClient& c) {
    std::vector<std::string> out;
    for (const auto& cmd : c.commands()) {
        std::string v = cmd.verb.empty() ? "" : cmd.verb.front();
        std::string v2 = cmd.verb.size() > 1 ? cmd.verb[1] : "";
        if (v == "ps" || v == "images" || v == "inspect" || v2 == "ls") continue;
        out.push_back(brief(cmd));
    }
    return out;
}

inline std::ptrdiff_t index_of(const std::vector<std::string>& v, const std::string& s) {
    auto it = std::find(v.begin(), v.end(), s);
    return it == v.end() ? -1 : it - v.begin();
}
inline bool has(const std::vector<std::string>& v, const std::string& s) { return index_of(v, s) >= 0; }
inline int count_of(const std::vector<std::string>& v, const std::string& prefix) {
    return static_cast<int>(std::count_if(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; }));
}

// What a command printed and returned, run as main() runs it.
struct Outcome {
    int code = 0;
    std::string out, err;
    // The lines of stderr that start with "ucompose: error: " / "ucompose: warning: ".
    std::vector<std::string> errors() const { return starting("ucompose: error: "); }
    std::vector<std::string> warnings() const { return starting("ucompose: warning: "); }
    std::vector<std::string> starting(const std::string& prefix) const {
        std::vector<std::string> lines;
        std::istringstream in(err);
        for (std::string l; std::getline(in, l);) {
            if (l.rfind(prefix, 0) == 0) lines.push_back(l);
        }
        return lines;
    }
};

template <typename F>
Outcome run_main(F&& f) {
    Outcome o;
    Capture err(std::cerr), out(std::cout);
    try {
        o.code = f();
    } catch (const std::exception& e) {
        std::cerr << "ucompose: error: " << e.what() << "\n";
        o.code = 1;
    }
    o.err = err.text();
    o.out = out.text();
    return o;
}

// A session around `p` whose client is a ScriptedClient (returned for scripting and checks).
struct Harness {
    Session session;
    ScriptedClient* client;
    ManualClock clock;

    explicit Harness(Project p) {
        auto c = std::make_unique<ScriptedClient>();
        client = c.get();
        session = make_session(std::move(p), std::move(c));
        session.clock = &clock;
    }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;
    const Project& project() const { return session.project; }
};

}  // namespace engine_test
