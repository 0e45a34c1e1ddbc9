#pragma once
// The SQLite implementation of Store. One connection, serialised by a
// mutex; WAL journaling; foreign keys on; every write one immediate
// transaction; statements prepared once and cached.

#include <map>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "storage/recursive_mutex.h"
#include "storage/sqlite_db.h"
#include "storage/credential_store.h"
#include "storage/store.h"

namespace lges {

// Both the Store of the dataset and the CredentialStore, on one connection.
class SqliteStore final : public Store, public CredentialStore {
 public:
  // Opens or creates the database at `path` (":memory:" for a private
  // in-memory one), checks its integrity and applies pending migrations.
  // UNAVAILABLE if the file cannot be opened; FAILED_PRECONDITION if it is
  // damaged, not a database, or of a schema newer than ours. `durable` false trades power-loss safety for
  // speed (benchmarks only).
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, bool durable = true);

  // The schema version the file had when opened (0: new), before Open
  // migrated it to LatestSchemaVersion().
  int schema_found() const { return schema_found_; }
  // Whether writes reach the disk; see storage_health.h.
  StorageHealth& health() { return *health_; }
  // Notices a deleted or replaced file, and while a fault lasts (or when
  // `force`d) tries a write that changes nothing, so that the health learns
  // that the database cannot be written, or recovers once the disk has room
  // or is writable again. Meant to be called every second or so.
  void ProbeWrites(bool force = false);
  // VACUUM INTO from a second, read-only connection, so that writes go on
  // meanwhile.
  absl::Status BackupTo(const std::string& path) override;

  absl::StatusOr<Provider> GetProvider(const std::string& code) override;
  absl::StatusOr<Page<Provider>> ListProviders(const ProviderFilter& filter,
                                               PageRequest page) override;
  absl::StatusOr<Provider> CreateProvider(const Provider& provider,
                                          const WriteContext& ctx) override;
  absl::StatusOr<Provider> UpdateProvider(const Provider& provider,
                                          int64_t expected_revision,
                                          const WriteContext& ctx) override;
  absl::StatusOr<int64_t> DeleteProvider(const std::string& code,
                                         int64_t expected_revision,
                                         const WriteContext& ctx) override;

  absl::StatusOr<Inspection> GetInspection(const std::string& id) override;
  absl::StatusOr<Page<Inspection>> ListInspections(
      const InspectionFilter& filter, PageRequest page) override;
  absl::StatusOr<Inspection> CreateInspection(const Inspection& inspection,
                                              const WriteContext& ctx) override;
  absl::StatusOr<Inspection> UpdateInspection(const Inspection& inspection,
                                              int64_t expected_revision,
                                              const WriteContext& ctx) override;
  absl::StatusOr<int64_t> DeleteInspection(const std::string& id,
                                           int64_t expected_revision,
                                           const WriteContext& ctx) override;

  absl::StatusOr<FollowUpEvent> GetFollowUpEvent(
      const std::string& id) override;
  absl::StatusOr<Page<FollowUpEvent>> ListFollowUpEvents(
      const FollowUpFilter& filter, PageRequest page) override;
  absl::StatusOr<FollowUpEvent> CreateFollowUpEvent(
      const FollowUpEvent& event, const WriteContext& ctx) override;
  absl::StatusOr<FollowUpEvent> UpdateFollowUpEvent(
      const FollowUpEvent& event, int64_t expected_revision,
      const WriteContext& ctx) override;
  absl::StatusOr<int64_t> DeleteFollowUpEvent(const std::string& id,
                                              int64_t expected_revision,
                                              const WriteContext& ctx) override;

  absl::StatusOr<KeyMessage> GetKeyMessage(const std::string& id) override;
  absl::StatusOr<Page<KeyMessage>> ListKeyMessages(
      const KeyMessageFilter& filter, PageRequest page) override;
  absl::StatusOr<KeyMessage> CreateKeyMessage(const KeyMessage& message,
                                              const WriteContext& ctx) override;
  absl::StatusOr<KeyMessage> UpdateKeyMessage(const KeyMessage& message,
                                              int64_t expected_revision,
                                              const WriteContext& ctx) override;
  absl::StatusOr<int64_t> DeleteKeyMessage(const std::string& id,
                                           int64_t expected_revision,
                                           const WriteContext& ctx) override;

  absl::StatusOr<ThemeOverride> SetThemeOverride(
      const std::string& inspection_id, int number, const std::string& theme_id,
      const std::string& reason, const WriteContext& ctx) override;
  absl::StatusOr<std::vector<ThemeOverride>> ListThemeOverrides() override;
  absl::StatusOr<std::vector<ThemeOverride>> ListThemeOverrideHistory(
      const std::string& inspection_id) override;
  absl::StatusOr<Dataset> ReadAll() override;
  absl::StatusOr<ImportResult> Import(const Dataset& records,
                                      const ImportOptions& options,
                                      const WriteContext& ctx) override;

  absl::StatusOr<int64_t> DatasetVersion() override;

