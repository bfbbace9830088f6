// Hand-over to the delegate by execv, so stdio, console socket, pid file and preserved fds keep
// their meaning.
#include "runtime/sys/error.hpp"
#include "runtime/sys/process.hpp"
#include "runtime/oci/log.hpp"
#include "runtime/ucrun/passthrough.hpp"
#include "runtime/ucrun/verbs.hpp"

namespace ucrun {
namespace {

std::string path_env(const Context& ctx) {
    auto it = ctx.env.find("PATH");
    return it == ctx.env.end() ? std::string() : it->second;
}

// The delegate's argv for `verb`, with its state under ucrun's root; logged with --debug.
Argv command_for(const Context& ctx, const std::string& how, const std::string& delegate, const std::string& verb,
                 const Argv& verb_args) {
    auto argv = delegate_argv(delegate, ctx.store().delegate_root(delegate_name(delegate)), ctx.globals,
                              verb, verb_args);
    log_debug(ctx.globals, how + " " + sys::join_argv(argv));
    return argv;
}

}  // namespace

[[noreturn]] void exec_delegate(const Context& ctx, const std::string& delegate, const std::string& verb,
                                const Argv& verb_args) {
    sys::exec(command_for(ctx, "exec", delegate, verb, verb_args));
}

int run_delegate(const Context& ctx, const std::string& delegate, const std::string& verb,
                 const Argv& verb_args) {
    return sys::exit_code_of(sys::spawn(command_for(ctx, "run", delegate, verb, verb_args)).wait());
}

std::string configured_delegate(const Context& ctx) {
    return resolve_delegate(ctx.config.delegate, path_env(ctx));
}

std::string delegate_of(const Context& ctx, const Record& r) {
    return r.delegate.empty() ? configured_delegate(ctx) : r.delegate;
}

int pass_container_verb(const Context& ctx, const std::string& verb, const std::string& id,
                        const Argv& verb_args) {
    validate_container_id(id);
    // No record: an ordinary container (ucrun records only unikernels), or none at all. Either
    // way the configured delegate answers, with its own errors and exit codes.
    auto found = ctx.store().find(id);
    exec_delegate(ctx, found ? delegate_of(ctx, *found) : configured_delegate(ctx), verb, verb_args);
}

int pass_global_verb(const Context& ctx, const std::string& verb, const Argv& verb_args) {
    exec_delegate(ctx, configured_delegate(ctx), verb, verb_args);
}

}  // namespace ucrun
