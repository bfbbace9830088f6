// From a parsed podman-compose command line to the native engine request
// (orchestrator/compat/requests.cpp), as data.
#include <catch2/catch.hpp>

#include "orchestrator/compat/globals.hpp"
#include "orchestrator/compat/requests.hpp"
#include "tests/unit/error_of.hpp"

using namespace ucompose;
using namespace ucompose::compat;

TEST_CASE("compat requests: up", "[compat]") {
    ParsedArgs a;
    a.flags["--detach"];
    a.flags["--no-deps"];
    a.flags["--pull"];
    a.flags["--no-hosts"];
    a.flags["--timeout"] = {"5"};
    a.flags["--scale"] = {"web=2", "db=1"};
    a.flags["--no-attach"] = {"db"};
    a.positionals["services"] = {"web"};
    UpRequest r = up_request(a);
    CHECK(r.up.detach);
    CHECK_FALSE(r.with_deps);
    CHECK(r.no_hosts);
    CHECK(r.up.policy.pull == "missing");
    CHECK(r.up.timeout == std::optional<int>(5));
    CHECK(r.scale == std::vector<std::string>{"web=2", "db=1"});
    CHECK(r.up.no_attach == std::vector<std::string>{"db"});
    CHECK(r.up.services == std::vector<std::string>{"web"});
    CHECK_FALSE(r.up.wait);

    ParsedArgs b;
    b.flags["--pull"];
    b.flags["--pull-always"];
    b.flags["--no-start"];
    b.flags["--wait"];
    b.flags["--exit-code-from"] = {"web"};
    UpRequest s = up_request(b);
    CHECK(s.up.policy.pull == "always");
    CHECK(s.up.policy.no_start);
    CHECK(s.up.no_attach_logs);
    CHECK(s.up.wait);
    CHECK(s.up.detach);  // --wait implies -d
    CHECK(s.up.exit.exit_code_from == std::optional<std::string>("web"));
    CHECK(s.with_deps);

    ParsedArgs bad;
    bad.flags["--timeout"] = {"soon"};
    CHECK(error_of([&] { up_request(bad); }) == "--timeout: \"soon\" is not a number");
}

TEST_CASE("compat requests: run and exec take SERVICE COMMAND... after the flags", "[compat]") {
    ParsedArgs a;
    a.flags["--rm"];
    a.flags["--env"] = {"A=1", "B=2"};
    a.flags["-T"];
    a.flags["--name"] = {"one", "two"};  // the last one wins, as in podman-compose
    a.rest = {"web", "sh", "-c", "echo hi"};
    RunRequest r = run_request(a);
    CHECK(r.run.service == "web");
    CHECK(r.run.command == std::vector<std::string>{"sh", "-c", "echo hi"});
    CHECK(r.run.remove);
    CHECK(r.run.no_tty);
    CHECK(r.run.env == std::vector<std::string>{"A=1", "B=2"});
    CHECK(r.run.name == std::optional<std::string>("two"));
    CHECK(r.with_deps);
    CHECK(error_of([&] { run_request(ParsedArgs{}); }) == "run: a service is required");

    ParsedArgs e;
    e.flags["--index"] = {"2"};
    e.rest = {"web", "ls"};
    ExecOptions x = exec_request(e);
    CHECK(x.service == "web");
    CHECK(x.command == std::vector<std::string>{"ls"});
    CHECK(x.index == 2);
    e.rest = {"web"};
    CHECK(error_of([&] { exec_request(e); }) == "exec: a service and a command are required");
}

TEST_CASE("compat requests: down, logs, kill, build, ps, port, version", "[compat]") {
    ParsedArgs d;
    d.flags["--volumes"];
    d.flags["--rmi"] = {"local"};
    DownOptions down = down_request(d);
    CHECK(down.volumes);
    CHECK(down.rmi == "local");
    CHECK_FALSE(down.timeout);

    ParsedArgs l;
    l.flags["--follow"];
    l.flags["--tail"] = {"10"};
    l.positionals["services"] = {"web"};
    LogsOptions logs = logs_request(l);
    CHECK(logs.follow);
    CHECK(logs.tail == std::optional<std::string>("10"));
    CHECK(logs.services == std::vector<std::string>{"web"});

    ParsedArgs k;
    k.flags["--signal"] = {"TERM"};
    k.positionals["services"] = {"web"};
    CHECK(lifecycle_request(k).services == std::vector<std::string>{"web"});
    CHECK(lifecycle_request(k).signal == "TERM");
    k.flags["--all"];
    CHECK(lifecycle_request(k).services.empty());  // every service

    ParsedArgs b;
    b.flags["--pull-always"];
    b.flags["--build-arg"] = {"A=1"};
    BuildOptions build = build_request(b);
    CHECK(build.pull);
    CHECK(build.build_args == std::vector<std::string>{"A=1"});

    ParsedArgs p;
    p.flags["--format"] = {"{{.Names}}"};
    CHECK(ps_request(p).format == std::optional<std::string>("{{.Names}}"));
    CHECK_FALSE(ps_request(p).quiet);

    ParsedArgs port;
    port.positionals["service"] = {"web"};
    port.positionals["private_port"] = {"80"};
    PortOptions po = port_request(port);
    CHECK(po.service == "web");
    CHECK(po.private_port == "80");
    CHECK(po.protocol == "tcp");
    CHECK(po.index == 1);

    ParsedArgs v;
    CHECK(version_text(version_request(v), "1.0.3", "x") == "podman-compose version 1.0.3 (ucompose x)\n");
    v.flags["--format"] = {"json"};
    CHECK(version_text(version_request(v), "1.0.3", "x") == "{\"version\": \"1.0.3\"}\n");
    v.flags["--short"];
    CHECK(version_text(version_request(v), "1.0.3", "x") == "1.0.3\n");
}

TEST_CASE("compat globals: the global options a command line gave", "[compat]") {
    ParsedArgs a;
    a.flags["--file"] = {"a.yml", "b.yml"};
    a.flags["--project-name"] = {"proj"};
    a.flags["--podman-run-args"] = {"--env A=1"};
    a.flags["--dry-run"];
    a.flags["--in-pod"] = {"true"};  // no effect: nothing in the globals holds it
    CompatGlobals g = globals_from(a);
    CHECK(g.files == std::vector<std::string>{"a.yml", "b.yml"});
    CHECK(g.project_name == "proj");
    CHECK(g.podman_path == "podman");
    CHECK(g.dry_run);
    CHECK_FALSE(g.no_ansi);
    CHECK(g.verb_args == std::map<std::string, std::vector<std::string>>{{"run", {"--env A=1"}}});
    CHECK_FALSE(g.parallel);
}
