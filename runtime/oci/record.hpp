// ucrun's own record of each container under --root, written atomically at create and removed
// by delete: enough for every later verb to know the container's kind and delegate.
#pragma once
#include <optional>
#include <string>

namespace ucrun {

enum class Kind { container, unikernel };
const char* to_string(Kind k);

struct Record {
    std::string id;
    Kind kind = Kind::container;
    std::string delegate;   // resolved delegate binary used at create
    std::string bundle;     // the bundle podman gave us
    std::string created;    // RFC 3339
};

// Throws sys::Error for an id that is empty, too long, "." / "..", or has characters
// outside [A-Za-z0-9_+.-] (so "../../etc" never becomes a path).
void validate_container_id(const std::string& id);

class RecordStore {
public:
    explicit RecordStore(std::string root) : root_(std::move(root)) {}

    std::string container_dir(const std::string& id) const;   // <root>/containers/<id>
    std::string delegate_root(const std::string& delegate_name) const;  // <root>/<name>

    bool exists(const std::string& id) const;
    // Throws "container `id` does not exist" when absent.
    Record load(const std::string& id) const;
    std::optional<Record> find(const std::string& id) const;
    // Creates the container dir (failing if it exists) and writes the record atomically.
    void create(const Record& r) const;
    // Removes the container dir and everything in it; absent is fine.
    void remove(const std::string& id) const;

private:
    std::string root_;
};

std::string record_to_json(const Record& r);
Record record_from_json(const std::string& text, const std::string& origin);

}  // namespace ucrun
