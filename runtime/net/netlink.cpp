#include "runtime/net/netlink.hpp"

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

#include "runtime/sys/error.hpp"

namespace ucrun::net::nl {
namespace {

constexpr std::size_t align4(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

nlmsghdr* hdr(std::vector<std::uint8_t>& buf) { return reinterpret_cast<nlmsghdr*>(buf.data()); }

// The kernel reports -errno; any other value (INT_MIN, whose negation overflows, or a positive
// one) is a malformed reply.
int errno_of(int negative) { return negative <= 0 && negative >= -4095 ? -negative : EPROTO; }

}  // namespace

Message::Message(std::uint16_t type, std::uint16_t flags) : buf_(NLMSG_HDRLEN, 0) {
    hdr(buf_)->nlmsg_len = NLMSG_HDRLEN;
    hdr(buf_)->nlmsg_type = type;
    hdr(buf_)->nlmsg_flags = flags | NLM_F_REQUEST;
}

void Message::put_raw(const void* data, std::size_t len) {
    std::size_t at = buf_.size();
    buf_.resize(at + align4(len), 0);
    if (len) std::memcpy(buf_.data() + at, data, len);
    hdr(buf_)->nlmsg_len = static_cast<std::uint32_t>(buf_.size());
}

void Message::put_attr(std::uint16_t type, const void* data, std::size_t len) {
    nlattr a{};
    a.nla_len = static_cast<std::uint16_t>(NLA_HDRLEN + len);
    a.nla_type = type;
    put_raw(&a, sizeof a);
    put_raw(data, len);
}

std::size_t Message::begin_nested(std::uint16_t type) {
    std::size_t at = buf_.size();
    nlattr a{};
    a.nla_type = type | NLA_F_NESTED;
    put_raw(&a, sizeof a);
    return at;
}

void Message::end_nested(std::size_t offset) {
    auto* a = reinterpret_cast<nlattr*>(buf_.data() + offset);
    a->nla_len = static_cast<std::uint16_t>(buf_.size() - offset);
}

void Message::set_seq(std::uint32_t seq) { hdr(buf_)->nlmsg_seq = seq; }

void Message::add_flags(std::uint16_t flags) { hdr(buf_)->nlmsg_flags |= flags; }

bool Message::is_dump() const {
    // NLM_F_DUMP's bits mean NLM_F_CREATE/EXCL... on other requests: only a GET can be a dump.
    const auto* h = reinterpret_cast<const nlmsghdr*>(buf_.data());
    bool get = h->nlmsg_type >= RTM_BASE && h->nlmsg_type % 4 == 2;
    return get && (h->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
}

std::uint16_t Message::type() const {
    return reinterpret_cast<const nlmsghdr*>(buf_.data())->nlmsg_type;
}

Bytes Reply::attrs_after(std::size_t header_size) const {
    std::size_t off = align4(header_size);
    if (off >= payload.size()) return {};
    return Bytes(payload).subspan(off);
}

std::map<std::uint16_t, Bytes> parse_attrs(Bytes data) {
    std::map<std::uint16_t, Bytes> out;
    std::size_t off = 0;
    while (off + NLA_HDRLEN <= data.size()) {
        nlattr a;
        std::memcpy(&a, data.data() + off, sizeof a);
        if (a.nla_len < NLA_HDRLEN || off + a.nla_len > data.size()) break;
        out[a.nla_type & NLA_TYPE_MASK] = data.subspan(off + NLA_HDRLEN, a.nla_len - NLA_HDRLEN);
        off += align4(a.nla_len);
    }
    return out;
}

std::string attr_string(Bytes b) {
    auto end = std::find(b.begin(), b.end(), std::uint8_t{0});
    return std::string(b.begin(), end);
}

std::uint32_t attr_u32(Bytes b) {
    std::uint32_t v = 0;
    if (b.size() >= sizeof v) std::memcpy(&v, b.data(), sizeof v);
    return v;
}

std::vector<Reply> split_messages(Bytes datagram) {
    std::vector<Reply> out;
    std::size_t off = 0;
    while (off + NLMSG_HDRLEN <= datagram.size()) {
        nlmsghdr h;
        std::memcpy(&h, datagram.data() + off, sizeof h);
        if (h.nlmsg_len < NLMSG_HDRLEN || off + h.nlmsg_len > datagram.size()) break;
        Reply r;
        r.type = h.nlmsg_type;
        auto body = datagram.subspan(off + NLMSG_HDRLEN, h.nlmsg_len - NLMSG_HDRLEN);
        r.payload.assign(body.begin(), body.end());
        out.push_back(std::move(r));
        off += NLMSG_ALIGN(h.nlmsg_len);
    }
    return out;
}

std::string Result::describe() const {
    std::string s = std::strerror(error);
    if (!kernel_message.empty()) s += " (" + kernel_message + ")";
    return s;
}

Socket Socket::open_route() {
    sys::UniqueFd fd(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));
    if (!fd) sys::throw_errno("socket(AF_NETLINK, NETLINK_ROUTE)");
    int one = 1;
    // Best effort: the kernel's own words on an error, without the request echoed back.
    ::setsockopt(fd.get(), SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one);
    ::setsockopt(fd.get(), SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof one);
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&local), sizeof local) != 0)
        sys::throw_errno("bind netlink socket");
    return Socket(std::move(fd));
}

