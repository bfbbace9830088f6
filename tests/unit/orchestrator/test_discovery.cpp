// orchestrator/model/discovery.cpp and the loader's file discovery.
#include <catch2/catch.hpp>

#include <sstream>

#include "compose_fixture.hpp"
#include "orchestrator/model/discovery.hpp"

using namespace compose_test;

TEST_CASE("project names are normalised", "[discovery]") {
    CHECK(ucompose::normalize_project_name("My App.v2") == "myappv2");
    CHECK(ucompose::normalize_project_name("_-x_y-") == "x_y-");
    CHECK(ucompose::normalize_project_name("...") == "");
}

TEST_CASE("COMPOSE_FILE is split on COMPOSE_PATH_SEPARATOR", "[discovery]") {
    using V = std::vector<std::string>;
    CHECK(ucompose::split_compose_file_var("a.yml:b.yml", ":") == V{"a.yml", "b.yml"});
    CHECK(ucompose::split_compose_file_var("a.yml;b.yml;", ";") == V{"a.yml", "b.yml"});
}

TEST_CASE("default files are found in parent directories, with their override", "[discovery]") {
    TempDir dir;
    dir.write("docker-compose.yml", "services:\n  a: {image: x}\n");
    dir.write("docker-compose.override.yml", "services:\n  a: {image: y}\n");
    dir.write("sub/deeper/.keep", "");
    ucompose::LoadOptions o;
    o.working_dir = dir.path() + "/sub/deeper";
    Loaded l = load(o);
    CHECK(l.project.config_files ==
          std::vector<std::string>{dir.path() + "/docker-compose.yml", dir.path() + "/docker-compose.override.yml"});
    CHECK(*l.project.service("a").image == "y");
    CHECK(l.project.working_dir == dir.path());
}

TEST_CASE("compose.yaml wins over docker-compose.yml", "[discovery]") {
    TempDir dir;
    dir.write("compose.yaml", "services:\n  a: {image: new}\n");
    dir.write("docker-compose.yml", "services:\n  a: {image: old}\n");
    ucompose::LoadOptions o;
    o.working_dir = dir.path();
    CHECK(*load(o).project.service("a").image == "new");
}

TEST_CASE("COMPOSE_FILE from .env, and -f - reads stdin", "[discovery]") {
    TempDir dir;
    dir.write("one.yml", "services:\n  a: {image: one}\n");
    dir.write("two.yml", "services:\n  a: {command: [x]}\n");
    dir.write(".env", "COMPOSE_FILE=one.yml,two.yml\nCOMPOSE_PATH_SEPARATOR=,\n");
    ucompose::LoadOptions o;
    o.working_dir = dir.path();
    Loaded l = load(o);
    CHECK(*l.project.service("a").image == "one");
    CHECK(*l.project.service("a").command == std::vector<std::string>{"x"});

    std::istringstream in("services:\n  s: {image: from-stdin}\n");
    ucompose::LoadOptions s;
    s.working_dir = dir.path();
    s.files = {"-"};
    s.stdin_input = &in;
    Loaded ls = load(s);
    CHECK(*ls.project.service("s").image == "from-stdin");
    CHECK(ls.project.name == ucompose::normalize_project_name(ucompose::base_name(dir.path())));
}

TEST_CASE("no compose file at all", "[discovery]") {
    TempDir dir;
    ucompose::LoadOptions o;
    o.working_dir = dir.path();
    CHECK_THROWS_WITH(load(o), Catch::StartsWith("no configuration file provided"));
}
