// ucrun's verb table (cli/ucrun/verb_table.hpp) and its command line (command_line.hpp), as data:
// an argv in, the verb, the request and the globals out.
#include <catch2/catch.hpp>

#include <set>

#include "cli/ucrun/command_line.hpp"

using ucrun_cli::parse_command_line;
using ucrun_cli::ParsedCommand;

namespace {

struct Run {
    ucrun::GlobalOptions g;
    ParsedCommand parsed;
};

Run parse(std::vector<std::string> words) {
    words.insert(words.begin(), "ucrun");
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    Run r;
    r.parsed = parse_command_line(static_cast<int>(words.size()), argv.data(), r.g);
    return r;
}

}  // namespace

TEST_CASE("ucrun verb table: runc's verbs, each with help and a handler") {
    std::set<std::string> names;
    for (const auto& v : ucrun_cli::verb_table()) {
        INFO(v.name);
        CHECK(std::string(v.help).size() > 0);
        CHECK(v.run != nullptr);
        for (const auto& f : v.flags) {
            INFO(f.names);
            CHECK(std::string(f.help).size() > 0);
            CHECK(f.add != nullptr);
        }
        CHECK(names.insert(v.name).second);
    }
    CHECK(names == std::set<std::string>{"create", "start", "state", "pause", "resume", "kill", "delete",
                                         "update", "exec", "ps", "events", "list", "features", "spec"});
    CHECK(ucrun_cli::find_verb("kill") != nullptr);
    CHECK(ucrun_cli::find_verb("run") == nullptr);
}

TEST_CASE("ucrun command line: create's flags reach its options, every token is kept for the delegate") {
    auto r = parse({"--root", "/run/x", "--log-format", "json", "create", "--bundle", "/b", "--pid-file", "/p",
                    "--console-socket", "/s", "--no-pivot", "c1"});
    REQUIRE_FALSE(r.parsed.exit_code);
    REQUIRE(r.parsed.verb == ucrun_cli::find_verb("create"));
    const auto& c = r.parsed.request.create;
    CHECK(c.id == "c1");
    CHECK(c.bundle == "/b");
    CHECK(c.pid_file == std::optional<std::string>("/p"));
    CHECK(c.console_socket == std::optional<std::string>("/s"));
    CHECK(c.no_pivot);
    CHECK_FALSE(c.no_new_keyring);
    CHECK(r.g.root == "/run/x");
    CHECK(r.g.log_format == "json");
    CHECK(r.parsed.request.args ==
          ucrun::Argv{"--bundle", "/b", "--pid-file", "/p", "--console-socket", "/s", "--no-pivot", "c1"});
}

TEST_CASE("ucrun command line: operands and flags of each form, as data") {
    struct Case {
        std::vector<std::string> argv;
        std::string verb, id, signal;
        bool all, force;
        std::vector<std::string> rest;
    };
    const Case cases[] = {
        {{"start", "c1"}, "start", "c1", "", false, false, {}},
        {{"kill", "c1"}, "kill", "c1", "", false, false, {}},
        {{"kill", "c1", "KILL"}, "kill", "c1", "KILL", false, false, {}},
        {{"kill", "--all", "c1", "9"}, "kill", "c1", "9", true, false, {}},
        {{"delete", "-f", "c1"}, "delete", "c1", "", false, true, {}},
        {{"update", "--memory", "512", "--pids-limit", "9", "c1"}, "update", "c1", "", false, false, {}},
        {{"exec", "--tty", "-e", "A=1", "c1", "sh", "-c", "echo x"}, "exec", "", "", false, false,
         {"c1", "sh", "-c", "echo x"}},
        {{"ps", "--format", "json", "c1"}, "ps", "", "", false, false, {"c1"}},
        {{"events", "--stats", "c1"}, "events", "c1", "", false, false, {}},
        {{"list", "-q"}, "list", "", "", false, false, {}},
        {{"features"}, "features", "", "", false, false, {}},
        {{"spec", "--rootless"}, "spec", "", "", false, false, {}},
    };
    for (const auto& c : cases) {
        INFO(c.verb << " " << c.argv.size());
        auto r = parse(c.argv);
        REQUIRE_FALSE(r.parsed.exit_code);
        REQUIRE(r.parsed.verb != nullptr);
        CHECK(std::string(r.parsed.verb->name) == c.verb);
        CHECK(r.parsed.request.id == c.id);
        CHECK(r.parsed.request.signal == c.signal);
        CHECK(r.parsed.request.all == c.all);
        CHECK(r.parsed.request.force == c.force);
        CHECK(r.parsed.request.rest == c.rest);
        CHECK(r.parsed.request.args == ucrun::Argv(c.argv.begin() + 1, c.argv.end()));
    }
}

TEST_CASE("ucrun command line: an unknown verb, a missing id, a bad flag: one line and exit 1") {
    auto unknown = parse({"--root", "/r", "checkpoint", "c1"});
    CHECK(unknown.parsed.exit_code == std::optional<int>(1));
    CHECK(unknown.parsed.error == "unknown command checkpoint");

    auto no_id = parse({"start"});
    CHECK(no_id.parsed.exit_code == std::optional<int>(1));
    CHECK_THAT(no_id.parsed.error, Catch::Contains("id"));

    auto bad = parse({"delete", "--bogus", "c1"});
    CHECK(bad.parsed.exit_code == std::optional<int>(1));
    CHECK_THAT(bad.parsed.error, Catch::Contains("--bogus"));

    auto format = parse({"--log-format", "xml", "state", "c1"});
    CHECK(format.parsed.exit_code == std::optional<int>(1));
    CHECK_FALSE(format.parsed.error.empty());
}
