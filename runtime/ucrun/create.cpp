// create: validate, classify once, then hand the bundle to the delegate.
//  - An ordinary container: execv of the delegate, as for every other verb, and no record of
//    ours: every later verb that finds no record goes to the configured delegate, which keeps the
//    container's state. So a create the delegate refuses leaves nothing of ucrun's behind.
//  - A unikernel: a record (its kind, its tap, its derived bundle), then the delegate as a child
//    on the derived bundle, so that a failed create removes the record, the tap and the bundle.
#include <sys/stat.h>

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "runtime/sys/clock.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/ucrun/classify.hpp"
#include "runtime/ucrun/delegate.hpp"
#include "runtime/oci/fault.hpp"
#include "runtime/oci/log.hpp"
#include "runtime/ucrun/passthrough.hpp"
#include "runtime/oci/spec.hpp"
#include "runtime/ucrun/verbs.hpp"
#include "runtime/unikernel/unikernel.hpp"

namespace ucrun {
namespace {

std::string absolute(const std::string& path) {
    char buf[PATH_MAX];
    if (!::realpath(path.c_str(), buf)) sys::throw_errno("bundle " + path);
    return buf;
}

// Removes the record (and whatever prepare made) unless dismissed.
class CreateRollback {
public:
    CreateRollback(const Context& ctx, const Record& r) : ctx_(ctx), r_(r) {}
    ~CreateRollback() {
        if (dismissed_) return;
        try {
            if (r_.kind == Kind::unikernel)
                unikernel::cleanup(r_.id, ctx_.store().container_dir(r_.id), ctx_.config);
            ctx_.store().remove(r_.id);
        } catch (const std::exception& e) {
            report_error(ctx_.globals, std::string("cleanup after failed create: ") + e.what());
        }
    }
    void dismiss() { dismissed_ = true; }

private:
    const Context& ctx_;
    const Record& r_;
    bool dismissed_ = false;
};

// A container record whose delegate never got (or no longer has) the container: what an execv'd
// create the delegate refused left in versions that recorded ordinary containers. A unikernel's
// record is never stale here: its own create rolls back, and what a crash left is for
// `delete --force`.
bool stale_record(const Context& ctx, const RecordStore& store, const Record& r) {
    if (r.kind != Kind::container) return false;
    struct stat st{};
    std::string state_dir = store.delegate_root(delegate_name(delegate_of(ctx, r))) + "/" + r.id;
    return ::stat(state_dir.c_str(), &st) != 0 && errno == ENOENT;
}

}  // namespace

int create_container(const Context& ctx, const CreateOptions& o) {
    validate_container_id(o.id);
    RecordStore store = ctx.store();
    std::string bundle = absolute(o.bundle);
    Spec spec = load_spec(bundle);
    std::string delegate = configured_delegate(ctx);
    if (auto existing = store.find(o.id)) {
        if (!stale_record(ctx, store, *existing)) throw sys::Error("container `" + o.id + "` already exists");
        store.remove(o.id);
    }

    Classification cls = classify({o.id, spec, rootfs_path(spec, bundle), ctx.config});
    if (cls.kind == Kind::container) exec_delegate(ctx, delegate, "create", create_args(o, bundle));

    Record r;
    r.id = o.id;
    r.kind = cls.kind;
    r.delegate = delegate;
    r.bundle = bundle;
    r.created = sys::now_rfc3339();
    store.create(r);
    CreateRollback rollback(ctx, r);
    fault_point(ctx.config.debug_fault_points, spec.annotations, "record");

    std::string effective_bundle = unikernel::prepare(
        {spec, o.id, bundle, store.container_dir(o.id), ctx.config, ctx.globals, *cls.unikernel});
    int code = run_delegate(ctx, delegate, "create", create_args(o, effective_bundle));
    if (code == 0) fault_point(ctx.config.debug_fault_points, spec.annotations, "delegate");
    if (code == 0) rollback.dismiss();
    return code;
}

}  // namespace ucrun
