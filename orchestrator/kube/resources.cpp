// resources.limits / requests of the container:
//   deploy.resources.limits.memory, else mem_limit               -> limits.memory
//   deploy.resources.limits.cpus, else cpus                      -> limits.cpu
//   deploy.resources.reservations.memory, else mem_reservation   -> requests.memory
//   deploy.resources.reservations.cpus                           -> requests.cpu
#include <cmath>

#include "orchestrator/kube/parts.hpp"

namespace ucompose::kube {
namespace {

constexpr int64_t kMi = 1024 * 1024;

void put_memory(Manifest& m, std::optional<int64_t> bytes) {
    if (bytes && *bytes > 0)
        m["memory"] = memory_quantity(*bytes);
}

void put_cpu(Manifest& m, std::optional<double> cpus) {
    if (cpus && *cpus > 0)
        m["cpu"] = cpu_quantity(*cpus);
}

template <class T>
std::optional<T> first_of(std::optional<T> a, std::optional<T> b) {
    return a ? a : b;
}

}  // namespace

std::string memory_quantity(int64_t bytes) {
    return bytes % kMi == 0 ? std::to_string(bytes / kMi) + "Mi" : std::to_string(bytes);
}

std::string cpu_quantity(double cpus) {
    int64_t milli = std::max<int64_t>(1, std::llround(cpus * 1000));
    return milli % 1000 == 0 ? std::to_string(milli / 1000) : std::to_string(milli) + "m";
}

std::optional<Manifest> resources(const Service& s) {
    const ResourceSpec none;
    const ResourceSpec& lim = s.deploy ? s.deploy->limits : none;
    const ResourceSpec& res = s.deploy ? s.deploy->reservations : none;
    Manifest limits = Manifest::object(), requests = Manifest::object();
    put_cpu(limits, first_of(lim.cpus, s.cpus));
    put_memory(limits, first_of(lim.memory, s.mem_limit));
    put_cpu(requests, res.cpus);
    put_memory(requests, first_of(res.memory, s.mem_reservation));
    Manifest out = Manifest::object();
    if (!limits.empty())
        out["limits"] = limits;
    if (!requests.empty())
        out["requests"] = requests;
    if (out.empty())
        return std::nullopt;
    return out;
}

}  // namespace ucompose::kube
