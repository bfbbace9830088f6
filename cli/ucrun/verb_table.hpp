// ucrun's command line as data: one entry per runc verb, with its operands, its flags and the
// library call that serves it. command_line.cpp turns the table into CLI11 subcommands; the
// completion script and --help come from the same entries.
#pragma once
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "runtime/oci/options.hpp"
#include "runtime/ucrun/verbs.hpp"

namespace ucrun_cli {

// What one verb's command line says. Verbs that go on to the delegate forward `args` (the verb's
// own tokens, exactly as given); the fields are what ucrun itself reads.
struct Request {
    std::string id;
    std::string signal;               // kill's optional second operand
    bool all = false;                 // kill --all
    bool force = false;               // delete --force
    ucrun::CreateOptions create;      // create's flags
    ucrun::Argv args;                 // every token after the verb
    std::vector<std::string> rest;    // exec and ps: the id and what follows it

    // Flags parsed only so that CLI11 checks them; they reach the delegate through `args`.
    std::string forwarded_value;
    std::vector<std::string> forwarded_values;
    bool forwarded_flag = false;
};

// Adds one flag to a verb's subcommand, bound to its place in the request.
using AddFlag = CLI::Option* (*)(CLI::App& verb, const std::string& names, const std::string& help,
                                  Request& r);

struct Flag {
    const char* names;  // CLI11 form: "-b,--bundle"
    const char* help;
    AddFlag add;
};

enum class Operands {
    none,            // list, features, spec
    id,              // start, state, pause, ...
    id_and_signal,   // kill ID [SIGNAL]
    create_id,       // create's ID (into Request::create.id)
    id_then_command  // exec ID COMMAND..., ps ID [ps args]: runc's inline form, kept in `rest`
};

struct Verb {
    const char* name;
    const char* help;
    Operands operands;
    std::vector<Flag> flags;
    int (*run)(const ucrun::Context& ctx, const Request& r);
};

// Every verb ucrun takes, in the order --help lists them.
const std::vector<Verb>& verb_table();

// The entry named `name`, or nullptr.
const Verb* find_verb(const std::string& name);

}  // namespace ucrun_cli
