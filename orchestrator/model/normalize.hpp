// Rewrites one file's services into the canonical long forms before merging, so that
// multi-file merge and extends can merge entries by their key. Each service key names its
// shape below in its description (orchestrator/model/keys/); the seed's `depends-on` is read
// as depends_on, with a warning. Relative paths are made absolute against `base_dir`; "~"
// expands to `home`.
#pragma once
#include <functional>
#include <string>

#include "orchestrator/model/value.hpp"

namespace ucompose {

using PositionedWarning = std::function<void(const Position&, const std::string&)>;

struct NormalizeContext {
    std::string base_dir;  // absolute
    std::string home;      // $HOME, for "~/..."
    PositionedWarning warn;
};

// `service` is the value under services.<name>. Throws Error on a wrong shape.
void normalize_service(Value& service, const std::string& name, const NormalizeContext& ctx);

// The short -> long rewritings service keys name (ServiceKey::normalize).
namespace shape {
void mapping(Value& v, const std::string& path, const NormalizeContext& ctx);      // [K=V, K] -> {K: V}
void one_or_many(Value& v, const std::string& path, const NormalizeContext& ctx);  // "x" -> ["x"]
void quoted_items(Value& v, const std::string& path, const NormalizeContext& ctx); // items are strings
void env_file(Value& v, const std::string& path, const NormalizeContext& ctx);     // -> [{path, required}]
void depends_on(Value& v, const std::string& path, const NormalizeContext& ctx);   // [a] -> {a: {condition}}
void networks(Value& v, const std::string& path, const NormalizeContext& ctx);     // [a] -> {a: null}
void ports(Value& v, const std::string& path, const NormalizeContext& ctx);        // "80:8080" -> [{target, ...}]
void volumes(Value& v, const std::string& path, const NormalizeContext& ctx);      // "./a:/a:ro" -> {type, ...}
void extra_hosts(Value& v, const std::string& path, const NormalizeContext& ctx);  // {host: ip} -> ["host:ip"]
void build(Value& v, const std::string& path, const NormalizeContext& ctx);        // "dir" -> {context}
void deploy(Value& v, const std::string& path, const NormalizeContext& ctx);       // labels -> mapping
}  // namespace shape

// Top-level secrets.*.file and configs.*.file made absolute against base_dir.
void normalize_top_level(Value& doc, const NormalizeContext& ctx);

// Expands a short port spec ("127.0.0.1:8000-8001:80-81/udp") into long-form maps.
std::vector<Value> parse_port_short(const std::string& spec, const Position& pos);
// Parses a short volume spec ("./data:/data:ro,z") into a long-form map.
Value parse_volume_short(const std::string& spec, const Position& pos, const NormalizeContext& ctx);

// "~" / "~/x" -> home; relative -> absolute against base_dir.
std::string resolve_host_path(const std::string& path, const NormalizeContext& ctx);

}  // namespace ucompose
