// `up` and `create`: observe, plan, then carry the plan out on one Asio loop. Every service
// has a coroutine that creates its containers once its dependencies' containers exist, waits
// for its dependencies' conditions, and starts; independent branches therefore run in
// parallel. Decisions come from plan.hpp, health.hpp and exit_policy.hpp.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include <spdlog/spdlog.h>

#include "orchestrator/engine/clock.hpp"
#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/exit_policy.hpp"
#include "orchestrator/engine/health.hpp"
#include "orchestrator/engine/log_style.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/output.hpp"
#include "orchestrator/engine/probe.hpp"
#include "orchestrator/model/graph.hpp"
#include "orchestrator/podman/container_args.hpp"
#include "orchestrator/podman/wait_group.hpp"

namespace ucompose {
namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

struct ServiceRun {
    const Service* svc = nullptr;
    std::vector<ContainerStep> steps;
    std::vector<std::pair<std::string, int>> containers;  // name, number (after create)
    std::vector<std::string> to_start;
    bool created = false;
    bool started = false;
    bool failed = false;
    bool skipped = false;
    std::string failure;
    bool health_monitor = false;
    bool exit_monitor = false;
    std::optional<Health> health;
    std::string health_reason;   // "container X is unhealthy" / "... exited (1)" / "... has no healthcheck configured"
    bool no_healthcheck = false;
    std::optional<int> exit_code;

    bool settled() const { return started || failed || skipped; }
};

// Why a dependency's condition is not met, in docker compose's words for each case ("" = met).
struct Unmet {
    std::string required;   // the service's error
    std::string optional;   // the warning when the dependency is optional
    bool cascade = false;   // the dependency itself failed: its own error is the one reported
};

class Up {
public:
    Up(Session& s, const UpOptions& o, asio::any_io_executor ex)
        : s_(s),
          o_(o),
          pm_(*s.client),
          p_(s.project),
          ex_(ex),
          changed_(ex),
          progress_(std::cerr, s.live && o.detach),
          printer_(std::cout, log_style(s, o.no_color, o.no_log_prefix)),
          policy_(exit_options(o.exit, s.podman_compose)) {}

    Task<int> run();

private:
    Task<void> prepare_images(const ImagePlan& plan);
    // The prefix of a container's attached lines: `service-1`, or `service` in compat mode.
    std::string log_label(const std::string& service, int number) const;
    void prepare_unikernels(const std::vector<std::string>& selected);
    Task<void> create_resources(const Plan& plan);
    Task<void> service_main(ServiceRun& r);
    Task<void> create(ServiceRun& r);
    Task<void> start(ServiceRun& r);
    Task<Unmet> wait_condition(const std::string& dep, DependCondition c);
    void ensure_health_monitor(ServiceRun& r);
    void ensure_exit_monitor(ServiceRun& r);
    Task<void> health_monitor(ServiceRun& r);
    // nullopt once healthy; else why not (docker compose's words).
    Task<std::optional<std::string>> until_healthy(const Service& svc, const std::string& name,
                                                   const HealthTiming& timing, bool probe);
    Task<void> exit_monitor(ServiceRun& r);
    Task<void> attach(std::string service, std::string name, int number);
    Task<void> stop_all(bool kill);
    Task<void> handle_signals();
    Task<int> wait_ready();
    void fail(ServiceRun& r, const std::string& message);
    // Fails `r` because a dependency failed, without reporting it again (docker compose stops
    // at the first error and prints that one).
    void fail_quietly(ServiceRun& r, const std::string& message);
    std::string stop_time() const { return o_.timeout ? std::to_string(*o_.timeout) : std::string(); }

