#include "analytics/follow_up.h"

#include <algorithm>
#include <map>
#include <set>

namespace lges::analytics {
namespace {

// Days since 1970-01-01 (proleptic Gregorian), for durations.
long DayNumber(const CivilDay& d) {
  const int y = d.month <= 2 ? d.year - 1 : d.year;
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy =
      (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097L + doe - 719468L;
}

CivilDay AddMonths(const CivilDay& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  CivilDay out{total / 12, total % 12 + 1, d.day};
  out.day = std::min(out.day, DaysInMonth(out.year, out.month));
  return out;
}

struct Entry {
  PartialDate date;
  std::string inspection_id;
};

// Judgements of `provider`: causing-significant-concern inspections, dated
// by their JUDGED event if there is one, and JUDGED events with no inspection.
std::vector<Entry> Entries(const Dataset& data, const std::string& provider) {
  std::vector<Entry> entries;
  std::set<std::string> linked;
  for (const FollowUpEvent& e : data.follow_up_events) {
    if (e.provider_code != provider || e.kind != FollowUpKind::kJudged)
      continue;
    entries.push_back({e.date, e.inspection_id});
    if (!e.inspection_id.empty()) linked.insert(e.inspection_id);
  }
  for (const Inspection& in : data.inspections) {
    if (in.provider_code != provider || !in.causing_significant_concern ||
        linked.count(in.id))
      continue;
    entries.push_back(
        {in.report_published.IsSet() ? in.report_published : in.start_date,
         in.id});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.date.Earliest() < b.date.Earliest();
  });
  return entries;
}

std::vector<const FollowUpEvent*> EventsOf(const Dataset& data,
                                           const std::string& provider) {
  std::vector<const FollowUpEvent*> events;
  for (const FollowUpEvent& e : data.follow_up_events) {
    if (e.provider_code == provider) events.push_back(&e);
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const FollowUpEvent* a, const FollowUpEvent* b) {
                     return a->date.Earliest() < b->date.Earliest();
                   });
  return events;
}

// Events of the episode: from its entry up to, but not including, `end`.
bool Within(const FollowUpEvent& e, const CivilDay& from,
            const std::optional<CivilDay>& end) {
  const CivilDay d = e.date.Earliest();
  return from <= d && (!end || d < *end);
}

MilestoneState StateOf(const Milestone& m, const Episode& episode,
                       const CivilDay& as_of) {
  if (m.happened) {
    const CivilDay d = m.happened->Earliest();
    if (d < m.planned_from) return MilestoneState::kEarly;
    return m.planned_to < d ? MilestoneState::kLate : MilestoneState::kOnTime;
  }
  if (episode.removed) {
    return episode.removed->Earliest() <= m.planned_to
               ? MilestoneState::kNotNeeded
               : MilestoneState::kMissed;
  }
  return m.planned_to < as_of ? MilestoneState::kOverdue
                              : MilestoneState::kPending;
}

// Planned windows: improvement conference 2-5 months after the judgement
// ("around three months"); each later step 9-15 months after the step before
// ("around a year"), counted from when that step happened, or was planned.
void AddMilestones(Episode& episode,
                   const std::vector<const FollowUpEvent*>& events,
                   const CivilDay& as_of) {
  static constexpr std::pair<MilestoneKind, FollowUpKind> kSteps[] = {
      {MilestoneKind::kImprovementConference,
       FollowUpKind::kImprovementConference},
      {MilestoneKind::kProgressConference, FollowUpKind::kProgressConference},
      {MilestoneKind::kMonitoringVisit, FollowUpKind::kMonitoringVisit}};
  CivilDay base = episode.entered.Earliest();
  bool first = true;
  for (const auto& [milestone_kind, event_kind] : kSteps) {
    Milestone m;
    m.kind = milestone_kind;
    m.planned_from = AddMonths(base, first ? 2 : 9);
    m.planned_to = AddMonths(base, first ? 5 : 15);
    for (const FollowUpEvent* e : events) {
      if (e->kind == event_kind) {
        m.happened = e->date;  // The last one: a second progress conference
                               // moves the monitoring visit on.
      }
    }
    m.state = StateOf(m, episode, as_of);
    base =
        m.happened ? m.happened->Earliest() : AddMonths(base, first ? 3 : 12);
    first = false;
    episode.milestones.push_back(m);
  }
}

void AddProgress(Episode& episode,
                 const std::vector<const FollowUpEvent*>& events,
                 const Dataset& data) {
  const Inspection* inspection = nullptr;
  for (const Inspection& in : data.inspections) {
    if (in.id == episode.inspection_id) inspection = &in;
  }
  for (const FollowUpEvent* e : events) {
    for (const RecommendationProgress& p : e->recommendation_progress) {
      ProgressRow row{e->date, p.recommendation_number, "", p.progress,
                      p.addressed};
      if (inspection != nullptr &&
          p.recommendation_number <=
              static_cast<int>(inspection->recommendations.size())) {
        row.recommendation_text =
            inspection->recommendations[p.recommendation_number - 1].text;
      }
      episode.progress.push_back(row);
    }
  }
}

}  // namespace

