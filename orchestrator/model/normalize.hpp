// Rewrites one file's services into the canonical long forms before merging, so that
// multi-file merge and extends can merge entries by their key:
//   environment/labels/annotations/build.args/sysctls (list -> map), env_file (-> list of
//   {path, required}), depends_on (list -> map), the seed's `depends-on` (-> depends_on,
//   with a warning), networks (list -> map), ports and volumes (short -> long), build
//   (string -> {context}), extra_hosts (map -> list). Relative paths are made absolute
//   against `base_dir`; "~" expands to `home`.
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

// Top-level secrets.*.file and configs.*.file made absolute against base_dir.
void normalize_top_level(Value& doc, const NormalizeContext& ctx);

// Expands a short port spec ("127.0.0.1:8000-8001:80-81/udp") into long-form maps.
std::vector<Value> parse_port_short(const std::string& spec, const Position& pos);
// Parses a short volume spec ("./data:/data:ro,z") into a long-form map.
Value parse_volume_short(const std::string& spec, const Position& pos, const NormalizeContext& ctx);

// "~" / "~/x" -> home; relative -> absolute against base_dir.
std::string resolve_host_path(const std::string& path, const NormalizeContext& ctx);

}  // namespace ucompose
