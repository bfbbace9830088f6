#include <catch2/catch.hpp>

#include "orchestrator/registry/remote.hpp"
#include "runtime/sys/error.hpp"

using ucompose::registry::name_from_reference;

TEST_CASE("name_from_reference: the last path component without tag or digest", "[registry][remote]") {
    CHECK(name_from_reference("127.0.0.1:5000/u/redis-server:1.2") == "redis-server");
    CHECK(name_from_reference("127.0.0.1:5000/u/redis-server") == "redis-server");
    CHECK(name_from_reference("docker://r.example.com/a/b/web@sha256:abcd") == "web");
    CHECK(name_from_reference("web") == "web");
    CHECK_THROWS_WITH(name_from_reference("r/u/Web"), Catch::Contains("give one with --name"));
}
