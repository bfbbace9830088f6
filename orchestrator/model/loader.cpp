#include "orchestrator/model/loader.hpp"

#include <unistd.h>

#include <iterator>
#include <memory>
#include <set>
#include <sstream>

#include "orchestrator/model/convert.hpp"
#include "orchestrator/model/discovery.hpp"
#include "orchestrator/model/dotenv.hpp"
#include "orchestrator/model/extends.hpp"
#include "orchestrator/model/include.hpp"
#include "orchestrator/model/interpolate.hpp"
#include "orchestrator/model/merge.hpp"
#include "orchestrator/model/normalize.hpp"
#include "orchestrator/model/profiles.hpp"
#include "orchestrator/model/validate.hpp"
#include "orchestrator/model/yaml_parse.hpp"
#include "runtime/sys/file.hpp"

extern char** environ;

namespace ucompose {
namespace {

// Warnings, deduplicated, formatted with their position.
class Diagnostics {
public:
    explicit Diagnostics(const WarningSink& sink) : sink_(sink) {}

    void warn(const Position& where, const std::string& message) {
        std::string line = with_position(where, message);
        if (sink_ && seen_.insert(line).second) sink_(line);
    }
    void unset_variable(const std::string& name) {
        if (unset_.insert(name).second && sink_)
            sink_("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
    }

private:
    const WarningSink& sink_;
    std::set<std::string> seen_;
    std::set<std::string> unset_;
};

std::string current_dir() {
    char buf[4096];
    if (!::getcwd(buf, sizeof buf)) sys::throw_errno("getcwd");
    return buf;
}

std::optional<std::string> lookup_in(const std::map<std::string, std::string>& m,
                                      const std::string& key) {
    auto it = m.find(key);
    if (it == m.end()) return std::nullopt;
    return it->second;
}

// Reads the .env files (or the default one) into a map; the shell wins in lookups.
std::map<std::string, std::string> read_env_files(const std::vector<std::string>& files,
                                                  const std::map<std::string, std::string>& shell,
                                                  Diagnostics& diag) {
    std::map<std::string, std::string> out;
    for (const std::string& path : files) {
        std::string text = sys::read_file(path);
        Lookup outer = [&](const std::string& k) -> std::optional<std::string> {
            if (auto v = lookup_in(shell, k)) return v;
            return lookup_in(out, k);
        };
        UnsetHook unset = [&](const std::string& k) { diag.unset_variable(k); };
        for (DotenvEntry& e : parse_dotenv(text, path, outer, unset, DotenvLookupOrder::OuterFirst)) {
            if (e.value) {
                out[e.key] = *e.value;
            } else if (auto v = lookup_in(shell, e.key)) {
                out[e.key] = *v;
            }
        }
    }
    return out;
}

class ProjectLoader {
public:
    explicit ProjectLoader(const LoadOptions& o) : opts_(o), diag_(o.warn) {}

