// `logs`: every selected container's `podman logs` at once, prefixed `service-1  | ` (compat
// mode: `[service_1] |`).
#include <iostream>
#include <map>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/log_style.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/names.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/engine/output.hpp"
#include "orchestrator/podman/wait_group.hpp"

namespace ucompose {
namespace {

Task<int> logs_task(Session& s, const LogsOptions& o) {
    auto ex = co_await asio::this_coro::executor;
    std::vector<ObservedContainer> all = co_await observe_containers(*s.client, s.project);
    std::vector<ObservedContainer> targets = select_containers(all, o.services, false);
    LogPrinter printer(std::cout, log_style(s, o.no_color, o.no_log_prefix));
    // podman-compose's label and colour, or docker's; podman-compose pads to the longest
    // service name and asks podman to colour the text too.
    auto label = [&](const ObservedContainer& c) {
        if (!s.podman_compose) return display_name(c.service(), c.number());
        auto it = s.project.services.find(c.service());
        return it == s.project.services.end() ? c.name : podman_compose_label(it->second, c.number());
    };
    if (s.podman_compose) {
        std::map<std::string, int> colors = podman_compose_colors(s.project);
        for (const auto& c : targets) {
            printer.add(label(c), colors[c.service()]);
            printer.pad_to(c.service().size());
        }
    } else {
        for (const auto& c : targets) printer.add(label(c));
    }
    const bool podman_color = s.podman_compose && s.ansi && !o.no_color;
    WaitGroup group(ex);
    std::exception_ptr err;
    int rc = 0;
    for (const auto& c : targets) {
        sys::Argv args;
        if (o.follow) args.push_back("-f");
        if (podman_color) args.push_back("--color");
        if (o.timestamps) args.push_back("-t");
        if (o.tail && *o.tail != "all") args.insert(args.end(), {"--tail", *o.tail});
        if (o.since) args.insert(args.end(), {"--since", *o.since});
        if (o.until) args.insert(args.end(), {"--until", *o.until});
        args.push_back(c.name);
        std::string display = label(c);
        group.add();
        spawn_fn(ex, [&, args, display]() -> Task<void> {
            auto sink = [&](std::string_view line) { printer.line(display, line); };
            std::string last_err;  // podman's own error, if it failed, is its last stderr line
            auto err_sink = [&](std::string_view line) {
                printer.line(display, line);
                if (!line.empty()) last_err = std::string(line) + "\n";
            };
            PodmanCommand command = cmd("logs", args);
            int code = co_await s.client->stream(command, sink, err_sink);
            if (code != 0) {
                std::cerr << "ucompose: error: logs " << args.back() << ": "
                          << PodmanResult{code, "", last_err}.message() << "\n";
                rc = 1;
            }
            group.done();
        }, &err);
    }
    co_await group.wait();
    if (err) std::rethrow_exception(err);
    co_return rc;
}

}  // namespace

int logs(Session& session, const LogsOptions& options) {
    asio::io_context io;
    return run_task(io, logs_task(session, options));
}

}  // namespace ucompose
