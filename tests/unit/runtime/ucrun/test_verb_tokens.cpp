#include <catch2/catch.hpp>

#include "runtime/ucrun/verb_tokens.hpp"

using namespace ucrun;

namespace {
VerbTokens split(std::vector<std::string> args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return split_verb(static_cast<int>(argv.size()), argv.data());
}
}  // namespace

TEST_CASE("the verb is the first token that is not a global flag or its value", "[ucrun][argv]") {
    auto t = split({"ucrun", "--root", "/r", "--log-format=json", "--log", "/l", "kill", "--all", "c", "9"});
    CHECK(t.verb == "kill");
    CHECK(t.args == std::vector<std::string>{"--all", "c", "9"});

    t = split({"ucrun", "--debug", "exec", "--process", "/p.json", "c"});
    CHECK(t.verb == "exec");
    CHECK(t.args == std::vector<std::string>{"--process", "/p.json", "c"});

    t = split({"ucrun", "--systemd-cgroup"});
    CHECK(t.verb.empty());
}