    Project load() {
        cwd_ = opts_.working_dir.empty() ? current_dir() : opts_.working_dir;
        const std::map<std::string, std::string>& shell = opts_.environment;
        shell_ = &shell;

        // The project directory's .env sets COMPOSE_* as docker compose reads them: the project
        // directory is --project-directory, else the first -f file's directory, else the working
        // directory. Only without -f is a .env read before the files are known (for COMPOSE_FILE),
        // and then the working directory is the project directory anyway.
        std::string early_dir =
            opts_.project_directory.empty() ? cwd_ : absolute_path(opts_.project_directory, cwd_);
        std::vector<std::string> early_env_files;
        std::map<std::string, std::string> early_env;
        std::vector<std::string> files;
        if (!opts_.files.empty()) {
            for (const std::string& f : opts_.files) files.push_back(f == "-" ? f : absolute_path(f, cwd_));
        } else {
            early_env_files = env_file_list(early_dir);
            early_env = read_env_files(early_env_files, shell, diag_);
            auto early_var = [&](const std::string& k) -> std::optional<std::string> {
                if (auto v = lookup_in(shell, k)) return v;
                return lookup_in(early_env, k);
            };
            if (auto cf = early_var("COMPOSE_FILE"); cf && !cf->empty()) {
                std::string sep = early_var("COMPOSE_PATH_SEPARATOR").value_or(":");
                for (const std::string& f : split_compose_file_var(*cf, sep))
                    files.push_back(absolute_path(f, early_dir));
            } else {
                files = find_default_compose_files(early_dir);
            }
        }

        project_dir_ = !opts_.project_directory.empty() ? early_dir
                       : files[0] == "-"                ? cwd_
                                                        : parent_dir(files[0]);

        std::vector<std::string> env_files = env_file_list(project_dir_);
        std::map<std::string, std::string> env = !early_env_files.empty() && env_files == early_env_files
                                                     ? early_env
                                                     : read_env_files(env_files, shell, diag_);
        for (const auto& [k, v] : shell) env[k] = v;  // the shell beats .env
        env_ = std::move(env);
        auto compose_var = [this](const std::string& k) { return lookup_in(env_, k); };

        home_ = lookup_in(env_, "HOME").value_or("/root");
        // ${COMPOSE_PROJECT_NAME} interpolates to the project's name even when nothing sets the
        // variable (compose-go does the same). The name may come from the files' `name:`, so a
        // first reading notes whether the variable is used at all; only then are the files read
        // again with it set.
        const bool name_in_env = env_.count("COMPOSE_PROJECT_NAME") != 0;
        lookup_ = [this, name_in_env](const std::string& k) {
            if (k == "COMPOSE_PROJECT_NAME" && !name_in_env) project_name_used_ = true;
            return lookup_in(env_, k);
        };
        unset_ = [this, name_in_env](const std::string& k) {
            if (k == "COMPOSE_PROJECT_NAME" && !name_in_env) return;  // set below, once known
            diag_.unset_variable(k);
        };
        warn_ = [this](const Position& p, const std::string& m) { diag_.warn(p, m); };

        std::vector<std::string> chain;
        Value merged = load_files(files, project_dir_, lookup_, chain);
        strip_reset(merged);

        Project project;
        project.working_dir = project_dir_;
        project.config_files = files;
        project.name = project_name(merged, compose_var);
        if (project_name_used_) {
            env_["COMPOSE_PROJECT_NAME"] = project.name;
            others_.clear();
            chain.clear();
            merged = load_files(files, project_dir_, lookup_, chain);
            strip_reset(merged);
        }
        project.environment = env_;

        ConvertContext ctx;
        ctx.warn = warn_;
        ctx.environment = lookup_;
        ctx.unset = unset_;
        ctx.read_file = [](const std::string& path) { return sys::read_file_if_exists(path); };
        convert_document(merged, project.name, ctx, project);

        for (auto& [name, svc] : project.services)
            if (svc.networks.empty() && !svc.network_mode) svc.networks["default"] = {};

        Selection sel;
        if (auto p = compose_var("COMPOSE_PROFILES")) sel.profiles = split_profiles_var(*p);
        sel.profiles.insert(sel.profiles.end(), opts_.profiles.begin(), opts_.profiles.end());
        sel.services = opts_.services;
        sel.with_dependencies = opts_.with_dependencies;
        apply_selection(project, sel, [this](const std::string& m) { diag_.warn({}, m); });

        bool uses_default = false;
        for (const auto& [name, svc] : project.services)
            if (svc.networks.count("default")) uses_default = true;
        if (uses_default && !project.networks.count("default")) {
            NetworkDef def;
            def.name = project.name + "_default";
            project.networks["default"] = def;
        }
        validate_project(project);
        return project;
    }

private:
    std::vector<std::string> env_file_list(const std::string& dir) const {
        std::vector<std::string> out;
        if (!opts_.env_files.empty()) {
            for (const std::string& f : opts_.env_files) out.push_back(absolute_path(f, cwd_));
        } else if (std::string dflt = dir + "/.env"; sys::path_exists(dflt)) {
            out.push_back(dflt);
        }
        return out;
    }

    std::string read_text(const std::string& file) {
        if (file == "-") {
            if (!opts_.stdin_input) throw Error("-f -: no standard input available");
            // Kept: the files may be read twice (${COMPOSE_PROJECT_NAME}).
            if (!stdin_text_) stdin_text_ = std::string(std::istreambuf_iterator<char>(*opts_.stdin_input), {});
            return *stdin_text_;
        }
        return sys::read_file(file);
    }

    // Parsed, interpolated and normalised (relative paths against base_dir); extends not
    // yet resolved.
    // extended: a file named by extends.file, which may be of compose's first format (its
    // services at the top level, no `services:`), as podman-compose reads it (docs/compat.md).
    Value read_document(const std::string& file, const std::string& base_dir, const Lookup* lookup = nullptr,
                        bool extended = false) {
        const std::string shown = file == "-" ? "<stdin>" : file;
        Value doc = parse_yaml(read_text(file), shown);
        if (doc.is_null()) throw Error(Position{shown, 0, 0}, "empty compose file");
        if (!doc.is_map()) throw Error(doc.pos, "top level must be a mapping, not " + std::string(doc.kind_name()));
        if (extended && !doc.find("services")) {
            Value wrapped = Value::make_map(doc.pos);
            wrapped.set("services", std::move(doc), wrapped.pos);
            doc = std::move(wrapped);
        }
        interpolate_tree(doc, lookup ? *lookup : lookup_, unset_);
        NormalizeContext nctx{base_dir, home_, warn_};
        normalize_top_level(doc, nctx);
        if (Value* services = doc.find("services")) {
            if (!services->is_map() && !services->is_null())
                throw Error(services->pos, "services must be a mapping, not " + std::string(services->kind_name()));
            if (services->is_map())
                for (Entry& e : services->map) normalize_service(e.value, e.key, nctx);
        }
        return doc;
    }

