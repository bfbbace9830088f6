// An in-memory file system for the compose loader's fuzz target: the model reads files only
// through sys::read_file, sys::read_file_if_exists and sys::path_exists, which
// virtual_files.cpp implements over this map instead of runtime/sys/file.cpp. So a fuzz input
// never touches the disk, and `extends: {file: /dev/stdin}` finds nothing instead of blocking.
#pragma once
#include <map>
#include <string>

namespace fuzz {

// Absolute path -> content. Directories are implied by the files' paths.
std::map<std::string, std::string>& virtual_files();

}  // namespace fuzz
