#include <catch2/catch.hpp>

#include "orchestrator/compat/command_word.hpp"

using ucompose::command_word;

TEST_CASE("command word: the first word that is neither an option nor an option's value", "[cli]") {
    std::set<std::string> valued{"-f", "--file", "-p", "--project-name"};
    CHECK(command_word({"frobnicate"}, valued) == std::optional<std::string>("frobnicate"));
    CHECK(command_word({"-f", "up.yaml", "up", "-d"}, valued) == std::optional<std::string>("up"));
    CHECK(command_word({"--file=x.yaml", "-p", "proj", "--dry-run", "config"}, valued) ==
          std::optional<std::string>("config"));
    CHECK(command_word({"-fx.yaml", "ps"}, valued) == std::optional<std::string>("ps"));
    CHECK_FALSE(command_word({"--dry-run"}, valued).has_value());
    CHECK_FALSE(command_word({"-f", "x.yaml"}, valued).has_value());
    CHECK_FALSE(command_word({"--", "up"}, valued).has_value());
    CHECK_FALSE(command_word({}, valued).has_value());
}
