#include "domain/dataset.h"

#include <set>

namespace lges {
namespace {

bool InRange(int year, int from, int to) {
  return (from == 0 || year >= from) && (to == 0 || year <= to);
}

}  // namespace

Dataset RecordsOfYears(const Dataset& all, int from, int to) {
  Dataset chosen;
  chosen.version = all.version;
  chosen.as_of_ms = all.as_of_ms;
  chosen.providers = all.providers;
  std::set<std::string> inspections;
  for (const Inspection& in : all.inspections) {
    if (!InRange(in.academic_year, from, to)) continue;
    inspections.insert(in.id);
    chosen.inspections.push_back(in);
  }
  for (const FollowUpEvent& e : all.follow_up_events) {
    const int year = AcademicYear::Containing(e.date.Earliest()).start_year;
    if (inspections.count(e.inspection_id) ||
        (e.inspection_id.empty() && InRange(year, from, to))) {
      chosen.follow_up_events.push_back(e);
    }
  }
  for (const KeyMessage& m : all.key_messages) {
    if (InRange(m.academic_year, from, to)) chosen.key_messages.push_back(m);
  }
  return chosen;
}

}  // namespace lges
