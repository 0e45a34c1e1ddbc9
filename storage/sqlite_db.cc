#include "storage/sqlite_db.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "domain/errors.h"

namespace lges::sql {
namespace {

// The storage fault that SQLite result `code` shows, if any.
StorageFault FaultOf(int code) {
  switch (code & 0xff) {
    case SQLITE_READONLY:
      return StorageFault::kReadOnly;
    case SQLITE_FULL:
      return StorageFault::kDiskFull;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return StorageFault::kIoError;
    default:
      return StorageFault::kNone;
  }
}

absl::Status StatusFor(int code, const std::string& message) {
  if (StorageFault fault = FaultOf(code); fault != StorageFault::kNone) {
    const std::string text(StorageFaultText(fault));
    return WithReason(absl::UnavailableError(text + " (" + message + ")"),
                      "STORAGE_FAULT", {{"fault", text}});
  }
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return absl::UnavailableError(message);
    case SQLITE_CONSTRAINT:
      return absl::FailedPreconditionError(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return absl::FailedPreconditionError(
          "the database file is damaged or not an LGES Insights database (" +
          message + ")");
    default:
      return absl::InternalError(message);
  }
}

}  // namespace

Query::~Query() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Query& Query::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Query& Query::Bind(int index, const std::string& value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Query& Query::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Query& Query::BindOptional(int index, const std::string& value) {
  return value.empty() ? BindNull(index) : Bind(index, value);
}

absl::StatusOr<bool> Query::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("step");
}

absl::Status Query::Run() {
  absl::StatusOr<bool> row = Step();
  return row.ok() ? absl::OkStatus() : row.status();
}

int64_t Query::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Query::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     sqlite3_column_bytes(stmt_, column));
}

bool Query::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void Db::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void Db::Finalizer::operator()(sqlite3_stmt* stmt) const {
  sqlite3_finalize(stmt);
}

absl::StatusOr<std::unique_ptr<Db>> Db::Open(const std::string& path,
                                             OpenOptions options) {
  sqlite3* handle = nullptr;
  const int flags = (options.read_only
                         ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        "cannot open database '" + path +
        "': " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    sqlite3_close_v2(handle);
    return absl::UnavailableError(message);
  }
  std::unique_ptr<Db> db(new Db(handle, path, options.health));
  sqlite3_busy_timeout(handle, 5000);
  std::string pragmas = "PRAGMA foreign_keys=ON;";
  if (path != ":memory:" && !options.read_only) {
    pragmas += " PRAGMA journal_mode=WAL; PRAGMA synchronous=";
    pragmas += options.durable ? "FULL;" : "NORMAL;";
  }
  if (absl::Status s = db->Exec(pragmas); !s.ok()) return s;
  if (path != ":memory:") {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0)
      return absl::UnavailableError("cannot stat database '" + path + "'");
    db->dev_ = st.st_dev;
    db->ino_ = st.st_ino;
  }
  return db;
}

absl::Status Db::CheckFileIdentity() const {
  if (ino_ == 0) return absl::OkStatus();
  struct stat st {};
  if (stat(path_.c_str(), &st) == 0 && st.st_dev == dev_ && st.st_ino == ino_)
    return absl::OkStatus();
  if (health_ != nullptr) health_->Report(StorageFault::kFileGone);
  return absl::UnavailableError(
      std::string(StorageFaultText(StorageFault::kFileGone)));
}

void Db::NoteCommitted() const {
  if (health_ != nullptr) health_->Report(StorageFault::kNone);
}

absl::Status Db::Failure(int rc, const std::string& message) const {
  if (StorageFault fault = FaultOf(rc);
      fault != StorageFault::kNone && health_ != nullptr)
    health_->Report(fault);
  return StatusFor(rc, message);
}

Db::~Db() {
  cache_.clear();  // Statements must be finalised before the connection closes.
}

absl::Status Db::Exec(const std::string& sql) {
  char* error = nullptr;
  const int rc =
      sqlite3_exec(handle_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return absl::OkStatus();
  std::string message = error ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return Failure(sqlite3_extended_errcode(handle_.get()), "sqlite: " + message);
}

absl::StatusOr<Query> Db::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(handle_.get(), sql.c_str(), -1,
                           SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
      return Error("prepare");
    }
    it = cache_.emplace(sql, std::unique_ptr<sqlite3_stmt, Finalizer>(stmt))
             .first;
  }
  return Query(this, it->second.get());
}

int64_t Db::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(handle_.get());
}

absl::Status Db::Error(const std::string& what) const {
  return Failure(sqlite3_extended_errcode(handle_.get()),
                 "sqlite " + what + ": " + sqlite3_errmsg(handle_.get()));
}

Transaction::Transaction(Db& db) : db_(db), nested_(db.InTransaction()) {
  if (!nested_) begin_status_ = db.CheckFileIdentity();
  if (begin_status_.ok())
    begin_status_ = db.Exec(nested_ ? "SAVEPOINT lges" : "BEGIN IMMEDIATE");
  done_ = !begin_status_.ok();
}

Transaction::~Transaction() {
  if (!done_)
    db_.Exec(nested_ ? "ROLLBACK TO lges; RELEASE lges" : "ROLLBACK")
        .IgnoreError();
}

absl::Status Transaction::Commit() {
  absl::Status s = db_.Exec(nested_ ? "RELEASE lges" : "COMMIT");
  if (s.ok()) {
    done_ = true;
    if (!nested_) db_.NoteCommitted();
  }
  return s;
}

}  // namespace lges::sql

namespace lges::sql {

bool Db::InTransaction() const {
  return sqlite3_get_autocommit(handle_.get()) == 0;
}

}  // namespace lges::sql
