// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Files written durably and read back by memory map: what the fact segments and the engine's
// panel image share. A writer hashes every byte it writes (XXH3-64, for a footer) through a
// large buffer; a mapping is read-only and unmapped when its last user goes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::core {

// `what` with errno's text: Unavailable when the disk or quota is full, else Internal.
Status ErrnoStatus(const std::string& what);

// Where written bytes go: a file descriptor, or a string for in-memory stores.
using ByteSink = std::function<Status(const char* data, std::size_t size)>;
// Writes to `fd` in full; `what` names the file in errors.
ByteSink FileSink(int fd, std::string what);

// Appends through a large buffer, hashing every byte on the way.
class HashingWriter {
 public:
  explicit HashingWriter(ByteSink sink);
  ~HashingWriter();
  HashingWriter(const HashingWriter&) = delete;
  HashingWriter& operator=(const HashingWriter&) = delete;

  Status Write(const void* data, std::size_t size);
  // Zeros up to the next multiple of 8 of the bytes written so far.
  Status Pad();
  template <typename T>
  Status WriteValue(const T& value) {
    return Write(&value, sizeof value);
  }
  std::uint64_t Digest() const;
  Status Flush();
  // Bytes after the digest (the footer), not hashed; flushed at once.
  Status WriteUnhashed(const void* data, std::size_t size);

 private:
  ByteSink sink_;
  void* state_;  // XXH3_state_t, kept out of this header
  std::vector<char> buffer_;
  std::size_t written_ = 0;
};

// Writes a file whole or not at all: `write` fills a temporary file of this writer's own (the
// pid and a counter, created exclusively, readable by the owner only), which is fsynced and
// renamed over `path`; on any failure it is removed. Two processes writing the same path at
// once each write their own file, and the last rename wins.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(const ByteSink& sink)>& write);

// Fsyncs a directory, so that a rename in it survives a crash.
Status SyncDirectory(const std::string& path);

// A file mapped read-only; data() is nullptr for an empty file.
class MappedFile {
 public:
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  const char* data() const { return static_cast<const char*>(address_); }
  std::size_t size() const { return size_; }

 private:
  friend Result<std::shared_ptr<const MappedFile>> MapFile(const std::string& path);
  MappedFile() = default;
  void* address_ = nullptr;
  std::size_t size_ = 0;
};

// Maps `path` read-only; an ErrnoStatus naming it if it cannot be opened or mapped.
Result<std::shared_ptr<const MappedFile>> MapFile(const std::string& path);

}  // namespace clusterscope::core