    // The files read (relative paths against base_dir, interpolated with `lookup`), their extends
    // and includes resolved (`chain`: the files being read, for include cycles), merged like -f.
    Value load_files(const std::vector<std::string>& files, const std::string& base_dir, const Lookup& lookup,
                     std::vector<std::string>& chain) {
        Value merged;
        bool first = true;
        for (const std::string& f : files) {
            Value doc = read_document(f, base_dir, &lookup);
            resolve_extends(doc, f, base_dir, [this](const std::string& path, const Position& ref) -> const Value& {
                return other_document(path, ref);
            });
            chain.push_back(f);
            apply_includes(doc, base_dir, chain);
            chain.pop_back();
            if (first) {
                merged = std::move(doc);
                first = false;
            } else {
                merge_documents(merged, doc);
            }
        }
        return merged;
    }

    // `include:` of `doc` (whose relative paths resolve against base_dir): each entry is loaded as
    // its own model (its files merged like -f, its paths against its project directory, its own
    // .env or env_file under the shell), recursively, and its resources imported into `doc`.
    void apply_includes(Value& doc, const std::string& base_dir, std::vector<std::string>& chain) {
        const Entry* inc = doc.find_entry("include");
        if (!inc) return;
        std::vector<IncludeEntry> entries = read_include(inc->value);
        doc.erase("include");
        for (const IncludeEntry& e : entries) {
            std::vector<std::string> paths;
            for (const auto& p : e.paths) paths.push_back(resolve_host_path(p, NormalizeContext{base_dir, home_, warn_}));
            std::string dir = e.project_directory.empty() ? parent_dir(paths[0])
                                                          : absolute_path(e.project_directory, base_dir);
            std::vector<std::string> env_files;
            for (const auto& f : e.env_files) env_files.push_back(absolute_path(f, base_dir));
            if (e.env_files.empty() && sys::path_exists(dir + "/.env")) env_files.push_back(dir + "/.env");
            auto env = std::make_shared<std::map<std::string, std::string>>(read_env_files(env_files, *shell_, diag_));
            for (const auto& [k, v] : *shell_) (*env)[k] = v;  // the shell beats the include's .env
            Lookup lookup = [env](const std::string& k) { return lookup_in(*env, k); };
            for (const std::string& path : paths) {
                for (const std::string& c : chain) {
                    if (c == path) {
                        std::string cycle;
                        for (const std::string& x : chain) cycle += x + " -> ";
                        throw Error(e.where, "include cycle detected: " + cycle + path);
                    }
                }
                if (!sys::path_exists(path)) throw Error(e.where, "include: file " + path + " not found");
            }
            Value merged = load_files(paths, dir, lookup, chain);
            import_included(doc, std::move(merged), paths[0]);
        }
    }

    const Value& other_document(const std::string& path, const Position& ref) {
        auto it = others_.find(path);
        if (it != others_.end()) return *it->second;
        if (!sys::path_exists(path)) throw Error(ref, "extends: file " + path + " not found");
        auto doc = std::make_unique<Value>(read_document(path, parent_dir(path), nullptr, true));
        return *others_.emplace(path, std::move(doc)).first->second;
    }

    std::string project_name(const Value& doc,
                             const std::function<std::optional<std::string>(const std::string&)>& var) {
        std::string raw;
        Position where;
        std::string given;  // where an explicit name came from; "" = derived from the directory
        if (!opts_.project_name.empty()) {
            raw = opts_.project_name;
            given = "-p";
        } else if (auto v = var("COMPOSE_PROJECT_NAME"); v && !v->empty()) {
            raw = *v;
            given = "COMPOSE_PROJECT_NAME";
        } else if (const Value* n = doc.find("name"); n && n->is_scalar() && !n->scalar.empty()) {
            raw = n->scalar;
            where = n->pos;
            given = "name:";
        } else {
            raw = base_name(project_dir_);
        }
        std::string name = normalize_project_name(raw);
        // As docker compose: a name derived from the directory is normalised, an explicit one
        // must already be valid (so "../../etc" is an error, never a path or a silent "etc").
        if (!given.empty() && name != raw)
            throw Error(where, "invalid project name \"" + raw + "\" (" + given +
                                   "): use only lowercase letters, digits, '-' and '_', starting with a letter or digit");
        if (name.empty())
            throw Error(where, "project name '" + raw +
                                   "' has no letters or digits; set one with -p or name:");
        return name;
    }

    const LoadOptions& opts_;
    const std::map<std::string, std::string>* shell_ = nullptr;
    Diagnostics diag_;
    std::string cwd_;
    std::string project_dir_;
    std::string home_;
    std::map<std::string, std::string> env_;
    Lookup lookup_;
    UnsetHook unset_;
    PositionedWarning warn_;
    std::map<std::string, std::unique_ptr<Value>> others_;
    std::optional<std::string> stdin_text_;
    bool project_name_used_ = false;  // ${COMPOSE_PROJECT_NAME} read while nothing set it
};

}  // namespace

Project load_project(const LoadOptions& options) { return ProjectLoader(options).load(); }

std::map<std::string, std::string> process_environment() {
    std::map<std::string, std::string> out;
    for (char** e = environ; e && *e; ++e) {
        std::string kv = *e;
        size_t eq = kv.find('=');
        if (eq == std::string::npos) continue;
        out.emplace(kv.substr(0, eq), kv.substr(eq + 1));
    }
    return out;
}

}  // namespace ucompose
