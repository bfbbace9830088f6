// Left-aligned text columns separated by three spaces, as docker prints its tables.
#pragma once
#include <string>
#include <vector>

namespace ucompose {

class Table {
public:
    explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    std::string render() const {
        std::vector<std::size_t> w;
        for (const auto& r : rows_) {
            for (std::size_t i = 0; i < r.size(); ++i) {
                if (w.size() <= i) w.push_back(0);
                w[i] = std::max(w[i], r[i].size());
            }
        }
        std::string out;
        for (const auto& r : rows_) {
            std::string line;
            for (std::size_t i = 0; i < r.size(); ++i) {
                line += r[i];
                if (i + 1 < r.size()) line += std::string(w[i] - r[i].size() + 3, ' ');
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        }
        return out;
    }

private:
    std::vector<std::vector<std::string>> rows_;
};

// A duration in docker's words ("Less than a second", "About a minute", "3 hours", "2 weeks"),
// as its CREATED columns print them before " ago".
inline std::string human_duration(long long seconds) {
    auto n = [](long long v, const char* unit) { return std::to_string(v) + " " + unit; };
    if (seconds < 1) return "Less than a second";
    if (seconds == 1) return "1 second";
    if (seconds < 60) return n(seconds, "seconds");
    long long minutes = seconds / 60;
    if (minutes == 1) return "About a minute";
    if (minutes < 60) return n(minutes, "minutes");
    long long hours = (seconds + 1800) / 3600;
    if (hours == 1) return "About an hour";
    if (hours < 48) return n(hours, "hours");
    if (hours < 24 * 7 * 2) return n(hours / 24, "days");
    if (hours < 24 * 30 * 2) return n(hours / 24 / 7, "weeks");
    if (hours < 24 * 365 * 2) return n(hours / 24 / 30, "months");
    return n(seconds / 3600 / 24 / 365, "years");
}

}  // namespace ucompose
