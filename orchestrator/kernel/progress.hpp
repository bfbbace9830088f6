// Progress of a long build: one line rewritten in place on a terminal, plain lines otherwise
// (at most one every 15 s), as docker compose's progress output does.
#pragma once
#include <cstdio>
#include <string>

namespace ucompose::kernel {

// "compiling: 812/1540 steps (52%), 3m10s" or "compiling: 812 steps, 3m10s" (pure).
std::string progress_line(long done, long expected, long seconds);

class ProgressMeter {
public:
    explicit ProgressMeter(bool terminal) : terminal_(terminal) {}
    void step(const std::string& line, FILE* out);
    void compiled(long done, long expected, long seconds, FILE* out);
    void finish(FILE* out);

private:
    bool terminal_;
    bool open_line_ = false;   // a progress line without its newline is on the terminal
    long last_plain_ = -1;     // seconds of the last plain line
    long done_ = 0, expected_ = 0, seconds_ = 0;
};

}  // namespace ucompose::kernel
