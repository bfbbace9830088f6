// A temporary directory that is removed with its content unless released: the image builder's
// and the kernel build's work directories, and the unit tests' scratch trees.
#pragma once
#include <string>

namespace sys {

class TempDir {
public:
    // Creates `<parent>/<prefix>XXXXXX`; parent defaults to $TMPDIR or /var/tmp.
    explicit TempDir(const std::string& prefix, const std::string& parent = {});
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();

    const std::string& path() const { return path_; }
    std::string release();

private:
    std::string path_;
};

}  // namespace sys
