// Reads a CLI11 command table into completion::Command: visible subcommands (a subcommand in
// the empty group is hidden, as in --help) and their named options. Options of CLI11 option
// groups (nameless subcommands) belong to the command that holds the group.
#pragma once
#include <CLI/CLI.hpp>

#include "cli/completion/completion.hpp"

namespace completion {

inline void add_options(const CLI::App& app, Command& c) {
    for (const CLI::Option* o : app.get_options()) {
        if (!o->nonpositional() || o->get_group().empty()) continue;
        auto& into = o->get_items_expected_min() > 0 ? c.valued : c.flags;
        for (const auto& n : o->get_snames()) into.push_back("-" + n);
        for (const auto& n : o->get_lnames()) into.push_back("--" + n);
    }
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return a->get_name().empty(); }))
        add_options(*sub, c);
}

inline Command from_cli11(const CLI::App& app, const std::string& name = "") {
    Command c;
    c.name = name;
    add_options(app, c);
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) {
             return !a->get_name().empty() && !a->get_group().empty() && !a->get_disabled();
         }))
        c.subcommands.push_back(from_cli11(*sub, sub->get_name()));
    return c;
}

}  // namespace completion
