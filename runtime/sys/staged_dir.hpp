// A directory that appears whole or not at all: it is written as <root>/.tmp-<name>-<pid> and
// renamed to <root>/<name> on commit(); without commit() it is removed. Readers skip names that
// start with '.', so they never see half of one. Leftovers of writers killed before they
// committed (their pid is gone) are removed by the next writer of the same name.
#pragma once
#include <string>

namespace sys {

class StagedDir {
public:
    StagedDir(std::string root, std::string name);
    StagedDir(const StagedDir&) = delete;
    StagedDir& operator=(const StagedDir&) = delete;
    ~StagedDir();

    const std::string& path() const { return tmp_; }
    // Renames the staged directory to <root>/<name>. An existing <root>/<name> is exchanged with
    // it in one step (renameat2 RENAME_EXCHANGE; where the filesystem lacks it, renamed aside
    // first and put back if the rename fails), then removed. Returns the final path.
    std::string commit();

private:
    std::string root_, name_, tmp_;
    bool committed_ = false;
};

}  // namespace sys
