#pragma once
// The storage interface of LGES Insights. One implementation exists
// (SqliteStore); the service layer and tests see only this interface.
//
// Contract for every method:
// - Errors are returned, never thrown. NOT_FOUND when the named record does
//   not exist; INVALID_ARGUMENT (with field violations, see domain/errors.h)
//   when a reference is unknown; ALREADY_EXISTS when an id is taken;
//   FAILED_PRECONDITION when an expected revision is stale or a delete would
//   orphan records; UNAVAILABLE/INTERNAL for database failures.
// - Every write is one transaction: on any error nothing has changed.
// - Every committed write increments the dataset version by one and appends
//   one entry to the change log.
// - Records passed in are expected to have passed domain/validation.
// Implementations are thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/dataset.h"

namespace lges {

// Who makes a write and why; recorded in the change log.
struct WriteContext {
  // The authenticated caller's name: a credential's name, never a name the
  // caller claims.
  std::string actor = "anonymous";
  // Whom the caller says it acts for; recorded beside `actor`.
  std::string on_behalf_of;
  std::string source;  // Where the data came from, e.g. a file name.
  // Idempotency: a create with a request_id seen before returns the record
  // the first call created, provided `request_fingerprint` matches.
  std::string request_id;
  std::string request_fingerprint;
};

struct PageRequest {
  int offset = 0;
  int limit = 50;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int total = 0;  // Matching records over all pages.
};

struct ProviderFilter {
  ProviderKind kind = ProviderKind::kUnspecified;  // kUnspecified: any.
};

struct InspectionFilter {
  std::string provider_code;   // Empty: any.
  int academic_year_from = 0;  // 0: unbounded.
  int academic_year_to = 0;
  FrameworkVersion framework = FrameworkVersion::kUnspecified;
  bool causing_significant_concern_only = false;
};

struct FollowUpFilter {
  std::string provider_code;
  FollowUpKind kind = FollowUpKind::kUnspecified;
  std::string inspection_id;
};

struct KeyMessageFilter {
  int academic_year = 0;
  Polarity polarity = Polarity::kUnspecified;
};

// What an import did, or would do with dry_run.
struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int64_t dataset_version =
      0;  // After the import (as it would be, for a dry run).
  std::vector<std::string>
      created_or_updated;     // Resource names, in file order.
  bool skipped_once = false;  // True if once_key had already been used.
};

struct ImportOptions {
  bool dry_run = false;
  // If set, the import runs at most once per database under this key: a
  // later import with the same key changes nothing (used for the default
  // dataset, so that restarts never duplicate it or overwrite edits).
  std::string once_key;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual absl::StatusOr<Provider> GetProvider(const std::string& code) = 0;
  virtual absl::StatusOr<Page<Provider>> ListProviders(
      const ProviderFilter& filter, PageRequest page) = 0;
  virtual absl::StatusOr<Provider> CreateProvider(const Provider& provider,
                                                  const WriteContext& ctx) = 0;
  // expected_revision 0 skips the concurrency check.
  virtual absl::StatusOr<Provider> UpdateProvider(const Provider& provider,
                                                  int64_t expected_revision,
                                                  const WriteContext& ctx) = 0;
  virtual absl::StatusOr<int64_t> DeleteProvider(const std::string& code,
                                                 int64_t expected_revision,
                                                 const WriteContext& ctx) = 0;

  virtual absl::StatusOr<Inspection> GetInspection(const std::string& id) = 0;
  virtual absl::StatusOr<Page<Inspection>> ListInspections(
      const InspectionFilter& filter, PageRequest page) = 0;
  // An empty `inspection.id` gets DefaultInspectionId (domain/validation.h),
  // or the first of its "-2".."-50" forms that is free, chosen inside the
  // write's transaction; ALREADY_EXISTS when all are taken or when a given
  // id is.
  virtual absl::StatusOr<Inspection> CreateInspection(
      const Inspection& inspection, const WriteContext& ctx) = 0;
  virtual absl::StatusOr<Inspection> UpdateInspection(
      const Inspection& inspection, int64_t expected_revision,
      const WriteContext& ctx) = 0;
  virtual absl::StatusOr<int64_t> DeleteInspection(const std::string& id,
                                                   int64_t expected_revision,
                                                   const WriteContext& ctx) = 0;

