// Helpers for the compose model tests: temp projects, golden files, path scrubbing.
#pragma once
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "orchestrator/model/loader.hpp"
#include "orchestrator/model/serialize.hpp"
#include "runtime/sys/temp_dir.hpp"

namespace compose_test {

inline std::string data_dir() { return std::string(UNIT_DATA_DIR) + "/compose"; }

inline std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void replace_all(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

// A temporary project directory (sys::TempDir), removed at scope exit.
class TempDir {
public:
    const std::string& path() const { return dir_.path(); }
    std::string write(const std::string& name, const std::string& text) const {
        std::string p = path() + "/" + name;
        std::filesystem::create_directories(std::filesystem::path(p).parent_path());
        std::ofstream(p) << text;
        return p;
    }

private:
    sys::TempDir dir_{"ucompose-test-"};
};

struct Loaded {
    ucompose::Project project;
    std::vector<std::string> warnings;
};

// Loads with a controlled environment (no process env leaks into tests).
inline Loaded load(ucompose::LoadOptions o) {
    Loaded out;
    o.warn = [&out](const std::string& w) { out.warnings.push_back(w); };
    if (o.environment.empty()) o.environment = {{"HOME", "/home/tester"}};
    out.project = ucompose::load_project(o);
    return out;
}

// The options of `-p p` run in `dir` (its compose.yaml found by discovery).
inline ucompose::LoadOptions options_in(const TempDir& dir) {
    ucompose::LoadOptions o;
    o.working_dir = dir.path();
    o.project_name = "p";
    return o;
}

// `ucompose config` YAML with the given directory replaced by "$DIR".
inline std::string config_yaml(const ucompose::Project& p, const std::string& dir) {
    std::string y = ucompose::project_to_yaml(p);
    replace_all(y, dir, "$DIR");
    return y;
}

// Compares with a hand-written golden file. There is no way to regenerate them from the code
// under test: a change of the output shows up in review as a change of the expectation.
inline bool matches_golden(const std::string& actual, const std::string& golden_path) {
    return read_text(golden_path) == actual;
}

}  // namespace compose_test
