#include "runtime/unikernel/unikernel.hpp"

#include "runtime/sys/error.hpp"

namespace ucrun::unikernel {

std::string prepare(const PrepareRequest& req) {
    throw sys::Error("container `" + req.id + "`: unikernel support is not built in yet");
}

void cleanup(const std::string&, const std::string&, const Config&) {}

std::string exec_refusal(const std::string& id) {
    return "exec is not supported in container `" + id +
           "`: it is a unikernel, and the VM has no process to exec into";
}

}  // namespace ucrun::unikernel
