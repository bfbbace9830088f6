// One description per compose service key: its name, whether ucompose carries it, its short ->
// long rewriting, its merge rule, its typed reader, its `config` output and its Kubernetes
// meaning. The loader's normalize, merge and convert steps, the `config` serializer and
// `convert`'s warnings all walk this one table (podman's arguments are found by the key's name
// in orchestrator/podman/key_args/, which a unit test holds to this table), so
// adding or fixing a key is one entry plus its tests (orchestrator/model/README.md, "How to add
// a key"). The entries live by topic: metadata.cpp, networking.cpp, storage.cpp, process.cpp,
// resources.cpp, passthrough.cpp, health.cpp; table.cpp puts them together.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "orchestrator/model/convert.hpp"
#include "orchestrator/model/model.hpp"
#include "orchestrator/model/normalize.hpp"
#include "orchestrator/model/value.hpp"

namespace ucompose {

// What a key's reader gets besides its value: its place and the loader's context.
struct KeyRead {
    const std::string& base;  // "services.web"
    const Entry& entry;       // the key as written
    const Value& service;     // the whole service mapping
    const ConvertContext& ctx;

    std::string path() const { return base + "." + entry.key; }  // "services.web.dns"
    void warn_unknown(const Entry& e, const std::string& where) const;
    void warn_unsupported(const Entry& e, const std::string& where) const;
};

enum class Support {
    Carried,   // read into the model
    NotYet,    // a spec key ucompose does not carry yet: warns "not supported by ucompose yet"
    Resolved,  // consumed by an earlier step (extends)
};

// Short syntax -> long syntax on the document tree, before files merge (normalize.cpp).
using Normalizer = void (*)(Value& v, const std::string& path, const NormalizeContext& ctx);
// How a later file's value joins an earlier one (merge.cpp; the rules are in merge.hpp). Called
// when both values are mappings or both sequences and the later one is not `!override`;
// otherwise the later value replaces the earlier one.
using Merger = void (*)(Value& base, const Value& over);
// Long syntax -> the typed model, with positioned errors (convert_service.cpp).
using Reader = std::function<void(const Value& v, const KeyRead& r, Service& s)>;
// The key's value in `config`'s JSON (serialize.cpp's service_to_json, written as YAML from it);
// `out` left null: the key is not written.
using Emitter = std::function<void(const Service& s, nlohmann::json& out)>;

// The key's byte sizes in its `config` value turned into decimal strings ("268435456"), as
// docker compose prints them in YAML (the JSON keeps ints): project_to_yaml.
using ByteSizes = void (*)(nlohmann::json& value);

// What `ucompose convert --format kubernetes` (orchestrator/kube/) makes of the key; the
// warnings are docs/kubernetes-convert.md's "Warned about" table.
enum class KubeUse {
    Unset,          // no meaning given (the key table's unit test fails)
    Converted,      // written into the Deployment or the Service
    Warned,         // not (or not wholly) converted: one warning when `warn_when` holds
    NotApplicable,  // nothing to convert: not carried, resolved earlier, or read into another key
};
// Whether the service's value is one Kubernetes does not get; `unikernel`: the service runs
// under the RuntimeClass.
using KubeCheck = std::function<bool(const Service& s, bool unikernel)>;

struct KubeMeaning {
    KubeUse use = KubeUse::Unset;
    KubeCheck warn_when = nullptr;  // Warned
    std::string_view reason = {};   // Warned: the warning is "<key> is not converted: <reason>"
    int order = 0;                  // Warned: its place among a service's warnings (unique)
};

struct ServiceKey {
    std::string_view name;
    Support support = Support::Carried;
    Normalizer normalize = nullptr;  // nullptr: written in its long form only
    Merger merge = nullptr;          // nullptr: mappings by key, sequences append-unique
    Reader read = nullptr;
    Emitter emit = nullptr;     // empty: `config` does not write it (not carried)
    ByteSizes bytes = nullptr;  // nullptr: no byte size in it
    KubeMeaning kube;           // kube_meaning.hpp's helpers
};

// Every service key, by topic.
const std::vector<ServiceKey>& service_keys();
// nullptr when `name` is not a service key of the spec (x-* extensions are not either).
const ServiceKey* find_service_key(std::string_view name);

// The groups table.cpp joins, each in its own file.
std::vector<ServiceKey> metadata_keys();
std::vector<ServiceKey> networking_keys();
std::vector<ServiceKey> storage_keys();
std::vector<ServiceKey> process_keys();
std::vector<ServiceKey> resources_keys();
std::vector<ServiceKey> passthrough_service_keys();
std::vector<ServiceKey> health_keys();

}  // namespace ucompose
