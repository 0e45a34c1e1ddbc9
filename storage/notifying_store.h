#pragma once
// A Store that forwards every call to another and, after each write that
// succeeded, calls a listener (outside any lock of the inner store). Used to
// rebuild the analytics snapshot when the data changes. Thread-safe if the
// inner store and the listener are.

#include <functional>

#include "storage/store.h"

namespace lges {

class NotifyingStore final : public Store {
 public:
  // `inner` must outlive this store.
  NotifyingStore(Store& inner, std::function<void()> after_write)
      : inner_(inner), after_write_(std::move(after_write)) {}

  absl::StatusOr<Provider> GetProvider(const std::string& code) override {
    return inner_.GetProvider(code);
  }
  absl::StatusOr<Page<Provider>> ListProviders(const ProviderFilter& f,
                                               PageRequest p) override {
    return inner_.ListProviders(f, p);
  }
  absl::StatusOr<Provider> CreateProvider(const Provider& r,
                                          const WriteContext& c) override {
    return Notify(inner_.CreateProvider(r, c));
  }
  absl::StatusOr<Provider> UpdateProvider(const Provider& r, int64_t rev,
                                          const WriteContext& c) override {
    return Notify(inner_.UpdateProvider(r, rev, c));
  }
  absl::StatusOr<int64_t> DeleteProvider(const std::string& id, int64_t rev,
                                         const WriteContext& c) override {
    return Notify(inner_.DeleteProvider(id, rev, c));
  }

  absl::StatusOr<Inspection> GetInspection(const std::string& id) override {
    return inner_.GetInspection(id);
  }
  absl::StatusOr<Page<Inspection>> ListInspections(const InspectionFilter& f,
                                                   PageRequest p) override {
    return inner_.ListInspections(f, p);
  }
  absl::StatusOr<Inspection> CreateInspection(const Inspection& r,
                                              const WriteContext& c) override {
    return Notify(inner_.CreateInspection(r, c));
  }
  absl::StatusOr<Inspection> UpdateInspection(const Inspection& r, int64_t rev,
                                              const WriteContext& c) override {
    return Notify(inner_.UpdateInspection(r, rev, c));
  }
  absl::StatusOr<int64_t> DeleteInspection(const std::string& id, int64_t rev,
                                           const WriteContext& c) override {
    return Notify(inner_.DeleteInspection(id, rev, c));
  }

  absl::StatusOr<FollowUpEvent> GetFollowUpEvent(
      const std::string& id) override {
    return inner_.GetFollowUpEvent(id);
  }
  absl::StatusOr<Page<FollowUpEvent>> ListFollowUpEvents(
      const FollowUpFilter& f, PageRequest p) override {
    return inner_.ListFollowUpEvents(f, p);
  }
  absl::StatusOr<FollowUpEvent> CreateFollowUpEvent(
      const FollowUpEvent& r, const WriteContext& c) override {
    return Notify(inner_.CreateFollowUpEvent(r, c));
  }
  absl::StatusOr<FollowUpEvent> UpdateFollowUpEvent(
      const FollowUpEvent& r, int64_t rev, const WriteContext& c) override {
    return Notify(inner_.UpdateFollowUpEvent(r, rev, c));
  }
  absl::StatusOr<int64_t> DeleteFollowUpEvent(const std::string& id,
                                              int64_t rev,
                                              const WriteContext& c) override {
    return Notify(inner_.DeleteFollowUpEvent(id, rev, c));
  }

  absl::StatusOr<KeyMessage> GetKeyMessage(const std::string& id) override {
    return inner_.GetKeyMessage(id);
  }
  absl::StatusOr<Page<KeyMessage>> ListKeyMessages(const KeyMessageFilter& f,
                                                   PageRequest p) override {
    return inner_.ListKeyMessages(f, p);
  }
  absl::StatusOr<KeyMessage> CreateKeyMessage(const KeyMessage& r,
                                              const WriteContext& c) override {
    return Notify(inner_.CreateKeyMessage(r, c));
  }
  absl::StatusOr<KeyMessage> UpdateKeyMessage(const KeyMessage& r, int64_t rev,
                                              const WriteContext& c) override {
    return Notify(inner_.UpdateKeyMessage(r, rev, c));
  }
  absl::StatusOr<int64_t> DeleteKeyMessage(const std::string& id, int64_t rev,
                                           const WriteContext& c) override {
    return Notify(inner_.DeleteKeyMessage(id, rev, c));
  }

  absl::StatusOr<ThemeOverride> SetThemeOverride(
      const std::string& id, int n, const std::string& theme,
      const std::string& reason, const WriteContext& c) override {
    return Notify(inner_.SetThemeOverride(id, n, theme, reason, c));
  }
  absl::StatusOr<std::vector<ThemeOverride>> ListThemeOverrides() override {
    return inner_.ListThemeOverrides();
  }
  absl::StatusOr<std::vector<ThemeOverride>> ListThemeOverrideHistory(
      const std::string& id) override {
    return inner_.ListThemeOverrideHistory(id);
  }
  absl::StatusOr<Dataset> ReadAll() override { return inner_.ReadAll(); }
  absl::StatusOr<ImportResult> Import(const Dataset& records,
                                      const ImportOptions& options,
                                      const WriteContext& c) override {
    absl::StatusOr<ImportResult> result = inner_.Import(records, options, c);
    if (result.ok() && !options.dry_run &&
        (result->created + result->updated) > 0)
      after_write_();
    return result;
  }
  absl::StatusOr<int64_t> DatasetVersion() override {
    return inner_.DatasetVersion();
  }
  absl::StatusOr<std::vector<Change>> ListChanges(int64_t since,
                                                  int limit) override {
    return inner_.ListChanges(since, limit);
  }
  absl::Status BackupTo(const std::string& path) override {
    return inner_.BackupTo(path);
  }

 private:
  template <typename T>
  absl::StatusOr<T> Notify(absl::StatusOr<T> result) {
    if (result.ok()) after_write_();
    return result;
  }

  Store& inner_;
  std::function<void()> after_write_;
};

}  // namespace lges
