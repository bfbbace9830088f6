// The untyped document tree used inside the loader only (parse -> interpolate -> merge ->
// extends -> typed model). Every node remembers where it was written.
#pragma once
#include <string>
#include <vector>

#include "orchestrator/model/error.hpp"

namespace ucompose {

struct Value;
struct Entry;

struct Value {
    enum class Kind { Null, Scalar, Map, Seq };
    Kind kind = Kind::Null;
    std::string scalar;    // Scalar only: the text
    bool quoted = false;   // Scalar only: written quoted, so surely a string
    std::string tag;       // "!reset", "!override" or "" (other tags are dropped)
    std::vector<Entry> map;  // Map only: in source order, keys unique
    std::vector<Value> seq;  // Seq only
    Position pos;

    bool is_null() const { return kind == Kind::Null; }
    bool is_scalar() const { return kind == Kind::Scalar; }
    bool is_map() const { return kind == Kind::Map; }
    bool is_seq() const { return kind == Kind::Seq; }

    const Value* find(const std::string& key) const;
    Value* find(const std::string& key);
    const Entry* find_entry(const std::string& key) const;
    // Sets (or replaces) key; returns the stored value.
    Value& set(const std::string& key, Value v, Position key_pos = {});
    bool erase(const std::string& key);

    static Value make_scalar(std::string s, Position p = {}, bool quoted = false);
    static Value make_map(Position p = {});
    static Value make_seq(Position p = {});
    // "a string", "a list", "a mapping", "null"
    const char* kind_name() const;
};

struct Entry {
    std::string key;
    Position key_pos;
    Value value;
};

}  // namespace ucompose
