#pragma once
// Follow-up of authorities causing significant concern,
// derived from inspections and follow-up events. Pure functions.
//
// An episode starts when an authority is judged causing significant concern:
// the date of a JUDGED event for the inspection, else the report's
// publication, else the inspection's start. It ends at the first REMOVED
// event after it. A partial date counts from its first possible day.

#include <optional>
#include <string>
#include <vector>

#include "analytics/notes.h"

namespace lges::analytics {

enum class MilestoneKind {
  kImprovementConference,
  kProgressConference,
  kMonitoringVisit
};
enum class MilestoneState {
  kOnTime,     // Happened within its planned window.
  kEarly,      // Happened before the window.
  kLate,       // Happened after the window.
  kPending,    // Not happened; the window has not closed.
  kOverdue,    // Not happened; the window has closed and the authority is still
               // in follow-up.
  kMissed,     // Not happened; the window closed, and follow-up later ended
               // without it.
  kNotNeeded,  // Not happened; follow-up ended before the window closed.
};

// One step of the follow-up lifecycle, its planned window and what happened.
struct Milestone {
  MilestoneKind kind = MilestoneKind::kImprovementConference;
  CivilDay planned_from;  // Guidance: improvement conference about 3 months
                          // after the judgement,
  CivilDay planned_to;  // progress conference and monitoring visit about a year
                        // after the step before.
  std::optional<PartialDate> happened;
  MilestoneState state = MilestoneState::kPending;
};

struct ProgressRow {
  PartialDate
      visit;  // Date of the monitoring visit (or other event) reporting it.
  int recommendation_number = 0;
  std::string recommendation_text;  // Empty if the record lacks the wording.
  Progress progress = Progress::kUnspecified;
  bool addressed = false;
};

struct Episode {
  std::string provider_code;
  std::string
      inspection_id;  // Empty if the judgement is not linked to an inspection.
  PartialDate entered;
  std::optional<PartialDate> removed;  // Unset while in follow-up.
  int days = 0;  // Entered to removed, or to `as_of` while ongoing.
  std::vector<Milestone> milestones;
  std::vector<ProgressRow> progress;
};

// All episodes, ordered by entry date then provider. `as_of` is the day the
// analysis describes (for ongoing durations and overdue milestones).
std::vector<Episode> BuildEpisodes(const Dataset& data, const CivilDay& as_of);

// The episode of `provider_code` in force on `day`; nullptr if it was not
// in follow-up that day.
const Episode* EpisodeOn(const std::vector<Episode>& episodes,
                         const std::string& provider_code, const CivilDay& day);
// True if `provider_code` is in follow-up on `day`.
bool InFollowUp(const std::vector<Episode>& episodes,
                const std::string& provider_code, const CivilDay& day);
// Days from the earliest day of the episode's entry to `day` (0 if before).
int DaysInFollowUpOn(const Episode& episode, const CivilDay& day);

// The sector page's follow-up figures for one academic year.
struct FollowUpYear {
  int academic_year = 0;
  std::vector<std::string> at_start;  // In follow-up on 1 September.
  std::vector<std::string> entered;
  std::vector<std::string> removed;
  std::vector<std::string> at_end;  // In follow-up on 31 August.
};

FollowUpYear FollowUpForYear(const std::vector<Episode>& episodes,
                             int academic_year);

}  // namespace lges::analytics