std::vector<Episode> BuildEpisodes(const Dataset& data, const CivilDay& as_of) {
  std::vector<Episode> out;
  std::set<std::string> providers;
  for (const Inspection& in : data.inspections)
    providers.insert(in.provider_code);
  for (const FollowUpEvent& e : data.follow_up_events)
    providers.insert(e.provider_code);
  for (const std::string& provider : providers) {
    const std::vector<Entry> entries = Entries(data, provider);
    const std::vector<const FollowUpEvent*> events = EventsOf(data, provider);
    for (size_t i = 0; i < entries.size(); ++i) {
      Episode episode{provider, entries[i].inspection_id, entries[i].date};
      const CivilDay start = entries[i].date.Earliest();
      std::optional<CivilDay> next;
      if (i + 1 < entries.size()) next = entries[i + 1].date.Earliest();
      std::vector<const FollowUpEvent*> own;
      for (const FollowUpEvent* e : events) {
        if (!Within(*e, start, next)) continue;
        if (e->kind == FollowUpKind::kRemoved && !episode.removed)
          episode.removed = e->date;
        if (!episode.removed ||
            e->date.Earliest() <= episode.removed->Earliest())
          own.push_back(e);
      }
      const CivilDay end =
          episode.removed ? episode.removed->Earliest() : as_of;
      episode.days =
          static_cast<int>(std::max(0L, DayNumber(end) - DayNumber(start)));
      AddMilestones(episode, own, as_of);
      AddProgress(episode, own, data);
      out.push_back(std::move(episode));
    }
  }
  std::sort(out.begin(), out.end(), [](const Episode& a, const Episode& b) {
    if (!(a.entered.Earliest() == b.entered.Earliest()))
      return a.entered.Earliest() < b.entered.Earliest();
    return a.provider_code < b.provider_code;
  });
  return out;
}

namespace {

// True if `e` was in force on `day`.
bool Covers(const Episode& e, const CivilDay& day) {
  return !(day < e.entered.Earliest()) &&
         (!e.removed || day < e.removed->Earliest());
}

}  // namespace

const Episode* EpisodeOn(const std::vector<Episode>& episodes,
                         const std::string& provider_code, const CivilDay& day) {
  for (const Episode& e : episodes) {
    if (e.provider_code == provider_code && Covers(e, day)) return &e;
  }
  return nullptr;
}

bool InFollowUp(const std::vector<Episode>& episodes,
                const std::string& provider_code, const CivilDay& day) {
  return EpisodeOn(episodes, provider_code, day) != nullptr;
}

int DaysInFollowUpOn(const Episode& episode, const CivilDay& day) {
  return static_cast<int>(std::max(
      0L, DayNumber(day) - DayNumber(episode.entered.Earliest())));
}

FollowUpYear FollowUpForYear(const std::vector<Episode>& episodes,
                             int academic_year) {
  const AcademicYear year{academic_year};
  FollowUpYear out{academic_year};
  std::set<std::string> at_start, at_end;
  for (const Episode& e : episodes) {
    const CivilDay entered = e.entered.Earliest();
    // A provider is in follow-up on a day if any of its episodes covers
    // it: one pass over the episodes, not one per episode.
    if (Covers(e, year.First())) at_start.insert(e.provider_code);
    if (Covers(e, year.Last())) at_end.insert(e.provider_code);
    if (year.First() <= entered && entered <= year.Last())
      out.entered.push_back(e.provider_code);
    if (e.removed && year.First() <= e.removed->Earliest() &&
        e.removed->Earliest() <= year.Last()) {
      out.removed.push_back(e.provider_code);
    }
  }
  out.at_start.assign(at_start.begin(), at_start.end());
  out.at_end.assign(at_end.begin(), at_end.end());
  return out;
}

}  // namespace lges::analytics
