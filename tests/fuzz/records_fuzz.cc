// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The import record parser on any cells: an enterprise (alone, then over the record it built, as
// a second import of the same code does), a designation (with or without a stored one of the same
// key) and an enterprise-month, with the columns and their text drawn from the input.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuling_system.h"
#include <fuzzer/FuzzedDataProvider.h>

#include "clusterscope/ingest/record_parser.h"

namespace cs = clusterscope;

namespace {

constexpr std::array<const char*, 20> kColumns = {"uscc",
                                                  "name",
                                                  "industry_code",
                                                  "cluster",
                                                  "park",
                                                  "town",
                                                  "above_scale",
                                                  "founded",
                                                  "listed",
                                                  "land_km2",
                                                  "strategic_emerging",
                                                  "designation",
                                                  "granted",
                                                  "withdrawn",
                                                  "level",
                                                  "note",
                                                  "year",
                                                  "period",
                                                  "output_value",
                                                  "unknown"};

cs::model::Cells DrawCells(FuzzedDataProvider& input) {
  cs::model::Cells cells;
  const int count = input.ConsumeIntegralInRange(0, 16);
  for (int i = 0; i < count; ++i) {
    const char* column = input.PickValueInArray(kColumns);
    cells[column] = input.ConsumeRandomLengthString(64);
  }
  return cells;
}

void Enterprise(FuzzedDataProvider& input) {
  const int year = input.ConsumeIntegralInRange(1900, 2100);
  const auto first =
      cs::ingest::ParseEnterpriseCells(DrawCells(input), nullptr, fuzz::Fuling(), year);
  (void)cs::ingest::ParseEnterpriseCells(DrawCells(input), &first.enterprise, fuzz::Fuling(), year);
}

void Designation(FuzzedDataProvider& input) {
  const cs::model::Cells cells = DrawCells(input);
  const bool stored = input.ConsumeBool();
  cs::model::Designation existing;
  existing.type = "smart_factory";
  const auto find = [&](const std::string&, const std::string&, const cs::core::Date&) {
    return stored ? &existing : nullptr;
  };
  (void)cs::ingest::ParseDesignationCells(cells, fuzz::Fuling(), find);
}

void Monthly(FuzzedDataProvider& input) {
  std::array<std::string, cs::model::kMeasureCount + 2> text;
  for (auto& cell : text) cell = input.ConsumeRandomLengthString(32);
  cs::ingest::MonthlyCells cells;
  cells.uscc = text[0];
  cells.period = text[1];
  for (std::size_t i = 0; i < cs::model::kMeasureCount; ++i) {
    if (input.ConsumeBool()) cells.measures[i] = text[i + 2];
  }
  const int exponent = input.ConsumeBool() ? 0 : -4;
  cs::ingest::ParsedMonthly out;
  cs::ingest::ParseMonthlyCells(cells, exponent, input.ConsumeBool(), out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  switch (input.ConsumeIntegralInRange(0, 2)) {
    case 0:
      Enterprise(input);
      break;
    case 1:
      Designation(input);
      break;
    default:
      Monthly(input);
      break;
  }
  return 0;
}
