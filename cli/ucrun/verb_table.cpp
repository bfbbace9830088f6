#include "cli/ucrun/verb_table.hpp"

#include "runtime/sys/error.hpp"

namespace ucrun_cli {
namespace {

// Binders: where a flag's value goes.
CLI::Option* forward_value(CLI::App& v, const std::string& n, const std::string& h, Request& r) {
    return v.add_option(n, r.forwarded_value, h);
}
CLI::Option* forward_values(CLI::App& v, const std::string& n, const std::string& h, Request& r) {
    // One value per occurrence (-e A=1 -e B=2), so that exec's id and command stay operands.
    return v.add_option(n, r.forwarded_values, h)->allow_extra_args(false);
}
CLI::Option* forward_flag(CLI::App& v, const std::string& n, const std::string& h, Request& r) {
    return v.add_flag(n, r.forwarded_flag, h);
}

// Flags ucrun reads itself.
template <auto Member>
CLI::Option* create_option(CLI::App& v, const std::string& n, const std::string& h, Request& r) {
    return v.add_option(n, r.create.*Member, h);
}
template <auto Member>
CLI::Option* create_flag(CLI::App& v, const std::string& n, const std::string& h, Request& r) {
    return v.add_flag(n, r.create.*Member, h);
}
template <auto Member>
CLI::Option* request_flag(CLI::App& v, const std::string& n, const std::string& h, Request& r) {
    return v.add_flag(n, r.*Member, h);
}

Flag value(const char* names, const char* help) { return {names, help, forward_value}; }
Flag values(const char* names, const char* help) { return {names, help, forward_values}; }
Flag flag(const char* names, const char* help) { return {names, help, forward_flag}; }

const std::string& operand_id(const Request& r, const char* verb) {
    if (r.rest.empty()) throw sys::Error(std::string(verb) + ": container id is required");
    return r.rest.front();
}

int run_create(const ucrun::Context& ctx, const Request& r) { return ucrun::create_container(ctx, r.create); }
int run_delete(const ucrun::Context& ctx, const Request& r) {
    return ucrun::delete_container(ctx, r.id, r.force, r.args);
}
int run_exec(const ucrun::Context& ctx, const Request& r) {
    return ucrun::exec_container(ctx, operand_id(r, "exec"), r.args);
}
int run_ps(const ucrun::Context& ctx, const Request& r) {
    return ucrun::pass_container_verb(ctx, "ps", operand_id(r, "ps"), r.args);
}
int run_features(const ucrun::Context& ctx, const Request&) { return ucrun::print_features(ctx); }
template <const char* Name>
int run_container_verb(const ucrun::Context& ctx, const Request& r) {
    return ucrun::pass_container_verb(ctx, Name, r.id, r.args);
}
template <const char* Name>
int run_global_verb(const ucrun::Context& ctx, const Request& r) {
    return ucrun::pass_global_verb(ctx, Name, r.args);
}

constexpr char kStart[] = "start", kState[] = "state", kPause[] = "pause", kResume[] = "resume",
               kKill[] = "kill", kUpdate[] = "update", kEvents[] = "events", kList[] = "list",
               kSpec[] = "spec";

std::vector<Verb> build_table() {
    std::vector<Verb> t;
    using ucrun::CreateOptions;
    t.push_back({"create", "create a container", Operands::create_id,
                 {{"-b,--bundle", "bundle directory", create_option<&CreateOptions::bundle>},
                  {"--pid-file", "pid file", create_option<&CreateOptions::pid_file>},
                  {"--console-socket", "console socket", create_option<&CreateOptions::console_socket>},
                  {"--preserve-fds", "extra fds to pass", create_option<&CreateOptions::preserve_fds>},
                  {"--no-pivot", "do not pivot_root", create_flag<&CreateOptions::no_pivot>},
                  {"--no-new-keyring", "keep the session keyring", create_flag<&CreateOptions::no_new_keyring>}},
                 run_create});
    t.push_back({"start", "start a created container", Operands::id, {}, run_container_verb<kStart>});
    t.push_back({"state", "print a container's state", Operands::id, {}, run_container_verb<kState>});
    t.push_back({"pause", "pause a container", Operands::id, {}, run_container_verb<kPause>});
    t.push_back({"resume", "resume a paused container", Operands::id, {}, run_container_verb<kResume>});
    t.push_back({"kill", "signal a container (default TERM)", Operands::id_and_signal,
                 {{"-a,--all", "signal every process", request_flag<&Request::all>}},
                 run_container_verb<kKill>});
    t.push_back({"delete", "delete a container", Operands::id,
                 {{"-f,--force", "kill a running container first", request_flag<&Request::force>}},
                 run_delete});
    t.push_back({"update", "update resource limits", Operands::id,
                 {value("-r,--resources", "resources JSON file, or - for stdin"),
                  value("--blkio-weight", "block IO weight"), value("--cpu-period", "CPU CFS period"),
                  value("--cpu-quota", "CPU CFS quota"), value("--cpu-rt-period", "CPU realtime period"),
                  value("--cpu-rt-runtime", "CPU realtime runtime"), value("--cpu-share", "CPU shares"),
                  value("--cpuset-cpus", "CPUs to use"), value("--cpuset-mems", "memory nodes to use"),
                  value("--kernel-memory", "kernel memory limit"),
                  value("--kernel-memory-tcp", "kernel TCP memory limit"), value("--memory", "memory limit"),
                  value("--memory-reservation", "memory soft limit"),
                  value("--memory-swap", "memory plus swap limit"), value("--pids-limit", "pids limit"),
                  value("--l3-cache-schema", "Intel RDT L3 cache schema"),
                  value("--mem-bw-schema", "Intel RDT memory bandwidth schema")},
                 run_container_verb<kUpdate>});
    t.push_back({"exec", "run a process in a container", Operands::id_then_command,
                 {value("--console-socket", "console socket"), value("--cwd", "working directory"),
                  value("-u,--user", "uid[:gid]"), value("-p,--process", "process.json file"),
                  value("--pid-file", "pid file"), value("--process-label", "SELinux process label"),
                  value("--apparmor", "AppArmor profile"), value("--preserve-fds", "extra fds to pass"),
                  value("--cgroup", "cgroup to join"), values("-e,--env", "environment variable"),
                  values("-g,--additional-gids", "additional group"), values("-c,--cap", "capability"),
                  flag("-t,--tty", "allocate a terminal"), flag("-d,--detach", "detach"),
                  flag("--no-new-privs", "set no_new_privs")},
                 run_exec});
    t.push_back({"ps", "list a container's processes", Operands::id_then_command,
                 {value("-f,--format", "table or json")}, run_ps});
    t.push_back({"events", "container events and stats", Operands::id,
                 {value("--interval", "stats interval"), flag("--stats", "print stats once")},
                 run_container_verb<kEvents>});
    t.push_back({"list", "list containers", Operands::none,
                 {value("-f,--format", "table or json"), flag("-q,--quiet", "ids only")},
                 run_global_verb<kList>});
    t.push_back({"features", "print the runtime's features", Operands::none, {}, run_features});
    t.push_back({"spec", "write a default config.json", Operands::none,
                 {value("-b,--bundle", "bundle directory"), flag("--rootless", "a rootless spec")},
                 run_global_verb<kSpec>});
    return t;
}

}  // namespace

const std::vector<Verb>& verb_table() {
    static const std::vector<Verb> table = build_table();
    return table;
}

const Verb* find_verb(const std::string& name) {
    for (const auto& v : verb_table())
        if (name == v.name) return &v;
    return nullptr;
}

}  // namespace ucrun_cli
