// Table tests of orchestrator/model/interpolate.cpp: every operator, escaping, nesting.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "orchestrator/model/interpolate.hpp"

using namespace ucompose;

namespace {

struct Env {
    std::map<std::string, std::string> vars{
        {"SET", "value"}, {"EMPTY", ""}, {"PORT", "8080"}, {"HOST", "db"}, {"NAME", "HOST"}};
    std::set<std::string> unset;
    Lookup lookup() {
        return [this](const std::string& k) -> std::optional<std::string> {
            auto it = vars.find(k);
            if (it == vars.end()) return std::nullopt;
            return it->second;
        };
    }
    UnsetHook hook() {
        return [this](const std::string& k) { unset.insert(k); };
    }
    std::string run(const std::string& s) { return interpolate(s, lookup(), hook(), {"f.yml", 3, 7}); }
};

}  // namespace

TEST_CASE("interpolation table", "[interpolate]") {
    struct Row {
        const char* in;
        const char* out;
    };
    const Row rows[] = {
        {"plain", "plain"},
        {"", ""},
        {"$SET", "value"},
        {"${SET}", "value"},
        {"a${SET}b", "avalueb"},
        {"$SET-x", "value-x"},
        {"$SET.x", "value.x"},
        {"${UNSET}", ""},
        {"$UNSET", ""},
        // :- and -
        {"${UNSET:-d}", "d"},
        {"${EMPTY:-d}", "d"},
        {"${SET:-d}", "value"},
        {"${UNSET-d}", "d"},
        {"${EMPTY-d}", ""},
        {"${SET-d}", "value"},
        {"${UNSET:-}", ""},
        {"${UNSET:-a b c}", "a b c"},
        {"${UNSET:-a:b}", "a:b"},
        // :+ and +
        {"${SET:+r}", "r"},
        {"${EMPTY:+r}", ""},
        {"${UNSET:+r}", ""},
        {"${SET+r}", "r"},
        {"${EMPTY+r}", "r"},
        {"${UNSET+r}", ""},
        // ? with a value present
        {"${SET:?err}", "value"},
        {"${SET?err}", "value"},
        {"${EMPTY?err}", ""},
        // nesting in defaults
        {"${UNSET:-${PORT}}", "8080"},
        {"${UNSET:-${ALSO_UNSET:-deep}}", "deep"},
        {"${UNSET:-$HOST:${PORT}}", "db:8080"},
        {"${SET:+${HOST}-${PORT}}", "db-8080"},
        {"${UNSET:-{literal}}", "{literal}"},  // the first "}" closes; the second is text
        // escaping
        {"$$", "$"},
        {"$$SET", "$SET"},
        {"$${SET}", "${SET}"},
        {"a$$b", "a$b"},
        {"$$$SET", "$value"},
        {"${UNSET:-$$}", "$"},
        // '$' not followed by a name stays
        {"$", "$"},
        {"cost: 5$", "cost: 5$"},
        {"$1", "$1"},
        {"$ x", "$ x"},
        {"100%", "100%"},
    };
    for (const Row& r : rows) {
        Env env;
        INFO("input: " << r.in);
        CHECK(env.run(r.in) == r.out);
    }
}

TEST_CASE("unset variables are reported", "[interpolate]") {
    Env env;
    CHECK(env.run("${A}${B:-x}$C${SET}") == "xvalue");
    CHECK(env.unset == std::set<std::string>{"A", "C"});
}

TEST_CASE("defaults are evaluated lazily", "[interpolate]") {
    Env env;
    CHECK(env.run("${SET:-${NOT_NEEDED}}") == "value");
    CHECK(env.unset.empty());
    CHECK(env.run("${UNSET:+${NOT_NEEDED}}") == "");
    CHECK(env.unset.empty());
}

TEST_CASE("required variables", "[interpolate]") {
    Env env;
    struct Row {
        const char* in;
        const char* message;
    };
    const Row rows[] = {
        {"${UNSET:?please set UNSET}", "f.yml:3:7: required variable UNSET is missing a value: please set UNSET"},
        {"${EMPTY:?empty!}", "f.yml:3:7: required variable EMPTY is missing a value: empty!"},
        {"${UNSET?no}", "f.yml:3:7: required variable UNSET is missing a value: no"},
        {"${UNSET:?}", "f.yml:3:7: required variable UNSET is missing a value"},
        {"${UNSET:?need $HOST}", "f.yml:3:7: required variable UNSET is missing a value: need db"},
    };
    for (const Row& r : rows) {
        INFO("input: " << r.in);
        try {
            env.run(r.in);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) == r.message);
            CHECK(e.position() == Position{"f.yml", 3, 7});
        }
    }
}

TEST_CASE("malformed expressions", "[interpolate]") {
    Env env;
    const char* rows[] = {"${", "${SET", "${}", "${ SET}", "${SET:}", "${SET!x}", "${SET:=x}",
                          "${1X}", "${UNSET:-${X}"};
    for (const char* r : rows) {
        INFO("input: " << r);
        CHECK_THROWS_WITH(env.run(r), Catch::StartsWith("f.yml:3:7: invalid interpolation format"));
    }
}
