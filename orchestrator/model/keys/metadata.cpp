// What a service is and what it is told: image, build, labels, annotations, environment,
// dependencies, profiles and ucompose's own x-ucompose.
#include "orchestrator/model/dotenv.hpp"
#include "orchestrator/model/keys/key_helpers.hpp"
#include "orchestrator/model/keys/sub_keys.hpp"
#include "orchestrator/model/merge.hpp"
#include "orchestrator/model/name_rules.hpp"

namespace ucompose {
namespace {

using namespace keys;

// A build's sub-keys: its reader, or none for the ones ucompose does not support.
#define BUILD_FIELD(name, reader) \
    {#name, [](const Value& x, const std::string& kp, const KeyRead&, BuildConfig& b) { b.name = reader(x, kp); }}
const SubKey<BuildConfig> kBuildKeys[] = {
    BUILD_FIELD(context, read_string),
    BUILD_FIELD(dockerfile, read_string),
    BUILD_FIELD(dockerfile_inline, read_string),
    BUILD_FIELD(target, read_string),
    BUILD_FIELD(network, read_string),
    BUILD_FIELD(shm_size, read_string),
    BUILD_FIELD(labels, read_string_map),
    BUILD_FIELD(cache_from, read_string_list),
    BUILD_FIELD(tags, read_string_list),
    BUILD_FIELD(no_cache, read_bool),
    BUILD_FIELD(pull, read_bool),
    {"args",
     [](const Value& x, const std::string& kp, const KeyRead&, BuildConfig& b) {
         need_map(x, kp);
         for (const Entry& a : x.map) {
             if (a.value.is_null()) b.args[a.key] = std::nullopt;
             else b.args[a.key] = read_string(a.value, kp + "." + a.key);
         }
     }},
    {"cache_to", nullptr},
    {"extra_hosts", nullptr},
    {"isolation", nullptr},
    {"privileged", nullptr},
    {"secrets", nullptr},
    {"ssh", nullptr},
    {"platforms", nullptr},
    {"additional_contexts", nullptr},
    {"ulimits", nullptr},
    {"entitlements", nullptr},
};
#undef BUILD_FIELD

BuildConfig read_build(const Value& v, const KeyRead& r) {
    const std::string p = r.path();
    need_map(v, p);
    BuildConfig b;
    read_sub_keys(v, p, r, kBuildKeys, b, XKeys::extensions);
    return b;
}

DependsOn read_dependency(const Entry& e, const std::string& p, const KeyRead& r) {
    DependsOn d;
    d.where = e.key_pos;
    const Value& v = e.value;
    if (v.is_null()) return d;
    need_map(v, p);
    for (const Entry& f : v.map) {
        const std::string kp = p + "." + f.key;
        if (f.key == "condition") {
            std::string c = read_string(f.value, kp);
            if (c == "service_started") d.condition = DependCondition::Started;
            else if (c == "service_healthy") d.condition = DependCondition::Healthy;
            else if (c == "service_completed_successfully")
                d.condition = DependCondition::CompletedSuccessfully;
            else
                throw Error(f.value.pos, kp + " must be service_started, service_healthy or "
                                              "service_completed_successfully, not \"" + c + "\"");
        } else if (f.key == "required") {
            d.required = read_bool(f.value, kp);
        } else if (f.key == "restart") {
            d.restart = read_bool(f.value, kp);
        } else {
            r.warn_unknown(f, p);
        }
    }
    return d;
}

void read_depends_on(const Value& v, const KeyRead& r, Service& s) {
    if (v.is_null()) return;
    need_map(v, r.path());
    for (const Entry& d : v.map) s.depends_on[d.key] = read_dependency(d, r.path() + "." + d.key, r);
}

std::optional<std::string> from_project_env(const KeyRead& r, const std::string& key) {
    return r.ctx.environment ? r.ctx.environment(key) : std::nullopt;
}

// env_file entries in order; a key the service's `environment` also sets is left to it.
void read_env_file(const Value& v, const KeyRead& r, Service& s) {
    if (v.is_null()) return;
    const std::string p = r.path();
    if (!v.is_seq()) throw_type(v, p, "a string or a list");
    const Value* environment = r.service.find("environment");
    auto set_by_environment = [&](const std::string& key) {
        return environment && environment->is_map() && environment->find(key);
    };
    for (const Value& item : v.seq) {
        need_map(item, p);
        EnvFile ef;
        for (const Entry& e : item.map) {
            if (e.key == "path") ef.path = read_string(e.value, p + ".path");
            else if (e.key == "required") ef.required = read_bool(e.value, p + ".required");
            else if (e.key == "format") ef.format = read_string(e.value, p + ".format");
            else r.warn_unknown(e, p);
        }
        s.env_file.push_back(ef);
        std::optional<std::string> text = r.ctx.read_file ? r.ctx.read_file(ef.path) : std::nullopt;
        if (!text) {
            if (ef.required) throw Error(item.pos, "env file " + ef.path + " not found");
            continue;
        }
        for (DotenvEntry& d : parse_dotenv(*text, ef.path, r.ctx.environment, r.ctx.unset,
                                           DotenvLookupOrder::EarlierFirst)) {
            if (set_by_environment(d.key)) continue;
            s.environment[d.key] = d.value ? d.value : from_project_env(r, d.key);
        }
    }
}

// Over env_file; a bare KEY takes the project environment's value (or none).
void read_environment(const Value& v, const KeyRead& r, Service& s) {
    if (v.is_null()) return;
    need_map(v, r.path());
    for (const Entry& e : v.map) {
        if (e.value.is_null()) s.environment[e.key] = from_project_env(r, e.key);
        else s.environment[e.key] = read_string(e.value, r.path() + "." + e.key);
    }
}

void read_pull_policy(const Value& v, const KeyRead& r, Service& s) {
    std::string pp = read_string(v, r.path());
    bool ok = pp == "always" || pp == "never" || pp == "missing" || pp == "if_not_present" ||
              pp == "build" || pp == "daily" || pp == "weekly" || pp.rfind("every_", 0) == 0;
    if (!ok) throw Error(v.pos, r.path() + " must be always, never, missing or build, not \"" + pp + "\"");
    s.pull_policy = pp;
}

void read_scale(const Value& v, const KeyRead& r, Service& s) {
    int64_t n = read_int(v, r.path());
    if (n < 0) throw_type(v, r.path(), "a non-negative integer");
    s.scale = static_cast<int>(n);
}

// A runtime's name, never a path: docker compose takes only names, and podman would run a path.
// (Whether the name is registered with podman is checked at `up`/`run`: podman/runtimes.hpp.)
std::string read_runtime_name(const Value& v, const std::string& path) {
    std::string name = read_string(v, path);
    if (!is_runtime_name(name))
        throw Error(v.pos, path + " must be the name of an OCI runtime registered with podman "
                               "(letters, digits, '.', '_', '+', '-'; never a path), not \"" + name + "\"");
    return name;
}

void read_ucompose(const Value& v, const KeyRead& r, Service& s) {
    const std::string p = r.path();
    UcomposeExt x;
    if (!v.is_null()) {
        need_map(v, p);
        for (const Entry& e : v.map) {
            const std::string kp = p + "." + e.key;
            if (e.key == "unikernel") x.unikernel = read_string(e.value, kp);
            else if (e.key == "runtime") x.runtime = read_runtime_name(e.value, kp);
            else if (e.key == "probe_tcp") x.probe_tcp = read_port(e.value, kp);
            else if (e.key == "probe_http") {
                std::string text = read_string(e.value, kp);
                size_t slash = text.find('/');
                HttpProbe h;
                h.port = read_port(Value::make_scalar(text.substr(0, slash), e.value.pos), kp + " port");
                if (slash != std::string::npos) h.path = text.substr(slash);
                x.probe_http = h;
            } else {
                r.warn_unknown(e, p);
            }
        }
    }
    s.ucompose = x;
}

void emit_build(const Service& s, nlohmann::json& out) {
    if (!s.build) return;
    const BuildConfig& b = *s.build;
    out["context"] = b.context;
    put(out, "dockerfile", b.dockerfile);
    put(out, "dockerfile_inline", b.dockerfile_inline);
    put(out, "target", b.target);
    put(out, "network", b.network);
    put(out, "shm_size", b.shm_size);
    put(out, "labels", b.labels);
    put(out, "cache_from", b.cache_from);
    put(out, "tags", b.tags);
    put(out, "no_cache", b.no_cache);
    put(out, "pull", b.pull);
    put(out, "args", b.args);
}

void emit_env_file(const Service& s, nlohmann::json& out) {
    for (const EnvFile& f : s.env_file) {
        nlohmann::json j{{"path", f.path}, {"required", f.required}};
        put(j, "format", f.format);
        out.push_back(j);
    }
}

void emit_depends_on(const Service& s, nlohmann::json& out) {
    for (const auto& [name, dep] : s.depends_on) {
        nlohmann::json j{{"condition", to_string(dep.condition)}, {"required", dep.required}};
        put(j, "restart", dep.restart);
        out[name] = j;
    }
}

void emit_ucompose(const Service& s, nlohmann::json& out) {
    if (!s.ucompose) return;
    out = nlohmann::json::object();
    put(out, "unikernel", s.ucompose->unikernel);
    put(out, "runtime", s.ucompose->runtime);
    put(out, "probe_tcp", s.ucompose->probe_tcp);
    if (s.ucompose->probe_http)
        out["probe_http"] = std::to_string(s.ucompose->probe_http->port) + s.ucompose->probe_http->path;
}

}  // namespace

std::vector<ServiceKey> metadata_keys() {
    using namespace merge_rule;
    return {
        {.name = "image", .merge = replace, .read = into(&Service::image, read_string), .emit = from(&Service::image),
         .kube = kube_converted()},
        {.name = "build", .normalize = shape::build, .merge = mapping,
         .read = [](const Value& v, const KeyRead& r, Service& s) { s.build = read_build(v, r); }, .emit = emit_build,
         .kube = kube_warned_if_set(1, &Service::build,
                                     "a cluster pulls images: build and push the image, and name it in image:")},
        {.name = "labels", .normalize = shape::mapping, .merge = mapping,
         .read = into(&Service::labels, read_string_map), .emit = from(&Service::labels),
         .kube = kube_warned_if_set(41, &Service::labels, "container labels have no pod equivalent")},
        {.name = "annotations", .normalize = shape::mapping, .merge = mapping,
         .read = into(&Service::annotations, read_string_map), .emit = from(&Service::annotations),
         .kube = kube_warned_if_set(42, &Service::annotations, "container annotations are not copied")},
        {.name = "env_file", .normalize = shape::env_file, .merge = env_files_by_path, .read = read_env_file,
         .emit = emit_env_file,
         .kube = kube_not_applicable()},
        {.name = "environment", .normalize = shape::mapping, .merge = mapping, .read = read_environment,
         .emit = from(&Service::environment),
         .kube = kube_converted()},
        {.name = "container_name", .merge = replace, .read = into(&Service::container_name, read_string),
         .emit = from(&Service::container_name),
         .kube = kube_warned_if_set(19, &Service::container_name,
                                     "pods get generated names; reach the service by its Service name")},
        {.name = "depends_on", .normalize = shape::depends_on, .merge = mapping, .read = read_depends_on,
         .emit = emit_depends_on,
         .kube = kube_converted()},
        {.name = "profiles", .merge = append_unique, .read = into(&Service::profiles, read_string_list),
         .emit = from(&Service::profiles),
         .kube = kube_warned_if_set(45, &Service::profiles,
                                     "profiles are applied when converting: only the enabled services are written")},
        {.name = "scale", .merge = replace, .read = read_scale, .emit = from(&Service::scale),
         .kube = kube_converted()},
        {.name = "pull_policy", .merge = replace, .read = read_pull_policy, .emit = from(&Service::pull_policy),
         .kube = kube_warned_if_set(40, &Service::pull_policy, "set imagePullPolicy by hand")},
        {.name = "runtime", .merge = replace, .read = into(&Service::runtime, read_runtime_name),
         .emit = from(&Service::runtime),
         .kube = kube_warned(38, [](const Service& s, bool unikernel) { return s.runtime && !unikernel; },
                             "a pod's runtime is its RuntimeClass")},
        // extends.cpp, before the merge.
        {.name = "extends", .support = Support::Resolved, .kube = kube_not_applicable()},
        {.name = "x-ucompose", .merge = mapping, .read = read_ucompose, .emit = emit_ucompose,
         .kube = kube_converted()},
        not_yet("attach"),
        not_yet("credential_spec"),
        not_yet("develop"),
        not_yet("isolation"),
        not_yet("label_file", shape::one_or_many),
        not_yet("models"),
        not_yet("provider"),
        not_yet("use_api_socket"),
    };
}

}  // namespace ucompose
