// ucrun's log lines (runtime/oci/log.cpp) with hostile bytes in the message: one line each,
// and the json format stays valid JSON (nlohmann would throw on bytes that are not UTF-8).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "runtime/oci/log.hpp"

using ucrun::format_log_line;

TEST_CASE("log lines: control bytes and broken UTF-8 keep one line, json stays valid", "[ucrun][log]") {
    const std::string hostile = std::string("bad\nname\x1b[2J\0\xff\xc3", 15);
    const std::string text = format_log_line("text", "error", hostile, "T");
    CHECK(text == "T error: bad\\nname\\x1b[2J\\x00\\xff\\xc3\n");

    const std::string json = format_log_line("json", "error", hostile, "T");
    CHECK(json.find('\n') == json.size() - 1);
    nlohmann::json parsed = nlohmann::json::parse(json);  // throws if not valid JSON
    CHECK(parsed["level"] == "error");
    CHECK(parsed["msg"] == std::string("bad\nname\x1b[2J\0\xef\xbf\xbd\xef\xbf\xbd", 19));
}
