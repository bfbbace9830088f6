#include "orchestrator/model/value.hpp"

namespace ucompose {

const Entry* Value::find_entry(const std::string& key) const {
    for (const Entry& e : map)
        if (e.key == key) return &e;
    return nullptr;
}

const Value* Value::find(const std::string& key) const {
    const Entry* e = find_entry(key);
    return e ? &e->value : nullptr;
}

Value* Value::find(const std::string& key) {
    for (Entry& e : map)
        if (e.key == key) return &e.value;
    return nullptr;
}

Value& Value::set(const std::string& key, Value v, Position key_pos) {
    for (Entry& e : map) {
        if (e.key == key) {
            e.value = std::move(v);
            if (key_pos.known()) e.key_pos = std::move(key_pos);
            return e.value;
        }
    }
    map.push_back(Entry{key, std::move(key_pos), std::move(v)});
    return map.back().value;
}

bool Value::erase(const std::string& key) {
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->key == key) {
            map.erase(it);
            return true;
        }
    }
    return false;
}

Value Value::make_scalar(std::string s, Position p, bool quoted) {
    Value v;
    v.kind = Kind::Scalar;
    v.scalar = std::move(s);
    v.quoted = quoted;
    v.pos = std::move(p);
    return v;
}

Value Value::make_map(Position p) {
    Value v;
    v.kind = Kind::Map;
    v.pos = std::move(p);
    return v;
}

Value Value::make_seq(Position p) {
    Value v;
    v.kind = Kind::Seq;
    v.pos = std::move(p);
    return v;
}

const char* Value::kind_name() const {
    switch (kind) {
        case Kind::Null: return "null";
        case Kind::Scalar: return "a string";
        case Kind::Map: return "a mapping";
        case Kind::Seq: return "a list";
    }
    return "?";
}

}  // namespace ucompose
