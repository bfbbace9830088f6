// podman-compose compatibility mode: podman-compose 1.0.3's command line on ucompose's engine.
#pragma once

// True when ucompose was invoked as podman-compose (argv[0]'s basename).
bool invoked_as_podman_compose(const char* argv0);

// Parses podman-compose's command line (argv[0] is the program name) and runs it.
int run_compat(int argc, char** argv);
