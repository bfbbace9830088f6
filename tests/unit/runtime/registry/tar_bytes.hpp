// Building small tar archives in tests (ustar headers with a correct checksum).
#pragma once
#include <cstdio>
#include <cstring>
#include <string>

namespace tar_bytes {

// One header block. `type`: '0' file, '5' dir, '2' symlink, 'x' pax, 'L' GNU long name.
inline std::string header(const std::string& name, char type, std::size_t size, const std::string& prefix = {},
                          const std::string& link = {}) {
    std::string h(512, '\0');
    std::memcpy(&h[0], name.data(), std::min<std::size_t>(name.size(), 100));
    std::snprintf(&h[100], 8, "%07o", 0644u);
    std::snprintf(&h[108], 8, "%07o", 0u);
    std::snprintf(&h[116], 8, "%07o", 0u);
    std::snprintf(&h[124], 12, "%011zo", size);
    std::snprintf(&h[136], 12, "%011o", 0u);
    h[156] = type;
    std::memcpy(&h[157], link.data(), std::min<std::size_t>(link.size(), 100));
    std::memcpy(&h[257], "ustar\0" "00", 8);
    std::memcpy(&h[345], prefix.data(), std::min<std::size_t>(prefix.size(), 155));
    std::memset(&h[148], ' ', 8);
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    std::snprintf(&h[148], 8, "%06o", sum);
    h[155] = ' ';
    return h;
}

inline std::string padded(const std::string& data) {
    return data + std::string((512 - data.size() % 512) % 512, '\0');
}

inline std::string member(const std::string& name, char type, const std::string& data = {},
                          const std::string& prefix = {}, const std::string& link = {}) {
    return header(name, type, data.size(), prefix, link) + padded(data);
}

inline std::string pax(const std::string& key, const std::string& value) {
    std::string body = " " + key + "=" + value + "\n";
    std::size_t len = body.size() + 1;
    while (std::to_string(len).size() + body.size() != len) ++len;
    return member("PaxHeaders/x", 'x', std::to_string(len) + body);
}

inline std::string end() { return std::string(1024, '\0'); }

}  // namespace tar_bytes
