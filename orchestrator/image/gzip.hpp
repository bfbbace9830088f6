// Compression of the initramfs by the system's gzip (-n: no name or timestamp, so builds repeat).
#pragma once
#include <string>

#include "runtime/sys/process.hpp"

namespace ucompose::image {

sys::Argv gzip_argv();

// Compresses `input` into `output` (created 0644). Throws sys::Error with gzip's status on failure.
void gzip_file(const std::string& input, const std::string& output);

}  // namespace ucompose::image
