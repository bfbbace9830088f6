// YAML text -> Value (orchestrator/model/yaml_parse.cpp): aliases are charged what their copies
// cost, so an alias bomb is refused at expansion_limit() with the place of the alias, while
// anchors and merge keys used as people use them pass; deep nesting stays refused.
#include <catch2/catch.hpp>

#include <string>

#include "orchestrator/model/error.hpp"
#include "orchestrator/model/yaml_parse.hpp"

using ucompose::parse_yaml;

namespace {

// The classic: 9 levels of 10 aliases each (10^9 "lol"s), under 1 KiB of text.
std::string billion_laughs() {
    std::string y = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        const char prev = static_cast<char>(c - 1);
        y += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) y += std::string(i ? "," : "") + "*" + prev;
        y += "]\n";
    }
    return y;
}

// Few aliases of one big scalar: bytes, not nodes, make it large (~10 GiB if expanded).
std::string wide_laughs() {
    std::string y = "a: &a \"" + std::string(100'000, 'x') + "\"\nb: &b [";
    for (int i = 0; i < 100; ++i) y += std::string(i ? "," : "") + "*a";
    y += "]\nc: [";
    for (int i = 0; i < 1000; ++i) y += std::string(i ? "," : "") + "*b";
    return y + "]\n";
}

std::string error_of(const std::string& yaml) {
    try {
        parse_yaml(yaml, "compose.yaml");
    } catch (const ucompose::Error& e) {
        return e.what();
    }
    return "(no error)";
}

struct Refused {
    const char* name;
    std::string yaml;
    const char* message;
};

}  // namespace

TEST_CASE("yaml: the expansion limit is proportional to the file, with a floor", "[yaml][alias]") {
    CHECK(ucompose::expansion_limit(0) == size_t{16} << 20);
    CHECK(ucompose::expansion_limit(100'000) == size_t{16} << 20);
    CHECK(ucompose::expansion_limit(size_t{1} << 20) == size_t{64} << 20);
    CHECK(ucompose::expansion_limit(size_t{10} << 20) == size_t{640} << 20);
}

TEST_CASE("yaml: alias bombs are refused at the alias", "[yaml][alias]") {
    const Refused cases[] = {
        {"billion laughs (nodes)", billion_laughs(),
         "compose.yaml:5:4: aliases here expand the document past 16.0 MiB of copies (the limit is 64 times the file's size, "
         "at least 16.0 MiB); refused as an alias bomb"},
        {"a few aliases of a big scalar (bytes)", wide_laughs(),
         "compose.yaml:3:4: aliases here expand the document past 16.0 MiB of copies (the limit is 64 times the file's size, "
         "at least 16.0 MiB); refused as an alias bomb"},
        {"through merge keys", [] {
             std::string y = "x0: &x0 {a: \"" + std::string(1000, 'y') + "\"}\n";
             for (int i = 1; i <= 20; ++i) {
                 std::string n = std::to_string(i), p = std::to_string(i - 1);
                 y += "x" + n + ": &x" + n + " {<<: *x" + p + ", l: [*x" + p + ", *x" + p + "]}\n";
             }
             return y;
         }(),
         nullptr},
    };
    for (const Refused& c : cases) {
        INFO(c.name);
        // No timing assertion (CONTRIBUTING.md): without the limit this would not return at all.
        const std::string message = error_of(c.yaml);
        if (c.message)
            CHECK(message == c.message);
        else
            CHECK(message.find("refused as an alias bomb") != std::string::npos);
    }
}

TEST_CASE("yaml: anchors, aliases and merge keys as people write them pass", "[yaml][alias]") {
    // x-common merged into every service, a list of defaults reused: the usual shapes.
    std::string y =
        "x-common: &common\n  restart: unless-stopped\n  environment: &env\n    TZ: UTC\n    LANG: C.UTF-8\n"
        "  labels: {team: core}\nservices:\n";
    for (int i = 0; i < 200; ++i)
        y += "  s" + std::to_string(i) + ":\n    <<: *common\n    image: img" + std::to_string(i) +
             "\n    environment: *env\n";
    ucompose::Value v = parse_yaml(y, "compose.yaml");
    const ucompose::Value* s7 = v.find("services")->find("s7");
    REQUIRE(s7);
    CHECK(s7->find("restart")->scalar == "unless-stopped");
    CHECK(s7->find("image")->scalar == "img7");
    CHECK(s7->find("environment")->find("TZ")->scalar == "UTC");
    CHECK(s7->find("labels")->find("team")->scalar == "core");
}

TEST_CASE("yaml: a large file without aliases passes (its tree is well under 64 times its size)", "[yaml][alias]") {
    // ~1 MiB of ordinary service text: the floor does not apply, the factor does.
    std::string y = "services:\n";
    for (int i = 0; y.size() < (size_t{1} << 20); ++i) {
        const std::string n = std::to_string(i);
        y += "  svc" + n + ":\n    image: registry.example.com/team/app" + n + ":1.2.3\n    environment:\n" +
             "      - KEY" + n + "=value\n    ports: [\"80" + n.substr(0, 2) + ":80\"]\n    command: [run, --id, \"" + n +
             "\"]\n";
    }
    CHECK_NOTHROW(parse_yaml(y, "/a/rather/long/project/directory/path/compose.yaml"));
    // The densest text there is, flow lists of one-character items, still fits the floor at 64 KiB.
    std::string dense = "l: [";
    for (int i = 0; i < 32'000; ++i) dense += i ? ",1" : "1";
    CHECK_NOTHROW(parse_yaml(dense + "]\n", "/a/rather/long/project/directory/path/compose.yaml"));
}

TEST_CASE("yaml: deep nesting and self-containing anchors stay refused", "[yaml][nesting]") {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    CHECK(error_of(deep) != "(no error)");
    CHECK(error_of("a: &x {b: *x}\n").find("nested too deeply") != std::string::npos);
    CHECK(error_of("a: &x\n  <<: *x\n").find("nested too deeply") != std::string::npos);
}
