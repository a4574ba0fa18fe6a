// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/csv.h"

#include <csv.h>
#include <fmt/format.h>

namespace clusterscope::core {

struct CsvParser::State {
  csv_parser parser{};
  std::vector<std::string> fields;
  std::vector<CsvRecord>* out = nullptr;
  std::size_t line = 1;              // physical line where the current record starts
  std::size_t pending_newlines = 0;  // line breaks inside quoted fields of the current record
};

namespace {

void OnField(void* data, std::size_t size, void* user) {
  auto* state = static_cast<CsvParser::State*>(user);
  std::string field(static_cast<const char*>(data), size);
  for (char c : field) {
    if (c == '\n') ++state->pending_newlines;
  }
  state->fields.push_back(std::move(field));
}

// With CSV_REPALL_NL libcsv reports every line break, including the LF of a CRLF and blank lines,
// as a (possibly empty) record end: that is what lets us count physical lines.
void OnRecordEnd(int terminator, void* user) {
  auto* state = static_cast<CsvParser::State*>(user);
  if (!state->fields.empty()) {
    state->out->push_back(CsvRecord{std::move(state->fields), state->line});
    state->fields.clear();
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

Status CsvParser::Feed(std::string_view bytes, std::vector<CsvRecord>& out) {
  state_->out = &out;
  const std::size_t parsed =
      csv_parse(&state_->parser, bytes.data(), bytes.size(), OnField, OnRecordEnd, state_.get());
  if (parsed != bytes.size()) {
    return Status::InvalidArgument(
        fmt::format("line {}: malformed CSV ({}): a quote inside an unquoted field, or text "
                    "after a closing quote",
                    line(), csv_strerror(csv_error(&state_->parser))));
  }
  return Status::Ok();
}

Status CsvParser::Finish(std::vector<CsvRecord>& out) {
  state_->out = &out;
  if (csv_fini(&state_->parser, OnField, OnRecordEnd, state_.get()) != 0) {
    return Status::InvalidArgument(
        fmt::format("line {}: malformed CSV: a quoted field is not closed before the end", line()));
  }
  return Status::Ok();
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  CsvParser parser;
  std::vector<CsvRecord> records;
  CLUSTERSCOPE_RETURN_IF_ERROR(parser.Feed(text, records));
  CLUSTERSCOPE_RETURN_IF_ERROR(parser.Finish(records));
  return records;
}

}  // namespace clusterscope::core
