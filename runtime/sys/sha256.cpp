#include "runtime/sys/sha256.hpp"

#include <openssl/evp.h>

#include "runtime/sys/error.hpp"

namespace sys {
namespace {

EVP_MD_CTX* md(void* p) { return static_cast<EVP_MD_CTX*>(p); }

}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_) throw Error("sha256: EVP_MD_CTX_new failed");
    if (EVP_DigestInit_ex(md(ctx_), EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(md(ctx_));
        throw Error("sha256: EVP_DigestInit_ex failed");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(md(ctx_)); }

Sha256& Sha256::update(std::string_view data) {
    if (EVP_DigestUpdate(md(ctx_), data.data(), data.size()) != 1) throw Error("sha256: EVP_DigestUpdate failed");
    return *this;
}

std::string Sha256::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(md(ctx_), digest, &len) != 1) throw Error("sha256: EVP_DigestFinal_ex failed");
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * len);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(digits[digest[i] >> 4]);
        out.push_back(digits[digest[i] & 0xf]);
    }
    return out;
}

std::string sha256_hex(std::string_view data) { return Sha256().update(data).hex(); }

}  // namespace sys
