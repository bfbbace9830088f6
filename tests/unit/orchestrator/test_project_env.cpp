// The project directory's .env and ${COMPOSE_PROJECT_NAME}, as docker compose (compose-go) reads
// them (orchestrator/model/loader.cpp).
#include <catch2/catch.hpp>

#include "compose_fixture.hpp"
#include "orchestrator/model/profiles.hpp"

using namespace compose_test;
using ucompose::LoadOptions;

TEST_CASE("project env: the .env beside the first -f file sets COMPOSE_PROFILES, run from elsewhere", "[config][env]") {
    TempDir elsewhere, project;
    project.write("app/compose.yaml",
                  "services:\n  web: {image: a}\n  tool: {image: b, profiles: [tools]}\n");
    project.write("app/.env", "COMPOSE_PROFILES=tools\nCOMPOSE_PROJECT_NAME=from-dotenv\n");
    LoadOptions o;
    o.working_dir = elsewhere.path();
    o.environment = {{"HOME", "/home/tester"}};
    o.files = {project.path() + "/app/compose.yaml"};
    Loaded l = load(o);
    CHECK(l.project.services.count("tool") == 1);
    CHECK(l.project.name == "from-dotenv");
}

TEST_CASE("project env: a .env in the working directory does not touch a project elsewhere", "[config][env]") {
    TempDir cwd, project;
    cwd.write(".env", "COMPOSE_PROFILES=tools\nCOMPOSE_PROJECT_NAME=from-cwd\n");
    project.write("compose.yaml", "name: mine\nservices:\n  web: {image: a}\n  tool: {image: b, profiles: [tools]}\n");
    LoadOptions o;
    o.working_dir = cwd.path();
    o.environment = {{"HOME", "/home/tester"}};
    o.files = {project.path() + "/compose.yaml"};
    Loaded l = load(o);
    CHECK(l.project.services.count("tool") == 0);
    CHECK(l.project.name == "mine");
}

TEST_CASE("project env: without -f, the working directory's .env names the files and the profiles", "[config][env]") {
    TempDir dir;
    dir.write("other.yaml", "services:\n  web: {image: a}\n  tool: {image: b, profiles: [tools]}\n");
    dir.write(".env", "COMPOSE_FILE=other.yaml\nCOMPOSE_PROFILES=tools\n");
    LoadOptions o;
    o.working_dir = dir.path();
    o.environment = {{"HOME", "/home/tester"}};
    Loaded l = load(o);
    CHECK(l.project.services.count("tool") == 1);
}

TEST_CASE("project env: ${COMPOSE_PROJECT_NAME} is the project's name, wherever it comes from", "[config][env]") {
    TempDir dir;
    dir.write("compose.yaml",
              "name: demo\nservices:\n  web:\n    image: a\n    environment: [\"PROJECT=${COMPOSE_PROJECT_NAME}\"]\n"
              "    container_name: ${COMPOSE_PROJECT_NAME}-web\n");
    LoadOptions o;
    o.working_dir = dir.path();
    o.environment = {{"HOME", "/home/tester"}};
    Loaded l = load(o);
    const auto& web = l.project.service("web");
    CHECK(web.environment.at("PROJECT") == std::optional<std::string>("demo"));
    CHECK(web.container_name == std::optional<std::string>("demo-web"));
    for (const auto& w : l.warnings) CHECK(w.find("COMPOSE_PROJECT_NAME") == std::string::npos);
    o.project_name = "cli";
    CHECK(load(o).project.service("web").container_name == std::optional<std::string>("cli-web"));
    o.project_name.clear();
    o.environment["COMPOSE_PROJECT_NAME"] = "shell";
    CHECK(load(o).project.service("web").container_name == std::optional<std::string>("shell-web"));
}

TEST_CASE("project env: ${COMPOSE_PROJECT_NAME} from -f - (standard input read once)", "[config][env]") {
    TempDir dir;
    std::istringstream in("services:\n  web:\n    image: \"a:${COMPOSE_PROJECT_NAME}\"\n");
    LoadOptions o;
    o.working_dir = dir.path();
    o.environment = {{"HOME", "/home/tester"}};
    o.files = {"-"};
    o.project_name = "piped";
    o.stdin_input = &in;
    CHECK(*load(o).project.service("web").image == "a:piped");
}

TEST_CASE("project env: COMPOSE_PROFILES names are split at commas and trimmed", "[config][env][profiles]") {
    struct Case {
        const char* value;
        std::vector<std::string> profiles;
    };
    const std::vector<Case> cases = {
        {"a", {"a"}},
        {"a,b", {"a", "b"}},
        {"profile-1, profile-2", {"profile-1", "profile-2"}},
        {" a ,\tb\t, ,", {"a", "b"}},
        {"", {}},
        {"*", {"*"}},
    };
    for (const auto& c : cases) {
        INFO(c.value);
        CHECK(ucompose::split_profiles_var(c.value) == c.profiles);
    }
    TempDir project;
    project.write("compose.yaml",
                  "services:\n  web: {image: a}\n  t1: {image: b, profiles: [p1]}\n  t2: {image: b, profiles: [p2]}\n");
    LoadOptions o;
    o.working_dir = project.path();
    o.environment = {{"HOME", "/home/tester"}, {"COMPOSE_PROFILES", "p1, p2"}};
    o.files = {project.path() + "/compose.yaml"};
    Loaded l = load(o);
    CHECK(l.project.services.count("t1") == 1);
    CHECK(l.project.services.count("t2") == 1);
}
