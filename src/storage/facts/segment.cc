// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "segment.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <unistd.h>
#include <xxhash.h>

#include "clusterscope/core/files.h"

namespace clusterscope::storage::facts {
namespace {

constexpr char kMagic[8] = {'C', 'S', 'F', 'A', 'C', 'T', 'S', 1};
constexpr char kEndMagic[8] = {'C', 'S', 'F', 'E', 'N', 'D', 1, 0};
// Format 1 has no prior-year figures; format 2 adds them. A batch without any is written in
// format 1, so the files of databases that never import them do not change.
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kVersionWithPriors = 2;
constexpr std::size_t kHeaderBytes = 40;
constexpr std::size_t kFooterBytes = 16;

constexpr std::size_t Pad8(std::size_t n) { return (n + 7) & ~std::size_t{7}; }

struct Layout {
  std::size_t codes, first, period, valid, values, prior_valid, prior, footer, total;
};

Layout LayoutOf(std::size_t rows, std::size_t enterprises, bool with_priors) {
  Layout l{};
  l.codes = kHeaderBytes;
  l.first = l.codes + Pad8(enterprises * kCodeWidth);
  l.period = l.first + (enterprises + 1) * 8;
  l.valid = l.period + Pad8(rows * 4);
  l.values = l.valid + Pad8(rows * 2);
  l.prior_valid = l.values + rows * 8 * model::kMeasureCount;
  l.prior = l.prior_valid + (with_priors ? Pad8(rows * 2) : 0);
  l.footer = l.prior + (with_priors ? rows * 8 * model::kMeasureCount : 0);
  l.total = l.footer + kFooterBytes;
  return l;
}

Status WriteSegmentBytes(core::ByteSink sink, const model::MonthlyPanel& panel,
                         std::int64_t batch_id, std::uint64_t& checksum) {
  core::HashingWriter out(std::move(sink));
  const std::uint64_t rows = panel.rows();
  const std::uint64_t enterprises = panel.enterprises();
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Write(kMagic, sizeof kMagic));
  CLUSTERSCOPE_RETURN_IF_ERROR(out.WriteValue(panel.has_priors() ? kVersionWithPriors : kVersion));
  CLUSTERSCOPE_RETURN_IF_ERROR(out.WriteValue(static_cast<std::uint32_t>(model::kMeasureCount)));
  CLUSTERSCOPE_RETURN_IF_ERROR(out.WriteValue(batch_id));
  CLUSTERSCOPE_RETURN_IF_ERROR(out.WriteValue(rows));
  CLUSTERSCOPE_RETURN_IF_ERROR(out.WriteValue(enterprises));
  for (const auto& uscc : panel.usccs()) {
    if (uscc.size() != kCodeWidth) {
      return Status::InvalidArgument(
          fmt::format("'{}' is not an 18-character credit code; a fact segment needs one", uscc));
    }
    CLUSTERSCOPE_RETURN_IF_ERROR(out.Write(uscc.data(), kCodeWidth));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Pad());
  for (std::uint32_t k = 0; k <= enterprises; ++k) {
    const std::uint64_t first = k < enterprises ? panel.RowsOf(k).first : rows;
    CLUSTERSCOPE_RETURN_IF_ERROR(out.WriteValue(first));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Write(panel.periods().data(), rows * 4));
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Pad());
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Write(panel.valid().data(), rows * 2));
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Pad());
  for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
    CLUSTERSCOPE_RETURN_IF_ERROR(
        out.Write(panel.column(static_cast<model::Measure>(m)).data(), rows * 8));
  }
  if (panel.has_priors()) {
    CLUSTERSCOPE_RETURN_IF_ERROR(out.Write(panel.prior_valid().data(), rows * 2));
    CLUSTERSCOPE_RETURN_IF_ERROR(out.Pad());
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      CLUSTERSCOPE_RETURN_IF_ERROR(
          out.Write(panel.prior_column(static_cast<model::Measure>(m)).data(), rows * 8));
    }
  }
  checksum = out.Digest();
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Flush());
  char footer[kFooterBytes];
  std::memcpy(footer, &checksum, 8);
  std::memcpy(footer + 8, kEndMagic, 8);
  return out.WriteUnhashed(footer, sizeof footer);
}

}  // namespace