    Session& s_;
    const UpOptions& o_;
    PodmanClient& pm_;
    const Project& p_;
    asio::any_io_executor ex_;
    Notifier changed_;
    Progress progress_;
    LogPrinter printer_;
    ExitPolicy policy_;
    std::map<std::string, ServiceRun> runs_;
    std::vector<ObservedImage> images_;
    std::map<std::string, std::string> hashes_;
    std::vector<std::string> errors_;
    std::exception_ptr spawn_error_;
    std::unique_ptr<asio::signal_set> signals_;
    bool attached_ = false;
    bool aborting_ = false;
    bool interrupted_ = false;
    bool create_failed_ = false;  // some container could not be created: none starts
    int live_ = 0;
    int signals_seen_ = 0;
};

void Up::fail(ServiceRun& r, const std::string& message) {
    r.failed = true;
    r.failure = message;
    errors_.push_back(message);
    changed_.notify();
}

void Up::fail_quietly(ServiceRun& r, const std::string& message) {
    r.failed = true;
    r.failure = message;
    changed_.notify();
}

Task<int> Up::run() {
    check_dependencies(p_);
    std::vector<std::string> selected = p_.service_names();

    // Observe everything at once.
    std::vector<ObservedContainer> containers;
    std::set<std::string> networks, volumes;
    {
        WaitGroup group(ex_);
        std::exception_ptr err;
        group.add(3);
        spawn_fn(ex_, [&]() -> Task<void> { containers = co_await observe_containers(pm_, p_); group.done(); }, &err);
        spawn_fn(ex_, [&]() -> Task<void> { networks = co_await list_networks(pm_); group.done(); }, &err);
        spawn_fn(ex_, [&]() -> Task<void> { volumes = co_await list_volumes(pm_); group.done(); }, &err);
        images_ = co_await list_images(pm_);
        // A failed listing never calls done(): wait for the others, then rethrow.
        while (group.pending() > 0 && !err) co_await asio::post(ex_, asio::use_awaitable);
        if (err) std::rethrow_exception(err);
    }

    ImagePlan image_plan = plan_images(p_, selected, images_, o_.policy);
    if (pm_.dry_run()) {
        // Nothing is listed in a dry run: only what was asked for explicitly is shown.
        image_plan.errors.clear();
        for (auto& [name, action] : image_plan.services) {
            if (action == ImageAction::Pull && o_.policy.pull != "always") action = ImageAction::None;
            if (action == ImageAction::Build && !o_.policy.build) action = ImageAction::None;
        }
    }
    if (!image_plan.errors.empty()) {
        std::string msg;
        for (const auto& e : image_plan.errors) msg += (msg.empty() ? "" : "\n") + e;
        throw Error(msg);
    }
    co_await prepare_images(image_plan);
    prepare_unikernels(selected);

    for (const auto& name : selected) {
        const Service& svc = p_.service(name);
        const ObservedImage* img = find_image(images_, image_name(p_, svc));
        hashes_[name] = config_hash(svc, img ? img->id : std::string());
    }
    PlanInput in;
    in.project = &p_;
    in.services = selected;
    in.containers = containers;
    in.existing_networks = networks;
    in.existing_volumes = volumes;
    in.hashes = hashes_;
    in.policy = o_.policy;
    Plan plan = plan_up(in);
    spdlog::debug("plan:\n{}", describe(plan));
    if (!plan.errors.empty()) {
        std::string msg;
        for (const auto& e : plan.errors) msg += (msg.empty() ? "" : "\n") + e;
        throw Error(msg);
    }
    if (!plan.orphans_kept.empty()) spdlog::warn("Found {}", orphan_containers_advice(plan.orphans_kept));
    co_await create_resources(plan);

    attached_ = !o_.detach && !o_.no_attach_logs;
    if (attached_) {
        signals_ = std::make_unique<asio::signal_set>(ex_, SIGINT, SIGTERM);
        spawn_logged(ex_, handle_signals(), &spawn_error_);
    }
    // podman-compose's attached lines are `[service] |`, padded to the longest service name.
    std::map<std::string, int> pc_colors;
    if (s_.podman_compose) pc_colors = podman_compose_colors(p_);
    for (const auto& name : selected) {
        ServiceRun& r = runs_[name];
        r.svc = &p_.service(name);
        r.steps = plan.services[name];
        for (const auto& st : r.steps) {
            if (st.kind == StepKind::Remove) continue;
            if (s_.podman_compose) {
                printer_.add(log_label(name, st.number), pc_colors[name]);
            } else {
                printer_.add(log_label(name, st.number));
            }
        }
    }
    if (s_.podman_compose)
        for (const auto& [name, svc] : p_.services) printer_.pad_to(name.size());
    WaitGroup all(ex_);
    for (auto& [name, r] : runs_) {
        all.add();
        spawn_fn(ex_, [&, rp = &r]() -> Task<void> {
            co_await service_main(*rp);
            all.done();
        }, &spawn_error_);
    }
    co_await all.wait();
    progress_.finish();

    if (!errors_.empty()) {
        if (signals_) signals_->cancel();
        pm_.stop_streams();
        for (const auto& e : errors_) std::cerr << "ucompose: error: " << e << "\n";
        std::cerr << std::flush;
        co_return 1;
    }
    if (o_.detach || o_.no_attach_logs) {
        co_return o_.wait ? co_await wait_ready() : 0;
    }
    while (live_ > 0) co_await changed_.wait();
    if (signals_) signals_->cancel();
    pm_.stop_streams();
    co_return policy_.exit_code();
}

Task<void> Up::prepare_images(const ImagePlan& plan) {
    WaitGroup group(ex_);
    std::vector<std::string> failures;
    bool any = false;
    std::set<std::string> refs_seen;
    for (const auto& [name, action] : plan.services) {
        if (action == ImageAction::None) continue;
        if (!refs_seen.insert(image_name(p_, p_.service(name))).second) continue;
        any = true;
        group.add();
        const Service& svc = p_.service(name);
        std::string ref = image_name(p_, svc);
        spawn_fn(ex_, [&, name = name, action = action, ref]() -> Task<void> {
            try {
                if (action == ImageAction::Build) {
                    progress_.event("Image", ref, "Building");
                    PodmanResult r = co_await pm_.run(cmd("build", build_args(*svc.build, ref, false, false)));
                    if (!r.ok()) {
                        progress_.event("Image", ref, "Error", true, true);
                        failures.push_back("service " + quoted(name) + ": build of " + ref + " failed: " +
                                           r.message());
                    } else {
                        progress_.event("Image", ref, "Built", true);
                    }
                } else {
                    progress_.event("Image", ref, "Pulling");
                    PodmanResult r = co_await pm_.run(cmd("pull", "-q", ref));
                    if (!r.ok()) {
                        progress_.event("Image", ref, "Error", true, true);
                        failures.push_back("service " + quoted(name) + ": pull of " + ref + " failed: " + r.message());
                    } else {
                        progress_.event("Image", ref, "Pulled", true);
                    }
                }
            } catch (const std::exception& e) {
                failures.push_back("service " + quoted(name) + ": " + e.what());
            }
            group.done();
        }, &spawn_error_);
    }
    co_await group.wait();
    if (!failures.empty()) {
        std::sort(failures.begin(), failures.end());
        std::string msg;
        for (const auto& f : failures) msg += (msg.empty() ? "" : "\n") + f;
        throw Error(msg);
    }
    if (any) images_ = co_await list_images(pm_);
}

// Fetches the registry names that are neither installed nor carried by an image, one by one (the
// registry's pull lock serializes them anyway), before anything is created.
void Up::prepare_unikernels(const std::vector<std::string>& selected) {
    if (!s_.unikernels || pm_.dry_run()) return;
    std::vector<NamedUnikernel> wanted;
    for (auto& u : unikernels_by_name(p_, selected, images_))
        if (!s_.unikernels->installed(u.name)) wanted.push_back(std::move(u));
    if (wanted.empty()) return;
    if (!s_.unikernels->has_remote()) {
        const auto& u = wanted.front();
        throw Error("service " + quoted(u.service) + ": unknown unikernel " + quoted(u.name) + ": not in the local registry " +
                    s_.unikernels->local_root() + " (build or pull it with `ucompose unikernel build|pull`, or set "
                    "\"remote_registry\" in the ucrun config)");
    }
    for (const auto& u : wanted) {
        progress_.event("Unikernel", u.name, "Pulling");
        try {
            s_.unikernels->pull(u.name);
        } catch (const std::exception& e) {
            progress_.event("Unikernel", u.name, "Error", true, true);
            throw Error("service " + quoted(u.service) + ": unikernel " + quoted(u.name) + ": " + e.what());
        }
        progress_.event("Unikernel", u.name, "Pulled", true);
    }
}

Task<void> Up::create_resources(const Plan& plan) {
    WaitGroup group(ex_);
    std::vector<std::string> failures;
    auto launch = [&](std::string kind, std::string name, PodmanCommand cmd) {
        group.add();
        spawn_fn(ex_, [&, kind, name, cmd = std::move(cmd)]() -> Task<void> {
            progress_.event(kind, name, kind == "Container" ? "Removing" : "Creating");
            PodmanResult r = co_await pm_.run(cmd);
            if (r.ok()) {
                progress_.event(kind, name, kind == "Container" ? "Removed" : "Created", true);
            } else {
                progress_.event(kind, name, "Error", true, true);
                // docker compose's words for a network; a volume's error is podman's own.
                failures.push_back((kind == "Network" ? "failed to create network " : kind + " ") + name + ": " +
                                   r.message());
            }
            group.done();
        }, &spawn_error_);
    };
    for (const auto& c : plan.remove_orphans) {
        sys::Argv args{"-f"};
        if (o_.timeout) args.insert(args.end(), {"-t", stop_time()});
        args.push_back(c.name);
        launch("Container", c.name, cmd("rm", args));
    }
    for (const auto& key : plan.networks) {
        auto it = p_.networks.find(key);
        NetworkDef def;
        if (it != p_.networks.end()) {
            def = it->second;
        } else {
            def.name = p_.name + "_" + key;
        }
        launch("Network", def.name, cmd("network create", network_create_args(def, network_labels(p_, key))));
    }
    for (const auto& key : plan.volumes) {
        const VolumeDef& def = p_.volumes.at(key);
        launch("Volume", def.name, cmd("volume create", volume_create_args(def, volume_labels(p_, key))));
    }
    co_await group.wait();
    if (!failures.empty()) {
        std::string msg;
        for (const auto& f : failures) msg += (msg.empty() ? "" : "\n") + f;
        throw Error(msg);
    }
}

Task<void> Up::service_main(ServiceRun& r) {
    const Service& svc = *r.svc;
    for (const auto& [dep, d] : svc.depends_on) {
        auto it = runs_.find(dep);
        if (it == runs_.end()) continue;
        while (!it->second.created && !it->second.failed) co_await changed_.wait();
        // A required dependency that could not be created: neither is this service.
        if (it->second.failed && d.required) {
            fail_quietly(r, it->second.failure);
            co_return;
        }
    }
    try {
        co_await create(r);
        r.created = true;
        changed_.notify();
    } catch (const std::exception& e) {
        create_failed_ = true;
        fail(r, e.what());
        co_return;
    }
    if (o_.policy.no_start) {
        r.skipped = true;
        changed_.notify();
        co_return;
    }
    // As docker compose: every container is created before the first one starts, and none
    // starts when one could not be created (no half-started project).
    auto creating = [&]() {
        for (const auto& [n, x] : runs_) {
            if (!x.created && !x.failed) return true;
        }
        return false;
    };
    while (creating()) co_await changed_.wait();
    if (create_failed_) {
        r.skipped = true;
        changed_.notify();
        co_return;
    }
    for (const auto& [dep, d] : svc.depends_on) {
        if (!runs_.count(dep)) continue;  // not part of this run (--no-deps, or disabled and optional)
        Unmet unmet = co_await wait_condition(dep, d.condition);
        if (unmet.required.empty()) continue;
        // docker compose's words: an unmet required dependency fails the service; an optional
        // one is a warning, and the service starts.
        if (d.required) {
            if (unmet.cascade) {
                fail_quietly(r, unmet.required);
            } else {
                fail(r, unmet.required);
            }
            co_return;
        }
        spdlog::warn("{}", unmet.optional);
    }
    if (aborting_) {
        r.skipped = true;
        changed_.notify();
        co_return;
    }
    try {
        co_await start(r);
        r.started = true;
        changed_.notify();
    } catch (const std::exception& e) {
        fail(r, e.what());
        co_return;
    }
    if (attached_ && attaches_to(o_, svc.name)) {
        for (const auto& [name, number] : r.containers) {
            ++live_;
            spawn_logged(ex_, attach(svc.name, name, number), &spawn_error_);
        }
    }
}

Task<void> Up::create(ServiceRun& r) {
    const Service& svc = *r.svc;
    const ObservedImage* img = find_image(images_, image_name(p_, svc));
    for (const auto& step : r.steps) {
        if (step.kind == StepKind::Remove) {
            progress_.event("Container", step.name, "Removing");
            sys::Argv args{"-f"};
            if (o_.timeout) args.insert(args.end(), {"-t", stop_time()});
            args.push_back(step.existing);
            co_await run_checked(pm_, cmd("rm", args), "service " + quoted(svc.name) + ": remove " + step.existing);
            progress_.event("Container", step.name, "Removed", true);
            continue;
        }
        r.containers.emplace_back(step.name, step.number);
        if (step.kind == StepKind::Keep) {
            progress_.event("Container", step.name, "Running", true);
            continue;
        }
        if (step.kind == StepKind::Start) {
            r.to_start.push_back(step.name);
            continue;
        }
        if (step.kind == StepKind::Recreate) {
            progress_.event("Container", step.name, "Recreate");
            sys::Argv args{"-f"};
            if (o_.timeout) args.insert(args.end(), {"-t", stop_time()});
            args.push_back(step.existing);
            co_await run_checked(pm_, cmd("rm", args), "service " + quoted(svc.name) + ": remove " + step.existing);
        } else {
            progress_.event("Container", step.name, "Creating");
        }
        if (!pm_.dry_run()) {
            for (const auto& m : svc.volumes) {
                if (m.type == MountType::Bind && m.source && m.bind_create_host_path &&
                    !std::filesystem::exists(*m.source)) {
                    std::error_code ec;
                    std::filesystem::create_directories(*m.source, ec);
                }
            }
        }
        ContainerSpec spec = container_spec(p_, svc, step.number, hashes_[svc.name], img);
        PodmanResult res = co_await pm_.run(cmd("create", container_args(svc, spec)));
        if (!res.ok()) {
            progress_.event("Container", step.name, "Error", true, true);
            throw Error("service " + quoted(svc.name) + ": create " + step.name + ": " + res.message());
        }
        progress_.event("Container", step.name, step.kind == StepKind::Recreate ? "Recreated" : "Created", true);
        r.to_start.push_back(step.name);
    }
}

Task<void> Up::start(ServiceRun& r) {
    if (r.to_start.empty()) co_return;
    for (const auto& n : r.to_start) progress_.event("Container", n, "Starting");
    PodmanResult res = co_await pm_.run(cmd("start", r.to_start));
    if (!res.ok()) {
        for (const auto& n : r.to_start) progress_.event("Container", n, "Error", true, true);
        throw Error("service " + quoted(r.svc->name) + ": start: " + res.message());
    }
    for (const auto& n : r.to_start) progress_.event("Container", n, "Started", true);
}

Task<Unmet> Up::wait_condition(const std::string& dep, DependCondition c) {
    ServiceRun& d = runs_.at(dep);
    auto same = [](std::string text) { return Unmet{text, text}; };
    auto failed_text = [&]() {
        Unmet u = same("dependency " + quoted(dep) + " failed to start: " + d.failure);
        u.cascade = true;
        return u;
    };
    auto not_started = [&]() { return same("dependency " + quoted(dep) + " was not started"); };
    switch (c) {
    case DependCondition::Started:
        while (!d.settled()) co_await changed_.wait();
        if (d.failed) co_return failed_text();
        if (d.skipped) co_return not_started();
        co_return Unmet{};
    case DependCondition::Healthy:
        ensure_health_monitor(d);
        while (!d.health && !d.failed && !d.skipped) co_await changed_.wait();
        if (d.failed) co_return failed_text();
        if (!d.health) co_return not_started();
        if (*d.health != Health::Healthy)
            co_return Unmet{"dependency failed to start: " + d.health_reason,
                            "optional dependency " + quoted(dep) + " failed to start: " + d.health_reason};
        co_return Unmet{};
    case DependCondition::CompletedSuccessfully:
        ensure_exit_monitor(d);
        while (!d.exit_code && !d.failed && !d.skipped) co_await changed_.wait();
        if (d.failed) co_return failed_text();
        if (!d.exit_code) co_return not_started();
        if (*d.exit_code != 0) {
            std::string what = quoted(dep) + " didn't complete successfully: exit " + std::to_string(*d.exit_code);
            co_return Unmet{"service " + what, "optional dependency " + what};
        }
        co_return Unmet{};
    }
    co_return Unmet{};
}

void Up::ensure_health_monitor(ServiceRun& r) {
    if (r.health_monitor) return;
    r.health_monitor = true;
    spawn_logged(ex_, health_monitor(r), &spawn_error_);
}

void Up::ensure_exit_monitor(ServiceRun& r) {
    if (r.exit_monitor) return;
    r.exit_monitor = true;
    spawn_logged(ex_, exit_monitor(r), &spawn_error_);
}

Task<void> Up::health_monitor(ServiceRun& r) {
    while (!r.settled()) co_await changed_.wait();
    if (!r.started) co_return;
    const Service& svc = *r.svc;
    bool probe = svc.ucompose && svc.ucompose->has_probe();
    auto finish = [&](Health h, std::string reason, bool no_check = false) {
        r.health = h;
        r.health_reason = std::move(reason);
        r.no_healthcheck = no_check;
        for (const auto& [name, n] : r.containers)
            progress_.event("Container", name, h == Health::Healthy ? "Healthy" : "Unhealthy", true,
                            h != Health::Healthy);
        changed_.notify();
    };
    if (pm_.dry_run()) {
        finish(Health::Healthy, "");
        co_return;
    }
    for (const auto& [name, n] : r.containers) {
        HealthTiming timing = health_timing(svc);
        if (!probe) {
            // The compose file's healthcheck, else the image's (docker's order); none at all is
            // known at once, as docker compose knows it from the container's State.Health.
            std::optional<ImageHealthcheck> image_check;
            if (!svc.healthcheck || (!svc.healthcheck->disable && svc.healthcheck->test.empty())) {
                PodmanResult res = co_await pm_.run(cmd("inspect", "--format", "{{json .Config.Healthcheck}}", name));
                if (res.ok()) image_check = parse_image_healthcheck(res.out);
            }
            bool disabled = svc.healthcheck && svc.healthcheck->disable;
            bool has_test = svc.healthcheck && !svc.healthcheck->test.empty();
            if (disabled || (!has_test && !image_check)) {
                finish(Health::Unhealthy, "container " + name + " has no healthcheck configured", true);
                co_return;
            }
            if (image_check) apply_image_timing(*image_check, svc, timing);
        }
        progress_.event("Container", name, "Waiting");
        std::optional<std::string> why = co_await until_healthy(svc, name, timing, probe);
        if (why) {
            finish(Health::Unhealthy, *why);
            co_return;
        }
    }
    finish(Health::Healthy, "");
}

Task<std::optional<std::string>> Up::until_healthy(const Service& svc, const std::string& name,
                                                   const HealthTiming& timing, bool probe) {
    EngineClock& clock = *s_.clock;
    const auto start = clock.now();
    HealthTracker tracker(timing);
    std::optional<std::string> ip;
    // nullopt while running; else why the container is not (it exited, or is gone).
    auto not_running = [&]() -> Task<std::optional<std::string>> {
        PodmanResult st = co_await pm_.run(cmd("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name));
        if (!st.ok()) co_return "container " + name + ": " + st.message();
        std::string status = st.out.substr(0, st.out.find(' '));
        if (status == "running") co_return std::nullopt;
        co_return "container " + name + " exited (" + std::to_string(wait_exit_code(st.out.substr(st.out.find(' ') + 1))) + ")";
    };
    for (;;) {
        // Wait for the next check in slices of at most a second, so that a container that
        // exits meanwhile is reported as exited at once, not after a whole interval.
        auto due = clock.now() + timing.next_check(clock.now() - start, tracker.state());
        while (clock.now() < due) {
            co_await clock.sleep(std::min<Duration>(due - clock.now(), std::chrono::seconds(1)));
            if (auto gone = co_await not_running()) co_return gone;
        }
        bool passed = false;
        if (probe) {
            if (!ip) {
                PodmanResult res = co_await pm_.run(cmd("inspect", "--format", "json", name));
                if (res.ok()) ip = parse_container_ip(res.out);
            }
            if (ip) {
                Duration t = std::min<Duration>(timing.timeout, std::chrono::seconds(5));
                if (svc.ucompose->probe_tcp) passed = co_await probe_tcp(*ip, *svc.ucompose->probe_tcp, t);
                if (svc.ucompose->probe_http && (passed || !svc.ucompose->probe_tcp))
                    passed = co_await probe_http(*ip, svc.ucompose->probe_http->port, svc.ucompose->probe_http->path, t);
            }
        } else {
            PodmanResult res = co_await pm_.run(cmd("healthcheck run", name));
            passed = res.ok();
            // 1: the check failed. Anything else: podman could not run it (the container stopped,
            // or is gone): say why.
            if (!passed && res.exit_code != 1) {
                if (auto gone = co_await not_running()) co_return gone;
                co_return "container " + name + ": healthcheck: " + res.message();
            }
        }
        Health h = tracker.record(passed, clock.now() - start);
        if (h == Health::Healthy) co_return std::nullopt;
        if (h == Health::Unhealthy) co_return "container " + name + " is unhealthy";
    }
}

Task<void> Up::exit_monitor(ServiceRun& r) {
    while (!r.settled()) co_await changed_.wait();
    if (!r.started) co_return;
    int worst = 0;
    for (const auto& [name, n] : r.containers) {
        progress_.event("Container", name, "Waiting");
        PodmanResult res = co_await pm_.run(cmd("wait", name));
        int code = res.ok() ? wait_exit_code(res.out) : 1;
        progress_.event("Container", name, "Exited", true, code != 0);
        if (code != 0 && worst == 0) worst = code;
    }
    r.exit_code = worst;
    changed_.notify();
}

std::string Up::log_label(const std::string& service, int number) const {
    return s_.podman_compose ? service : display_name(service, number);
}

Task<void> Up::attach(std::string service, std::string name, int number) {
    std::string display = log_label(service, number);
    WaitGroup logs_done(ex_);
    logs_done.add();
    sys::Argv args{"-f"};
    if (o_.timestamps) args.push_back("-t");
    args.push_back(name);
    spawn_fn(ex_, [&]() -> Task<void> {
        auto sink = [&](std::string_view line) { printer_.line(display, line); };
        // A `podman logs -f` that cannot run must not end `up`, but it must be seen: the user
        // would otherwise watch a silent service. (Its exit status is not an error: the stream
        // ends when the container does, or when `up` stops the streams.)
        try {
            co_await pm_.stream(cmd("logs", args), sink, sink);
        } catch (const std::exception& e) {
            std::cerr << "ucompose: error: logs of " << name << ": " << e.what() << "\n";
        }
        logs_done.done();
    }, &spawn_error_);
    PodmanResult res = co_await pm_.run(cmd("wait", name));
    int code = res.ok() ? wait_exit_code(res.out) : 1;
    co_await logs_done.wait();
    printer_.status(display, "exited with code " + std::to_string(code));
    if (policy_.on_exit(service, code) && !aborting_) {
        std::cerr << "Aborting on container exit...\n" << std::flush;
        spawn_logged(ex_, stop_all(false), &spawn_error_);
    }
    --live_;
    changed_.notify();
}

Task<void> Up::stop_all(bool kill) {
    aborting_ = true;
    changed_.notify();
    std::vector<std::string> selected;
    for (const auto& [name, r] : runs_) selected.push_back(name);
    auto levels = levels_of(p_, selected);
    std::reverse(levels.begin(), levels.end());
    Progress progress(std::cerr, false);
    for (const auto& level : levels) {
        sys::Argv names;
        for (const auto& svc : level) {
            for (const auto& [name, n] : runs_[svc].containers) names.push_back(name);
        }
        if (names.empty()) continue;
        sys::Argv args;
        if (!kill && o_.timeout) args.insert(args.end(), {"-t", stop_time()});
        args.insert(args.end(), names.begin(), names.end());
        for (const auto& n : names) progress.event("Container", n, kill ? "Killing" : "Stopping");
        PodmanResult res = co_await pm_.run(cmd(kill ? "kill" : "stop", args));
        for (const auto& n : names) progress.event("Container", n, kill ? "Killed" : "Stopped", true);
        if (!res.ok() && !kill) spdlog::debug("stop: {}", res.message());
    }
}

Task<void> Up::handle_signals() {
    for (;;) {
        boost::system::error_code ec;
        co_await signals_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
        if (ec) co_return;
        ++signals_seen_;
        policy_.on_interrupt();
        if (signals_seen_ == 1) {
            std::cerr << "Gracefully stopping... (press Ctrl+C again to force)\n" << std::flush;
            spawn_logged(ex_, stop_all(false), &spawn_error_);
        } else {
            spawn_logged(ex_, stop_all(true), &spawn_error_);
        }
    }
}

Task<int> Up::wait_ready() {
    bool timed_out = false;
    asio::steady_timer timer(ex_);
    if (o_.wait_timeout) {
        timer.expires_after(std::chrono::seconds(*o_.wait_timeout));
        timer.async_wait([&](const boost::system::error_code& ec) {
            if (!ec) {
                timed_out = true;
                changed_.notify();
            }
        });
    }
    for (auto& [name, r] : runs_) {
        bool has_check = (r.svc->ucompose && r.svc->ucompose->has_probe()) ||
                         (r.svc->healthcheck && !r.svc->healthcheck->disable && !r.svc->healthcheck->test.empty());
        if (has_check) ensure_health_monitor(r);
    }
    auto ready = [&]() {
        for (auto& [name, r] : runs_) {
            if (r.health_monitor && !r.health) return false;
        }
        return true;
    };
    while (!ready() && !timed_out) co_await changed_.wait();
    timer.cancel();
    if (timed_out) {
        std::cerr << "ucompose: error: timed out after " << *o_.wait_timeout << "s waiting for services\n";
        co_return 1;
    }
    // A running container without a healthcheck counts as ready (docker compose --wait).
    for (auto& [name, r] : runs_) {
        if (r.health && *r.health != Health::Healthy && !r.no_healthcheck) {
            // docker compose --wait waits as for a dependency, in the same words.
            std::cerr << "ucompose: error: dependency failed to start: " << r.health_reason << "\n";
            co_return 1;
        }
    }
    co_return 0;
}

}  // namespace

bool attaches_to(const UpOptions& o, const std::string& service) {
    auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), service) != v.end(); };
    if (has(o.no_attach)) return false;
    if (!o.attach.empty()) return has(o.attach);
    return o.services.empty() || has(o.services);
}

void apply_scale(Project& project, const std::vector<std::string>& specs) {
    for (const std::string& spec : specs) {
        auto eq = spec.find('=');
        std::string name = spec.substr(0, eq);
        std::string num = eq == std::string::npos ? "" : spec.substr(eq + 1);
        bool digits = !num.empty() && num.size() <= 6 && num.find_first_not_of("0123456789") == std::string::npos;
        if (name.empty() || !digits) throw Error("--scale " + spec + ": expected SERVICE=NUM");
        auto it = project.services.find(name);
        if (it == project.services.end()) throw Error("--scale " + spec + ": no such service: " + name);
        int n = std::stoi(num);
        if (n > 1 && it->second.container_name)
            throw Error("--scale " + spec + ": service \"" + name + "\" sets container_name '" +
                        *it->second.container_name + "', so it cannot run " + num + " containers");
        it->second.scale = n;
    }
}

int up(Session& session, const UpOptions& options) {
    check_project_runtimes(session);  // before anything is created
    asio::io_context io;
    Up up(session, options, io.get_executor());
    return run_task(io, up.run());
}

}  // namespace ucompose
