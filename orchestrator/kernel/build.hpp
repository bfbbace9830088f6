// `ucompose kernel build`: the guest kernel from Debian's linux-source tarball and the checked-in
// fragment (runtime/guest/kernel/x86_64.config), cached by its inputs (docs/guest-kernel.md).
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "orchestrator/kernel/store.hpp"

namespace ucompose::kernel {

struct KernelBuildOptions {
    std::string source;         // the linux-source tarball; "" = the newest /usr/src/linux-source-*.tar.xz
    std::string fragment_path;  // "" = the fragment carried inside ucompose
    std::string root;           // "" = default_root()
    std::string work_parent;    // where the tree is unpacked and built; "" = $TMPDIR or /var/tmp
    int jobs = 0;               // 0 = the number of online CPUs
    bool force = false;         // build even when a kernel with the same inputs is installed
};

// How a build reports itself: `step` for each phase, `compiled` as compiler steps finish
// (`expected` is 0 when unknown: no earlier build to learn it from).
struct BuildReporter {
    std::function<void(const std::string&)> step;
    std::function<void(long done, long expected, long seconds)> compiled;
};

struct KernelBuildResult {
    InstalledKernel kernel;
    bool built = false;  // false: the same inputs were already installed (no-op)
};

// Throws sys::Error with the failing step and the end of its output. A failed build leaves the
// installed kernels and `current` as they were.
KernelBuildResult build_kernel(const KernelBuildOptions& opts, const BuildReporter& report = {});

// The source tarball build_kernel uses: `explicit_source` when given, else the newest match of
// `pattern`. Throws sys::Error naming what to install when there is none.
std::string find_source(const std::string& explicit_source,
                        const std::string& pattern = "/usr/src/linux-source-*.tar.xz");

// Whether a line of kbuild's output (V=0) is one compiler, assembler or linker step.
bool is_build_step(const std::string& line);

}  // namespace ucompose::kernel
