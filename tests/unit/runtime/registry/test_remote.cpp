#include <catch2/catch.hpp>

#include "runtime/registry/remote.hpp"
#include "runtime/sys/error.hpp"

using namespace ucrun::registry;

TEST_CASE("remote_reference: HOST:PORT/PREFIX + name -> :latest; bad remotes and names refused", "[registry][remote]") {
    CHECK(remote_reference("127.0.0.1:5000/unikernels", "redis-server") == "127.0.0.1:5000/unikernels/redis-server:latest");
    CHECK(remote_reference("registry.example.com/team/uk/", "web") == "registry.example.com/team/uk/web:latest");
    CHECK_THROWS_WITH(remote_reference("http://127.0.0.1:5000/u", "web"), Catch::Contains("has a scheme"));
    CHECK_THROWS_WITH(remote_reference("", "web"), Catch::Contains("remote registry is empty"));
    CHECK_THROWS_WITH(remote_reference("r/u", "../../etc"), Catch::Contains("invalid unikernel name \"../../etc\""));
}

TEST_CASE("skopeo_copy_argv: docker:// unless a transport is named; TLS off only when asked", "[registry][remote]") {
    CHECK(skopeo_copy_argv("skopeo", "127.0.0.1:5000/u/web:latest", "/r/.tmp-x", true) ==
          sys::Argv{"skopeo", "copy", "docker://127.0.0.1:5000/u/web:latest", "dir:/r/.tmp-x"});
    CHECK(skopeo_copy_argv("/usr/bin/skopeo", "oci:/tmp/layout:web", "/d", false) ==
          sys::Argv{"/usr/bin/skopeo", "copy", "--src-tls-verify=false", "oci:/tmp/layout:web", "dir:/d"});
}

TEST_CASE("skopeo_inspect_argv: the raw manifest, TLS off only when asked", "[registry][remote]") {
    CHECK(skopeo_inspect_argv("skopeo", "127.0.0.1:5000/u/web:latest", true) ==
          sys::Argv{"skopeo", "inspect", "--raw", "docker://127.0.0.1:5000/u/web:latest"});
    CHECK(skopeo_inspect_argv("skopeo", "docker://h/u/web@sha256:ab", false) ==
          sys::Argv{"skopeo", "inspect", "--raw", "--tls-verify=false", "docker://h/u/web@sha256:ab"});
}

TEST_CASE("describe_skopeo_failure: one line that says what went wrong and where", "[registry][remote]") {
    struct Row {
        const char* err;
        FailureKind kind;
        const char* says;
    };
    const std::string ref = "127.0.0.1:5999/u/web:latest";
    for (const Row& row : {
             Row{R"(time="x" level=fatal msg="initializing source docker://127.0.0.1:5999/u/web:latest: pinging container registry 127.0.0.1:5999: Get \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused")",
                 FailureKind::unreachable, "registry http://127.0.0.1:5999/v2/ is not reachable (connection refused)"},
             Row{R"(time="x" level=fatal msg="initializing source docker://127.0.0.1:5999/u/web:latest: reading manifest latest in 127.0.0.1:5999/u/web: manifest unknown: manifest unknown")",
                 FailureKind::not_found, "127.0.0.1:5999/u/web:latest not found in registry 127.0.0.1:5999"},
             Row{R"(level=fatal msg="... server gave HTTP response to HTTPS client")", FailureKind::unreachable,
                 "answers plain HTTP, not HTTPS"},
             Row{R"(level=fatal msg="... unauthorized: authentication required")", FailureKind::denied,
                 "access denied by registry 127.0.0.1:5999"},
             Row{"something odd\n\n", FailureKind::other, "pull 127.0.0.1:5999/u/web:latest: something odd"},
         }) {
        INFO(row.err);
        Failure f = describe_skopeo_failure(ref, row.err, false);
        CHECK(f.kind == row.kind);
        CHECK_THAT(f.message, Catch::Contains(row.says));
        CHECK(f.message.find('\n') == std::string::npos);
    }
}
