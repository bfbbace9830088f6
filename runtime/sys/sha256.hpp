// SHA-256 (libcrypto's EVP): the digest for anything that tells content apart where the content
// may come from someone else: compose's config-hash label (com.docker.compose.config-hash is
// SHA-256 in Docker Compose too), the tracker image's content label, ucrun's cache of unpacked
// guest kernels. A short name that must fit a limit and need not resist a chosen input (a tap
// device's name) uses sys::Fnv1a64 (fnv.hpp) instead.
#pragma once
#include <string>
#include <string_view>

namespace sys {

class Sha256 {
public:
    Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    ~Sha256();

    Sha256& update(std::string_view data);
    // The 64 lowercase hex digits of the digest; the object is spent afterwards.
    std::string hex();

private:
    void* ctx_;  // EVP_MD_CTX, kept out of this header
};

// The lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace sys
