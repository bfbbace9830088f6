// The compose-spec merge of normalised documents (several -f files, and extends): each service
// key merges by the rule its description names (orchestrator/model/keys/); the rules are here.
// `!reset` removes a key and `!override` replaces it wholesale; a later scalar, null or value of
// another kind replaces the earlier one.
#pragma once
#include "orchestrator/model/value.hpp"

namespace ucompose {

// Merges one service definition (normalised) over another.
void merge_service(Value& base, const Value& over);

// Merges a whole (normalised) compose document over another.
void merge_documents(Value& base, const Value& over);

// Removes every entry or item still tagged !reset (the tags of the first file).
void strip_reset(Value& v);

// The merge rules a service key can name (keys/service_key.hpp, `ServiceKey::merge`).
namespace merge_rule {
// The later value wins (scalars; command, entrypoint).
void replace(Value& base, const Value& over);
// Mappings merged key by key, each value by the same rules (environment, labels, build, ...).
void mapping(Value& base, const Value& over);
// Sequences: the later items appended, skipping items already there (dns, cap_add, ...).
void append_unique(Value& base, const Value& over);
// Sequences of unique resources (the spec's "Unique resources"): a later item replaces the
// earlier one with the same key, others are appended.
void volumes_by_target(Value& base, const Value& over);  // target
void ports_by_binding(Value& base, const Value& over);   // host_ip:published:target/protocol
void secrets_by_target(Value& base, const Value& over);  // target, else /run/secrets/<source>
void configs_by_target(Value& base, const Value& over);  // target, else /<source>
void env_files_by_path(Value& base, const Value& over);  // path
// A mapping whose `test` is replaced, not appended.
void healthcheck(Value& base, const Value& over);
// Options merge only for the same driver; another driver replaces the whole mapping.
void logging(Value& base, const Value& over);
}  // namespace merge_rule

}  // namespace ucompose
