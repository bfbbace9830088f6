#include "orchestrator/model/normalize.hpp"

#include "orchestrator/model/discovery.hpp"
#include "orchestrator/model/keys/service_key.hpp"

namespace ucompose {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) break;
        start = at + 1;
    }
    return out;
}

[[noreturn]] void wrong_type(const Value& v, const std::string& path, const std::string& want) {
    throw Error(v.pos, path + " must be " + want + ", not " + v.kind_name());
}


// [KEY=VALUE, KEY] or {KEY: VALUE} -> {KEY: VALUE-or-null}
void list_to_map(Value& v, const std::string& path, char sep = '=') {
    if (v.is_map() || v.is_null()) {
        if (v.is_null()) v = Value::make_map(v.pos);
        return;
    }
    if (!v.is_seq()) wrong_type(v, path, "a mapping or a list");
    Value m = Value::make_map(v.pos);
    m.tag = v.tag;
    for (Value& item : v.seq) {
        if (!item.is_scalar()) wrong_type(item, path + " items", "strings");
        const std::string& s = item.scalar;
        size_t at = s.find(sep);
        if (at == std::string::npos) {
            Value null;
            null.pos = item.pos;
            m.set(s, null, item.pos);
        } else {
            m.set(s.substr(0, at), Value::make_scalar(s.substr(at + 1), item.pos, true), item.pos);
        }
    }
    v = std::move(m);
}

void scalar_to_list(Value& v) {
    if (v.is_scalar()) {
        Value seq = Value::make_seq(v.pos);
        seq.tag = v.tag;
        v.tag.clear();
        seq.seq.push_back(std::move(v));
        v = std::move(seq);
    }
}

bool looks_like_url(const std::string& s) {
    return s.find("://") != std::string::npos || s.rfind("git@", 0) == 0 ||
           s.rfind("github.com/", 0) == 0;
}

bool is_number(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// "8000" or "8000-8010" -> [first, last]; nullopt if malformed.
// "N" or "N-M" as a range of ports; nullopt with `*why` set when it is not one.
std::optional<std::pair<long, long>> port_range(const std::string& s, std::string* why = nullptr) {
    auto fail = [&](const std::string& reason) -> std::optional<std::pair<long, long>> {
        if (why) *why = reason;
        return std::nullopt;
    };
    size_t dash = s.find('-');
    std::string a = s.substr(0, dash);
    std::string b = dash == std::string::npos ? a : s.substr(dash + 1);
    if (!is_number(a) || !is_number(b)) return fail("must be a number or a range");
    if (a.size() > 9 || b.size() > 9 || std::stol(a) > 65535 || std::stol(b) > 65535)
        return fail(s + " is out of range (0-65535)");
    long lo = std::stol(a), hi = std::stol(b);
    if (lo > hi) return fail(s + " is not a range: " + a + " is above " + b);
    return std::make_pair(lo, hi);
}

}  // namespace

