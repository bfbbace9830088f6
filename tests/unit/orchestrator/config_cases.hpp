// The golden `ucompose config` cases as data: each hand-written expectation under
// tests/unit/data/compose/ with the load options that produce it. test_config_golden.cpp
// compares the output with them, test_config_roundtrip.cpp reads the output back.
#pragma once
#include <string>
#include <vector>

#include "compose_fixture.hpp"

namespace compose_test {

struct GoldenCase {
    std::string golden;  // relative to data_dir()
    ucompose::LoadOptions options;
};

inline ucompose::LoadOptions in_dir(const std::string& name) {
    ucompose::LoadOptions o;
    o.working_dir = data_dir() + "/" + name;
    o.environment = {{"HOME", "/home/tester"}};
    return o;
}

inline std::vector<GoldenCase> golden_cases() {
    std::vector<GoldenCase> cases;
    cases.push_back({"merge/expected.yaml", in_dir("merge")});
    {
        ucompose::LoadOptions o = in_dir("merge");
        o.files = {"compose.yaml", "compose.override.yaml", "extra.yaml"};
        cases.push_back({"merge/expected-three.yaml", o});
    }
    cases.push_back({"extends/expected.yaml", in_dir("extends")});
    cases.push_back({"profiles/expected-none.yaml", in_dir("profiles")});
    {
        ucompose::LoadOptions o = in_dir("profiles");
        o.profiles = {"debug"};
        cases.push_back({"profiles/expected-debug.yaml", o});
    }
    {
        ucompose::LoadOptions o = in_dir("dotenv");
        o.environment["SHELL_WINS"] = "from-shell";
        o.environment["TAG"] = "9.9";
        cases.push_back({"dotenv/expected.yaml", o});
    }
    {
        ucompose::LoadOptions o = in_dir("envforms");
        o.environment["FROM_SHELL"] = "shell";
        o.environment["BARE_FROM_SHELL"] = "bare";
        cases.push_back({"envforms/expected.yaml", o});
    }
    cases.push_back({"depends/expected.yaml", in_dir("depends")});
    {
        ucompose::LoadOptions o = in_dir("seed");
        o.files = {"unikernel-deploy.yaml"};  // not a default name
        cases.push_back({"seed/expected.yaml", o});
    }
    cases.push_back({"secrets/expected.yaml", in_dir("secrets")});
    cases.push_back({"passthrough/expected.yaml", in_dir("passthrough")});
    cases.push_back({"include/expected.yaml", in_dir("include")});
    return cases;
}

inline const GoldenCase& golden_case(const std::string& golden) {
    static const std::vector<GoldenCase> cases = golden_cases();
    for (const GoldenCase& c : cases)
        if (c.golden == golden) return c;
    throw std::runtime_error("no golden case " + golden);
}

}  // namespace compose_test
