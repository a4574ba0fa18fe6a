// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/files.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

namespace clusterscope::core {
namespace {

constexpr std::size_t kBufferBytes = std::size_t{4} << 20;

XXH3_state_t* State(void* state) { return static_cast<XXH3_state_t*>(state); }

}  // namespace

Status ErrnoStatus(const std::string& what) {
  const int error = errno;
  const std::string message = fmt::format("{}: {}", what, std::strerror(error));
  return error == ENOSPC || error == EDQUOT ? Status::Unavailable(message)
                                            : Status::Internal(message);
}

ByteSink FileSink(int fd, std::string what) {
  return [fd, what = std::move(what)](const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t n = ::write(fd, data, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        return ErrnoStatus(fmt::format("writing {}", what));
      }
      data += n;
      size -= static_cast<std::size_t>(n);
    }
    return Status::Ok();
  };
}

HashingWriter::HashingWriter(ByteSink sink) : sink_(std::move(sink)), state_(XXH3_createState()) {
  XXH3_64bits_reset(State(state_));
  buffer_.reserve(kBufferBytes);
}

HashingWriter::~HashingWriter() { XXH3_freeState(State(state_)); }

Status HashingWriter::Write(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  XXH3_64bits_update(State(state_), bytes, size);
  while (size > 0) {
    const std::size_t take = std::min(size, kBufferBytes - buffer_.size());
    buffer_.insert(buffer_.end(), bytes, bytes + take);
    bytes += take;
    size -= take;
    if (buffer_.size() == kBufferBytes) CLUSTERSCOPE_RETURN_IF_ERROR(Flush());
  }
  return Status::Ok();
}

Status HashingWriter::Pad() {
  static constexpr char kZeros[8] = {};
  const std::size_t at = written_ + buffer_.size();
  return Write(kZeros, ((at + 7) & ~std::size_t{7}) - at);
}

std::uint64_t HashingWriter::Digest() const { return XXH3_64bits_digest(State(state_)); }

Status HashingWriter::Flush() {
  CLUSTERSCOPE_RETURN_IF_ERROR(sink_(buffer_.data(), buffer_.size()));
  written_ += buffer_.size();
  buffer_.clear();
  return Status::Ok();
}

Status HashingWriter::WriteUnhashed(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  buffer_.insert(buffer_.end(), bytes, bytes + size);
  return Flush();
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const ByteSink& sink)>& write) {
  static std::atomic<unsigned> writes{0};
  const std::string temp = fmt::format("{}.{}-{}.tmp", path, ::getpid(), writes++);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoStatus(fmt::format("creating {}", temp));
  Status status = write(FileSink(fd, temp));
  if (status.ok() && ::fsync(fd) != 0) status = ErrnoStatus(fmt::format("syncing {}", temp));
  ::close(fd);
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    status = ErrnoStatus(fmt::format("renaming {}", temp));
  }
  if (!status.ok()) ::unlink(temp.c_str());
  return status;
}

Status SyncDirectory(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(fmt::format("opening {}", path));
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? Status::Ok() : ErrnoStatus(fmt::format("syncing {}", path));
}

MappedFile::~MappedFile() {
  if (address_ != nullptr) ::munmap(address_, size_);
}

Result<std::shared_ptr<const MappedFile>> MapFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error(ErrnoStatus(fmt::format("opening {}", path)));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const Status status = ErrnoStatus(fmt::format("reading {}", path));
    ::close(fd);
    return Error(status);
  }
  auto file = std::shared_ptr<MappedFile>(new MappedFile());
  file->size_ = static_cast<std::size_t>(st.st_size);
  if (file->size_ > 0) {
    void* address = ::mmap(nullptr, file->size_, PROT_READ, MAP_SHARED, fd, 0);
    if (address == MAP_FAILED) {
      const Status status = ErrnoStatus(fmt::format("mapping {}", path));
      ::close(fd);
      return Error(status);
    }
    file->address_ = address;
  }
  ::close(fd);
  return std::shared_ptr<const MappedFile>(std::move(file));
}

}  // namespace clusterscope::core
