// Until runtime/net/ (issue 3) lands, unikernels get no NIC. runtime/net/ replaces the body of
// default_network() with its implementation of unikernel::Network.
#include "runtime/unikernel/network.hpp"

namespace ucrun::unikernel {
namespace {

class NoNetwork : public Network {
public:
    std::optional<GuestNic> attach(const NetworkRequest&) override { return std::nullopt; }
    void detach(const std::string&, const std::string&) override {}
};

}  // namespace

std::unique_ptr<Network> default_network() { return std::make_unique<NoNetwork>(); }

}  // namespace ucrun::unikernel
