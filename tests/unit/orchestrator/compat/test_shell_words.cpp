#include <catch2/catch.hpp>

#include "orchestrator/compat/shell_words.hpp"
#include "orchestrator/model/error.hpp"

using ucompose::split_shell_words;
using W = std::vector<std::string>;

TEST_CASE("podman-compose arg lists split like shell words, never through a shell", "[compat]") {
    struct Row {
        std::string in;
        W out;
    };
    std::vector<Row> rows = {
        {"", {}},
        {"   ", {}},
        {"--runtime=ucrun", {"--runtime=ucrun"}},
        {"--runtime ucrun  --pull=never", {"--runtime", "ucrun", "--pull=never"}},
        {"-e 'A=b c'", {"-e", "A=b c"}},
        {"-e \"A=\\\"q\\\" $HOME\"", {"-e", "A=\"q\" $HOME"}},
        {"a\\ b c", {"a b", "c"}},
        {"''", {""}},
        {"x'y'\"z\"", {"xyz"}},
        {"$(rm -rf /);`id`", {"$(rm", "-rf", "/);`id`"}},
    };
    for (const auto& r : rows) {
        INFO(r.in);
        CHECK(split_shell_words(r.in) == r.out);
    }
    CHECK_THROWS_AS(split_shell_words("'open"), ucompose::Error);
    CHECK_THROWS_AS(split_shell_words("\"open"), ucompose::Error);
    CHECK_THROWS_AS(split_shell_words("end\\"), ucompose::Error);
}
