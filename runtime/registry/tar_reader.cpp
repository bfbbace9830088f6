#include "runtime/registry/tar_reader.hpp"

#include <optional>

#include "runtime/sys/error.hpp"

namespace ucrun::registry {
namespace {

constexpr std::size_t kBlock = 512;

std::string_view field(std::string_view header, std::size_t off, std::size_t len) {
    std::string_view f = header.substr(off, len);
    auto nul = f.find('\0');
    return nul == std::string_view::npos ? f : f.substr(0, nul);
}

// An octal field (leading spaces, trailing spaces or NULs), or the base-256 form GNU tar and Go
// use for large sizes (high bit of the first byte set).
std::optional<std::uint64_t> number(std::string_view header, std::size_t off, std::size_t len) {
    std::string_view f = header.substr(off, len);
    if (!f.empty() && (static_cast<unsigned char>(f[0]) & 0x80)) {
        std::uint64_t v = static_cast<unsigned char>(f[0]) & 0x7f;
        for (std::size_t i = 1; i < f.size(); ++i) {
            if (v >> 56) return std::nullopt;
            v = (v << 8) | static_cast<unsigned char>(f[i]);
        }
        return v;
    }
    std::size_t i = 0;
    while (i < f.size() && f[i] == ' ') ++i;
    std::uint64_t v = 0;
    bool any = false;
    for (; i < f.size() && f[i] >= '0' && f[i] <= '7'; ++i) {
        if (v >> 60) return std::nullopt;
        v = v * 8 + static_cast<std::uint64_t>(f[i] - '0');
        any = true;
    }
    for (; i < f.size(); ++i)
        if (f[i] != ' ' && f[i] != '\0') return std::nullopt;
    if (!any) return 0;
    return v;
}

bool checksum_ok(std::string_view header, std::uint64_t recorded) {
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i)
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(header[i]);
    return sum == recorded;
}

std::string clean_path(std::string p) {
    while (p.rfind("./", 0) == 0) p.erase(0, 2);
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
}

// pax records: "<len> <key>=<value>\n" repeated.
void apply_pax(std::string_view records, std::optional<std::string>& path, std::optional<std::uint64_t>& size,
               std::optional<std::string>& link, const std::string& where) {
    while (!records.empty()) {
        auto space = records.find(' ');
        if (space == std::string_view::npos || space == 0) throw sys::Error(where + ": malformed pax record");
        std::uint64_t len = 0;
        for (char c : records.substr(0, space)) {
            if (c < '0' || c > '9' || len > records.size()) throw sys::Error(where + ": malformed pax record length");
            len = len * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (len <= space + 1 || len > records.size() || records[len - 1] != '\n')
            throw sys::Error(where + ": malformed pax record");
        std::string_view kv = records.substr(space + 1, len - space - 2);
        auto eq = kv.find('=');
        if (eq == std::string_view::npos) throw sys::Error(where + ": pax record without '='");
        std::string_view key = kv.substr(0, eq), value = kv.substr(eq + 1);
        if (key == "path") path = std::string(value);
        if (key == "linkpath") link = std::string(value);
        if (key == "size") {
            std::uint64_t d = 0;
            for (char c : value) {
                if (c < '0' || c > '9' || d > (1ULL << 50)) throw sys::Error(where + ": malformed pax size");
                d = d * 10 + static_cast<std::uint64_t>(c - '0');
            }
            size = d;
        }
        records.remove_prefix(len);
    }
}

}  // namespace

std::vector<TarMember> read_tar(std::string_view archive, const std::string& origin, std::size_t max_members,
                                std::size_t counted) {
    std::vector<TarMember> out;
    std::optional<std::string> next_path, next_link;
    std::optional<std::uint64_t> next_size;
    std::size_t off = 0;
    while (true) {
        if (archive.size() - off < kBlock) {
            if (off == archive.size()) return out;  // no end blocks: accepted, as tar does
            throw sys::Error(origin + ": truncated tar header at offset " + std::to_string(off));
        }
        std::string_view header = archive.substr(off, kBlock);
        if (header.find_first_not_of('\0') == std::string_view::npos) return out;  // end of archive
        const std::string where = origin + ": tar member at offset " + std::to_string(off);
        auto sum = number(header, 148, 8);
        if (!sum || !checksum_ok(header, *sum)) throw sys::Error(where + ": bad header checksum");
        auto size = number(header, 124, 12);
        if (!size) throw sys::Error(where + ": malformed size");
        char type = header[156];
        if (next_size && type != 'x' && type != 'g' && type != 'L' && type != 'K') size = next_size;
        off += kBlock;
        if (*size > archive.size() - off) throw sys::Error(where + ": truncated content");
        std::string_view data = archive.substr(off, static_cast<std::size_t>(*size));
        off += static_cast<std::size_t>((*size + kBlock - 1) / kBlock * kBlock);
        if (off > archive.size()) off = archive.size();

        if (type == 'x') {
            apply_pax(data, next_path, next_size, next_link, where);
            continue;
        }
        if (type == 'g') continue;  // global pax header: nothing we use
        if (type == 'L') {
            next_path = std::string(field(data, 0, data.size()));
            continue;
        }
        if (type == 'K') {
            next_link = std::string(field(data, 0, data.size()));
            continue;
        }
        TarMember m;
        std::string name(field(header, 0, 100));
        if (field(header, 257, 5) == "ustar") {
            std::string prefix(field(header, 345, 155));
            if (!prefix.empty()) name = prefix + "/" + name;
        }
        m.path = clean_path(next_path ? *next_path : name);
        m.link = next_link ? *next_link : std::string(field(header, 157, 100));
        m.mode = static_cast<std::uint32_t>(number(header, 100, 8).value_or(0) & 07777);
        switch (type) {
            case '0':
            case '\0':
            case '7':
                m.type = TarMember::Type::file;
                m.data = data;
                break;
            case '5': m.type = TarMember::Type::directory; break;
            case '2': m.type = TarMember::Type::symlink; break;
            case '1': m.type = TarMember::Type::hardlink; break;
            default: m.type = TarMember::Type::other; break;
        }
        if (counted + out.size() >= max_members)
            throw sys::Error(origin + ": the image holds more than the limit of " + std::to_string(max_members) +
                             " tar members");
        out.push_back(std::move(m));
        next_path.reset();
        next_link.reset();
        next_size.reset();
    }
}

}  // namespace ucrun::registry
