// orchestrator/kube/emit.cpp and read_yaml.cpp: YAML::Emitter output, quoting, round trips.
#include <catch2/catch.hpp>

#include "orchestrator/kube/yaml_io.hpp"
#include "orchestrator/model/error.hpp"

using ucompose::kube::emit_document;
using ucompose::kube::emit_stream;
using ucompose::kube::Manifest;
using ucompose::kube::parse_documents;

TEST_CASE("kube yaml: strings that read as other types are quoted", "[kube][yaml]") {
    Manifest m = {{"a", "8080"},  {"b", "true"}, {"c", "off"}, {"d", ""},         {"e", "1e3"},  {"f", "0x1F"},
                  {"g", "12:30"}, {"h", "null"}, {"i", "-c"},  {"j", "redis-mq"}, {"k", "500m"}, {"l", 8080}};
    CHECK(emit_document(m) ==
          "a: \"8080\"\nb: \"true\"\nc: \"off\"\nd: \"\"\ne: \"1e3\"\nf: \"0x1F\"\ng: \"12:30\"\nh: \"null\"\n"
          "i: -c\nj: redis-mq\nk: 500m\nl: 8080\n");
}

TEST_CASE("kube yaml: block layout and document separators", "[kube][yaml]") {
    Manifest a = {{"kind", "A"}, {"list", {{{"name", "x"}, {"port", 1}}}}};
    Manifest b = {{"kind", "B"}};
    CHECK(emit_stream({a, b}) == "---\nkind: A\nlist:\n  - name: x\n    port: 1\n---\nkind: B\n");
}

TEST_CASE("kube yaml: emit then parse gives the values back", "[kube][yaml]") {
    Manifest m = {{"s", {"8080", "yes",        "~",         "a: b",      "# c",      "-",        "1.5",
                         "x",    "two\nlines", "tab\there", "caf\u00e9", " padded ", "'quoted'", "\"dq\"",
                         "[x]",  "{y}",        "*ref",      "&anchor",   "!tag",     "%d",       "@at"}},
                  {"n", {1, -2, 1.5}},
                  {"b", {true, false}},
                  {"o", {{"k", "v"}}}};
    auto docs = parse_documents(emit_stream({m, m}), "round trip");
    REQUIRE(docs.size() == 2);
    CHECK(docs[0] == m);
    CHECK(docs[1] == m);
}

TEST_CASE("kube yaml: invalid YAML names the text", "[kube][yaml]") {
    CHECK_THROWS_WITH(parse_documents("a: [1, 2", "the RuntimeClass"),
                      Catch::StartsWith("the RuntimeClass: invalid YAML"));
}
