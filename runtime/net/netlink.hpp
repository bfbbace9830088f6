// A minimal rtnetlink client: messages built as bytes, attributes parsed back, one socket that
// sends a request and collects its replies. No policy here; links.cpp and tc.cpp give it meaning.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "runtime/sys/unique_fd.hpp"

namespace ucrun::net::nl {

using Bytes = std::span<const std::uint8_t>;

// One request: nlmsghdr, then a family header (ifinfomsg, tcmsg...), then attributes.
class Message {
public:
    Message(std::uint16_t type, std::uint16_t flags);

    template <class T>
    void put_header(const T& family_header) {
        put_raw(&family_header, sizeof(T));
    }
    void put_attr(std::uint16_t type, const void* data, std::size_t len);
    void put_u32(std::uint16_t type, std::uint32_t value) { put_attr(type, &value, sizeof value); }
    void put_string(std::uint16_t type, const std::string& s) { put_attr(type, s.c_str(), s.size() + 1); }
    // Opens a nested attribute; close it with end_nested(returned offset).
    std::size_t begin_nested(std::uint16_t type);
    void end_nested(std::size_t offset);

    void set_seq(std::uint32_t seq);
    void add_flags(std::uint16_t flags);
    std::uint16_t type() const;
    bool is_dump() const;  // an rtnetlink GET with NLM_F_DUMP
    // The finished message, nlmsg_len included.
    const std::vector<std::uint8_t>& bytes() const { return buf_; }

private:
    void put_raw(const void* data, std::size_t len);
    std::vector<std::uint8_t> buf_;
};

// One reply message: its type and the payload after the nlmsghdr.
struct Reply {
    std::uint16_t type = 0;
    std::vector<std::uint8_t> payload;

    // The family header at the start of the payload (zero-filled if the payload is short).
    template <class T>
    T header() const {
        T h{};
        // An empty payload's data() may be null, which memcpy must not get even for 0 bytes.
        if (!payload.empty()) std::memcpy(&h, payload.data(), std::min(sizeof(T), payload.size()));
        return h;
    }
    // The attributes after a family header of `header_size` bytes.
    Bytes attrs_after(std::size_t header_size) const;
};

// Attributes of one level by type (flags masked off); the last one of a type wins.
std::map<std::uint16_t, Bytes> parse_attrs(Bytes data);
std::string attr_string(Bytes b);  // up to the first NUL
std::uint32_t attr_u32(Bytes b);   // 0 when too short

// Splits a datagram into messages. Pure, so the framing is testable without a socket.
std::vector<Reply> split_messages(Bytes datagram);

// The outcome of a request: errno (0 = success), the kernel's extended ack text if any, and the
// replies that came before the ack or NLMSG_DONE.
struct Result {
    int error = 0;
    std::string kernel_message;
    std::vector<Reply> replies;
    // "File exists" or "File exists (Exclusivity flag on, cannot modify)".
    std::string describe() const;
};

// Adds one received datagram to the outcome of request `seq` (messages of other requests are
// skipped). True once it held the request's end (ack, error or NLMSG_DONE). Throws on broken
// framing. Pure: transact's parser, testable without a socket.
bool absorb_datagram(Bytes datagram, std::uint32_t seq, Result& result);

// A NETLINK_ROUTE socket, bound to the network namespace of the thread that opened it.
class Socket {
public:
    static Socket open_route();

    // Sends msg (NLM_F_REQUEST is added; NLM_F_ACK too unless it is a dump) and reads replies
    // up to the ack, the error or NLMSG_DONE.
    Result transact(Message& msg);

private:
    explicit Socket(sys::UniqueFd fd) : fd_(std::move(fd)) {}
    sys::UniqueFd fd_;
    std::uint32_t seq_ = 0;
};

}  // namespace ucrun::net::nl
