#include "orchestrator/model/keys/key_helpers.hpp"

namespace ucompose::keys {

void need_map(const Value& v, const std::string& path) {
    if (!v.is_map()) throw_type(v, path, "a mapping");
}

}  // namespace ucompose::keys
