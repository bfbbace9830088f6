// Small pieces the argv writers of key_args/ are written with, for the common shapes: a flag
// per item, a flag with a value, KEY=VALUE pairs, a lone flag.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orchestrator/podman/key_args.hpp"

namespace ucompose::args {

inline void add(sys::Argv& a, const std::string& flag, const std::string& value) {
    a.push_back(flag);
    a.push_back(value);
}

// `flag item` for each item of a list.
inline KeyArgvWriter each(const char* flag, std::vector<std::string> Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        for (const auto& x : s.*member) add(a, flag, x);
    };
}

// `flag KEY=VALUE` for each entry of a mapping.
inline KeyArgvWriter pairs(const char* flag, std::map<std::string, std::string> Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        for (const auto& [k, v] : s.*member) add(a, flag, k + "=" + v);
    };
}

// `flag value` when set.
inline KeyArgvWriter value(const char* flag, std::optional<std::string> Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        if (s.*member) add(a, flag, *(s.*member));
    };
}

// `flag` alone when true.
inline KeyArgvWriter when(const char* flag, bool Service::*member) {
    return [flag, member](const Service& s, const ContainerSpec&, sys::Argv& a) {
        if (s.*member) a.push_back(flag);
    };
}

// A carried key with no argument of its own: `elsewhere` says how it reaches podman.
inline KeyArgs no_args(std::string_view key, std::string_view elsewhere) {
    return {.key = key, .elsewhere = elsewhere};
}

}  // namespace ucompose::args
