#pragma once
// The input of every analytics function: all stored records at one dataset
// version. Plain values; a Dataset is copied into a Snapshot and never
// changed after.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/records.h"

namespace lges::analytics {

// A person's choice of primary theme for one stored recommendation. It wins
// over the classifier everywhere.
struct ThemeOverride {
  std::string inspection_id;
  int recommendation_number = 0;
  std::string theme_id;
  std::string actor;
  int64_t time_ms = 0;
  std::string previous_theme_id;  // Override in force before; empty if none.
};

struct Dataset {
  int64_t version = 0;   // Dataset version the records were read at.
  int64_t as_of_ms = 0;  // Time of the last committed change (Unix ms).
  std::vector<Provider> providers;
  std::vector<Inspection> inspections;
  std::vector<FollowUpEvent> follow_up_events;
  std::vector<KeyMessage> key_messages;
  std::vector<ThemeOverride> overrides;
};

// Footnotes explain the figures (a break in series, a year without
// inspections); warnings say where the record is incomplete or uncertain.
struct Notes {
  std::vector<std::string> footnotes;
  std::vector<std::string> warnings;
};

}  // namespace lges::analytics
