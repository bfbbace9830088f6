// podman-compose's command line, built from compat mode's verb table
// (orchestrator/compat/verb_table.cpp): the global options, then one subcommand per entry. A
// flag that has no effect here warns once per use; every other one is handed to the engine as its
// native request. Where podman-compose is wrong (conditions ignored, no cycle detection, serial
// start, 255 on abort) the engine behaves like docker compose; see docs/compat.md.
#include "cli/ucompose/compat.hpp"
#include "cli/ucompose/compat_cli11.hpp"
#include "cli/ucompose/unknown_command.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <cstring>

#include "orchestrator/version.hpp"

using namespace ucompose::compat;

bool invoked_as_podman_compose(const char* argv0) {
    const char* base = std::strrchr(argv0, '/');
    base = base ? base + 1 : argv0;
    return std::strcmp(base, "podman-compose") == 0;
}

int run_compat(int argc, char** argv) {
    CLI::App app{"podman-compose (ucompose compatibility mode)", "podman-compose"};
    app.require_subcommand(1);
    app.set_version_flag("-v,--version", std::string("podman-compose version 1.0.3 (ucompose ") +
                                             ucompose::version() + ")");
    auto globals = std::make_shared<ParsedArgs>();
    add_flags(app, global_flags(), globals);

    int code = 0;
    for (const VerbSpec& verb : verb_table()) {
        add_verb(app, verb, std::make_shared<ParsedArgs>(), [&app, &code, &verb, globals](const ParsedArgs& args) {
            for (const auto& w : no_effect_warnings("podman-compose", global_flags(), {}, *globals))
                spdlog::warn("{}", w);
            for (const auto& w : no_effect_warnings(verb.name, verb.flags, verb.positionals, args))
                spdlog::warn("{}", w);
            code = verb.handler(args, CompatContext{globals_from(*globals), [&app] { return app.help(); }});
        });
    }

    app.parse_complete_callback(
        [globals] { spdlog::set_level(globals->given("--verbose") ? spdlog::level::debug : spdlog::level::info); });
    check_command_word(app, argc, argv, "podman-compose");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    return code;
}
