// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/csv.h"

#include <algorithm>

#include <csv.h>
#include <fmt/format.h>

namespace clusterscope::core {

struct CsvParser::State {
  csv_parser parser{};
  std::size_t fields = 0;   // of the record being read, which is out->records[out->size]
  std::size_t partial = 0;  // where that record was when the last Feed returned
  CsvBatch* out = nullptr;
  std::size_t line = 1;              // physical line where the current record starts
  std::size_t pending_newlines = 0;  // line breaks inside quoted fields of the current record
  std::size_t too_wide_line = 0;     // a record with more than kMaxCsvFields fields starts here
};

namespace {

void OnField(void* data, std::size_t size, void* user) {
  auto* state = static_cast<CsvParser::State*>(user);
  const auto* text = static_cast<const char*>(data);
  state->pending_newlines += static_cast<std::size_t>(std::count(text, text + size, '\n'));
  if (state->fields >= kMaxCsvFields) {  // kept from memory; Feed refuses the file
    if (state->too_wide_line == 0) state->too_wide_line = state->line;
    return;
  }
  CsvBatch& out = *state->out;
  if (out.records.size() == out.size) out.records.emplace_back();
  auto& fields = out.records[out.size].fields;
  if (fields.size() == state->fields) fields.emplace_back();
  fields[state->fields++].assign(text, size);
}

// With CSV_REPALL_NL libcsv reports every line break, including the LF of a CRLF and blank lines,
// as a (possibly empty) record end: that is what lets us count physical lines.
void OnRecordEnd(int terminator, void* user) {
  auto* state = static_cast<CsvParser::State*>(user);
  if (state->fields > 0) {
    CsvRecord& record = state->out->records[state->out->size++];
    record.fields.resize(std::min(state->fields, kMaxCsvFields));
    record.line = state->line;
    state->fields = 0;
  }
  state->line += state->pending_newlines;
  state->pending_newlines = 0;
  if (terminator == '\n') ++state->line;
}

}  // namespace

CsvParser::CsvParser() : state_(std::make_unique<State>()) {
  csv_init(&state_->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
}

CsvParser::~CsvParser() { csv_free(&state_->parser); }

std::size_t CsvParser::line() const { return state_->line + state_->pending_newlines; }

void CsvParser::Attach(CsvBatch& out) {
  // A record cut by the end of the last chunk continues in the slot after the batch's records,
  // wherever the caller cleared the batch to.
  if (state_->fields > 0 && state_->partial != out.size) {
    if (out.records.size() <= out.size) out.records.resize(out.size + 1);
    std::swap(out.records[state_->partial], out.records[out.size]);
  }
  state_->out = &out;
}

Status CsvParser::Feed(std::string_view bytes, CsvBatch& out) {
  Attach(out);
  const std::size_t parsed =
      csv_parse(&state_->parser, bytes.data(), bytes.size(), OnField, OnRecordEnd, state_.get());
  if (parsed != bytes.size()) {
    return Status::InvalidArgument(
        fmt::format("line {}: malformed CSV ({}): a quote inside an unquoted field, or text "
                    "after a closing quote",
                    line(), csv_strerror(csv_error(&state_->parser))));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(CheckWidth());
  state_->partial = out.size;
  return Status::Ok();
}

Status CsvParser::CheckWidth() const {
  if (state_->too_wide_line == 0) return Status::Ok();
  return Status::InvalidArgument(
      fmt::format("line {}: more than {} columns, the most a sheet of Excel has",
                  state_->too_wide_line, kMaxCsvFields));
}

Status CsvParser::Finish(CsvBatch& out) {
  Attach(out);
  if (csv_fini(&state_->parser, OnField, OnRecordEnd, state_.get()) != 0) {
    return Status::InvalidArgument(
        fmt::format("line {}: malformed CSV: a quoted field is not closed before the end", line()));
  }
  return CheckWidth();
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  CsvParser parser;
  CsvBatch batch;
  CLUSTERSCOPE_RETURN_IF_ERROR(parser.Feed(text, batch));
  CLUSTERSCOPE_RETURN_IF_ERROR(parser.Finish(batch));
  batch.records.resize(batch.size);
  return std::move(batch.records);
}

}  // namespace clusterscope::core
