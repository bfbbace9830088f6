#include "runtime/ucrun/verb_tokens.hpp"

#include <cstring>

namespace ucrun {

VerbTokens split_verb(int argc, char** argv) {
    // Global flags that take a separate value when written without '='.
    static const char* const with_value[] = {"--root", "--log", "--log-format", "--rootless",
                                             "--cgroup-manager", "--criu", "-root", "-log",
                                             "-log-format", "-rootless", "-criu"};
    VerbTokens t;
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (a[0] != '-') {
            t.verb = a;
            t.args.assign(argv + i + 1, argv + argc);
            return t;
        }
        if (std::strchr(a, '=')) continue;
        for (const char* f : with_value) {
            if (std::strcmp(a, f) == 0) {
                ++i;
                break;
            }
        }
    }
    return t;
}

}  // namespace ucrun
