// The engine without Podman: projects loaded from YAML text, a scripted client that records the
// commands (and can keep several run() in flight) and fails the test on any command it was not
// given a reply for, stdout/stderr captured by an rdbuf swap, and each command run the way main()
// runs it (an escaping error printed as "ucompose: error: ...", 1).
#pragma once
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
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

// Built images, with and without image:, next to a pulled one:
inline const char* kBuilt = R"(
services:
  named:
    build: .
    image: registry.example/named:1
  unnamed:
    build: .
  pulled:
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
// Strict: a command no reply matches fails the test, naming its full command line (a Catch2
// failure, not an exception the engine could catch), and gets exit 125, so that the engine does
// not go on as if it had succeeded. Tests script what they expect, if need be with accept().
class ScriptedClient : public RecordingPodmanClient {
public:
    int yields = 0;
    std::map<std::string, int> in_flight, peak;
    int total_in_flight = 0, total_peak = 0;
    std::vector<std::string> unscripted_lines;  // "podman ..." of each unscripted command

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

protected:
    PodmanResult unscripted(const PodmanCommand& command) override {
        std::string line = "podman " + RecordingPodmanClient::line(command);
        unscripted_lines.push_back(line);
        report_unscripted(line);
        return PodmanResult{125, "", "Error: unscripted podman command: " + line + "\n"};
    }
    // Fails the test (overridden only by the harness's own test, to look at what is recorded).
    virtual void report_unscripted(const std::string& line) { FAIL_CHECK("unscripted podman command: " << line); }
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
    std::string status = "";    // podman's "Up 2 seconds (healthy)"; left out when empty
    std::string image_id = "";  // left out when empty
    bool oneoff = false;        // a `run` container
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
        if (!c.status.empty()) j["Status"] = c.status;
        if (!c.image_id.empty()) j["ImageID"] = c.image_id;
        auto labels = container_labels(p, svc, c.number, "hash");
        if (c.oneoff) labels[label::kOneoff] = "True";
        j["Labels"] = labels;
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

// A client for project `p` whose images are all present and whose listings (containers,
// networks, volumes) are empty.
inline void script_fresh(RecordingPodmanClient& c, const Project& p) {
    c.reply({"images"}, ok(images_json(p)));
    c.reply({"ps"}, ok("[]"));
    c.reply({"network", "ls"}, ok("[]"));
    c.reply({"volume", "ls"}, ok("[]"));
}
// A client for project `p` where `containers` and the default network exist (no volumes).
inline void script_existing(RecordingPodmanClient& c, const Project& p, const std::vector<Listed>& containers) {
    c.reply({"images"}, ok(images_json(p)));
    c.reply({"ps"}, ok(ps_json(p, containers)));
    c.reply({"network", "ls"}, ok("[{\"name\":\"" + p.name + "_default\"}]"));
    c.reply({"volume", "ls"}, ok("[]"));
}

// Replies by prefix, in a table case; later ones win over earlier ones of the same length.
using Replies = std::vector<std::pair<sys::Argv, PodmanResult>>;
inline void script(RecordingPodmanClient& c, const Replies& replies) {
    for (const auto& [prefix, reply] : replies) c.reply(prefix, reply);
}
// The commands a test expects to succeed silently (exit 0, no output), by prefix: the explicit
// opt-in that replaces the recording client's answer to anything.
inline void accept(RecordingPodmanClient& c, const std::vector<sys::Argv>& prefixes) {
    for (const auto& prefix : prefixes) c.reply(prefix, ok());
}
// What `up -d` issues besides its listings, to create and start a project.
inline const std::vector<sys::Argv> kUpCommands = {{"network", "create"}, {"volume", "create"}, {"create"}, {"start"}};
// What `down` issues to stop and remove a project's containers and network.
inline const std::vector<sys::Argv> kDownCommands = {{"stop"}, {"rm"}, {"network", "rm"}};

// The listing of the project's containers every command starts with, as lines() shows it.
inline std::string ps_line(const Project& p) { return "ps -a --format json --filter " + project_filter(p); }

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

// What a table case expects of one run: the exit code, every podman command line in issue order
// (RecordingPodmanClient::lines()), the exact "ucompose: error:" and "ucompose: warning:" lines
// and, when given, stdout.
struct Expected {
    int code = 0;
    std::vector<std::string> lines;
    std::vector<std::string> errors = {};
    std::vector<std::string> warnings = {};  // the exact "ucompose: warning:" lines
    std::optional<std::string> out = std::nullopt;
    bool any_order = false;  // commands issued at once (pull, push, build): compared sorted
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

inline void check_outcome(const Outcome& r, const RecordingPodmanClient& c, const Expected& e) {
    INFO("stderr: " << r.err);
    CHECK(r.code == e.code);
    std::vector<std::string> lines = c.lines(), want = e.lines;
    if (e.any_order) {
        std::sort(lines.begin(), lines.end());
        std::sort(want.begin(), want.end());
    }
    CHECK(lines == want);
    CHECK(r.errors() == e.errors);
    CHECK(r.warnings() == e.warnings);
    if (e.out) CHECK(r.out == *e.out);
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
