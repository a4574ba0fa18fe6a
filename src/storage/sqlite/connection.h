// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Thin RAII wrappers over the SQLite C API that turn return codes into Status. Private to the
// SQLite backend. A Connection and its Statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <sqlite3.h>

#include "clusterscope/core/status.h"

namespace clusterscope::storage::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds by 1-based index. An empty optional binds NULL.
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, const std::optional<std::string>& value);
  Statement& Bind(int index, const std::optional<double>& value);
  Statement& Bind(int index, const std::optional<std::int64_t>& value);
  Statement& BindNull(int index);

  // Advances: true with a row, false when done. Errors come back as Status.
  Result<bool> Step();
  // Runs to completion, ignoring rows.
  Status Run();
  void Reset();

  std::string Text(int column) const;
  // Valid until the next Step() or Reset(): no copy, for hot loops.
  std::string_view TextView(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::int64_t Int(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;
  std::optional<double> OptionalReal(int column) const;

 private:
  sqlite3* db_;         // borrowed from the Connection
  sqlite3_stmt* stmt_;  // owned
  Status bind_status_;  // first binding error, reported by Step()
};

class Connection {
 public:
  static Result<Connection> Open(const std::string& path);
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  // A statement prepared once per connection and reset for each use: for the statements run
  // once per imported row. The pointer stays valid while the connection lives; a caller must
  // finish with it before asking for the same SQL again.
  Result<Statement*> Cached(const std::string& sql);
  std::int64_t LastInsertRowId() const;
  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;                                                           // owned
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;  // finalised before db_
};

// Steps `stmt` to the end, calling `on_row` at each row. `on_row` returns void, or a Status
// that stops the walk when not OK.
template <typename OnRow>
Status ForEachRow(Statement& stmt, OnRow on_row) {
  for (;;) {
    auto row = stmt.Step();
    if (!row) return row.error();
    if (!*row) return Status::Ok();
    if constexpr (std::is_void_v<decltype(on_row())>) {
      on_row();
    } else {
      CLUSTERSCOPE_RETURN_IF_ERROR(on_row());
    }
  }
}

// An empty text as NULL, for optional columns.
inline std::optional<std::string> NonEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// The Status for an SQLite result code, with context and SQLite's own message.
Status SqliteError(sqlite3* db, int rc, std::string_view context);

}  // namespace clusterscope::storage::sqlite
