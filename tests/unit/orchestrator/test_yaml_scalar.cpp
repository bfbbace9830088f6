// orchestrator/model/yaml_scalar.cpp: which plain scalars read back as another type; and,
// with the emitter, that every string comes back from yaml-cpp as the same string.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "orchestrator/model/serialize.hpp"
#include "orchestrator/model/yaml_scalar.hpp"

using ucompose::plain_reads_as_non_string;

TEST_CASE("yaml scalar: null, bool and number forms read as another type", "[yaml][serialize]") {
    for (const char* s : {"", "~", "null", "Null", "NULL", "true", "False", "TRUE", "yes", "No", "on", "OFF", "y", "N",
                          "0", "12", "-500", "+1", "1_000", "0x1F", "0o17", "0b101", "1.5", ".5", "5.", "-1.5e3",
                          "1E+20", ".inf", "-.Inf", ".NaN", "12:30", "1:20:30.5", "0755", "16", "1_"}) {
        INFO("'" << s << "'");
        CHECK(plain_reads_as_non_string(s));
    }
}

TEST_CASE("yaml scalar: strings that stay strings", "[yaml][serialize]") {
    for (const char* s : {"1m30s", "500ms", "1.1.1.1", "127.0.0.1", "192.168.1.27:5000/x:latest", "9.9.9.9",
                          "0-1", "92:d0:c6:0a:29:33", "1G", "v1", "e3", ".", "-", "+", "0x", "0xG", "12:60",
                          "_1", "nil", "none", "tru", "yess", "off-line", "8080:80", "-g", "1e", "1.2.3"}) {
        INFO("'" << s << "'");
        CHECK_FALSE(plain_reads_as_non_string(s));
    }
}

TEST_CASE("yaml scalar: every string reads back as the same string", "[yaml][serialize]") {
    const std::vector<std::string> nasty = {
        "", " ", "a: b", "a:b", "a #b", "a# b", "#x", "- x", "-x", "? x", "?x", ": x", "*a", "&a", "!t", "%x", "@x",
        "`x", "|", ">", "'", "\"", "{", "}", "[", "]", ",", "a, b", "[a]", "{a: b}", "trail ", " lead", "tab\there",
        "two\nlines", "ends\n", "\r", "a\rb", "a\xc2\x85" "b", "a\xe2\x80\xa8" "b", "\x7f", "\x01", "caf\xc3\xa9",
        "null", "~", "true", "yes", "12", "1.5", "0x1F", ".inf",
        "12:30", "---", "...", "--- x", "a\\b", "\\n"};
    nlohmann::json map = nlohmann::json::object(), list = nlohmann::json::array();
    for (const std::string& s : nasty) {
        map[s] = s;
        list.push_back(s);
    }
    YAML::Node back = YAML::Load(ucompose::to_yaml(nlohmann::json{{"map", map}, {"list", list}}));
    for (size_t i = 0; i < nasty.size(); ++i) {
        INFO("'" << nasty[i] << "'");
        CHECK(back["list"][i].as<std::string>() == nasty[i]);
        CHECK(back["map"][nasty[i]].as<std::string>() == nasty[i]);
        if (plain_reads_as_non_string(nasty[i])) CHECK(back["list"][i].Tag() == "!");  // quoted
    }
}

TEST_CASE("yaml scalar: line breaks other than \\n", "[yaml][serialize]") {
    CHECK(ucompose::has_other_line_break("a\rb"));
    CHECK(ucompose::has_other_line_break("a\xc2\x85" "b"));
    CHECK(ucompose::has_other_line_break("a\xe2\x80\xa9"));
    CHECK_FALSE(ucompose::has_other_line_break("two\nlines"));
    CHECK_FALSE(ucompose::has_other_line_break("caf\xc3\xa9 \xe2\x82\xac"));
}

TEST_CASE("yaml: types, empty collections and dollars", "[yaml][serialize]") {
    nlohmann::json v = {{"int", 6379},       {"neg", -500},     {"float", 0.5},
                        {"whole", 2.0},      {"negzero", -0.0}, {"big", 1e300},
                        {"bool", true},      {"null", nullptr}, {"empty_map", nlohmann::json::object()},
                        {"empty_list", nlohmann::json::array()}, {"dollar", "$HOME and $${X}"}};
    CHECK(ucompose::to_yaml(v) ==
          "big: 1e+300\n"
          "bool: true\n"
          "dollar: $$HOME and $$$${X}\n"
          "empty_list: []\n"
          "empty_map: {}\n"
          "float: 0.5\n"
          "int: 6379\n"
          "neg: -500\n"
          "negzero: -0.0\n"
          "\"null\": null\n"
          "whole: 2\n");
}

TEST_CASE("yaml scalar: convert's rule quotes number-like strings config writes plain", "[yaml][kube]") {
    for (const char* s : {"1.2.3", "1-2", "0-1", "127.0.0.1", "8080:80", "", "y", "off", "-.inf", ".NaN", "1e3"}) {
        INFO("'" << s << "'");
        CHECK(ucompose::may_read_as_non_string(s));
    }
    for (const char* s : {"1m30s", "redis-mq", "500m", "-c", "v1", "nil", ".inf-x"}) {
        INFO("'" << s << "'");
        CHECK_FALSE(ucompose::may_read_as_non_string(s));
    }
}
