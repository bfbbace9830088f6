// The message of the sys::Error (ucompose::Error included) that `f` throws, or "(no error)":
// for unit tests that assert an error's exact text.
#pragma once
#include <functional>
#include <string>

#include "runtime/sys/error.hpp"

inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const sys::Error& e) {
        return e.what();
    }
    return "(no error)";
}
