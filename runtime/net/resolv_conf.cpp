#include <arpa/inet.h>

#include <sstream>

#include "runtime/net/net.hpp"

namespace ucrun::net {
namespace {

bool is_ipv4(const std::string& s) {
    in_addr a;
    return ::inet_pton(AF_INET, s.c_str(), &a) == 1;
}

}  // namespace

void parse_resolv_conf(const std::string& text, GuestNet& out) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (auto hash = line.find_first_of("#;"); hash != std::string::npos) line.resize(hash);
        std::istringstream words(line);
        std::string key, word;
        if (!(words >> key)) continue;
        if (key == "nameserver") {
            if (words >> word && is_ipv4(word)) out.dns.push_back(word);
        } else if (key == "search" || key == "domain") {
            // As in the resolver: the last search or domain line wins.
            out.search.clear();
            while (words >> word) out.search.push_back(word);
            if (key == "domain" && out.search.size() > 1) out.search.resize(1);
        }
    }
}

}  // namespace ucrun::net
