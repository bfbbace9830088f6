// A stand-in for a guest's NIC in tests/system/test_net_tap.sh: attaches to an existing tap as an
// unprivileged VMM would, and answers one ARP request for `ip` with `mac`.
#pragma once
#include <string>

int fake_guest_answer_arp(const std::string& tap, const std::string& mac, const std::string& ip);
// Sends `count` gratuitous ARP replies (broadcast) from `mac` claiming `claimed_ip`, one every
// 100 ms: what a guest poisoning a neighbour's entry sends.
int fake_guest_claim_ip(const std::string& tap, const std::string& mac, const std::string& claimed_ip, int count);
