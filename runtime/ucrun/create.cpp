// create: validate, classify once, record, then hand the bundle (derived for unikernels) to the
// delegate. A failed create leaves nothing under --root.
#include <sys/stat.h>

#include <climits>
#include <ctime>
#include <cstdlib>

#include "runtime/sys/error.hpp"
#include "runtime/ucrun/classify.hpp"
#include "runtime/ucrun/log.hpp"
#include "runtime/ucrun/passthrough.hpp"
#include "runtime/ucrun/spec.hpp"
#include "runtime/ucrun/verbs.hpp"
#include "runtime/unikernel/unikernel.hpp"

namespace ucrun {
namespace {

std::string absolute(const std::string& path) {
    char buf[PATH_MAX];
    if (!::realpath(path.c_str(), buf)) sys::throw_errno("bundle " + path);
    return buf;
}

std::string now_rfc3339() {
    time_t t = ::time(nullptr);
    tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
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

}  // namespace

int create_container(const Context& ctx, const CreateOptions& o) {
    validate_container_id(o.id);
    RecordStore store = ctx.store();
    if (store.exists(o.id)) throw sys::Error("container `" + o.id + "` already exists");
    std::string bundle = absolute(o.bundle);
    Spec spec = load_spec(bundle);
    std::string delegate = configured_delegate(ctx);

    Record r;
    r.id = o.id;
    Classification cls = classify({spec, rootfs_path(spec, bundle), ctx.config});
    r.kind = cls.kind;
    r.delegate = delegate;
    r.bundle = bundle;
    r.created = now_rfc3339();
    store.create(r);
    CreateRollback rollback(ctx, r);

    std::string effective_bundle = bundle;
    if (r.kind == Kind::unikernel) {
        effective_bundle = unikernel::prepare(
            {spec, o.id, bundle, store.container_dir(o.id), ctx.config, ctx.globals, *cls.unikernel});
    }
    int code = run_delegate(ctx, delegate, "create", create_args(o, effective_bundle));
    if (code == 0) rollback.dismiss();
    return code;
}

}  // namespace ucrun