Result Socket::transact(Message& msg) {
    const auto& raw = msg.bytes();
    msg.add_flags(msg.is_dump() ? 0 : NLM_F_ACK);
    std::uint32_t seq = ++seq_;
    msg.set_seq(seq);

    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    while (::sendto(fd_.get(), raw.data(), raw.size(), 0, reinterpret_cast<sockaddr*>(&kernel),
                    sizeof kernel) < 0) {
        if (errno != EINTR) sys::throw_errno("send netlink request");
    }

    Result result;
    std::vector<std::uint8_t> buf(64 * 1024);
    for (;;) {
        ssize_t n = ::recv(fd_.get(), buf.data(), buf.size(), 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            sys::throw_errno("receive netlink reply");
        }
        if (absorb_datagram(Bytes(buf.data(), static_cast<std::size_t>(n)), seq, result)) return result;
    }
}

bool absorb_datagram(Bytes datagram, std::uint32_t seq, Result& result) {
    const std::size_t n = datagram.size();
    // Messages of an earlier, abandoned request carry another sequence number: skip them.
    std::size_t off = 0;
    while (off + NLMSG_HDRLEN <= n) {
        nlmsghdr mh;
        std::memcpy(&mh, datagram.data() + off, sizeof mh);
        if (mh.nlmsg_len < NLMSG_HDRLEN || off + mh.nlmsg_len > n)
            throw sys::Error("malformed netlink reply");
        Bytes whole = datagram.subspan(off, mh.nlmsg_len);
        off += NLMSG_ALIGN(mh.nlmsg_len);
        if (mh.nlmsg_seq != seq) continue;
        if (mh.nlmsg_type == NLMSG_DONE) {
            // A dump that failed midway says so in the int after the header.
            int status = 0;
            if (mh.nlmsg_len >= NLMSG_HDRLEN + sizeof status)
                std::memcpy(&status, whole.data() + NLMSG_HDRLEN, sizeof status);
            if (status < 0) result.error = errno_of(status);
            return true;
        }
        if (mh.nlmsg_type == NLMSG_ERROR) {
            nlmsgerr err{};
            Bytes body = whole.subspan(NLMSG_HDRLEN);
            std::memcpy(&err, body.data(), std::min(sizeof err, body.size()));
            result.error = errno_of(err.error);
            if (mh.nlmsg_flags & NLM_F_ACK_TLVS) {
                // With NETLINK_CAP_ACK the echoed request is just its header.
                std::size_t tlv_at = sizeof err;
                if (!(mh.nlmsg_flags & NLM_F_CAPPED)) tlv_at += err.msg.nlmsg_len - NLMSG_HDRLEN;
                // Aligned first: a message whose length is not a multiple of 4 would otherwise
                // put the TLVs past its end (subspan beyond the size, a read out of bounds).
                tlv_at = align4(tlv_at);
                if (tlv_at < body.size()) {
                    auto tlvs = parse_attrs(body.subspan(tlv_at));
                    if (auto it = tlvs.find(NLMSGERR_ATTR_MSG); it != tlvs.end())
                        result.kernel_message = attr_string(it->second);
                }
            }
            return true;
        }
        Reply r;
        r.type = mh.nlmsg_type;
        r.payload.assign(whole.begin() + NLMSG_HDRLEN, whole.end());
        result.replies.push_back(std::move(r));
    }
    return false;
}

}  // namespace ucrun::net::nl
