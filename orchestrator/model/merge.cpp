#include "orchestrator/model/merge.hpp"

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

const Value* field(const Value& item, const char* key) {
    return item.is_map() ? item.find(key) : nullptr;
}

// Lists merged by a key field: an override item replaces the base item with the same key.
void merge_by_key(Value& base, const Value& over, const char* key) {
    for (const Value& item : over.seq) {
        const Value* k = field(item, key);
        bool replaced = false;
        if (k && k->is_scalar()) {
            for (Value& b : base.seq) {
                const Value* bk = field(b, key);
                if (bk && bk->is_scalar() && bk->scalar == k->scalar) {
                    b = item;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) base.seq.push_back(item);
    }
}

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

void merge_node(Value& base, const Value& over, const std::string& path);

void merge_maps(Value& base, const Value& over, const std::string& path) {
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
        merge_node(*existing, e.value, path.empty() ? e.key : path + "." + e.key);
    }
}

bool replaces(const std::string& path) {
    return path == "command" || path == "entrypoint" || path == "healthcheck.test";
}

void merge_node(Value& base, const Value& over, const std::string& path) {
    if (over.tag == "!override" || replaces(path) || base.kind != over.kind || over.is_scalar() ||
        over.is_null()) {
        Position keep = base.pos;
        base = over;
        base.tag.clear();
        if (!base.pos.known()) base.pos = keep;
        return;
    }
    if (over.is_map()) {
        if (path == "logging") {
            const Value* bd = base.find("driver");
            const Value* od = over.find("driver");
            if (bd && od && bd->is_scalar() && od->is_scalar() && bd->scalar != od->scalar) {
                base = over;  // another driver: its options do not mix
                return;
            }
        }
        merge_maps(base, over, path);
        return;
    }
    // Both lists.
    if (path == "volumes") {
        merge_by_key(base, over, "target");
    } else if (path == "env_file") {
        merge_by_key(base, over, "path");
    } else {
        append_unique(base, over);
    }
}

}  // namespace

void merge_service(Value& base, const Value& over) {
    if (!base.is_map() || !over.is_map() || over.tag == "!override") {
        base = over;
        return;
    }
    merge_maps(base, over, "");
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
            merge_maps(*existing, e.value, "top." + e.key);
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
