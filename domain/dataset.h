#pragma once
// Every stored record at one dataset version: what storage reads in one
// transaction and what analytics computes from. Plain values.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "domain/errors.h"
#include "domain/records.h"

namespace lges {

// A person's choice of primary theme for one stored recommendation. It wins
// over the classifier everywhere.
struct ThemeOverride {
  std::string inspection_id;
  int recommendation_number = 0;
  std::string theme_id;  // Empty in history entries that cleared an override.
  std::string actor;
  int64_t time_ms = 0;
  std::string
      previous_theme_id;  // The override in force before; empty if none.
  std::string reason;     // Why the person chose it.
  friend bool operator==(const ThemeOverride&, const ThemeOverride&) = default;
};

// One committed change, as the change log records it.
struct Change {
  int64_t version = 0;
  int64_t time_ms = 0;
  std::string actor;         // The authenticated caller.
  std::string on_behalf_of;  // Whom the caller said it acted for; may be "".
  std::string action;        // "create", "update" or "delete".
  std::string resource;      // Resource name, e.g. "inspections/POWYS-2025-02".
  std::string source;
};

struct Dataset {
  int64_t version = 0;  // Dataset version the records were read at.
  int64_t as_of_ms =
      0;  // Time of the last committed change (Unix ms); 0 if none.
  std::vector<Provider> providers;
  std::vector<Inspection> inspections;
  std::vector<FollowUpEvent> follow_up_events;
  std::vector<KeyMessage> key_messages;
  std::vector<ThemeOverride> overrides;
  std::vector<PublishedYear> published_years;  // By academic year.
};

// The records of academic years `from`..`to` (0 leaves an end open): every
// provider; the inspections of those years; the follow-up events linked to
// those inspections, or unlinked and dated in those years; the key messages
// and published figures of those years. Version and time are kept; overrides are not.
Dataset RecordsOfYears(const Dataset& all, int from, int to);

// RecordsOfYears one record at a time, for a caller that sends records
// rather than copying them. Ask about every inspection before any event.
class YearSelection {
 public:
  YearSelection(int from, int to);
  bool Keep(const Inspection& in);  // Remembers the kept inspection's id.
  bool Keep(const FollowUpEvent& e) const;
  bool Keep(const KeyMessage& m) const;
  bool Keep(const PublishedYear& y) const;

 private:
  int from_, to_;
  std::set<std::string> inspections_;
};

// One violation per record that has the identity of an earlier record of
// `records` (the identities Store::Import matches on: provider code;
// inspection id; an event's provider, kind, date, inspection and
// description; a key message's year, area, polarity and position), at
// "key_messages[3]" and naming the earlier place.
Violations DuplicateIdentities(const Dataset& records);

}  // namespace lges