namespace shape {

void ports(Value& v, const std::string& path, const NormalizeContext&) {
    if (v.is_null()) return;
    // One port as a bare string ("9001:9001"), as podman-compose reads it: a list of one.
    if (v.is_scalar()) {
        Value one = Value::make_seq(v.pos);
        one.seq.push_back(std::move(v));
        v = std::move(one);
    }
    if (!v.is_seq()) wrong_type(v, path, "a list");
    Value out = Value::make_seq(v.pos);
    out.tag = v.tag;
    for (Value& item : v.seq) {
        if (item.is_scalar()) {
            for (Value& p : parse_port_short(item.scalar, item.pos)) out.seq.push_back(std::move(p));
        } else if (item.is_map()) {
            if (Value* pub = item.find("published"); pub && pub->is_scalar()) pub->quoted = true;
            out.seq.push_back(std::move(item));
        } else {
            wrong_type(item, path + " items", "strings or mappings");
        }
    }
    v = std::move(out);
}

void volumes(Value& v, const std::string& path, const NormalizeContext& ctx) {
    if (v.is_null()) return;
    if (!v.is_seq()) wrong_type(v, path, "a list");
    for (Value& item : v.seq) {
        if (item.is_scalar()) {
            item = parse_volume_short(item.scalar, item.pos, ctx);
        } else if (item.is_map()) {
            const Value* type = item.find("type");
            Value* source = item.find("source");
            if (type && type->is_scalar() && type->scalar == "bind" && source && source->is_scalar())
                source->scalar = resolve_host_path(source->scalar, ctx);
        } else {
            wrong_type(item, path + " items", "strings or mappings");
        }
    }
}

void env_file(Value& v, const std::string& path, const NormalizeContext& ctx) {
    if (v.is_null()) return;
    scalar_to_list(v);
    if (!v.is_seq()) wrong_type(v, path, "a string or a list");
    for (Value& item : v.seq) {
        if (item.is_scalar()) {
            Value m = Value::make_map(item.pos);
            m.set("path", Value::make_scalar(resolve_host_path(item.scalar, ctx), item.pos, true),
                  item.pos);
            m.set("required", Value::make_scalar("true", item.pos), item.pos);
            item = std::move(m);
        } else if (item.is_map()) {
            Value* p = item.find("path");
            if (!p || !p->is_scalar()) throw Error(item.pos, path + " items need a 'path'");
            p->scalar = resolve_host_path(p->scalar, ctx);
        } else {
            wrong_type(item, path + " items", "strings or mappings");
        }
    }
}

void depends_on(Value& v, const std::string& path, const NormalizeContext&) {
    if (v.is_null()) {
        v = Value::make_map(v.pos);
        return;
    }
    if (v.is_map()) return;
    if (!v.is_seq()) wrong_type(v, path, "a list or a mapping");
    Value m = Value::make_map(v.pos);
    m.tag = v.tag;
    for (Value& item : v.seq) {
        if (!item.is_scalar()) wrong_type(item, path + " items", "service names");
        Value dep = Value::make_map(item.pos);
        dep.set("condition", Value::make_scalar("service_started", item.pos), item.pos);
        dep.set("required", Value::make_scalar("true", item.pos), item.pos);
        m.set(item.scalar, std::move(dep), item.pos);
    }
    v = std::move(m);
}

void networks(Value& v, const std::string& path, const NormalizeContext&) {
    if (v.is_null() || v.is_map()) return;
    if (!v.is_seq()) wrong_type(v, path, "a list or a mapping");
    Value m = Value::make_map(v.pos);
    m.tag = v.tag;
    for (Value& item : v.seq) {
        if (!item.is_scalar()) wrong_type(item, path + " items", "network names");
        Value null;
        null.pos = item.pos;
        m.set(item.scalar, null, item.pos);
    }
    v = std::move(m);
}

void extra_hosts(Value& v, const std::string& path, const NormalizeContext&) {
    if (v.is_null() || v.is_seq()) return;
    if (!v.is_map()) wrong_type(v, path, "a list or a mapping");
    Value seq = Value::make_seq(v.pos);
    seq.tag = v.tag;
    for (Entry& e : v.map) {
        if (e.value.is_seq()) {
            for (Value& ip : e.value.seq)
                seq.seq.push_back(Value::make_scalar(e.key + ":" + ip.scalar, ip.pos, true));
        } else {
            seq.seq.push_back(Value::make_scalar(e.key + ":" + e.value.scalar, e.value.pos, true));
        }
    }
    v = std::move(seq);
}

void build(Value& v, const std::string& path, const NormalizeContext& ctx) {
    if (v.is_scalar()) {
        Value m = Value::make_map(v.pos);
        m.tag = v.tag;
        m.set("context", Value::make_scalar(v.scalar, v.pos, true), v.pos);
        v = std::move(m);
    }
    if (!v.is_map()) wrong_type(v, path, "a string or a mapping");
    Value* ctxv = v.find("context");
    if (!ctxv) {
        v.set("context", Value::make_scalar(".", v.pos, true), v.pos);
        ctxv = v.find("context");
    }
    if (ctxv->is_scalar() && !looks_like_url(ctxv->scalar))
        ctxv->scalar = resolve_host_path(ctxv->scalar, ctx);
    if (Value* args = v.find("args")) list_to_map(*args, path + ".args");
    if (Value* labels = v.find("labels")) list_to_map(*labels, path + ".labels");
}

void mapping(Value& v, const std::string& path, const NormalizeContext&) { list_to_map(v, path); }

void one_or_many(Value& v, const std::string&, const NormalizeContext&) { scalar_to_list(v); }

void deploy(Value& v, const std::string& path, const NormalizeContext&) {
    if (!v.is_map()) return;
    if (Value* labels = v.find("labels")) list_to_map(*labels, path + ".labels");
}

void quoted_items(Value& v, const std::string&, const NormalizeContext&) {
    if (!v.is_seq()) return;
    for (Value& item : v.seq) item.quoted = true;
}

}  // namespace shape

