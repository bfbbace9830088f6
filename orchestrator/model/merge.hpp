// The compose-spec merge of normalised documents (several -f files, and extends):
// mappings merge key by key; `command`, `entrypoint` and `healthcheck.test` replace;
// `volumes` merge by target and `env_file` by path; other lists append unique values;
// `!reset` removes a key and `!override` replaces it wholesale.
#pragma once
#include "orchestrator/model/value.hpp"

namespace ucompose {

// Merges one service definition (normalised) over another.
void merge_service(Value& base, const Value& over);

// Merges a whole (normalised) compose document over another.
void merge_documents(Value& base, const Value& over);

// Removes every entry or item still tagged !reset (the tags of the first file).
void strip_reset(Value& v);

}  // namespace ucompose