Result<std::shared_ptr<const Segment>> Segment::Open(std::string name,
                                                     std::shared_ptr<const void> owner,
                                                     const char* data, std::size_t size) {
  const auto corrupt = [&](std::string_view why) {
    return Error(Status::DataLoss(fmt::format(
        "fact segment {} is damaged ({}); restore it from a backup of the database and its "
        ".facts directory",
        name, why)));
  };
  if (size < kHeaderBytes + kFooterBytes || std::memcmp(data, kMagic, sizeof kMagic) != 0) {
    return corrupt("not a segment file");
  }
  std::uint32_t version = 0;
  std::uint32_t measures = 0;
  auto segment = std::shared_ptr<Segment>(new Segment());
  std::uint64_t rows = 0;
  std::uint64_t enterprises = 0;
  std::memcpy(&version, data + 8, 4);
  std::memcpy(&measures, data + 12, 4);
  std::memcpy(&segment->batch_id_, data + 16, 8);
  std::memcpy(&rows, data + 24, 8);
  std::memcpy(&enterprises, data + 32, 8);
  if ((version != kVersion && version != kVersionWithPriors) || measures != model::kMeasureCount) {
    return corrupt(fmt::format("format {} with {} measures", version, measures));
  }
  if (rows > (std::uint64_t{1} << 36) || enterprises > rows) return corrupt("impossible counts");
  const bool with_priors = version == kVersionWithPriors;
  const Layout layout = LayoutOf(rows, enterprises, with_priors);
  if (layout.total != size) {
    return corrupt(fmt::format("{} bytes where {} were written: truncated", size, layout.total));
  }
  if (std::memcmp(data + layout.footer + 8, kEndMagic, sizeof kEndMagic) != 0) {
    return corrupt("no end marker");
  }
  segment->name_ = std::move(name);
  segment->owner_ = std::move(owner);
  segment->data_ = data;
  segment->size_ = size;
  segment->rows_ = rows;
  segment->enterprises_ = enterprises;
  segment->codes_ = data + layout.codes;
  segment->first_ = reinterpret_cast<const std::uint64_t*>(data + layout.first);
  segment->period_ = reinterpret_cast<const std::int32_t*>(data + layout.period);
  segment->valid_ = reinterpret_cast<const std::uint16_t*>(data + layout.valid);
  segment->values_ = reinterpret_cast<const double*>(data + layout.values);
  if (with_priors) {
    segment->prior_valid_ = reinterpret_cast<const std::uint16_t*>(data + layout.prior_valid);
    segment->prior_ = reinterpret_cast<const double*>(data + layout.prior);
  }
  if (segment->first_[enterprises] != rows) return corrupt("row index does not add up");
  return std::shared_ptr<const Segment>(std::move(segment));
}

std::int64_t Segment::Find(std::string_view uscc) const {
  std::size_t lo = 0;
  std::size_t hi = enterprises_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (this->uscc(mid) < uscc) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < enterprises_ && this->uscc(lo) == uscc ? static_cast<std::int64_t>(lo) : -1;
}

std::uint64_t Segment::checksum() const {
  std::uint64_t stored = 0;
  std::memcpy(&stored, data_ + LayoutOf(rows_, enterprises_, has_priors()).footer, 8);
  return stored;
}

Status Segment::Verify() const {
  const Layout layout = LayoutOf(rows_, enterprises_, has_priors());
  std::uint64_t stored = 0;
  std::memcpy(&stored, data_ + layout.footer, 8);
  if (XXH3_64bits(data_, layout.footer) != stored) {
    return Status::DataLoss(fmt::format(
        "fact segment {} is damaged (its checksum does not match); restore it from a backup",
        name_));
  }
  return Status::Ok();
}

SegmentDirectory::SegmentDirectory(const std::string& database_path) {
  if (database_path != ":memory:" && !database_path.empty()) path_ = database_path + ".facts";
}

