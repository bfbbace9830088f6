// `ucompose config` reads back as itself (orchestrator/model/serialize.cpp against the loader):
// for every compose file the tests hold, config -> load -> config is byte-equal, and the two
// models are equal (compared in their JSON form, which holds every field config prints).
// Sources: the golden cases (with their own options), every other compose YAML under
// tests/unit/data and samples/, and the compose_loader fuzz corpus. A file that does not load
// on its own (a fragment for extends or include, a corpus entry the loader rejects) is skipped.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "config_cases.hpp"

using namespace compose_test;
namespace fs = std::filesystem;

namespace {

struct Source {
    std::string label;
    ucompose::LoadOptions options;
    std::shared_ptr<TempDir> dir;  // keeps a fuzz corpus entry's files while it is checked
};

std::string source_dir() { return fs::weakly_canonical(fs::path(UNIT_DATA_DIR) / "../../..").string(); }

bool is_yaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

std::vector<std::string> yaml_files_under(const std::string& root) {
    std::vector<std::string> out;
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        std::string name = e.path().filename().string();
        if (e.is_regular_file() && is_yaml(e.path()) && !name.starts_with("expected")) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

Source standalone(const std::string& file) {
    ucompose::LoadOptions o;
    o.files = {file};
    o.working_dir = fs::path(file).parent_path().string();
    o.environment = {{"HOME", "/home/tester"}};
    return {file.substr(source_dir().size() + 1), o, nullptr};
}

// A fuzz input: compose.yaml \0 .env \0 environment lines \0 other.yaml (fuzz_compose_loader.cpp).
Source fuzz_entry(const std::string& file) {
    std::string data = read_text(file);
    std::vector<std::string> parts(1);
    for (char c : data) {
        if (c == '\0' && parts.size() < 4) parts.emplace_back();
        else parts.back() += c;
    }
    auto dir = std::make_shared<TempDir>();
    dir->write("compose.yaml", parts[0]);
    if (parts.size() > 1) dir->write(".env", parts[1]);
    if (parts.size() > 3) dir->write("other.yaml", parts[3]);
    ucompose::LoadOptions o;
    o.files = {"compose.yaml"};
    o.working_dir = dir->path();
    if (parts.size() > 2) {
        std::istringstream lines(parts[2]);
        for (std::string line; std::getline(lines, line);)
            if (size_t eq = line.find('='); eq != std::string::npos && eq > 0)
                o.environment[line.substr(0, eq)] = line.substr(eq + 1);
    }
    o.environment.emplace("HOME", "/home/tester");
    return {file.substr(source_dir().size() + 1), o, dir};
}

std::vector<Source> sources() {
    std::vector<Source> out;
    std::set<std::string> golden_dirs;
    for (const GoldenCase& c : golden_cases()) {
        out.push_back({"golden " + c.golden, c.options, nullptr});
        golden_dirs.insert(c.options.working_dir);
    }
    std::vector<std::string> files = yaml_files_under(data_dir());
    for (const std::string& f : yaml_files_under(std::string(UNIT_DATA_DIR) + "/kube")) files.push_back(f);
    for (const std::string& f : yaml_files_under(source_dir() + "/samples")) files.push_back(f);
    for (const std::string& f : files) out.push_back(standalone(fs::weakly_canonical(f).string()));
    const fs::path corpus = fs::path(source_dir()) / "tests/fuzz/corpus/compose_loader";
    std::vector<std::string> entries;
    for (const auto& e : fs::directory_iterator(corpus))
        if (e.is_regular_file()) entries.push_back(e.path().string());
    std::sort(entries.begin(), entries.end());
    for (const std::string& f : entries) out.push_back(fuzz_entry(f));
    return out;
}

struct RoundTrip {
    std::string first, second;
    nlohmann::json first_model, second_model;
};

// config of the source, then config of that output loaded from a file of its own.
RoundTrip round_trip(const ucompose::LoadOptions& options) {
    RoundTrip r;
    ucompose::Project p1 = load(options).project;
    r.first = ucompose::project_to_yaml(p1);
    r.first_model = ucompose::project_to_json(p1);
    TempDir again;
    ucompose::LoadOptions o = options;
    o.files = {again.write("compose.yaml", r.first)};
    o.working_dir = again.path();
    o.env_files.clear();
    // The profiles the first load enabled (from --profile, or COMPOSE_PROFILES in the shell or
    // the project's .env, which the second load does not see): `config --profile ...` again.
    o.profiles = p1.active_profiles;
    ucompose::Project p2 = load(o).project;
    r.second = ucompose::project_to_yaml(p2);
    r.second_model = ucompose::project_to_json(p2);
    return r;
}

}  // namespace

TEST_CASE("config round trip: the output reads back as the same model and the same text", "[config][roundtrip]") {
    int checked = 0;
    std::vector<std::string> skipped;
    for (const Source& s : sources()) {
        INFO("source: " << s.label);
        bool golden = s.label.starts_with("golden ");
        RoundTrip r;
        try {
            ucompose::Project p = load(s.options).project;
            (void)p;
        } catch (const sys::Error& e) {
            if (golden) FAIL("a golden case does not load: " << e.what());
            skipped.push_back(s.label);  // not a compose file on its own
            continue;
        }
        try {
            r = round_trip(s.options);
        } catch (const sys::Error& e) {
            FAIL_CHECK("the output does not load back: " << e.what());
            continue;
        }
        INFO("first output:\n" << r.first);
        CHECK(r.second == r.first);
        CHECK(r.second_model == r.first_model);
        ++checked;
    }
    std::string names;
    for (const std::string& n : skipped) names += "\n  " + n;
    SUCCEED("config round trip: " << checked << " sources checked, " << skipped.size()
                               << " skipped (do not load on their own):" << names);
    CHECK(checked >= 30);
}

TEST_CASE("config round trip: awkward strings and numbers", "[config][roundtrip]") {
    // Each string as a value of several kinds (environment, label, argv, path, extension, key),
    // written as a YAML double-quoted string with '$' doubled, so that it loads as itself.
    const std::vector<std::string> strings = {
        "", " ", "a: b", "#x", "- x", "*a", "&a", "!t", "%x", "@x", "`x", "|", ">", "'", "\"", "{", "[a]", "trail ",
        " lead", "a\tb", "\t", "two\nlines", "ends\n", "\n\n", " \n ", "\r", "a\rb", "a\xc2\x85" "b",
        "a\xe2\x80\xa8" "b", "\x7f", "\x01", "caf\xc3\xa9", "\xf0\x9f\x98\x80", "\xef\xbb\xbf" "x", "null", "~",
        "true", "yes", "12", "1.5", "0x1F", "0o17", "+1", "1e3", ".inf", "-.inf", "12:30", "---", "...", "-", "?", ":",
        "a\\b", "\\n", "$", "$$", "${X}", "$X", "a$", "key: value # c"};
    for (const std::string& s : strings) {
        std::string quoted;
        for (char c : nlohmann::json(s).dump()) quoted += c == '$' ? "$$" : std::string(1, c);
        INFO("string: " << nlohmann::json(s).dump());
        TempDir dir;
        dir.write("compose.yaml", "services:\n  a:\n    image: busybox\n    environment:\n      K: " + quoted +
                                      "\n    labels:\n      L: " + quoted + "\n    command: [" + quoted +
                                      "]\n    working_dir: " + quoted + "\n    x-ext: {" + quoted + ": " + quoted +
                                      "}\nx-numbers: [2.0, -0.0, 0.1, 1e300, 1.5e-7, 123456789012, -5, true, null]\n");
        ucompose::LoadOptions o;
        o.working_dir = dir.path();
        REQUIRE(load(o).project.service("a").environment.at("K") == std::optional<std::string>(s));
        RoundTrip r = round_trip(o);
        INFO("first output:\n" << r.first);
        CHECK(r.second == r.first);
        CHECK(r.second_model == r.first_model);
    }
}

TEST_CASE("config round trip: every golden file has a case", "[config][roundtrip]") {
    std::set<std::string> cased;
    for (const GoldenCase& c : golden_cases()) cased.insert(c.golden);
    for (const auto& e : fs::recursive_directory_iterator(data_dir())) {
        std::string name = e.path().filename().string();
        if (!name.starts_with("expected")) continue;
        std::string rel = fs::relative(e.path(), data_dir()).string();
        INFO(rel);
        CHECK(cased.count(rel) == 1);
    }
}
