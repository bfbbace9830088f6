// Whole-file reads and atomic writes (temp file + rename).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sys {

// Reads a whole file; throws SystemError naming the path.
std::string read_file(const std::string& path);
// Reads a whole file, or nullopt when it does not exist.
std::optional<std::string> read_file_if_exists(const std::string& path);

// Writes `path` atomically: the data goes to a temp file in the same directory,
// which is renamed over `path` on commit(). Without commit() the temp file is removed.
class AtomicFile {
public:
    explicit AtomicFile(std::string path, int mode = 0644);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();
    void write(std::string_view data);
    void commit();

private:
    std::string path_;
    std::string tmp_;
    int fd_ = -1;
};

// Writes all of `data` to `fd` (retrying short writes and EINTR); throws SystemError "write WHAT".
void write_all(int fd, std::string_view data, const std::string& what);

void write_file_atomic(const std::string& path, std::string_view data, int mode = 0644);

// Copies `from` to `to` (replaced if present), then gives `to` `mode`. Throws SystemError
// "copy FROM to TO: ...".
void copy_file(const std::string& from, const std::string& to, int mode = 0644);

// mkdir -p with an explicit mode for each directory it creates (less the umask); throws
// SystemError "mkdir DIR" naming the component that failed, on any failure other than EEXIST.
// Kept beside std::filesystem::create_directories, which creates with 0777 less the umask (world
// writable under umask 0, as a root service may run) and cannot make ucrun's 0700 state dirs.
void make_dirs(const std::string& path, int mode = 0755);
// rm -rf; missing paths are not an error.
void remove_tree(const std::string& path);
bool path_exists(const std::string& path);

}  // namespace sys
