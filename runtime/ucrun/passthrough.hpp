// Internal to the verbs: finding the delegate and replacing ucrun with it.
#pragma once
#include <string>

#include "runtime/ucrun/verbs.hpp"

namespace ucrun {

// The configured delegate (config/env), resolved to a path.
std::string configured_delegate(const Context& ctx);

// The delegate a container was created with (its record), else the configured one.
std::string delegate_of(const Context& ctx, const Record& r);

// execv of the delegate with `verb verb_args...`; returns only by throwing.
[[noreturn]] void exec_delegate(const Context& ctx, const std::string& delegate, const std::string& verb,
                                const Argv& verb_args);

// Runs the delegate as a child and waits; returns its exit code.
int run_delegate(const Context& ctx, const std::string& delegate, const std::string& verb,
                 const Argv& verb_args);

}  // namespace ucrun
