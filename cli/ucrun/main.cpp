// ucrun: an OCI runtime with runc's command line. Ordinary containers go to crun unchanged;
// unikernels become the container's process. This file only parses flags.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/ucrun/completion.hpp"
#include "git_revision.hpp"  // generated at build time (cmake/git_revision.cmake)
#include "runtime/ucrun/verb_tokens.hpp"
#include "runtime/sys/error.hpp"
#include "runtime/ucrun/log.hpp"
#include "runtime/ucrun/verbs.hpp"

namespace {

using ucrun::Argv;

struct Parsed {
    std::string id;
    std::string signal;
    bool flag = false;  // kill --all / delete --force
    ucrun::CreateOptions create;
};

CLI::App* verb(CLI::App& app, const char* name, const char* help, Parsed& p, bool with_id = true) {
    auto* s = app.add_subcommand(name, help);
    if (with_id) s->add_option("id", p.id, "container id")->required();
    return s;
}

int run(int argc, char** argv, ucrun::GlobalOptions& g) {
    CLI::App app{"ucrun: an OCI runtime that runs unikernels as containers"};
    app.set_version_flag("-v,--version", std::string("ucrun version ") + UCRUN_VERSION +
                                             "\ncommit: " + UCOMPOSE_GIT_REVISION + "\nspec: 1.0.2\ndelegate: crun (default) or runc");
    app.require_subcommand(1);
    app.add_option("--root", g.root, "state directory")->capture_default_str();
    app.add_option("--log", g.log, "log file");
    app.add_option("--log-format", g.log_format, "log format")->check(CLI::IsMember({"text", "json"}));
    app.add_flag("--debug", g.debug, "debug logging to --log");
    app.add_flag("--systemd-cgroup", g.systemd_cgroup, "use systemd for cgroups");
    app.add_option("--rootless", g.rootless, "rootless mode (forwarded)");
    app.add_option("--cgroup-manager", g.cgroup_manager, "cgroup manager (forwarded)");
    app.add_option("--criu", g.criu, "criu path (forwarded)");

    Parsed p;
    std::vector<std::string> extra;
    auto* create = verb(app, "create", "create a container", p, false);
    create->add_option("-b,--bundle", p.create.bundle, "bundle directory");
    create->add_option("--pid-file", p.create.pid_file, "pid file");
    create->add_option("--console-socket", p.create.console_socket, "console socket");
    create->add_option("--preserve-fds", p.create.preserve_fds, "extra fds to pass");
    create->add_flag("--no-pivot", p.create.no_pivot, "do not pivot_root");
    create->add_flag("--no-new-keyring", p.create.no_new_keyring, "keep the session keyring");
    create->add_option("id", p.create.id, "container id")->required();

    verb(app, "start", "start a created container", p);
    verb(app, "state", "print a container's state", p);
    verb(app, "pause", "pause a container", p);
    verb(app, "resume", "resume a paused container", p);
    auto* kill = verb(app, "kill", "signal a container", p);
    kill->add_option("signal", p.signal, "signal name or number (default TERM)");
    kill->add_flag("-a,--all", p.flag, "signal every process");
    auto* del = verb(app, "delete", "delete a container", p);
    del->add_flag("-f,--force", p.flag, "kill a running container first");

    auto* update = verb(app, "update", "update resource limits", p);
    std::string ignored;
    update->add_option("-r,--resources", ignored, "resources JSON file, or - for stdin");
    for (const char* f : {"--blkio-weight", "--cpu-period", "--cpu-quota", "--cpu-rt-period",
                          "--cpu-rt-runtime", "--cpu-share", "--cpuset-cpus", "--cpuset-mems",
                          "--kernel-memory", "--kernel-memory-tcp", "--memory", "--memory-reservation",
                          "--memory-swap", "--pids-limit", "--l3-cache-schema", "--mem-bw-schema"})
        update->add_option(f, ignored);

    // exec's options end at the id; what follows is the command (runc's inline form).
    auto* exec = app.add_subcommand("exec", "run a process in a container");
    exec->prefix_command();
    std::vector<std::string> many;
    bool b = false;
    for (const char* f : {"--console-socket", "--cwd", "-u,--user", "-p,--process", "--pid-file",
                          "--process-label", "--apparmor", "--preserve-fds", "--cgroup"})
        exec->add_option(f, ignored);
    for (const char* f : {"-e,--env", "-g,--additional-gids", "-c,--cap"}) exec->add_option(f, many);
    for (const char* f : {"-t,--tty", "-d,--detach", "--no-new-privs"}) exec->add_flag(f, b);

    auto* ps = app.add_subcommand("ps", "list a container's processes");
    ps->prefix_command();
    ps->add_option("-f,--format", ignored);
    auto* events = verb(app, "events", "container events and stats", p);
    events->add_option("--interval", ignored);
    events->add_flag("--stats", b);
    auto* list = verb(app, "list", "list containers", p, false);
    list->add_option("-f,--format", ignored);
    list->add_flag("-q,--quiet", b);
    verb(app, "features", "print the runtime's features", p, false);
    auto* spec = verb(app, "spec", "write a default config.json", p, false);
    spec->add_option("-b,--bundle", ignored);
    spec->add_flag("--rootless", b);
    auto* completion = ucrun_cli::add_completion_verb(app);

    // runc and crun name an unknown verb; CLI11 would only say a subcommand is required.
    ucrun::VerbTokens early = ucrun::split_verb(argc, argv);
    bool known = true;
    try {
        if (!early.verb.empty()) app.get_subcommand(early.verb);
    } catch (const CLI::OptionNotFound&) {
        known = false;
    }
    if (!known) {
        ucrun::report_error(g, "unknown command " + early.verb);
        return 1;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        ucrun::report_error(g, e.what());
        return 1;
    }
    if (completion->parsed()) return ucrun_cli::print_completion(app);

    ucrun::Context ctx{g, ucrun::load_config(ucrun::current_env()), ucrun::current_env()};
    ucrun::VerbTokens t = ucrun::split_verb(argc, argv);
    const std::string& name = t.verb;
    if (name == "create") return ucrun::create_container(ctx, p.create);
    if (name == "delete") return ucrun::delete_container(ctx, p.id, p.flag, t.args);
    if (name == "features") return ucrun::print_features(ctx);
    if (name == "list" || name == "spec")
        return ucrun::pass_global_verb(ctx, name, t.args);
    if (name == "exec" || name == "ps") {
        auto rest = (name == "exec" ? exec : ps)->remaining();
        if (rest.empty()) throw sys::Error(name + ": container id is required");
        if (name == "exec") return ucrun::exec_container(ctx, rest.front(), t.args);
        return ucrun::pass_container_verb(ctx, name, rest.front(), t.args);
    }
    return ucrun::pass_container_verb(ctx, name, p.id, t.args);
}

}  // namespace

int main(int argc, char** argv) {
    ucrun::GlobalOptions g;
    try {
        return run(argc, argv, g);
    } catch (const std::exception& e) {
        ucrun::report_error(g, e.what());
        return 1;
    }
}
