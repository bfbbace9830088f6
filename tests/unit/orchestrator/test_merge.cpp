// The merge rules (orchestrator/model/merge.cpp) each service key names, as the compose spec's
// "Merging service definitions" has them: mappings by key, sequences appended unique, the
// unique resources (ports, volumes, secrets, configs) by their key, scalars replaced.
#include <catch2/catch.hpp>

#include "keys/keys_fixture.hpp"

using namespace ucompose;
using keys_test::service;

TEST_CASE("merge: ports by host_ip:published:target/protocol, the later one wins", "[merge]") {
    Service s = service({"image: x\nports: ['8080:80', '53:53/udp']\n",
                         "ports:\n  - {target: 80, published: '8080', mode: host}\n  - '9090:80'\n"});
    REQUIRE(s.ports.size() == 3);
    CHECK(s.ports[0].target == 80);
    CHECK(s.ports[0].mode == "host");  // replaced, not a second -p 8080:80
    CHECK(s.ports[1].protocol == "udp");
    CHECK(*s.ports[2].published == "9090");
}

TEST_CASE("merge: secrets and configs by target", "[merge]") {
    Service s = service({"image: x\nsecrets: [token, {source: a, target: /etc/a}]\nconfigs: [c]\n",
                         "secrets: [{source: other, target: token}, b]\nconfigs: [{source: d, target: /c}]\n"});
    REQUIRE(s.secrets.size() == 3);
    CHECK(s.secrets[0].source == "other");  // /run/secrets/token either way
    CHECK(s.secrets[1].source == "a");
    CHECK(s.secrets[2].source == "b");
    REQUIRE(s.configs.size() == 1);
    CHECK(s.configs[0].source == "d");
}

TEST_CASE("merge: volumes by target", "[merge]") {
    Service s = service({"image: x\nvolumes: ['/a:/data', '/b:/b']\n", "volumes: ['/c:/data:ro']\n"});
    REQUIRE(s.volumes.size() == 2);
    CHECK(*s.volumes[0].source == "/c");
    CHECK(s.volumes[0].read_only);
}

TEST_CASE("merge: mappings by key, sequences appended unique, scalars and commands replaced", "[merge]") {
    Service s = service({"image: x\nenvironment: [A=1, B=2]\ncap_add: [NET_ADMIN]\ncommand: [a, b]\nuser: u\n",
                         "image: y\nenvironment: {B: '3'}\ncap_add: [SYS_TIME, NET_ADMIN]\ncommand: [c]\n"});
    CHECK(*s.image == "y");
    CHECK(s.environment == std::map<std::string, std::optional<std::string>>{{"A", "1"}, {"B", "3"}});
    CHECK(s.cap_add == std::vector<std::string>{"NET_ADMIN", "SYS_TIME"});
    CHECK(*s.command == std::vector<std::string>{"c"});
    CHECK(*s.user == "u");
}

TEST_CASE("merge: healthcheck.test replaces, its timing merges; logging options only per driver", "[merge]") {
    Service s = service({"image: x\nhealthcheck: {test: [CMD, a, b], interval: 5s}\n"
                         "logging: {driver: json-file, options: {max-size: 1m}}\n",
                         "healthcheck: {test: [CMD, c], retries: 2}\nlogging: {options: {max-file: '3'}}\n"});
    CHECK(s.healthcheck->test == std::vector<std::string>{"CMD", "c"});
    CHECK(s.healthcheck->interval == std::chrono::seconds(5));
    CHECK(s.healthcheck->retries == 2);
    CHECK(s.logging->options == std::map<std::string, std::string>{{"max-file", "3"}, {"max-size", "1m"}});

    Service other = service({"image: x\nlogging: {driver: json-file, options: {max-size: 1m}}\n",
                             "logging: {driver: journald}\n"});
    CHECK(*other.logging->driver == "journald");
    CHECK(other.logging->options.empty());
}

TEST_CASE("merge: !reset removes and !override replaces whole", "[merge]") {
    Service s = service({"image: x\ndns: [1.1.1.1]\nports: ['80:80']\n",
                         "dns: !reset []\nports: !override ['81:81']\n"});
    CHECK(s.dns.empty());
    REQUIRE(s.ports.size() == 1);
    CHECK(s.ports[0].target == 81);
}
