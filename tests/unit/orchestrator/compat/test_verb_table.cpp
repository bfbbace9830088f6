// Compat mode's verb table as data (orchestrator/compat/verb_table.cpp, globals.cpp): every entry
// documented, every flag either mapped to a native option or saying why it does nothing.
#include <catch2/catch.hpp>

#include <set>

#include "orchestrator/compat/globals.hpp"
#include "orchestrator/compat/verb_table.hpp"

using namespace ucompose::compat;

namespace {
const std::string kNoEffect = "(accepted for compatibility; no effect: ";

void check_flags(const std::string& where, const std::vector<FlagSpec>& flags) {
    std::set<std::string> keys;
    for (const auto& f : flags) {
        INFO(where << " " << f.names);
        CHECK_FALSE(f.help.empty());
        CHECK(keys.insert(key_of(f)).second);
        // Exactly one of: honoured (the native option it sets) or no effect (the reason).
        CHECK(f.native.empty() != f.no_effect.empty());
        if (f.no_effect.empty())
            CHECK(help_text(f).find(kNoEffect) == std::string::npos);
        else
            CHECK(help_text(f) == f.help + " " + kNoEffect + f.no_effect + ")");
    }
}

std::set<std::string> no_effect_keys(const std::string& prefix, const std::vector<FlagSpec>& flags) {
    std::set<std::string> out;
    for (const auto& f : flags)
        if (!f.no_effect.empty()) out.insert(prefix + key_of(f));
    return out;
}
}  // namespace

TEST_CASE("verb table: every subcommand has its help, its handler and documented flags", "[compat]") {
    std::set<std::string> names;
    for (const auto& v : verb_table()) {
        INFO(v.name);
        CHECK(names.insert(v.name).second);
        CHECK_FALSE(v.help.empty());
        CHECK(v.handler != nullptr);
        check_flags(v.name, v.flags);
        for (const auto& p : v.positionals) CHECK_FALSE(p.help.empty());
    }
    check_flags("global", global_flags());
}

TEST_CASE("verb table: podman-compose's subcommands that compat mode accepts", "[compat]") {
    std::set<std::string> names;
    for (const auto& v : verb_table()) names.insert(v.name);
    CHECK(names == std::set<std::string>{"version", "up", "down", "ps", "config", "port", "images", "logs",
                                         "start", "stop", "restart", "pause", "unpause", "kill", "run",
                                         "exec", "pull", "build", "push", "help"});
    CHECK(find_verb("up") == &verb_table()[1]);
    CHECK(find_verb("systemd") == nullptr);  // refused, as before
}

TEST_CASE("verb table: the flags that are accepted and have no effect (docs/compat.md lists them)", "[compat]") {
    std::set<std::string> all = no_effect_keys("", global_flags());
    for (const auto& v : verb_table()) {
        auto some = no_effect_keys(v.name + " ", v.flags);
        all.insert(some.begin(), some.end());
    }
    CHECK(all == std::set<std::string>{"--in-pod", "--pod-args", "--no-cleanup", "up --quiet-pull",
                                       "up --always-recreate-deps", "up --renew-anon-volumes", "up --build-arg",
                                       "up --no-cache", "config --no-normalize", "logs --latest", "logs --names",
                                       "start --wait", "start --wait-timeout", "run --build",
                                       "pull --force-local"});
    const VerbSpec* down = find_verb("down");
    REQUIRE(down);
    REQUIRE(down->positionals.size() == 1);
    CHECK(down->positionals[0].no_effect == "down always takes the whole project down");
}

TEST_CASE("verb table: the no-effect help and warning texts", "[compat]") {
    FlagSpec f{"--no-cleanup", Arity::None, "keep the containers", "", "up replaces only changed containers"};
    CHECK(key_of(f) == "--no-cleanup");
    CHECK(help_text(f) == "keep the containers (accepted for compatibility; no effect: up replaces only changed containers)");
    CHECK(no_effect_warning(f) == "podman-compose flag --no-cleanup has no effect here: up replaces only changed containers");
    PositionalSpec p{"services", "services", true, false, "the whole project goes"};
    CHECK(no_effect_warning("down", p) == "podman-compose argument SERVICES of down has no effect here: the whole project goes");
    FlagSpec honoured{"-d,--detach", Arity::None, "background", "up --detach"};
    CHECK(help_text(honoured) == "background");
    CHECK(key_of(honoured) == "--detach");
    CHECK(key_of(FlagSpec{"-T", Arity::None, "no tty", "run -T"}) == "-T");
}

TEST_CASE("verb table: only the no-effect flags a command line used warn, honoured ones never", "[compat]") {
    const VerbSpec* up = find_verb("up");
    REQUIRE(up);
    ParsedArgs a;
    a.flags["--detach"];
    a.flags["--build"];
    CHECK(no_effect_warnings("up", up->flags, up->positionals, a).empty());
    a.flags["--quiet-pull"];
    a.flags["--renew-anon-volumes"];
    auto w = no_effect_warnings("up", up->flags, up->positionals, a);
    REQUIRE(w.size() == 2);
    CHECK(w[0] == "podman-compose flag --quiet-pull has no effect here: podman's pull progress is never printed "
                  "(podman pull -q)");
    CHECK(w[1].rfind("podman-compose flag --renew-anon-volumes has no effect here: ", 0) == 0);

    const VerbSpec* down = find_verb("down");
    ParsedArgs d;
    CHECK(no_effect_warnings("down", down->flags, down->positionals, d).empty());
    d.positionals["services"] = {"web"};
    CHECK(no_effect_warnings("down", down->flags, down->positionals, d) ==
          std::vector<std::string>{"podman-compose argument SERVICES of down has no effect here: down always takes "
                                   "the whole project down"});
}
