// `wait`: block until the services' containers stop (docker compose's `wait`); the exit code is
// that of the last container to stop. With --down-project the first container to stop ends the
// wait and the project is brought down, with that container's exit code.
#include <iostream>

#include "orchestrator/engine/commands.hpp"
#include "orchestrator/engine/exit_policy.hpp"
#include "orchestrator/engine/loop.hpp"
#include "orchestrator/engine/ops.hpp"
#include "orchestrator/podman/wait_group.hpp"

namespace ucompose {
namespace {

Task<int> wait_task(Session& s, const WaitOptions& o) {
    auto ex = co_await asio::this_coro::executor;
    for (const auto& name : o.services) s.project.service(name);  // unknown service: error
    std::vector<ObservedContainer> all = co_await observe_containers(*s.client, s.project);
    std::vector<ObservedContainer> targets = select_containers(all, o.services, true);
    if (targets.empty()) throw Error("no containers for project \"" + s.project.name + "\"");
    WaitGroup group(ex);
    std::exception_ptr err;
    int code = 0;
    bool failed = false;  // a wait that failed: exit 1, whatever the containers after it say
    bool first_done = false;
    for (const auto& c : targets) {
        group.add();
        spawn_fn(ex, [&, name = c.name]() -> Task<void> {
            std::string out, errors;
            int rc = co_await s.client->stream(
                cmd("wait", name), [&](std::string_view l) { out += l; },
                [&](std::string_view l) { errors += std::string(l) + "\n"; });
            // A wait that --down-project's stop_streams() ended has nothing to say.
            if (!(o.down_project && first_done)) {
                std::optional<int> exited = parse_wait_output(out);  // `podman wait` prints the exit code
                if (rc != 0) {
                    std::cerr << "ucompose: error: wait " << name << ": " << PodmanResult{rc, "", errors}.message()
                              << "\n";
                    failed = true;
                } else if (!exited) {
                    std::cerr << "ucompose: error: wait " << name << ": podman wait printed no exit code"
                              << (out.empty() ? "" : ": " + out) << "\n";
                    failed = true;
                } else {
                    code = *exited;
                }
            }
            if (!first_done) {
                first_done = true;
                if (o.down_project) s.client->stop_streams();
            }
            group.done();
        }, &err);
    }
    co_await group.wait();
    if (err) std::rethrow_exception(err);
    co_return failed ? 1 : code;
}

}  // namespace

int wait(Session& session, const WaitOptions& options) {
    int code;
    {
        asio::io_context io;
        code = run_task(io, wait_task(session, options));
    }
    if (options.down_project) down(session, DownOptions{});
    return code;
}

}  // namespace ucompose
