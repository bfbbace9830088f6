// The sub-keys of a key whose value is a mapping (build, deploy, a network attachment, ...), as a
// table: one entry per sub-key with its reader, or no reader for a sub-key ucompose knows and
// does not support (a warning at its place). A sub-key in no entry is warned about as unknown,
// except an x- extension where the compose spec allows one.
#pragma once
#include <string>

#include "orchestrator/model/keys/service_key.hpp"
#include "orchestrator/model/value.hpp"

namespace ucompose::keys {

template <class T>
struct SubKey {
    const char* key;
    // Reads `v` (at path `p`) into `out`; nullptr: known, not supported.
    void (*read)(const Value& v, const std::string& p, const KeyRead& r, T& out);
};

// Whether x- sub-keys are the compose spec's extensions (skipped) or unknown keys (warned).
enum class XKeys { extensions, unknown };

// Reads every entry of the mapping `v` (at path `p`) through `table`.
template <class T, std::size_t N>
void read_sub_keys(const Value& v, const std::string& p, const KeyRead& r, const SubKey<T> (&table)[N], T& out,
                   XKeys x_keys) {
    for (const Entry& e : v.map) {
        const SubKey<T>* found = nullptr;
        for (const auto& k : table)
            if (e.key == k.key) {
                found = &k;
                break;
            }
        if (found && found->read) found->read(e.value, p + "." + e.key, r, out);
        else if (found) r.warn_unsupported(e, p);
        else if (x_keys == XKeys::extensions && e.key.rfind("x-", 0) == 0) continue;
        else r.warn_unknown(e, p);
    }
}

}  // namespace ucompose::keys
