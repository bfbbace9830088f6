// ucompose doctor [--fix]: checks the host's prerequisites (docs/doctor.md), one line each, and
// with --fix makes the repairs scripts/setup-host makes. Exit 1 when a check fails.
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/ucompose/commands.hpp"
#include "orchestrator/doctor/checks.hpp"
#include "orchestrator/doctor/facts.hpp"
#include "orchestrator/doctor/fixes.hpp"
#include "orchestrator/doctor/report.hpp"
#include "runtime/sys/error.hpp"

namespace {

namespace d = ucompose::doctor;

struct DoctorOptions {
    bool fix = false;
};

int run_doctor(const DoctorOptions& o, const GlobalOptions& g) {
    d::GatherOptions go;
    go.podman = g.podman_path;
    if (const char* bin = std::getenv("UCRUN_BIN"); bin && *bin) go.ucrun_bin = bin;

    d::Facts facts = d::gather_facts(go);
    auto findings = d::run_checks(facts);
    if (!o.fix) {
        d::print_report(std::cout, findings);
        return d::exit_code(findings);
    }
    auto actions = d::planned_actions(findings);
    auto ctx = d::fix_context(facts);
    if (!actions.empty() && !g.dry_run && !facts.root) throw sys::Error("doctor --fix: run as root");
    int failed = 0;
    for (const auto& a : actions) {
        std::string what = d::describe(a, ctx);
        if (g.dry_run) {
            std::cout << "would: " << what << "\n";
            continue;
        }
        try {
            d::apply(a, ctx);
            std::cout << "fixed: " << what << "\n";
        } catch (const std::exception& e) {
            ++failed;
            std::cout << "fix failed: " << what << ": " << e.what() << "\n";
        }
    }
    if (!actions.empty() && !g.dry_run) {
        facts = d::gather_facts(go);   // the report shows the host as it is now
        findings = d::run_checks(facts);
    }
    d::print_report(std::cout, findings);
    return failed > 0 ? 1 : d::exit_code(findings);
}

}  // namespace

void add_doctor_command(CLI::App& app, GlobalOptions& g) {
    auto o = std::make_shared<DoctorOptions>();
    auto* cmd = app.add_subcommand("doctor", "Check the host's prerequisites (podman, ucrun, QEMU, ...); --fix repairs");
    cmd->add_flag("--fix", o->fix, "Make the repairs scripts/setup-host makes (as root); --dry-run prints them");
    cmd->callback([o, &g] { g.exit_code = run_doctor(*o, g); });
}