Result<SegmentInfo> SegmentDirectory::Write(const model::MonthlyPanel& panel,
                                            std::int64_t batch_id) {
  if (!panel.IsSorted()) return Error(Status::Internal("a fact segment needs a sorted panel"));
  SegmentInfo info;
  const auto stamp = std::chrono::system_clock::now().time_since_epoch().count();
  info.file = fmt::format("batch-{:06}-{:x}.seg", batch_id, stamp);
  info.rows = static_cast<std::int64_t>(panel.rows());
  info.enterprises = static_cast<std::int64_t>(panel.enterprises());
  info.bytes = static_cast<std::int64_t>(
      LayoutOf(panel.rows(), panel.enterprises(), panel.has_priors()).total);

  if (path_.empty()) {
    auto bytes = std::make_shared<std::string>();
    bytes->reserve(static_cast<std::size_t>(info.bytes));
    CLUSTERSCOPE_RETURN_IF_ERROR(WriteSegmentBytes(
        [&bytes](const char* data, std::size_t size) {
          bytes->append(data, size);
          return Status::Ok();
        },
        panel, batch_id, info.checksum));
    memory_[info.file] = std::move(bytes);
    return info;
  }

  std::error_code error;
  // Like the database: only its owner may read the figures.
  if (std::filesystem::create_directories(path_, error) && !error) {
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, error);
  }
  if (error) {
    return Error(Status::Unavailable(
        fmt::format("cannot create the fact directory {}: {}", path_, error.message())));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(
      core::WriteFileAtomically(path_ + "/" + info.file, [&](const core::ByteSink& sink) {
        return WriteSegmentBytes(sink, panel, batch_id, info.checksum);
      }));
  CLUSTERSCOPE_RETURN_IF_ERROR(core::SyncDirectory(path_));
  return info;
}

Result<std::shared_ptr<const Segment>> SegmentDirectory::Open(const std::string& name) {
  if (const auto it = open_.find(name); it != open_.end()) return it->second;
  Result<std::shared_ptr<const Segment>> segment;
  if (path_.empty()) {
    const auto it = memory_.find(name);
    if (it == memory_.end()) {
      return Error(Status::DataLoss(fmt::format("fact segment {} is missing", name)));
    }
    segment = Segment::Open(name, it->second, it->second->data(), it->second->size());
  } else {
    const std::string file = path_ + "/" + name;
    auto mapped = core::MapFile(file);
    if (!mapped) {
      std::error_code error;
      if (std::filesystem::exists(file, error)) return Error(mapped.error());
      return Error(Status::DataLoss(fmt::format(
          "fact segment {} is missing ({}); the database's .facts directory must stay beside it",
          file, mapped.error().message())));
    }
    const char* data = (*mapped)->data();
    segment = Segment::Open(file, *mapped, data == nullptr ? "" : data, (*mapped)->size());
  }
  if (!segment) return segment;
  open_[name] = *segment;
  return segment;
}

Status SegmentDirectory::RemoveOrphans(const std::set<std::string>& committed) {
  if (path_.empty()) {
    std::erase_if(memory_, [&](const auto& entry) { return committed.count(entry.first) == 0; });
    return Status::Ok();
  }
  std::error_code error;
  if (!std::filesystem::exists(path_, error)) return Status::Ok();
  for (const auto& entry : std::filesystem::directory_iterator(path_, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("batch-", 0) != 0 || committed.count(name) != 0) continue;
    open_.erase(name);
    std::filesystem::remove(entry.path(), error);
  }
  return Status::Ok();
}

std::optional<std::string> SegmentDirectory::CachePath(std::string_view kind,
                                                       std::string_view key) {
  std::error_code error;
  if (path_.empty() || !std::filesystem::is_directory(path_, error)) return std::nullopt;
  const std::string prefix = fmt::format("{}-", kind);
  const std::string name = fmt::format("{}{}.cache", prefix, key);
  for (const auto& entry : std::filesystem::directory_iterator(path_, error)) {
    const std::string file = entry.path().filename().string();
    // Stale caches and their temporary files; the current one's temporary files may be being
    // written by other processes.
    if (file.rfind(prefix, 0) == 0 && file.rfind(name, 0) != 0) {
      std::filesystem::remove(entry.path(), error);
    }
  }
  return path_ + "/" + name;
}

void SegmentDirectory::Remove(const std::string& name) {
  open_.erase(name);
  memory_.erase(name);
  if (!path_.empty()) ::unlink((path_ + "/" + name).c_str());
}

}  // namespace clusterscope::storage::facts