  absl::StatusOr<Credential> CreateCredential(
      const std::string& name, Role role,
      const std::string& token_hash) override;
  absl::StatusOr<Credential> FindCredentialByHash(
      const std::string& token_hash) override;
  absl::StatusOr<Credential> FindCredentialByName(
      const std::string& name) override;
  absl::StatusOr<std::vector<Credential>> ListCredentials() override;
  absl::StatusOr<Credential> RevokeCredential(const std::string& name) override;
  absl::StatusOr<std::vector<Change>> ListChanges(int64_t since_version,
                                                  int limit) override;

 private:
  SqliteStore(std::string path, std::unique_ptr<StorageHealth> health,
              std::unique_ptr<sql::Db> db)
      : path_(std::move(path)),
        health_(std::move(health)),
        db_(std::move(db)) {}

  int schema_found_ = 0;

  // Helpers below run with mu_ held, inside a transaction where they write.
  absl::StatusOr<int64_t> RecordChange(const std::string& action,
                                       const std::string& resource,
                                       const WriteContext& ctx)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The resource a previous create with ctx.request_id made, or "" if none.
  // INVALID_ARGUMENT if the id was used for a different request.
  absl::StatusOr<std::string> FindCreateRequest(const WriteContext& ctx)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status RememberCreateRequest(const WriteContext& ctx,
                                     const std::string& resource)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // NOT_FOUND if no row of `table` has `key`; FAILED_PRECONDITION if its
  // revision differs from a non-zero `expected`.
  absl::Status CheckRevision(const std::string& table,
                             const std::string& key_column,
                             const std::string& key, int64_t expected,
                             const std::string& resource)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status CheckProviderExists(const std::string& code,
                                   const std::string& field)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::StatusOr<Provider> LoadProvider(const std::string& code)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status WriteMemberships(const Provider& provider)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<Inspection> LoadInspection(const std::string& id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<bool> InspectionIdTaken(const std::string& id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The inspection's own id, checked free, or the first free default id.
  absl::StatusOr<std::string> ChooseInspectionId(const Inspection& inspection)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Appends child rows to the inspections in `targets` (by id), reading only
  // those of `only` unless it is empty.
  absl::Status LoadInspectionChildren(
      std::map<std::string, Inspection*>& targets, const std::string& only)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status WriteInspectionRow(const Inspection& inspection, bool insert,
                                  int64_t now_ms)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status WriteInspectionChildren(const Inspection& inspection)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status CheckFollowUpReferences(const FollowUpEvent& event)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<FollowUpEvent> LoadFollowUpEvent(int64_t id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status WriteProgress(int64_t id, const FollowUpEvent& event)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<KeyMessage> LoadKeyMessage(int64_t id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<std::vector<ThemeOverride>> QueryOverrides(
      const std::string& sql, const std::string& bind)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The credential whose `column` is `value`, revoked or not; NOT_FOUND.
  absl::StatusOr<Credential> LoadCredential(const std::string& column,
                                            const std::string& value)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The same, if in force, with its last use recorded.
  absl::StatusOr<Credential> FindInForce(const std::string& column,
                                         const std::string& value)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // ReadAll's work inside its read transaction.
  absl::Status ReadEverything(Dataset& out) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Bulk readers for ReadAll: every row of a kind in one query.
  absl::Status ReadProviders(Dataset& out) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ReadInspections(Dataset& out) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ReadEvents(Dataset& out) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ReadKeyMessages(Dataset& out) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ReadPublishedYears(Dataset& out)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ImportProviders(const Dataset& records, const Dataset& current,
                               const WriteContext& ctx, ImportResult& result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ImportInspections(const Dataset& records, const Dataset& current,
                                 const WriteContext& ctx, ImportResult& result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ImportEvents(const Dataset& records, const Dataset& current,
                            const WriteContext& ctx, ImportResult& result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ImportKeyMessages(const Dataset& records, const Dataset& current,
                                 const WriteContext& ctx, ImportResult& result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status ImportPublishedYears(const Dataset& records,
                                    const Dataset& current,
                                    const WriteContext& ctx,
                                    ImportResult& result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status WritePublishedYear(const PublishedYear& year, bool insert,
                                  const WriteContext& ctx)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const std::string path_;
  // Before db_, which reports to it.
  const std::unique_ptr<StorageHealth> health_;
  // Recursive: Import runs many writes inside one transaction.
  RecursiveMutex mu_;
  std::unique_ptr<sql::Db> db_ ABSL_GUARDED_BY(mu_);
  // ReadAll of a file goes through a second store on a read-only connection
  // of its own, opened at the first call: in WAL mode it reads a consistent
  // version while writes commit on db_, so a snapshot rebuild holds up no
  // write. The second store has is_reader_ set and no reader of its own.
  absl::Mutex reader_mu_;
  std::unique_ptr<SqliteStore> reader_ ABSL_GUARDED_BY(reader_mu_);
  bool is_reader_ = false;
};

}  // namespace lges