  virtual absl::StatusOr<FollowUpEvent> GetFollowUpEvent(
      const std::string& id) = 0;
  virtual absl::StatusOr<Page<FollowUpEvent>> ListFollowUpEvents(
      const FollowUpFilter& filter, PageRequest page) = 0;
  // The store assigns `id`.
  virtual absl::StatusOr<FollowUpEvent> CreateFollowUpEvent(
      const FollowUpEvent& event, const WriteContext& ctx) = 0;
  virtual absl::StatusOr<FollowUpEvent> UpdateFollowUpEvent(
      const FollowUpEvent& event, int64_t expected_revision,
      const WriteContext& ctx) = 0;
  virtual absl::StatusOr<int64_t> DeleteFollowUpEvent(
      const std::string& id, int64_t expected_revision,
      const WriteContext& ctx) = 0;

  virtual absl::StatusOr<KeyMessage> GetKeyMessage(const std::string& id) = 0;
  virtual absl::StatusOr<Page<KeyMessage>> ListKeyMessages(
      const KeyMessageFilter& filter, PageRequest page) = 0;
  virtual absl::StatusOr<KeyMessage> CreateKeyMessage(
      const KeyMessage& message, const WriteContext& ctx) = 0;
  virtual absl::StatusOr<KeyMessage> UpdateKeyMessage(
      const KeyMessage& message, int64_t expected_revision,
      const WriteContext& ctx) = 0;
  virtual absl::StatusOr<int64_t> DeleteKeyMessage(const std::string& id,
                                                   int64_t expected_revision,
                                                   const WriteContext& ctx) = 0;

  // Sets the primary theme of recommendation `number` of an inspection; an
  // empty `theme_id` clears the override. Every call is audited (who, when,
  // previous value, the person's `reason`). NOT_FOUND if the inspection does
  // not exist; INVALID_ARGUMENT (field "recommendation_number") if it has no
  // such recommendation. Theme ids are checked by the caller.
  virtual absl::StatusOr<ThemeOverride> SetThemeOverride(
      const std::string& inspection_id, int number, const std::string& theme_id,
      const std::string& reason, const WriteContext& ctx) = 0;
  // Overrides in force, by inspection and number.
  virtual absl::StatusOr<std::vector<ThemeOverride>> ListThemeOverrides() = 0;
  // Every override ever set or cleared for `inspection_id` ("" for all),
  // oldest first.
  virtual absl::StatusOr<std::vector<ThemeOverride>> ListThemeOverrideHistory(
      const std::string& inspection_id) = 0;

  // Applies the providers, inspections, follow-up events, key messages and
  // published years of `records` in one transaction: new records are
  // created, changed ones updated, identical ones left alone, so that
  // importing the same records twice changes nothing. Identity: provider
  // code; inspection id; for an event its provider, kind, date, inspection
  // and description; for a key message its year, area, polarity and
  // position; for a published year its academic year. Records must have passed
  // domain validation. Any error rolls back everything and carries field
  // violations prefixed with the record's place, e.g.
  // "inspections[3].provider_code". A dry run always rolls back.
  virtual absl::StatusOr<ImportResult> Import(const Dataset& records,
                                              const ImportOptions& options,
                                              const WriteContext& ctx) = 0;

  // Every record, read in one transaction so that they match `version`.
  virtual absl::StatusOr<Dataset> ReadAll() = 0;

  // The number of committed changes so far (0 for a new database).
  virtual absl::StatusOr<int64_t> DatasetVersion() = 0;
  // Changes after `since_version`, oldest first, at most `limit`.
  virtual absl::StatusOr<std::vector<Change>> ListChanges(int64_t since_version,
                                                          int limit) = 0;

  // Writes a consistent copy of everything the store holds to the new file
  // `path`, without holding up writes. FAILED_PRECONDITION if `path`
  // exists or the store has no file; UNAVAILABLE if it cannot be written.
  virtual absl::Status BackupTo(const std::string& path) = 0;
};

}  // namespace lges
