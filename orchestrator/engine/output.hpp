// What the user sees: docker compose's per-object progress lines (live on a tty, plain
// otherwise) and attached logs with coloured, padded `service-1  | ` prefixes.
#pragma once
#include <chrono>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ucompose {

class Progress {
public:
    // live: redraw a block in place (a tty with ANSI); else one line per event.
    Progress(std::ostream& out, bool live, std::string title = "Running");
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // kind: "Container", "Network", "Volume", "Image"; status: "Creating", "Created", ...
    // done: the object reached a final state for this command; error: it failed.
    void event(const std::string& kind, const std::string& name, const std::string& status, bool done = false,
               bool error = false);
    // Ends live mode (the block stays on screen); later events print plainly.
    void finish();

private:
    struct Entry {
        std::string kind, name, status;
        bool done = false, error = false;
        std::chrono::steady_clock::time_point start;
        double seconds = 0;
    };
    void redraw();
    std::ostream& out_;
    bool live_;
    std::string title_;
    std::vector<Entry> entries_;
    std::size_t drawn_ = 0;
};

// How log lines are prefixed.
struct LogStyle {
    bool color = false;  // the container's colour around its prefix
    bool prefix = true;  // false: the bare text (--no-log-prefix)
    // podman-compose's form (compat mode): `[label]` padded to `width`+1, then `|` and a space;
    // the colour (or, under --no-color, a reset) and a reset around it whenever `ansi` is on,
    // tty or not, as podman-compose prints them. Otherwise docker compose's `label  | `.
    bool podman_compose = false;
    bool ansi = false;
};

class LogPrinter {
public:
    LogPrinter(std::ostream& out, LogStyle style);
    // Registers a container's display name, coloured in order of registration (or with the
    // n-th colour); docker's form pads every prefix to the longest name.
    void add(const std::string& name);
    void add(const std::string& name, int color);
    // At least this padding width (podman-compose pads to the longest service name, whatever
    // the labels are).
    void pad_to(std::size_t width);
    void line(const std::string& name, std::string_view text);
    // A status line in the container's colour, without the "|" ("a-1 exited with code 0").
    void status(const std::string& name, const std::string& text);

private:
    std::string prefix(const std::string& name, bool bar) const;
    std::string color_of(const std::string& name) const;
    std::ostream& out_;
    LogStyle style_;
    std::size_t width_ = 0;
    std::map<std::string, int> colors_;
};

// "\033[36m" ... for the n-th service; "" when colour is off.
std::string service_color(int n);
// podman-compose's colours: "\033[1;32m" ... for the n-th container, five in turn.
std::string podman_compose_color(int n);

}  // namespace ucompose
