// `extends`: a service built on another one, from the same file or another file,
// recursively, with loop detection. Works on normalised documents.
#pragma once
#include <functional>
#include <string>

#include "orchestrator/model/value.hpp"

namespace ucompose {

// Returns the normalised document of another compose file (absolute path), loaded with
// its own directory as the base for relative paths. `ref` is the extends.file entry.
using DocumentSource = std::function<const Value&(const std::string& path, const Position& ref)>;

// Resolves every `extends` in doc.services (doc came from `file`, whose relative paths
// resolved against `base_dir`). Throws Error on a loop or a missing service/file.
void resolve_extends(Value& doc, const std::string& file, const std::string& base_dir,
                     const DocumentSource& source);

}  // namespace ucompose
