// exec: there is no process to exec into in a unikernel, so it is refused; containers go to the
// delegate unchanged.
#include "runtime/sys/error.hpp"
#include "runtime/ucrun/passthrough.hpp"
#include "runtime/ucrun/verbs.hpp"
#include "runtime/unikernel/unikernel.hpp"

namespace ucrun {

int exec_container(const Context& ctx, const std::string& id, const Argv& verb_args) {
    validate_container_id(id);
    auto r = ctx.store().find(id);
    if (r && r->kind == Kind::unikernel) throw sys::Error(unikernel::exec_refusal(id));
    exec_delegate(ctx, r ? delegate_of(ctx, *r) : configured_delegate(ctx), "exec", verb_args);
}

}  // namespace ucrun
