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

class LogPrinter {
public:
    LogPrinter(std::ostream& out, bool color, bool prefix);
    // Registers a container's display name (for the padding width and its colour).
    void add(const std::string& name);
    void line(const std::string& name, std::string_view text);
    // A status line in the container's colour, without the "|" ("a-1 exited with code 0").
    void status(const std::string& name, const std::string& text);

private:
    std::string prefix(const std::string& name, bool bar) const;
    std::ostream& out_;
    bool color_;
    bool prefix_;
    std::size_t width_ = 0;
    std::map<std::string, int> colors_;
};

// "\033[36m" ... for the n-th service; "" when colour is off.
std::string service_color(int n);

}  // namespace ucompose
