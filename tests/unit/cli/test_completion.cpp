// The completion generator (cli/completion/completion.hpp): word lists per command path, and the
// bash script carrying them. The CLI11 side (from_cli11.hpp) is checked through the built
// binaries by tests/system/test_package.sh.
#include <catch2/catch.hpp>

#include "cli/completion/completion.hpp"

using completion::Command;

namespace {
Command table() {
    Command root;
    root.flags = {"--dry-run", "-h", "--help", "--version"};
    root.valued = {"-f", "--file", "-p", "--project-name"};
    Command up{"up", {"-d", "--detach", "-h", "--help"}, {"--scale"}, {}};
    Command build{"build", {"-h", "--help"}, {"--name", "--image"}, {}};
    Command ls{"ls", {"-h", "--help"}, {}, {}};
    Command unikernel{"unikernel", {"-h", "--help"}, {}, {build, ls}};
    root.subcommands = {up, unikernel};
    return root;
}
const completion::WordList& at(const std::vector<completion::WordList>& lists, const std::string& path) {
    for (const auto& w : lists)
        if (w.path == path) return w;
    FAIL("no word list for \"" << path << "\"");
    throw;
}
}  // namespace

TEST_CASE("completion: one word list per command path, depth first, the program first") {
    auto lists = completion::word_lists(table());
    REQUIRE(lists.size() == 5);
    CHECK(lists[0].path == "");
    CHECK(lists[1].path == "up");
    CHECK(lists[2].path == "unikernel");
    CHECK(lists[3].path == "unikernel build");
    CHECK(lists[4].path == "unikernel ls");
}

TEST_CASE("completion: subcommands and options are sorted, options hold flags and valued ones") {
    auto lists = completion::word_lists(table());
    const auto& root = at(lists, "");
    CHECK(root.subcommands == std::vector<std::string>{"unikernel", "up"});
    CHECK(root.options == std::vector<std::string>{"--dry-run", "--file", "--help", "--project-name",
                                                   "--version", "-f", "-h", "-p"});
    CHECK(root.valued == std::vector<std::string>{"--file", "--project-name", "-f", "-p"});
    CHECK(at(lists, "unikernel").subcommands == std::vector<std::string>{"build", "ls"});
    CHECK(at(lists, "unikernel build").valued == std::vector<std::string>{"--image", "--name"});
    CHECK(at(lists, "unikernel ls").subcommands.empty());
    CHECK(at(lists, "up").options == std::vector<std::string>{"--detach", "--help", "--scale", "-d", "-h"});
}

TEST_CASE("completion: a name given twice is offered once") {
    Command c;
    c.flags = {"-a", "--all", "-a"};
    CHECK(completion::word_lists(c)[0].options == std::vector<std::string>{"--all", "-a"});
}

TEST_CASE("completion: the bash script carries every list under its path and registers the program") {
    std::string s = completion::bash_script("ucompose", table());
    CHECK(s.find("'subs:') echo 'unikernel up' ;;") != std::string::npos);
    CHECK(s.find("'subs:unikernel') echo 'build ls' ;;") != std::string::npos);
    CHECK(s.find("'valued:') echo '--file --project-name -f -p' ;;") != std::string::npos);
    CHECK(s.find("'opts:unikernel build') echo '--help --image --name -h' ;;") != std::string::npos);
    CHECK(s.find("_ucompose() {") != std::string::npos);
    CHECK(s.find("complete -o default -F _ucompose ucompose\n") != std::string::npos);
}

TEST_CASE("completion: the function name is an identifier and no shell syntax leaks from a table") {
    Command c;
    c.flags = {"--ok", "--x'$(reboot)"};
    std::string s = completion::bash_script("podman-compose", c);
    CHECK(s.find("_podman_compose() {") != std::string::npos);
    CHECK(s.find("complete -o default -F _podman_compose podman-compose") != std::string::npos);
    CHECK(s.find("$(reboot)") == std::string::npos);
    CHECK(s.find("'opts:') echo '--ok --xreboot' ;;") != std::string::npos);
}
