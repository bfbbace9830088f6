#include "runtime/net/net.hpp"
#include "runtime/sys/fnv.hpp"

namespace ucrun::net {

std::string tap_name_for(const std::string& container_id) {
    return "uk" + sys::Fnv1a64().update(container_id).hex(12);
}

}  // namespace ucrun::net
