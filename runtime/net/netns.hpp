// Running code inside another network namespace without moving the caller: a short-lived thread
// joins the namespace, and sockets it opens there stay bound to it.
#pragma once
#include <functional>
#include <string>

#include "runtime/sys/unique_fd.hpp"

namespace ucrun::net {

// Opens the netns file at path. Returns an empty fd when the netns is gone: the path does not
// exist, or is no longer a namespace (the mount point Podman leaves behind after unmounting).
sys::UniqueFd open_netns(const std::string& path);

// Whether netns is the one ucrun itself runs in (the host's): what `--network host` gives.
bool is_host_netns(const sys::UniqueFd& netns);

// Runs fn on a new thread that has joined the netns, waits for it, and rethrows what it threw.
void run_in_netns(const sys::UniqueFd& netns, const std::string& path, const std::function<void()>& fn);

}  // namespace ucrun::net
