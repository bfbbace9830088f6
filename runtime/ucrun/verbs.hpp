// ucrun's verbs. Each is one library call from the thin main; each returns the exit code or
// throws sys::Error (reported once by main).
#pragma once
#include <string>

#include "runtime/oci/config.hpp"
#include "runtime/ucrun/delegate.hpp"
#include "runtime/oci/options.hpp"
#include "runtime/oci/record.hpp"

namespace ucrun {

struct Context {
    GlobalOptions globals;
    Config config;
    EnvMap env;
    RecordStore store() const { return RecordStore(globals.root); }
};

// create: validate, classify, record, then hand the (possibly derived) bundle to the delegate.
int create_container(const Context& ctx, const CreateOptions& o);

// delete [--force]: the delegate deletes, then ucrun clears what it made (tap, bundle, record).
int delete_container(const Context& ctx, const std::string& id, bool force, const Argv& verb_args);

// exec: refused for unikernels, handed to the delegate otherwise.
int exec_container(const Context& ctx, const std::string& id, const Argv& verb_args);

// Every other verb about one container (start state kill pause resume update ps events):
// the container must be known to ucrun; then the delegate takes over by execv.
int pass_container_verb(const Context& ctx, const std::string& verb, const std::string& id,
                        const Argv& verb_args);

// features: the delegate's features (or ucrun's description of crun's) plus ucrun's annotations.
int print_features(const Context& ctx);

// Verbs about no container (list, features, spec): straight to the configured delegate.
int pass_global_verb(const Context& ctx, const std::string& verb, const Argv& verb_args);

}  // namespace ucrun
