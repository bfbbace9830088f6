#include "orchestrator/model/convert.hpp"
#include "orchestrator/model/keys/service_key.hpp"
#include "orchestrator/model/read_value.hpp"

namespace ucompose {

// Each key is read by its description (keys/); x-* keys are kept as data.
Service convert_service(const std::string& name, const Value& v, const Position& key_pos,
                        const ConvertContext& ctx) {
    const std::string base = "services." + name;
    if (!v.is_map()) throw_type(v, base, "a mapping");
    Service s;
    s.name = name;
    s.key_positions[""] = key_pos;
    for (const Entry& e : v.map) {
        s.key_positions[e.key] = e.key_pos;
        const KeyRead r{base, e, v, ctx};
        if (const ServiceKey* key = find_service_key(e.key)) {
            if (key->support == Support::NotYet) r.warn_unsupported(e, base);
            else if (key->read) key->read(e.value, r, s);
        } else if (e.key.rfind("x-", 0) == 0) {
            s.extensions[e.key] = to_json(e.value);
        } else {
            r.warn_unknown(e, base);
        }
    }
    if (!s.image && !s.build)
        throw Error(key_pos, base + " has neither an image nor a build context specified");
    return s;
}

}  // namespace ucompose
