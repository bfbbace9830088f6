#include "orchestrator/engine/output.hpp"

#include <cstdio>
#include <iostream>

namespace ucompose {

Progress::Progress(std::ostream& out, bool live, std::string title)
    : out_(out), live_(live), title_(std::move(title)) {}

Progress::~Progress() { finish(); }

void Progress::event(const std::string& kind, const std::string& name, const std::string& status, bool done,
                     bool error) {
    auto now = std::chrono::steady_clock::now();
    Entry* e = nullptr;
    for (auto& x : entries_) {
        if (x.kind == kind && x.name == name) e = &x;
    }
    if (!e) {
        entries_.push_back({kind, name, status, done, error, now, 0});
        e = &entries_.back();
    }
    e->status = status;
    e->done = done;
    e->error = error;
    e->seconds = std::chrono::duration<double>(now - e->start).count();
    if (live_) {
        redraw();
    } else {
        out_ << " " << kind << " " << name << "  " << status << "\n" << std::flush;
    }
}

void Progress::redraw() {
    std::size_t width = 0;
    for (const auto& e : entries_) width = std::max(width, e.kind.size() + 1 + e.name.size());
    std::string s;
    if (drawn_ > 0) s += "\033[" + std::to_string(drawn_) + "A";
    std::size_t finished = 0;
    for (const auto& e : entries_) finished += e.done ? 1 : 0;
    s += "\033[2K\033[34m[+] " + title_ + " " + std::to_string(finished) + "/" + std::to_string(entries_.size()) +
         "\033[0m\n";
    for (const auto& e : entries_) {
        std::string label = e.kind + " " + e.name;
        label.resize(width, ' ');
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.1fs", e.seconds);
        const char* mark = e.error ? "\033[31m ✘" : e.done ? "\033[32m ✔" : "\033[33m ⠿";
        s += "\033[2K" + std::string(mark) + " " + label + "  " + e.status + "\033[0m" +
             std::string(e.status.size() < 12 ? 12 - e.status.size() : 1, ' ') + secs + "\n";
    }
    drawn_ = entries_.size() + 1;
    out_ << s << std::flush;
}

void Progress::finish() {
    if (live_) {
        live_ = false;
        drawn_ = 0;
    }
}

std::string service_color(int n) {
    static const char* colors[] = {"\033[36m", "\033[33m", "\033[32m", "\033[35m", "\033[34m",
                                   "\033[96m", "\033[93m", "\033[92m", "\033[95m", "\033[94m"};
    return colors[n % 10];
}

std::string podman_compose_color(int n) {
    static const char* colors[] = {"\033[1;32m", "\033[1;33m", "\033[1;34m", "\033[1;35m", "\033[1;36m"};
    return colors[n % 5];
}

LogPrinter::LogPrinter(std::ostream& out, LogStyle style) : out_(out), style_(style) {}

void LogPrinter::add(const std::string& name) {
    if (!colors_.count(name)) add(name, static_cast<int>(colors_.size()));
}

void LogPrinter::add(const std::string& name, int color) {
    if (!style_.podman_compose) width_ = std::max(width_, name.size());
    colors_[name] = color;
}

void LogPrinter::pad_to(std::size_t width) { width_ = std::max(width_, width); }

std::string LogPrinter::color_of(const std::string& name) const {
    auto it = colors_.find(name);
    int n = it == colors_.end() ? 0 : it->second;
    return style_.podman_compose ? podman_compose_color(n) : service_color(n);
}

std::string LogPrinter::prefix(const std::string& name, bool bar) const {
    if (style_.podman_compose) {
        std::string p = "[" + name + "]";
        if (name.size() <= width_) p.append(width_ + 1 - name.size(), ' ');
        if (!bar) return p + " ";
        if (!style_.ansi) return p + "| ";
        return (style_.color ? color_of(name) : std::string("\033[0m")) + p + "|\033[0m ";
    }
    std::string p = name;
    if (p.size() < width_) p.resize(width_, ' ');
    p += bar ? "  | " : "  ";
    if (!style_.color) return p;
    return color_of(name) + p + "\033[0m";
}

void LogPrinter::line(const std::string& name, std::string_view text) {
    std::string s = style_.prefix ? prefix(name, true) : std::string();
    s.append(text);
    s += '\n';
    out_ << s << std::flush;
}

void LogPrinter::status(const std::string& name, const std::string& text) {
    std::string s = name + " " + text;
    if (style_.podman_compose) {  // podman-compose logs it; stdout holds only the containers' lines
        std::cerr << s << "\n" << std::flush;
        return;
    }
    if (style_.color) s = color_of(name) + s + "\033[0m";
    out_ << s << "\n" << std::flush;
}

}  // namespace ucompose
