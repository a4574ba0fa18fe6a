// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Monthly facts live in segment files beside the database, one immutable file per import
// batch, columnar and sorted by (credit code, period); SQLite records which segments exist
// (table fact_segment) in the same transaction as the batch. A segment is written to a
// temporary name, fsynced, renamed and the directory fsynced before the transaction commits,
// so a kill leaves either a committed batch with its file or an orphan file that no committed
// row names (removed at the next write).
//
// File layout (little-endian; every section starts on an 8-byte boundary):
//   header  "CSFACTS\1", u32 version, u32 measure count, i64 batch id, u64 rows, u64 enterprises
//   codes   enterprises x 18 bytes (credit codes, ascending)
//   first   u64 x (enterprises + 1): rows of enterprise k are [first[k], first[k+1])
//   period  i32 x rows (core::Period::Index())
//   valid   u16 x rows (bit m set when measure m is present)
//   values  f64 x rows, for each measure in model::Measure order (0.0 where missing)
//   format 2 only, the prior-year figures (上年同期) the rows report:
//   prior valid  u16 x rows (bit m set when measure m's prior-year figure is present)
//   prior        f64 x rows, for each measure (0.0 where missing)
//   footer  u64 XXH3-64 of every byte before it, "CSFEND\1\0"
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "clusterscope/core/status.h"
#include "clusterscope/model/monthly_panel.h"

namespace clusterscope::storage::facts {

inline constexpr std::size_t kCodeWidth = 18;  // a unified social credit code

// A read-only view of one segment's bytes (a memory map, or a buffer for in-memory stores).
class Segment {
 public:
  // Checks the layout against the byte count; DataLoss naming `name` if it does not hold.
  static Result<std::shared_ptr<const Segment>> Open(std::string name,
                                                     std::shared_ptr<const void> owner,
                                                     const char* data, std::size_t size);

  const std::string& name() const { return name_; }
  std::int64_t batch_id() const { return batch_id_; }
  std::size_t rows() const { return rows_; }
  std::size_t enterprises() const { return enterprises_; }
  std::string_view uscc(std::size_t k) const { return {codes_ + k * kCodeWidth, kCodeWidth}; }
  // The enterprise index of `uscc`, or -1.
  std::int64_t Find(std::string_view uscc) const;
  std::size_t first_row(std::size_t k) const { return first_[k]; }
  std::size_t end_row(std::size_t k) const { return first_[k + 1]; }
  std::int32_t period(std::size_t row) const { return period_[row]; }
  std::uint16_t valid(std::size_t row) const { return valid_[row]; }
  double value(std::size_t m, std::size_t row) const { return values_[m * rows_ + row]; }
  bool has_priors() const { return prior_valid_ != nullptr; }
  std::uint16_t prior_valid(std::size_t row) const {
    return prior_valid_ != nullptr ? prior_valid_[row] : std::uint16_t{0};
  }
  double prior(std::size_t m, std::size_t row) const {
    return prior_ != nullptr ? prior_[m * rows_ + row] : 0.0;
  }

  // Recomputes the checksum over the bytes: DataLoss if it differs from the footer's.
  Status Verify() const;
  // The checksum the footer records.
  std::uint64_t checksum() const;

 private:
  Segment() = default;

  std::string name_;
  std::shared_ptr<const void> owner_;  // keeps the mapping alive
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::int64_t batch_id_ = 0;
  std::size_t rows_ = 0;
  std::size_t enterprises_ = 0;
  const char* codes_ = nullptr;
  const std::uint64_t* first_ = nullptr;
  const std::int32_t* period_ = nullptr;
  const std::uint16_t* valid_ = nullptr;
  const double* values_ = nullptr;
  const std::uint16_t* prior_valid_ = nullptr;  // format 2 only
  const double* prior_ = nullptr;
};

struct SegmentInfo {
  std::string file;  // name inside the directory
  std::int64_t rows = 0;
  std::int64_t enterprises = 0;
  std::int64_t bytes = 0;
  std::uint64_t checksum = 0;
};

// The segment files of one database: "<database>.facts/" beside it, or memory for ":memory:".
class SegmentDirectory {
 public:
  explicit SegmentDirectory(const std::string& database_path);

  // Writes a sorted panel (MonthlyPanel::Sort) durably as batch `batch_id`'s segment.
  Result<SegmentInfo> Write(const model::MonthlyPanel& panel, std::int64_t batch_id);
  // Maps the named segment (cached: a segment never changes once written).
  Result<std::shared_ptr<const Segment>> Open(const std::string& name);
  // Deletes segment files not named in `committed`: those of imports that never committed.
  // Call only under the database's write lock, when no other import can be between its
  // rename and its commit.
  Status RemoveOrphans(const std::set<std::string>& committed);
  // Forgets and deletes one file (an import rolled back in this process).
  void Remove(const std::string& name);
  // "<kind>-<key>.cache" in the directory, for a cache derived from the segments whose names
  // hash to `key`; deletes the files of `kind` with other keys. nullopt in memory or when the
  // directory does not exist yet.
  std::optional<std::string> CachePath(std::string_view kind, std::string_view key);

  const std::string& path() const { return path_; }  // empty for in-memory

 private:
  std::string path_;
  std::map<std::string, std::shared_ptr<const std::string>> memory_;  // in-memory store
  std::map<std::string, std::shared_ptr<const Segment>> open_;
};

}  // namespace clusterscope::storage::facts
