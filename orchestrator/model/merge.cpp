#include "orchestrator/model/merge.hpp"

#include <functional>

#include "orchestrator/model/keys/service_key.hpp"

namespace ucompose {
namespace {

bool same(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Value::Kind::Null: return true;
        case Value::Kind::Scalar: return a.scalar == b.scalar;
        case Value::Kind::Seq:
            if (a.seq.size() != b.seq.size()) return false;
            for (size_t i = 0; i < a.seq.size(); ++i)
                if (!same(a.seq[i], b.seq[i])) return false;
            return true;
        case Value::Kind::Map:
            if (a.map.size() != b.map.size()) return false;
            for (const Entry& e : a.map) {
                const Value* o = b.find(e.key);
                if (!o || !same(e.value, *o)) return false;
            }
            return true;
    }
    return false;
}

std::string scalar_field(const Value& item, const char* key, const std::string& otherwise = "") {
    const Value* v = item.is_map() ? item.find(key) : nullptr;
    return v && v->is_scalar() ? v->scalar : otherwise;
}

// Sequences of unique items: a later item replaces the earlier one with the same key.
void unique_by(Value& base, const Value& over, const std::function<std::string(const Value&)>& key) {
    for (const Value& item : over.seq) {
        const std::string k = key(item);
        bool replaced = false;
        if (!k.empty()) {
            for (Value& b : base.seq) {
                if (key(b) == k) {
                    b = item;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) base.seq.push_back(item);
    }
}

// A mounted file's place: a scalar is its source; a relative target is under `dir`.
std::string mount_target(const Value& item, const std::string& dir) {
    std::string target = item.is_scalar() ? "" : scalar_field(item, "target");
    if (target.empty()) target = item.is_scalar() ? item.scalar : scalar_field(item, "source");
    if (target.empty()) return "";
    return target.front() == '/' ? target : dir + "/" + target;
}

using ChildRule = Merger (*)(const std::string& key);

void merge_value(Value& base, const Value& over, Merger rule) {
    if (over.tag == "!override" || base.kind != over.kind || over.is_scalar() || over.is_null()) {
        merge_rule::replace(base, over);
        return;
    }
    if (rule) rule(base, over);
    else if (over.is_map()) merge_rule::mapping(base, over);
    else merge_rule::append_unique(base, over);
}

void merge_children(Value& base, const Value& over, ChildRule child) {
    for (const Entry& e : over.map) {
        if (e.value.tag == "!reset") {
            base.erase(e.key);
            continue;
        }
        Value* existing = base.find(e.key);
        if (!existing) {
            base.map.push_back(e);
            continue;
        }
        merge_value(*existing, e.value, child ? child(e.key) : nullptr);
    }
}

Merger service_key_rule(const std::string& key) {
    const ServiceKey* k = find_service_key(key);
    return k ? k->merge : nullptr;
}

}  // namespace

namespace merge_rule {

void replace(Value& base, const Value& over) {
    Position keep = base.pos;
    base = over;
    base.tag.clear();
    if (!base.pos.known()) base.pos = keep;
}

void mapping(Value& base, const Value& over) { merge_children(base, over, nullptr); }

void append_unique(Value& base, const Value& over) {
    for (const Value& item : over.seq) {
        bool found = false;
        for (const Value& b : base.seq)
            if (same(b, item)) {
                found = true;
                break;
            }
        if (!found) base.seq.push_back(item);
    }
}

void volumes_by_target(Value& base, const Value& over) {
    unique_by(base, over, [](const Value& v) { return scalar_field(v, "target"); });
}

void ports_by_binding(Value& base, const Value& over) {
    unique_by(base, over, [](const Value& v) {
        if (!v.is_map()) return std::string();
        return scalar_field(v, "host_ip", "0.0.0.0") + ":" + scalar_field(v, "published") + ":" +
               scalar_field(v, "target") + "/" + scalar_field(v, "protocol", "tcp");
    });
}

void secrets_by_target(Value& base, const Value& over) {
    unique_by(base, over, [](const Value& v) { return mount_target(v, "/run/secrets"); });
}

void configs_by_target(Value& base, const Value& over) {
    unique_by(base, over, [](const Value& v) { return mount_target(v, ""); });
}

void env_files_by_path(Value& base, const Value& over) {
    unique_by(base, over, [](const Value& v) { return scalar_field(v, "path"); });
}

void healthcheck(Value& base, const Value& over) {
    merge_children(base, over, [](const std::string& key) -> Merger {
        return key == "test" ? replace : nullptr;
    });
}

void logging(Value& base, const Value& over) {
    const Value* bd = base.find("driver");
    const Value* od = over.find("driver");
    if (bd && od && bd->is_scalar() && od->is_scalar() && bd->scalar != od->scalar) {
        replace(base, over);  // another driver: its options do not mix
        return;
    }
    mapping(base, over);
}

}  // namespace merge_rule

void merge_service(Value& base, const Value& over) {
    if (!base.is_map() || !over.is_map() || over.tag == "!override") {
        base = over;
        return;
    }
    merge_children(base, over, service_key_rule);
}

void merge_documents(Value& base, const Value& over) {
    if (!base.is_map() || !over.is_map()) {
        base = over;
        return;
    }
    for (const Entry& e : over.map) {
        if (e.value.tag == "!reset") {
            base.erase(e.key);
            continue;
        }
        Value* existing = base.find(e.key);
        if (!existing) {
            base.map.push_back(e);
            continue;
        }
        if (e.key == "services" && existing->is_map() && e.value.is_map()) {
            for (const Entry& s : e.value.map) {
                if (s.value.tag == "!reset") {
                    existing->erase(s.key);
                    continue;
                }
                Value* svc = existing->find(s.key);
                if (svc) {
                    merge_service(*svc, s.value);
                } else {
                    existing->map.push_back(s);
                }
            }
        } else if (e.value.tag == "!override" || !existing->is_map() || !e.value.is_map()) {
            *existing = e.value;
            existing->tag.clear();
        } else {
            merge_rule::mapping(*existing, e.value);
        }
    }
}

void strip_reset(Value& v) {
    if (v.is_map()) {
        std::erase_if(v.map, [](const Entry& e) { return e.value.tag == "!reset"; });
        for (Entry& e : v.map) strip_reset(e.value);
    } else if (v.is_seq()) {
        std::erase_if(v.seq, [](const Value& x) { return x.tag == "!reset"; });
        for (Value& x : v.seq) strip_reset(x);
    }
    v.tag.clear();
}

}  // namespace ucompose