std::string resolve_host_path(const std::string& path, const NormalizeContext& ctx) {
    if (path == "~") return ctx.home;
    if (path.rfind("~/", 0) == 0) return absolute_path(path.substr(2), ctx.home);
    return absolute_path(path, ctx.base_dir);
}

std::vector<Value> parse_port_short(const std::string& raw, const Position& pos) {
    auto bad = [&](const std::string& why) -> Error {
        return Error(pos, "invalid port \"" + raw + "\": " + why);
    };
    std::string spec = raw;
    std::string protocol = "tcp";
    if (size_t slash = spec.rfind('/'); slash != std::string::npos) {
        protocol = spec.substr(slash + 1);
        spec = spec.substr(0, slash);
        if (protocol != "tcp" && protocol != "udp" && protocol != "sctp")
            throw bad("unknown protocol '" + protocol + "'");
    }
    std::string host_ip, published, target;
    if (!spec.empty() && spec[0] == '[') {
        size_t close = spec.find(']');
        if (close == std::string::npos || close + 1 >= spec.size() || spec[close + 1] != ':')
            throw bad("malformed IPv6 address");
        host_ip = spec.substr(1, close - 1);
        std::vector<std::string> rest = split(spec.substr(close + 2), ':');
        if (rest.size() != 2) throw bad("expected [ip]:published:target");
        published = rest[0];
        target = rest[1];
    } else {
        std::vector<std::string> parts = split(spec, ':');
        if (parts.size() == 1) {
            target = parts[0];
        } else if (parts.size() == 2) {
            published = parts[0];
            target = parts[1];
        } else {
            target = parts.back();
            published = parts[parts.size() - 2];
            for (size_t i = 0; i + 2 < parts.size(); ++i) host_ip += (i ? ":" : "") + parts[i];
        }
    }
    std::string why;
    auto t = port_range(target, &why);
    if (!t) throw bad("container port " + why);
    std::optional<std::pair<long, long>> p;
    if (!published.empty()) {
        p = port_range(published, &why);
        if (!p) throw bad("published port " + why);
    }
    long tcount = t->second - t->first + 1;
    std::vector<Value> out;
    auto make = [&](long tgt, const std::string& pub) {
        Value m = Value::make_map(pos);
        m.set("mode", Value::make_scalar("ingress", pos), pos);
        m.set("target", Value::make_scalar(std::to_string(tgt), pos), pos);
        if (!pub.empty()) m.set("published", Value::make_scalar(pub, pos, true), pos);
        if (!host_ip.empty()) m.set("host_ip", Value::make_scalar(host_ip, pos, true), pos);
        m.set("protocol", Value::make_scalar(protocol, pos), pos);
        out.push_back(std::move(m));
    };
    if (!p) {
        for (long i = 0; i < tcount; ++i) make(t->first + i, "");
    } else if (tcount == 1) {
        make(t->first, published);
    } else {
        if (p->second - p->first + 1 != tcount)
            throw bad("published and container port ranges differ in size");
        for (long i = 0; i < tcount; ++i) make(t->first + i, std::to_string(p->first + i));
    }
    return out;
}

