// The shape of compat mode's verb table (pure data): one podman-compose subcommand or global
// option set, what each flag does here (the native option it sets, or why it does nothing), and
// the help and warning texts a no-effect flag gets. The table itself is verb_table.cpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ucompose::compat {

enum class Arity { None, One, Optional };  // a flag; an option with a value; a value that may be left out
enum class ValueType { Text, Integer };

struct FlagSpec {
    std::string names;   // CLI11's form: "-d,--detach"
    Arity arity = Arity::None;
    std::string help;
    std::string native;     // honoured: the native option or behaviour it maps to; empty when it has no effect
    std::string no_effect;  // why it does nothing here; empty when honoured
    bool repeatable = false;            // every occurrence's value is kept (-e A -e B)
    ValueType type = ValueType::Text;
    std::vector<std::string> choices;   // the allowed values, when fixed
};

struct PositionalSpec {
    std::string name;
    std::string help;
    bool many = false;      // any number of words (services)
    bool required = false;
    std::string no_effect;  // why it does nothing here; empty when honoured
};

// What one command line gave: each flag used, by its key (key_of), with its values (none for a
// plain flag), each positional by name, and for run/exec the words after the flags.
struct ParsedArgs {
    std::map<std::string, std::vector<std::string>> flags;
    std::map<std::string, std::vector<std::string>> positionals;
    std::vector<std::string> rest;

    bool given(const std::string& key) const { return flags.count(key) > 0; }
    // The last value given (podman-compose's argparse keeps the last one), nullopt when not given.
    std::optional<std::string> last(const std::string& key) const;
    std::vector<std::string> all(const std::string& key) const;
    // last() as a number; throws ucompose::Error naming the flag for a word that is not one.
    std::optional<int> integer(const std::string& key) const;
    std::vector<std::string> words(const std::string& positional) const;
};

// The name a flag is known by in ParsedArgs and in warnings: its first long name, else its first
// short one ("-d,--detach" -> "--detach", "-T" -> "-T").
std::string key_of(const FlagSpec& flag);

// The --help line: the flag's help, and for a no-effect flag
// "(accepted for compatibility; no effect: <reason>)" after it.
std::string help_text(const FlagSpec& flag);
std::string help_text(const PositionalSpec& positional);

// "podman-compose flag --X has no effect here: <reason>" (spdlog's warn adds "warning: ").
std::string no_effect_warning(const FlagSpec& flag);
// "podman-compose argument SERVICES of down has no effect here: <reason>".
std::string no_effect_warning(const std::string& verb, const PositionalSpec& positional);

// One warning per no-effect flag or positional the command line used, in the table's order.
std::vector<std::string> no_effect_warnings(const std::string& verb, const std::vector<FlagSpec>& flags,
                                            const std::vector<PositionalSpec>& positionals, const ParsedArgs& args);

}  // namespace ucompose::compat
