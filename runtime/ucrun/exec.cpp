// exec: there is no process to exec into in a unikernel, so it is refused; containers go to the
// delegate unchanged.
#include "runtime/sys/error.hpp"
#include "runtime/ucrun/passthrough.hpp"
#include "runtime/ucrun/verbs.hpp"
#include "runtime/unikernel/unikernel.hpp"

namespace ucrun {

int exec_container(const Context& ctx, const std::string& id, const Argv& verb_args) {
    validate_container_id(id);
    Record r = ctx.store().load(id);
    if (r.kind == Kind::unikernel) throw sys::Error(unikernel::exec_refusal(id));
    exec_delegate(ctx, delegate_of(ctx, r), "exec", verb_args);
}

}  // namespace ucrun
