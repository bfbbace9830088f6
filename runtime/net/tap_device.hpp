// Persistent tap devices, made through /dev/net/tun in the calling thread's network namespace.
#pragma once
#include <sys/types.h>

#include <string>

namespace ucrun::net {

// Creates the persistent tap `name`, owned by uid:gid so that a process with that uid (or in that
// group) can attach to it without CAP_NET_ADMIN. Fails (EBUSY) when `name` already exists: an
// existing device is never adopted. Nothing is left behind on failure.
void create_persistent_tap(const std::string& name, uid_t uid, gid_t gid);

}  // namespace ucrun::net
