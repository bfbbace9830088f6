// delete: the delegate removes the container; then, for a unikernel, ucrun clears what it made.
// With --force this also cleans up after a crash between create and delete.
#include "runtime/sys/error.hpp"
#include "runtime/oci/log.hpp"
#include "runtime/ucrun/passthrough.hpp"
#include "runtime/ucrun/verbs.hpp"
#include "runtime/unikernel/unikernel.hpp"

namespace ucrun {

int delete_container(const Context& ctx, const std::string& id, bool force, const Argv& verb_args) {
    validate_container_id(id);
    RecordStore store = ctx.store();
    auto r = store.find(id);
    // No record: an ordinary container (or none): the delegate deletes it, or says why not.
    if (!r) exec_delegate(ctx, configured_delegate(ctx), "delete", verb_args);
    int code = run_delegate(ctx, delegate_of(ctx, *r), "delete", verb_args);
    if (code != 0 && !force) return code;
    if (r->kind == Kind::unikernel) {
        try {
            unikernel::cleanup(id, store.container_dir(id), ctx.config);
        } catch (const std::exception& e) {
            // --force: the container is gone for its caller whatever failed; the record goes too,
            // so that no later verb finds a half-deleted container, and the failure is reported.
            if (!force) throw;
            store.remove(id);
            throw sys::Error("delete --force " + id + ": removed the record, but cleaning up failed: " + e.what());
        }
    }
    store.remove(id);
    return code;
}

}  // namespace ucrun
