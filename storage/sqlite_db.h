#pragma once
// A thin RAII layer over SQLite: a connection, cached prepared statements
// and a transaction guard. The only file that includes <sqlite3.h> is
// sqlite_db.cc. Not thread-safe: callers serialise access (SqliteStore holds
// a mutex around every use).

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "storage/storage_health.h"

struct sqlite3;
struct sqlite3_stmt;

namespace lges::sql {

class Db;

// A prepared statement borrowed from the Db's cache. Binding indexes start at
// 1, column indexes at 0. On destruction it is reset and its bindings
// cleared, ready for the next borrower.
class Query {
 public:
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query(Query&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  ~Query();

  Query& Bind(int index, int64_t value);
  Query& Bind(int index, const std::string& value);
  Query& BindNull(int index);
  // Binds NULL for an empty string, the text otherwise.
  Query& BindOptional(int index, const std::string& value);

  // Advances to the next row: true if there is one, false when done.
  absl::StatusOr<bool> Step();
  // Runs a statement that returns no rows.
  absl::Status Run();

  int64_t Int(int column) const;
  std::string Text(int column) const;  // "" for NULL.
  bool IsNull(int column) const;

 private:
  friend class Db;
  Query(Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Db* db_;
  sqlite3_stmt* stmt_;
};

struct OpenOptions {
  // synchronous=FULL: a committed transaction survives power loss. NORMAL
  // (false) is for benchmarks that measure the difference.
  bool durable = true;
  // Opens without writing anything (no WAL switch); writes fail.
  bool read_only = false;
  // Receives the outcome of every write; may be null. Must outlive the Db.
  StorageHealth* health = nullptr;
};

class Db {
 public:
  // Opens (creating if needed, unless read-only) the database at `path`, or
  // an in-memory one for ":memory:", with foreign keys on, WAL journaling
  // for files and a busy timeout. Fails with UNAVAILABLE if the file cannot
  // be opened, and with FAILED_PRECONDITION if it is not a SQLite database.
  static absl::StatusOr<std::unique_ptr<Db>> Open(const std::string& path,
                                                  OpenOptions options = {});
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements that return no rows.
  absl::Status Exec(const std::string& sql);
  // Borrows the cached prepared statement for `sql`, preparing it once.
  absl::StatusOr<Query> Prepare(const std::string& sql);
  int64_t LastInsertRowId() const;
  // True inside BEGIN ... COMMIT.
  bool InTransaction() const;
  // Status for the connection's last error, with `what` as context.
  absl::Status Error(const std::string& what) const;
  // OK if the file at the path is still the one opened; otherwise reports
  // kFileGone and fails with UNAVAILABLE. Always OK for ":memory:".
  absl::Status CheckFileIdentity() const;
  // Reports a committed write to the health.
  void NoteCommitted() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  Db(sqlite3* handle, std::string path, StorageHealth* health)
      : handle_(handle), path_(std::move(path)), health_(health) {}
  // The status for SQLite result `rc`, reporting storage faults.
  absl::Status Failure(int rc, const std::string& message) const;

  std::unique_ptr<sqlite3, Closer> handle_;
  std::string path_;
  StorageHealth* health_;
  // The file's identity when opened; ino 0 for ":memory:".
  uint64_t dev_ = 0;
  uint64_t ino_ = 0;
  std::map<std::string, std::unique_ptr<sqlite3_stmt, Finalizer>> cache_;
};

// Begins an immediate transaction on construction, or a savepoint when one
// is already open (so that writes compose); rolls back on destruction unless
// Commit() succeeded. Never throws.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // The result of BEGIN; check it before using the transaction.
  const absl::Status& begin_status() const { return begin_status_; }
  absl::Status Commit();

 private:
  Db& db_;
  bool nested_ = false;
  absl::Status begin_status_;
  bool done_ = false;
};

}  // namespace lges::sql
