// orchestrator/model/dotenv.cpp: docker compose's .env dialect.
#include <catch2/catch.hpp>

#include <map>

#include "orchestrator/model/dotenv.hpp"

using namespace ucompose;

namespace {
std::map<std::string, std::string> parse(const std::string& text,
                                         const std::map<std::string, std::string>& outer = {},
                                         DotenvLookupOrder order = DotenvLookupOrder::OuterFirst) {
    Lookup l = [&](const std::string& k) -> std::optional<std::string> {
        auto it = outer.find(k);
        if (it == outer.end()) return std::nullopt;
        return it->second;
    };
    std::map<std::string, std::string> out;
    for (const DotenvEntry& e : parse_dotenv(text, ".env", l, nullptr, order))
        out[e.key] = e.value.value_or("<bare>");
    return out;
}
}  // namespace

TEST_CASE("dotenv forms", "[dotenv]") {
    auto m = parse(
        "# comment\n"
        "\n"
        "A=1\n"
        "export B=two\n"
        "C: colon\n"
        "D = spaced  \n"
        "E=value # comment\n"
        "F=no#comment\n"
        "G='single ${A} \\n'\n"
        "H=\"double ${A}\\nline\"\n"
        "I=\"multi\nline\"\n"
        "J=\n"
        "K\n"
        "L=${A}${B}\n"
        "M=$$A\n"
        "A=overridden\n");
    CHECK(m["A"] == "overridden");
    CHECK(m["B"] == "two");
    CHECK(m["C"] == "colon");
    CHECK(m["D"] == "spaced");
    CHECK(m["E"] == "value");
    CHECK(m["F"] == "no#comment");
    CHECK(m["G"] == "single ${A} \\n");
    CHECK(m["H"] == "double 1\nline");
    CHECK(m["I"] == "multi\nline");
    CHECK(m["J"] == "");
    CHECK(m["K"] == "<bare>");
    CHECK(m["L"] == "1two");
    CHECK(m["M"] == "$A");
}

TEST_CASE("dotenv lookup order", "[dotenv]") {
    const char* text = "A=file\nB=${A}\n";
    CHECK(parse(text, {{"A", "shell"}})["B"] == "shell");
    CHECK(parse(text, {{"A", "shell"}}, DotenvLookupOrder::EarlierFirst)["B"] == "file");
}
