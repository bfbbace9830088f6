#include "orchestrator/compat/requests.hpp"

#include "orchestrator/model/error.hpp"

namespace ucompose::compat {

UpRequest up_request(const ParsedArgs& a) {
    UpRequest r;
    UpOptions& up = r.up;
    up.services = a.words("services");
    up.detach = a.given("--detach") || a.given("--wait");  // --wait implies -d, as in ucompose up
    up.wait = a.given("--wait");
    up.wait_timeout = a.integer("--wait-timeout");
    up.no_color = a.given("--no-color");
    up.policy.force_recreate = a.given("--force-recreate");
    up.policy.no_recreate = a.given("--no-recreate");
    up.policy.no_build = a.given("--no-build");
    up.policy.no_start = a.given("--no-start");
    up.no_attach_logs = up.policy.no_start;
    up.policy.build = a.given("--build");
    up.policy.remove_orphans = a.given("--remove-orphans");
    if (a.given("--pull-always"))
        up.policy.pull = "always";
    else if (a.given("--pull"))
        up.policy.pull = "missing";
    up.exit.abort_on_container_exit = a.given("--abort-on-container-exit");
    up.exit.abort_on_container_failure = a.given("--abort-on-container-failure");
    if (auto s = a.last("--exit-code-from")) up.exit.exit_code_from = *s;
    up.no_attach = a.all("--no-attach");
    up.timeout = a.integer("--timeout");
    r.scale = a.all("--scale");
    r.with_deps = !a.given("--no-deps");
    r.no_hosts = a.given("--no-hosts");
    return r;
}

DownOptions down_request(const ParsedArgs& a) {
    DownOptions d;
    d.volumes = a.given("--volumes");
    d.timeout = a.integer("--timeout");
    d.remove_orphans = a.given("--remove-orphans");
    d.rmi = a.last("--rmi").value_or("");
    return d;
}

LogsOptions logs_request(const ParsedArgs& a) {
    LogsOptions l;
    l.services = a.words("services");
    l.follow = a.given("--follow");
    l.no_color = a.given("--no-color");
    l.no_log_prefix = a.given("--no-log-prefix");
    l.since = a.last("--since");
    l.timestamps = a.given("--timestamps");
    l.tail = a.last("--tail");
    l.until = a.last("--until");
    return l;
}

LifecycleOptions lifecycle_request(const ParsedArgs& a) {
    LifecycleOptions l;
    if (!a.given("--all")) l.services = a.words("services");  // no services: every one
    l.timeout = a.integer("--timeout");
    l.signal = a.last("--signal").value_or("");
    return l;
}

RunRequest run_request(const ParsedArgs& a) {
    if (a.rest.empty()) throw Error("run: a service is required");
    RunRequest r;
    RunOptions& run = r.run;
    run.service = a.rest.front();
    run.command.assign(a.rest.begin() + 1, a.rest.end());
    run.detach = a.given("--detach");
    run.name = a.last("--name");
    run.entrypoint = a.last("--entrypoint");
    run.env = a.all("--env");
    run.labels = a.all("--label");
    run.user = a.last("--user");
    run.no_deps = a.given("--no-deps");
    run.remove = a.given("--rm");
    run.publish = a.all("--publish");
    run.service_ports = a.given("--service-ports");
    run.volumes = a.all("--volume");
    run.no_tty = a.given("-T");
    run.workdir = a.last("--workdir");
    r.with_deps = !run.no_deps;
    return r;
}

ExecOptions exec_request(const ParsedArgs& a) {
    if (a.rest.size() < 2) throw Error("exec: a service and a command are required");
    ExecOptions e;
    e.service = a.rest.front();
    e.command.assign(a.rest.begin() + 1, a.rest.end());
    e.detach = a.given("--detach");
    e.privileged = a.given("--privileged");
    e.user = a.last("--user");
    e.no_tty = a.given("-T");
    e.index = a.integer("--index").value_or(1);
    e.env = a.all("--env");
    e.workdir = a.last("--workdir");
    return e;
}

PullOptions pull_request(const ParsedArgs& a) {
    PullOptions p;
    p.services = a.words("services");
    return p;
}

BuildOptions build_request(const ParsedArgs& a) {
    BuildOptions b;
    b.services = a.words("services");
    b.pull = a.given("--pull") || a.given("--pull-always");
    b.build_args = a.all("--build-arg");
    b.no_cache = a.given("--no-cache");
    return b;
}

PushOptions push_request(const ParsedArgs& a) {
    PushOptions p;
    p.services = a.words("services");
    p.ignore_failures = a.given("--ignore-push-failures");
    return p;
}

PsRequest ps_request(const ParsedArgs& a) { return {a.given("--quiet"), a.last("--format")}; }

ConfigRequest config_request(const ParsedArgs& a) { return {a.given("--services"), a.given("--quiet")}; }

PortOptions port_request(const ParsedArgs& a) {
    PortOptions p;
    auto service = a.words("service");
    auto private_port = a.words("private_port");
    if (!service.empty()) p.service = service.front();
    if (!private_port.empty()) p.private_port = private_port.front();
    p.protocol = a.last("--protocol").value_or("tcp");
    p.index = a.integer("--index").value_or(1);
    return p;
}

ImagesOptions images_request(const ParsedArgs& a) {
    ImagesOptions i;
    i.services = a.words("services");
    i.quiet = a.given("--quiet");
    return i;
}

VersionForm version_request(const ParsedArgs& a) {
    if (a.given("--short")) return VersionForm::Short;
    return a.last("--format") == std::optional<std::string>("json") ? VersionForm::Json : VersionForm::Pretty;
}

std::string version_text(VersionForm form, const std::string& podman_compose_version, const std::string& ucompose_version) {
    switch (form) {
    case VersionForm::Short: return podman_compose_version + "\n";
    case VersionForm::Json: return "{\"version\": \"" + podman_compose_version + "\"}\n";
    case VersionForm::Pretty: break;
    }
    return "podman-compose version " + podman_compose_version + " (ucompose " + ucompose_version + ")\n";
}

}  // namespace ucompose::compat
