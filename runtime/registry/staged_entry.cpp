#include "runtime/registry/staged_entry.hpp"

#include <sys/stat.h>

#include "runtime/registry/name.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucrun::registry {
namespace {

// Validated before the staging directory exists, so a bad name creates nothing.
const std::string& checked(const std::string& root, const std::string& name, bool force) {
    validate_name(name);
    if (!force && sys::path_exists(root + "/" + name))
        throw sys::Error("unikernel \"" + name + "\" already exists in " + root + " (use --force to replace it)");
    sys::make_dirs(root);
    return name;
}

}  // namespace

StagedEntry::StagedEntry(std::string root, std::string name, bool force)
    : root_(std::move(root)), name_(std::move(name)), force_(force), staged_(root_, checked(root_, name_, force_)) {
    // An entry may hold secrets baked in at build (`--env`): only its owner (root) may look inside.
    // The files keep their modes, so a VMM running as another user still reads the kernel and disk
    // that ucrun binds into its container (a bind does not pass through this directory).
    if (::chmod(dir().c_str(), 0700) != 0) sys::throw_errno("chmod 0700 " + dir());
}

std::string StagedEntry::commit(const Manifest& manifest) {
    const bool no_kernel = manifest.kind == Kind::disk && manifest.kernel.empty();
    for (const auto* f : {no_kernel ? nullptr : &manifest.kernel, manifest.initrd ? &*manifest.initrd : nullptr,
                          manifest.disk ? &*manifest.disk : nullptr}) {
        if (!f) continue;
        validate_entry_path(*f, "manifest of " + name_);
        if (!sys::path_exists(dir() + "/" + *f)) throw sys::Error("registry entry " + name_ + ": " + *f + " is missing");
    }
    sys::write_file_atomic(dir() + "/manifest.json", to_json(manifest));
    if (!force_ && sys::path_exists(root_ + "/" + name_))
        throw sys::Error("unikernel \"" + name_ + "\" already exists in " + root_ + " (use --force to replace it)");
    return staged_.commit();
}

}  // namespace ucrun::registry
