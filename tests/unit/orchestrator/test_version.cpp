// `ucompose version` / `--version` text (orchestrator/version.cpp).
#include <catch2/catch.hpp>

#include "orchestrator/version.hpp"

TEST_CASE("version: the first line stays \"ucompose version X.Y.Z\", the commit follows") {
    CHECK(ucompose::version_text("ucompose", "0.1.0", "df7069012345-dirty") ==
          "ucompose version 0.1.0\ncommit: df7069012345-dirty\n");
    CHECK(ucompose::version_text("ucompose", "0.1.0", "") == "ucompose version 0.1.0\ncommit: unknown\n");
}

TEST_CASE("version: podman-compose's label version is unchanged") {
    CHECK(std::string(ucompose::version()) == "1.0.6");
}
