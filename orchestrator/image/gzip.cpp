#include "orchestrator/image/gzip.hpp"

#include <fcntl.h>

#include "runtime/sys/error.hpp"
#include "runtime/sys/unique_fd.hpp"

namespace ucompose::image {

sys::Argv gzip_argv() { return {"gzip", "-n", "-9", "-c"}; }

void gzip_file(const std::string& input, const std::string& output) {
    sys::UniqueFd in(::open(input.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in) sys::throw_errno("open " + input);
    sys::UniqueFd out(::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!out) sys::throw_errno("open " + output);
    sys::SpawnOptions opts;
    opts.stdin_fd = in.get();
    opts.stdout_fd = out.get();
    sys::Child child = sys::spawn(gzip_argv(), opts);
    int code = sys::exit_code_of(child.wait());
    if (code != 0) throw sys::Error("gzip " + input + ": exited with status " + std::to_string(code));
}

}  // namespace ucompose::image
