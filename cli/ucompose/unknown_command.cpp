#include "cli/ucompose/unknown_command.hpp"

#include "orchestrator/compat/command_word.hpp"
#include "runtime/sys/error.hpp"

void check_command_word(CLI::App& app, int argc, char** argv, const std::string& prog) {
    std::set<std::string> valued;
    for (const CLI::Option* o : app.get_options()) {
        if (o->get_items_expected_min() == 0) continue;  // a flag (or a value that is optional)
        for (const auto& s : o->get_snames()) valued.insert("-" + s);
        for (const auto& l : o->get_lnames()) valued.insert("--" + l);
    }
    auto word = ucompose::command_word(std::vector<std::string>(argv + 1, argv + argc), valued);
    if (!word) return;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        if (sub->check_name(*word)) return;
    throw sys::Error("unknown command \"" + *word + "\" for \"" + prog + "\" (see '" + prog + " --help')");
}
