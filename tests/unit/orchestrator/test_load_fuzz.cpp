// A bounded, deterministic fuzz of the loader: random YAML mutations of the golden inputs.
// Every outcome must be a Project or a ucompose error (sys::Error for file reads); never a
// crash, a hang or another exception type.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "compose_fixture.hpp"
#include "orchestrator/model/interpolate.hpp"

using namespace compose_test;

namespace {

std::vector<std::string> golden_inputs() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(data_dir())) {
        std::string p = e.path().string();
        std::string name = e.path().filename().string();
        bool yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if (e.is_regular_file() && yaml && !name.starts_with("expected")) out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const char* const kTokens[] = {":",   "- ",  "[",   "]",     "{",     "}",        "\n",
                               "  ",  "${",  "$",   "}",     "!reset ", "!override ", "*a",
                               "&a ", "<<: *a\n", "'", "\"",  "#",     "\t",       ": ",
                               "~",   "null", "-1", "99999999999999999999", "${X:?e}", "${X:-${",
                               "extends: x\n", "depends_on: [", "\\", ",", "|\n", ">-\n"};

std::string mutate(std::string text, std::mt19937& rng) {
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n ? n - 1 : 0)(rng); };
    int rounds = 1 + static_cast<int>(pick(4));
    for (int r = 0; r < rounds; ++r) {
        size_t at = pick(text.size() + 1);
        switch (pick(5)) {
            case 0:  // delete a span
                text.erase(std::min(at, text.size()), pick(12));
                break;
            case 1:  // insert a YAML-significant token
                text.insert(std::min(at, text.size()), kTokens[pick(std::size(kTokens))]);
                break;
            case 2: {  // duplicate a span elsewhere
                size_t len = pick(40);
                std::string span = text.substr(std::min(at, text.size()), len);
                text.insert(pick(text.size() + 1), span);
                break;
            }
            case 3:  // flip a character
                if (!text.empty()) text[std::min(at, text.size() - 1)] = static_cast<char>(32 + pick(95));
                break;
            case 4: {  // change the indentation of a line
                size_t line = text.rfind('\n', std::min(at, text.size() - (text.empty() ? 0 : 1)));
                text.insert(line == std::string::npos ? 0 : line + 1, pick(2) ? " " : "   ");
                break;
            }
        }
    }
    return text;
}

}  // namespace

TEST_CASE("fuzz: mutated golden inputs load or fail cleanly", "[fuzz]") {
    std::vector<std::string> inputs = golden_inputs();
    REQUIRE(inputs.size() >= 8);
    std::mt19937 rng(20240517);
    int loaded = 0, rejected = 0;
    // 300 by default; UCOMPOSE_FUZZ_ITERATIONS=n for a longer local run.
    const char* env_n = std::getenv("UCOMPOSE_FUZZ_ITERATIONS");
    const int kIterations = env_n ? std::max(1, std::atoi(env_n)) : 300;
    TempDir dir;
    for (int i = 0; i < kIterations; ++i) {
        const std::string& src = inputs[static_cast<size_t>(i) % inputs.size()];
        std::string text = mutate(read_text(src), rng);
        dir.write("compose.yaml", text);
        ucompose::LoadOptions o;
        o.working_dir = dir.path();
        o.environment = {{"HOME", "/home/tester"}, {"X", "x"}};
        o.warn = [](const std::string&) {};
        try {
            ucompose::load_project(o);
            ++loaded;
        } catch (const sys::Error&) {  // ucompose::Error, or a referenced file that is missing
            ++rejected;
        } catch (const std::exception& e) {
            INFO("iteration " << i << " from " << src << "\n--- input ---\n" << text);
            FAIL("unexpected exception type: " << e.what());
        }
    }
    CHECK(loaded + rejected == kIterations);
    CHECK(loaded > 0);    // the mutations are not all fatal...
    CHECK(rejected > 0);  // ...nor all harmless
}

TEST_CASE("fuzz: random interpolation input never escapes as another exception", "[fuzz]") {
    std::mt19937 rng(7);
    const std::string alphabet = "$${}:-?+ab_1 \\";
    ucompose::Lookup lookup = [](const std::string& k) -> std::optional<std::string> {
        if (k == "a") return "A";
        return std::nullopt;
    };
    for (int i = 0; i < 2000; ++i) {
        std::string s;
        size_t len = std::uniform_int_distribution<size_t>(0, 24)(rng);
        for (size_t j = 0; j < len; ++j)
            s += alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
        try {
            ucompose::interpolate(s, lookup, nullptr);
        } catch (const ucompose::Error&) {
        }
    }
    SUCCEED();
}
