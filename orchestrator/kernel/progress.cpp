#include "orchestrator/kernel/progress.hpp"

namespace ucompose::kernel {

std::string progress_line(long done, long expected, long seconds) {
    char time[32];
    std::snprintf(time, sizeof time, "%ldm%02lds", seconds / 60, seconds % 60);
    char buf[128];
    if (expected > 0) {
        long pct = done >= expected ? 99 : done * 100 / expected;
        std::snprintf(buf, sizeof buf, "compiling: %ld/%ld steps (%ld%%), %s", done, expected, pct, time);
    } else {
        std::snprintf(buf, sizeof buf, "compiling: %ld steps, %s", done, time);
    }
    return buf;
}

void ProgressMeter::step(const std::string& line, FILE* out) {
    finish(out);
    std::fprintf(out, "%s\n", line.c_str());
    std::fflush(out);
}

void ProgressMeter::compiled(long done, long expected, long seconds, FILE* out) {
    done_ = done, expected_ = expected, seconds_ = seconds;
    if (terminal_) {
        std::fprintf(out, "\r\033[K%s", progress_line(done, expected, seconds).c_str());
        open_line_ = true;
        std::fflush(out);
    } else if (last_plain_ < 0 || seconds - last_plain_ >= 15) {
        last_plain_ = seconds;
        std::fprintf(out, "%s\n", progress_line(done, expected, seconds).c_str());
        std::fflush(out);
    }
}

void ProgressMeter::finish(FILE* out) {
    if (!open_line_) return;
    std::fprintf(out, "\n");
    open_line_ = false;
}

}  // namespace ucompose::kernel
