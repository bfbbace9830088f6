#include "runtime/oci/record.hpp"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"

namespace ucrun {

const char* to_string(Kind k) { return k == Kind::unikernel ? "unikernel" : "container"; }

void validate_container_id(const std::string& id) {
    if (id.empty()) throw sys::Error("container id is empty");
    if (id.size() > 1024) throw sys::Error("invalid container id \"" + id.substr(0, 64) + "...\": too long");
    if (id == "." || id == "..") throw sys::Error("invalid container id \"" + id + "\"");
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '+' || c == '-' || c == '.';
        if (!ok)
            throw sys::Error("invalid container id \"" + id + "\": only [A-Za-z0-9_+.-] are allowed");
    }
}

std::string RecordStore::container_dir(const std::string& id) const {
    return root_ + "/containers/" + id;
}

std::string RecordStore::delegate_root(const std::string& name) const { return root_ + "/" + name; }

bool RecordStore::exists(const std::string& id) const {
    struct stat st;
    return ::stat((container_dir(id) + "/record.json").c_str(), &st) == 0;
}

std::optional<Record> RecordStore::find(const std::string& id) const {
    std::string path = container_dir(id) + "/record.json";
    auto text = sys::read_file_if_exists(path);
    if (!text) return std::nullopt;
    return record_from_json(*text, path);
}

Record RecordStore::load(const std::string& id) const {
    auto r = find(id);
    if (!r)
        throw sys::Error("container `" + id + "` does not exist (open " + container_dir(id) +
                         "/record.json: No such file or directory)");
    return *r;
}

void RecordStore::create(const Record& r) const {
    sys::make_dirs(root_ + "/containers", 0700);
    std::string dir = container_dir(r.id);
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) throw sys::Error("container `" + r.id + "` already exists");
        sys::throw_errno("mkdir " + dir);
    }
    try {
        sys::write_file_atomic(dir + "/record.json", record_to_json(r), 0600);
    } catch (...) {
        sys::remove_tree(dir);
        throw;
    }
}

void RecordStore::remove(const std::string& id) const { sys::remove_tree(container_dir(id)); }

std::string record_to_json(const Record& r) {
    nlohmann::json j = {{"id", r.id},
                        {"kind", to_string(r.kind)},
                        {"delegate", r.delegate},
                        {"bundle", r.bundle},
                        {"created", r.created}};
    return j.dump(2) + "\n";
}

Record record_from_json(const std::string& text, const std::string& origin) {
    try {
        auto j = nlohmann::json::parse(text);
        Record r;
        r.id = j.at("id").get<std::string>();
        std::string kind = j.at("kind").get<std::string>();
        if (kind == "unikernel")
            r.kind = Kind::unikernel;
        else if (kind == "container")
            r.kind = Kind::container;
        else
            throw sys::Error(origin + ": unknown kind \"" + kind + "\"");
        r.delegate = j.value("delegate", "");
        r.bundle = j.value("bundle", "");
        r.created = j.value("created", "");
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw sys::Error(origin + ": corrupt record: " + e.what());
    }
}

}  // namespace ucrun
