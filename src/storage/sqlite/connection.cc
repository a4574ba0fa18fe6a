// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "connection.h"

#include <fmt/format.h>
#include <sys/stat.h>

namespace clusterscope::storage::sqlite {

Status SqliteError(sqlite3* db, int rc, std::string_view context) {
  const std::string message =
      fmt::format("{}: {}", context, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_NOTADB:
      return Status::InvalidArgument(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return Status::Unavailable(message);
    case SQLITE_CORRUPT:
      return Status::DataLoss(message);
    default:
      return Status::Internal(message);
  }
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), bind_status_(std::move(other.bind_status_)) {
  other.stmt_ = nullptr;
}

namespace {
Status BindResult(sqlite3* db, int rc, int index) {
  if (rc == SQLITE_OK) return Status::Ok();
  return SqliteError(db, rc, fmt::format("binding parameter {}", index));
}
}  // namespace

Statement& Statement::Bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                   SQLITE_TRANSIENT);
  if (bind_status_.ok()) bind_status_ = BindResult(db_, rc, index);
  return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (bind_status_.ok()) bind_status_ = BindResult(db_, rc, index);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (bind_status_.ok()) bind_status_ = BindResult(db_, rc, index);
  return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
  return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}

Statement& Statement::Bind(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::Bind(int index, const std::optional<std::int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (bind_status_.ok()) bind_status_ = BindResult(db_, rc, index);
  return *this;
}

Result<bool> Statement::Step() {
  CLUSTERSCOPE_RETURN_IF_ERROR(bind_status_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error(SqliteError(db_, rc, fmt::format("running '{}'", sqlite3_sql(stmt_))));
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return row.error();
    if (!*row) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_status_ = Status::Ok();
}

std::string Statement::Text(int column) const { return std::string(TextView(column)); }

std::string_view Statement::TextView(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return Text(column);
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Statement::OptionalInt(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return Int(column);
}

std::optional<double> Statement::OptionalReal(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(stmt_, column);
}

Result<Connection> Connection::Open(const std::string& path) {
  // A new database holds confidential figures and password hashes: only its owner may read it.
  // (SQLite gives its journal and WAL files the database file's permissions.)
  struct stat before {};
  const bool is_new = path != ":memory:" && ::stat(path.c_str(), &before) != 0;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteError(db, rc, fmt::format("opening database '{}'", path));
    sqlite3_close(db);
    return Error(status);
  }
  sqlite3_extended_result_codes(db, 1);
  if (is_new) ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
  return Connection(db);
}

Connection::~Connection() {
  cache_.clear();  // sqlite3_close refuses to close with statements still open
  if (db_ != nullptr) sqlite3_close(db_);
}

Connection::Connection(Connection&& other) noexcept
    : db_(other.db_), cache_(std::move(other.cache_)) {
  other.db_ = nullptr;
}

Result<Statement*> Connection::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto stmt = Prepare(sql);
    if (!stmt) return Error(stmt.error());
    it = cache_.emplace(sql, std::make_unique<Statement>(std::move(*stmt))).first;
  }
  it->second->Reset();
  return it->second.get();
}

Status Connection::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  Status status = SqliteError(db_, rc, "executing SQL");
  sqlite3_free(error);
  return status;
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return Error(SqliteError(db_, rc, fmt::format("preparing '{}'", sql)));
  }
  return Statement(db_, stmt);
}

std::int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

}  // namespace clusterscope::storage::sqlite
