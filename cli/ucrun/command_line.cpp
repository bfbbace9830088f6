#include "cli/ucrun/command_line.hpp"

#include "cli/ucrun/completion.hpp"
#include "git_revision.hpp"  // generated at build time (cmake/git_revision.cmake)
#include "runtime/ucrun/verb_tokens.hpp"

namespace ucrun_cli {
namespace {

void add_globals(CLI::App& app, ucrun::GlobalOptions& g) {
    app.set_version_flag("-v,--version", std::string("ucrun version ") + UCRUN_VERSION +
                                             "\ncommit: " + UCOMPOSE_GIT_REVISION +
                                             "\nspec: 1.0.2\ndelegate: crun (default) or runc");
    app.require_subcommand(1);
    app.add_option("--root", g.root, "state directory")->capture_default_str();
    app.add_option("--log", g.log, "log file");
    app.add_option("--log-format", g.log_format, "log format")->check(CLI::IsMember({"text", "json"}));
    app.add_flag("--debug", g.debug, "debug logging to --log");
    app.add_flag("--systemd-cgroup", g.systemd_cgroup, "use systemd for cgroups");
    app.add_option("--rootless", g.rootless, "rootless mode (forwarded)");
    app.add_option("--cgroup-manager", g.cgroup_manager, "cgroup manager (forwarded)");
    app.add_option("--criu", g.criu, "criu path (forwarded)");
}

CLI::App* add_verb(CLI::App& app, const Verb& verb, Request& r) {
    auto* sub = app.add_subcommand(verb.name, verb.help);
    for (const Flag& f : verb.flags) f.add(*sub, f.names, f.help, r);
    switch (verb.operands) {
    case Operands::none: break;
    case Operands::id: sub->add_option("id", r.id, "container id")->required(); break;
    case Operands::id_and_signal:
        sub->add_option("id", r.id, "container id")->required();
        sub->add_option("signal", r.signal, "signal name or number");
        break;
    case Operands::create_id: sub->add_option("id", r.create.id, "container id")->required(); break;
    case Operands::id_then_command:
        // The verb's flags end at the id; what follows is the command (runc's inline form).
        sub->prefix_command();
        break;
    }
    return sub;
}

}  // namespace

ParsedCommand parse_command_line(int argc, char** argv, ucrun::GlobalOptions& g) {
    ParsedCommand out;
    CLI::App app{"ucrun: an OCI runtime that runs unikernels as containers"};
    add_globals(app, g);
    std::vector<std::pair<CLI::App*, const Verb*>> subs;
    for (const Verb& v : verb_table()) subs.emplace_back(add_verb(app, v, out.request), &v);
    auto* completion = add_completion_verb(app);

    // runc and crun name an unknown verb; CLI11 would only say a subcommand is required.
    ucrun::VerbTokens tokens = ucrun::split_verb(argc, argv);
    if (!tokens.verb.empty() && !find_verb(tokens.verb) && tokens.verb != completion->get_name()) {
        out.exit_code = 1;
        out.error = "unknown command " + tokens.verb;
        return out;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        out.exit_code = app.exit(e);
        return out;
    } catch (const CLI::CallForAllHelp& e) {
        out.exit_code = app.exit(e);
        return out;
    } catch (const CLI::CallForVersion& e) {
        out.exit_code = app.exit(e);
        return out;
    } catch (const CLI::ParseError& e) {
        out.exit_code = 1;
        out.error = e.what();
        return out;
    }
    if (completion->parsed()) {
        out.exit_code = print_completion(app);
        return out;
    }
    for (const auto& [sub, verb] : subs) {
        if (!sub->parsed()) continue;
        out.verb = verb;
        if (verb->operands == Operands::id_then_command) out.request.rest = sub->remaining();
    }
    out.request.args = std::move(tokens.args);
    return out;
}

}  // namespace ucrun_cli
