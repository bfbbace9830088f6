#include "orchestrator/model/extends.hpp"

#include <map>
#include <vector>

#include "orchestrator/model/discovery.hpp"
#include "orchestrator/model/merge.hpp"

namespace ucompose {
namespace {

struct Frame {
    std::string file;
    std::string service;
};

class Resolver {
public:
    explicit Resolver(const DocumentSource& source) : source_(source) {}

    // The fully extended definition of `name` in `doc` (from `file`).
    Value resolve(const Value& doc, const std::string& file, const std::string& base_dir,
                  const std::string& name, const Position& ref) {
        const std::string id = file + "\n" + name;
        if (auto it = done_.find(id); it != done_.end()) return it->second;
        for (size_t i = 0; i < stack_.size(); ++i) {
            if (stack_[i].file == file && stack_[i].service == name) {
                std::string path;
                for (size_t j = i; j < stack_.size(); ++j) path += stack_[j].service + " -> ";
                throw Error(ref, "extends loop detected: " + path + name);
            }
        }
        const Value* services = doc.find("services");
        const Value* svc = services && services->is_map() ? services->find(name) : nullptr;
        if (!svc)
            throw Error(ref, "cannot extend service '" + name + "': no such service in " + file);
        const Value* ext = svc->is_map() ? svc->find("extends") : nullptr;
        if (!ext) return *svc;

        std::string base_name_;
        std::string base_file = file;
        std::string base_base_dir = base_dir;
        Position name_pos = ext->pos;
        Position file_pos;
        if (ext->is_scalar()) {
            base_name_ = ext->scalar;
        } else if (ext->is_map()) {
            const Value* s = ext->find("service");
            if (!s || !s->is_scalar())
                throw Error(ext->pos, "services." + name + ".extends needs a 'service'");
            base_name_ = s->scalar;
            name_pos = s->pos;
            if (const Value* f = ext->find("file")) {
                if (!f->is_scalar()) throw Error(f->pos, "services." + name + ".extends.file must be a string");
                base_file = absolute_path(f->scalar, base_dir);
                base_base_dir = parent_dir(base_file);
                file_pos = f->pos;
            }
            for (const Entry& e : ext->map)
                if (e.key != "service" && e.key != "file")
                    throw Error(e.key_pos, "unknown key '" + e.key + "' in services." + name + ".extends");
        } else {
            throw Error(ext->pos, "services." + name + ".extends must be a string or a mapping");
        }

        stack_.push_back(Frame{file, name});
        const Value& base_doc = base_file == file ? doc : source_(base_file, file_pos);
        Value merged = resolve(base_doc, base_file, base_base_dir, base_name_, name_pos);
        stack_.pop_back();

        Value local = *svc;
        local.erase("extends");
        if (merged.is_map()) merged.erase("extends");
        merge_service(merged, local);
        merged.pos = svc->pos;
        done_[id] = merged;
        return merged;
    }

private:
    const DocumentSource& source_;
    std::vector<Frame> stack_;
    std::map<std::string, Value> done_;
};

}  // namespace

void resolve_extends(Value& doc, const std::string& file, const std::string& base_dir,
                     const DocumentSource& source) {
    Value* services = doc.find("services");
    if (!services || !services->is_map()) return;
    bool any = false;
    for (const Entry& e : services->map)
        if (e.value.is_map() && e.value.find("extends")) any = true;
    if (!any) return;
    Resolver r(source);
    std::vector<std::pair<size_t, Value>> resolved;
    for (size_t i = 0; i < services->map.size(); ++i) {
        const Entry& e = services->map[i];
        if (!e.value.is_map() || !e.value.find("extends")) continue;
        resolved.emplace_back(i, r.resolve(doc, file, base_dir, e.key, e.key_pos));
    }
    for (auto& [i, v] : resolved) services->map[i].value = std::move(v);
}

}  // namespace ucompose
