#include "orchestrator/model/include.hpp"

#include "orchestrator/model/read_value.hpp"

namespace ucompose {

std::vector<IncludeEntry> read_include(const Value& include) {
    std::vector<IncludeEntry> out;
    if (include.is_null()) return out;
    if (!include.is_seq()) throw_type(include, "include", "a list");
    for (const Value& item : include.seq) {
        IncludeEntry e;
        e.where = item.pos;
        if (item.is_scalar()) {
            e.paths.push_back(item.scalar);
        } else if (item.is_map()) {
            for (const Entry& f : item.map) {
                const std::string kp = "include." + f.key;
                if (f.key == "path") e.paths = read_string_list(f.value, kp);
                else if (f.key == "project_directory") e.project_directory = read_string(f.value, kp);
                else if (f.key == "env_file") e.env_files = read_string_list(f.value, kp);
                else throw Error(f.key_pos, "include: unknown key '" + f.key + "'");
            }
        } else {
            throw_type(item, "include[]", "a path or a mapping");
        }
        if (e.paths.empty()) throw Error(item.pos, "include: an entry needs a path");
        out.push_back(std::move(e));
    }
    return out;
}

void import_included(Value& into, Value&& included, const std::string& from) {
    for (const char* section : {"services", "networks", "volumes", "secrets", "configs"}) {
        Value* src = included.find(section);
        if (!src || src->is_null()) continue;
        if (!src->is_map()) throw_type(*src, section, "a mapping");
        Value* dst = into.find(section);
        if (!dst || dst->is_null()) dst = &into.set(section, Value::make_map(src->pos));
        if (!dst->is_map()) throw_type(*dst, section, "a mapping");
        for (Entry& e : src->map) {
            if (const Entry* mine = dst->find_entry(e.key)) {
                std::string what = std::string(section).substr(0, std::string(section).size() - 1);
                throw Error(mine->key_pos, what + " '" + e.key + "' is also defined by the included file " + from +
                                               " (" + e.key_pos.file + ":" + std::to_string(e.key_pos.line) + ")");
            }
            dst->map.push_back(std::move(e));
        }
    }
}

}  // namespace ucompose
