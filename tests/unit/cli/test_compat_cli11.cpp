// Compat mode's command line through CLI11 (cli/ucompose/compat_cli11.hpp): real podman-compose
// command lines parsed into the verb table's ParsedArgs and on into native requests, no podman run.
#include <catch2/catch.hpp>

#include "cli/ucompose/compat_cli11.hpp"
#include "orchestrator/compat/requests.hpp"

using namespace ucompose;
using namespace ucompose::compat;

namespace {

struct Parsed {
    ParsedArgs globals;
    std::string verb;
    ParsedArgs args;
};

// Parses `line` (without the program name) as run_compat does; throws CLI::ParseError.
Parsed parse(const std::string& line) {
    CLI::App app{"test", "podman-compose"};
    app.require_subcommand(1);
    auto globals = std::make_shared<ParsedArgs>();
    add_flags(app, global_flags(), globals);
    Parsed out;
    for (const VerbSpec& verb : verb_table())
        add_verb(app, verb, std::make_shared<ParsedArgs>(), [&out, &verb](const ParsedArgs& a) {
            out.verb = verb.name;
            out.args = a;
        });
    app.parse(line, false);
    out.globals = *globals;
    return out;
}

}  // namespace

TEST_CASE("compat command line: globals before the subcommand", "[compat][cli]") {
    Parsed p = parse("-f a.yml -f b.yml -p proj --podman-run-args '--env A=1' --dry-run ps");
    CHECK(p.verb == "ps");
    CompatGlobals g = globals_from(p.globals);
    CHECK(g.files == std::vector<std::string>{"a.yml", "b.yml"});
    CHECK(g.project_name == "proj");
    CHECK(g.verb_args["run"] == std::vector<std::string>{"--env A=1"});
    CHECK(g.dry_run);

    // --in-pod takes a value or none; either way it only warns.
    CHECK(parse("--in-pod up").globals.given("--in-pod"));
    CHECK(parse("--in-pod=true up").globals.all("--in-pod") == std::vector<std::string>{"true"});
    auto w = no_effect_warnings("podman-compose", global_flags(), {}, parse("--no-cleanup up").globals);
    REQUIRE(w.size() == 1);
    CHECK(w[0].rfind("podman-compose flag --no-cleanup has no effect here: ", 0) == 0);
    CHECK(no_effect_warnings("podman-compose", global_flags(), {}, parse("--no-ansi --verbose up").globals).empty());
}

TEST_CASE("compat command line: up into its native request", "[compat][cli]") {
    Parsed p = parse("up -d --no-deps -t 5 --scale web=2 --scale db=1 --no-attach db --pull-always web");
    REQUIRE(p.verb == "up");
    UpRequest r = up_request(p.args);
    CHECK(r.up.detach);
    CHECK_FALSE(r.with_deps);
    CHECK(r.up.timeout == std::optional<int>(5));
    CHECK(r.scale == std::vector<std::string>{"web=2", "db=1"});
    CHECK(r.up.no_attach == std::vector<std::string>{"db"});
    CHECK(r.up.policy.pull == "always");
    CHECK(r.up.services == std::vector<std::string>{"web"});
    const VerbSpec& up = *find_verb("up");
    CHECK(no_effect_warnings("up", up.flags, up.positionals, p.args).empty());
    Parsed q = parse("up -V --build-arg A=1 web");
    CHECK(no_effect_warnings("up", up.flags, up.positionals, q.args).size() == 2);
    CHECK(q.args.words("services") == std::vector<std::string>{"web"});  // --build-arg took one word
}

TEST_CASE("compat command line: run and exec keep the command as given", "[compat][cli]") {
    Parsed p = parse("run --rm -e A=1 --env B=2 -T web sh -c 'echo hi' --rm");
    REQUIRE(p.verb == "run");
    RunRequest r = run_request(p.args);
    CHECK(r.run.service == "web");
    CHECK(r.run.command == std::vector<std::string>{"sh", "-c", "echo hi", "--rm"});
    CHECK(r.run.env == std::vector<std::string>{"A=1", "B=2"});
    CHECK(r.run.remove);
    CHECK(r.run.no_tty);

    Parsed e = parse("exec --index 2 -u root web ls -l");
    ExecOptions x = exec_request(e.args);
    CHECK(x.service == "web");
    CHECK(x.command == std::vector<std::string>{"ls", "-l"});
    CHECK(x.index == 2);
    CHECK(x.user == std::optional<std::string>("root"));
}

TEST_CASE("compat command line: values checked, unknown flags refused", "[compat][cli]") {
    CHECK(down_request(parse("down --rmi local -v").args).rmi == "local");
    CHECK_THROWS_AS(parse("down --rmi some"), CLI::ValidationError);
    CHECK_THROWS_AS(parse("stop -t soon"), CLI::ValidationError);
    CHECK_THROWS_AS(parse("up --frobnicate"), CLI::ExtrasError);
    CHECK_THROWS_AS(parse("ps -t 3"), CLI::ExtrasError);
    CHECK(ps_request(parse("ps -f json").args).format == std::optional<std::string>("json"));
    CHECK(port_request(parse("port --protocol udp web 53").args).protocol == "udp");
    CHECK_THROWS_AS(parse("port web"), CLI::RequiredError);
    CHECK(lifecycle_request(parse("kill -s TERM web").args).signal == "TERM");
    CHECK(version_request(parse("version --short").args) == VersionForm::Short);
}
