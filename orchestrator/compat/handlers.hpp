// The handlers of compat mode's verb table: each turns its command line into the native request
// (requests.hpp) and runs it on the engine, in a session of the globals.
#pragma once
#include "orchestrator/compat/verb_table.hpp"

namespace ucompose::compat {

int handle_version(const ParsedArgs& a, const CompatContext& c);
int handle_help(const ParsedArgs& a, const CompatContext& c);
int handle_up(const ParsedArgs& a, const CompatContext& c);
int handle_down(const ParsedArgs& a, const CompatContext& c);
int handle_ps(const ParsedArgs& a, const CompatContext& c);
int handle_config(const ParsedArgs& a, const CompatContext& c);
int handle_port(const ParsedArgs& a, const CompatContext& c);
int handle_images(const ParsedArgs& a, const CompatContext& c);
int handle_logs(const ParsedArgs& a, const CompatContext& c);
int handle_start(const ParsedArgs& a, const CompatContext& c);
int handle_stop(const ParsedArgs& a, const CompatContext& c);
int handle_restart(const ParsedArgs& a, const CompatContext& c);
int handle_pause(const ParsedArgs& a, const CompatContext& c);
int handle_unpause(const ParsedArgs& a, const CompatContext& c);
int handle_kill(const ParsedArgs& a, const CompatContext& c);
int handle_run(const ParsedArgs& a, const CompatContext& c);
int handle_exec(const ParsedArgs& a, const CompatContext& c);
int handle_pull(const ParsedArgs& a, const CompatContext& c);
int handle_build(const ParsedArgs& a, const CompatContext& c);
int handle_push(const ParsedArgs& a, const CompatContext& c);

}  // namespace ucompose::compat
