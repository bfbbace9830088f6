// `ucompose doctor --fix`: the repairs scripts/setup-host makes, one Action at a time.
// The texts it writes are pure functions (tested); apply() does the writing, mounting and running.
#pragma once
#include <string>

#include "orchestrator/doctor/checks.hpp"
#include "orchestrator/doctor/facts.hpp"
#include "runtime/sys/process.hpp"

namespace ucompose::doctor {

// What the repairs need to know, taken from the facts.
struct FixContext {
    std::string ucrun_bin = kDefaultUcrunBin;            // registered with podman
    Limits limits;                                       // default_ulimits written
    std::string ucrun_config_path = kDefaultUcrunConfig; // written when absent
    std::string registry = "/var/lib/ucrun/registry";    // created when absent
};
FixContext fix_context(const Facts& f);

// The containers.conf.d drop-in, byte for byte what scripts/setup-host writes.
std::string dropin_text(const std::string& ucrun_bin, const Limits& limits);
// /etc/ucrun/ucrun.json, as scripts/setup-host writes it.
std::string ucrun_config_text();
// The apt-get command line of an install action.
sys::Argv install_argv(const Action& a);
// One line saying what apply() will do: "write /etc/containers/containers.conf.d/50-ucrun.conf".
std::string describe(const Action& a, const FixContext& c);

// Applies one repair. Throws sys::Error with context when it fails.
void apply(const Action& a, const FixContext& c);

}  // namespace ucompose::doctor