Value parse_volume_short(const std::string& spec, const Position& pos, const NormalizeContext& ctx) {
    auto bad = [&](const std::string& why) -> Error {
        return Error(pos, "invalid volume \"" + spec + "\": " + why);
    };
    std::vector<std::string> parts = split(spec, ':');
    if (parts.size() > 3) throw bad("too many ':'");
    for (const std::string& p : parts)
        if (p.empty()) throw bad("empty field");
    Value m = Value::make_map(pos);
    if (parts.size() == 1) {
        m.set("type", Value::make_scalar("volume", pos), pos);
        m.set("target", Value::make_scalar(parts[0], pos, true), pos);
        return m;
    }
    const std::string& src = parts[0];
    bool bind = src[0] == '/' || src[0] == '.' || src[0] == '~';
    m.set("type", Value::make_scalar(bind ? "bind" : "volume", pos), pos);
    m.set("source", Value::make_scalar(bind ? resolve_host_path(src, ctx) : src, pos, true), pos);
    m.set("target", Value::make_scalar(parts[1], pos, true), pos);
    Value bind_opts = Value::make_map(pos);
    Value volume_opts = Value::make_map(pos);
    if (bind) bind_opts.set("create_host_path", Value::make_scalar("true", pos), pos);
    if (parts.size() == 3) {
        for (const std::string& opt : split(parts[2], ',')) {
            if (opt == "ro") {
                m.set("read_only", Value::make_scalar("true", pos), pos);
            } else if (opt == "rw") {
            } else if (opt == "z" || opt == "Z") {
                bind_opts.set("selinux", Value::make_scalar(opt, pos, true), pos);
            } else if (opt == "shared" || opt == "rshared" || opt == "slave" || opt == "rslave" ||
                       opt == "private" || opt == "rprivate") {
                bind_opts.set("propagation", Value::make_scalar(opt, pos, true), pos);
            } else if (opt == "nocopy") {
                volume_opts.set("nocopy", Value::make_scalar("true", pos), pos);
            } else if (opt == "consistent" || opt == "cached" || opt == "delegated") {
                m.set("consistency", Value::make_scalar(opt, pos, true), pos);
            } else {
                throw bad("unknown option '" + opt + "'");
            }
        }
    }
    if (!bind_opts.map.empty()) {
        // A named volume takes an SELinux label (`:z`, `:Z`, as podman and docker accept it),
        // never a propagation.
        if (!bind && (bind_opts.map.size() != 1 || !bind_opts.find("selinux")))
            throw bad("bind options on a named volume");
        m.set("bind", std::move(bind_opts), pos);
    }
    if (!volume_opts.map.empty()) m.set("volume", std::move(volume_opts), pos);
    return m;
}

void normalize_service(Value& svc, const std::string& name, const NormalizeContext& ctx) {
    const std::string base = "services." + name;
    if (svc.tag == "!reset") return;
    if (svc.is_null()) svc = Value::make_map(svc.pos);
    if (!svc.is_map()) wrong_type(svc, base, "a mapping");

    // The seed's hyphenated spelling.
    for (size_t i = 0; i < svc.map.size(); ++i) {
        if (svc.map[i].key != "depends-on") continue;
        Entry hyph = std::move(svc.map[i]);
        svc.map.erase(svc.map.begin() + static_cast<long>(i));
        if (ctx.warn)
            ctx.warn(hyph.key_pos, base + ": 'depends-on' is not a compose key, read as 'depends_on'");
        scalar_to_list(hyph.value);
        shape::depends_on(hyph.value, base + ".depends-on", ctx);
        Value* existing = svc.find("depends_on");
        if (!existing) {
            svc.map.push_back(Entry{"depends_on", hyph.key_pos, std::move(hyph.value)});
        } else {
            shape::depends_on(*existing, base + ".depends_on", ctx);
            for (Entry& e : hyph.value.map)
                if (!existing->find(e.key)) existing->map.push_back(e);
        }
        break;
    }

    for (Entry& e : svc.map) {
        if (e.value.tag == "!reset") continue;
        const ServiceKey* key = find_service_key(e.key);
        if (key && key->normalize) key->normalize(e.value, base + "." + e.key, ctx);
    }
}

void normalize_top_level(Value& doc, const NormalizeContext& ctx) {
    for (const char* key : {"secrets", "configs"}) {
        Value* defs = doc.find(key);
        if (!defs || !defs->is_map()) continue;
        for (Entry& e : defs->map) {
            if (!e.value.is_map()) continue;
            Value* file = e.value.find("file");
            if (file && file->is_scalar()) file->scalar = resolve_host_path(file->scalar, ctx);
        }
    }
}

}  // namespace ucompose
