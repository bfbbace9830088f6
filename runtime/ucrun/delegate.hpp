// The delegate OCI runtime (crun by default, runc as an alternative): where it is, and the
// argv that hands it a verb with the same meaning. Pure except resolve_delegate().
#pragma once
#include <string>
#include <vector>

#include "runtime/oci/options.hpp"

namespace ucrun {

using Argv = std::vector<std::string>;

// Finds the delegate binary: a value with '/' is used as is; a name is searched in $PATH, then
// /usr/local/bin, /usr/bin, /usr/sbin, /bin. Throws naming the binary and every place looked.
std::string resolve_delegate(const std::string& name_or_path, const std::string& path_env);

// The name used for the delegate's state dir under ucrun's root: basename of the binary.
std::string delegate_name(const std::string& delegate_path);

// [delegate, --root <delegate_root>, <forwarded globals>, verb, verb_args...]
Argv delegate_argv(const std::string& delegate_path, const std::string& delegate_root,
                   const GlobalOptions& g, const std::string& verb, const Argv& verb_args);

// The `create` verb's own arguments, rebuilt from the options (bundle may be a derived one).
Argv create_args(const CreateOptions& o, const std::string& bundle);

}  // namespace ucrun
