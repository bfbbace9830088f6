#include "runtime/unikernel/source.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "runtime/sys/error.hpp"

namespace ucrun::unikernel {

int64_t parse_memory_mib(const std::string& text, const std::string& what) {
    auto bad = [&](const std::string& why) -> sys::Error {
        return sys::Error(what + ": invalid memory size \"" + text + "\": " + why);
    };
    size_t i = 0;
    int64_t value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        if (value > std::numeric_limits<int64_t>::max() / 1024 / 10) throw bad("too large");
        value = value * 10 + (text[i] - '0');
        ++i;
    }
    if (i == 0) throw bad("expected a number of MiB, optionally with M or G");
    std::string suffix = text.substr(i);
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (suffix == "g" || suffix == "gi" || suffix == "gib")
        value *= 1024;
    else if (!(suffix.empty() || suffix == "m" || suffix == "mi" || suffix == "mib"))
        throw bad("unknown unit \"" + text.substr(i) + "\" (use M or G)");
    if (value <= 0) throw bad("must be positive");
    return value;
}

}  // namespace ucrun::unikernel
