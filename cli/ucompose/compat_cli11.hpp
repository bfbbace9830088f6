// Compat mode's verb table (orchestrator/compat/verb_table.hpp) as CLI11 options: each flag and
// positional of an entry lands in one ParsedArgs, and a no-effect flag's help says so. Header
// only, so tests/unit/cli parses real command lines through it without running podman.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>

#include "orchestrator/compat/verb_table.hpp"

namespace ucompose::compat {

// Adds `flags` to `cmd`: every use of one lands in args->flags[key_of(flag)] with its values.
inline void add_flags(CLI::App& cmd, const std::vector<FlagSpec>& flags, const std::shared_ptr<ParsedArgs>& args) {
    for (const FlagSpec& f : flags) {
        std::string key = key_of(f);
        if (f.arity == Arity::None) {
            cmd.add_flag_function(f.names, [args, key](std::int64_t) { args->flags[key]; }, help_text(f));
            continue;
        }
        CLI::callback_t keep = [args, key](const CLI::results_t& values) {
            auto& into = args->flags[key];
            into.insert(into.end(), values.begin(), values.end());
            return true;
        };
        CLI::Option* o = cmd.add_option(f.names, keep, help_text(f));
        o->type_name(f.type == ValueType::Integer ? "INT" : "TEXT");
        if (f.arity == Arity::Optional) o->expected(0, 1);
        if (f.repeatable) o->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
        if (f.type == ValueType::Integer) o->check(CLI::TypeValidator<int>("INT"));
        if (!f.choices.empty()) o->check(CLI::IsMember(f.choices));
    }
}

// Adds `positionals` to `cmd`: their words land in args->positionals[name].
inline void add_positionals(CLI::App& cmd, const std::vector<PositionalSpec>& positionals,
                            const std::shared_ptr<ParsedArgs>& args) {
    for (const PositionalSpec& p : positionals) {
        auto& words = args->positionals[p.name];
        CLI::callback_t one = [args, &words](const CLI::results_t& values) {
            words = values;
            return true;
        };
        CLI::Option* o = p.many ? cmd.add_option(p.name, words, help_text(p)) : cmd.add_option(p.name, one, help_text(p));
        if (p.required) o->required();
    }
}

// The subcommand of `verb` on `app`; once it is parsed, `run` gets its ParsedArgs (for run and
// exec with the words after the flags in `rest`).
inline CLI::App* add_verb(CLI::App& app, const VerbSpec& verb, const std::shared_ptr<ParsedArgs>& args,
                          std::function<void(const ParsedArgs&)> run) {
    CLI::App* cmd = app.add_subcommand(verb.name, verb.help);
    if (verb.rest_is_command) cmd->prefix_command();
    add_flags(*cmd, verb.flags, args);
    add_positionals(*cmd, verb.positionals, args);
    cmd->callback([cmd, args, run = std::move(run), rest = verb.rest_is_command] {
        if (rest) args->rest = cmd->remaining();
        run(*args);
    });
    return cmd;
}

}  // namespace ucompose::compat
