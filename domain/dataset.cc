#include "domain/dataset.h"

#include <map>
#include <set>
#include <tuple>

namespace lges {
namespace {

bool InRange(int year, int from, int to) {
  return (from == 0 || year >= from) && (to == 0 || year <= to);
}

// Adds a violation for each record of `items` whose key repeats an earlier
// one's.
template <typename Record, typename KeyOf>
void Repeats(const std::vector<Record>& items, const char* collection,
             const char* what, KeyOf key_of, Violations& out) {
  std::map<decltype(key_of(items[0])), size_t> first;
  for (size_t i = 0; i < items.size(); ++i) {
    auto [it, fresh] = first.emplace(key_of(items[i]), i);
    if (fresh) continue;
    const std::string place = std::string(collection) + "[";
    out.push_back({place + std::to_string(i) + "]",
                   std::string("has the same ") + what + " as " + place +
                       std::to_string(it->second) + "]"});
  }
}

}  // namespace

Violations DuplicateIdentities(const Dataset& records) {
  Violations out;
  Repeats(
      records.providers, "providers", "code",
      [](const Provider& p) { return p.code; }, out);
  Repeats(
      records.inspections, "inspections", "id",
      [](const Inspection& in) { return in.id; }, out);
  Repeats(
      records.follow_up_events, "follow_up_events",
      "provider, kind, date, inspection and description",
      [](const FollowUpEvent& e) {
        return std::make_tuple(e.provider_code, static_cast<int>(e.kind),
                               FormatPartialDate(e.date), e.inspection_id,
                               e.description);
      },
      out);
  Repeats(
      records.key_messages, "key_messages",
      "academic year, area, polarity and position",
      [](const KeyMessage& m) {
        return std::make_tuple(m.academic_year, m.area,
                               static_cast<int>(m.polarity), m.position);
      },
      out);
  Repeats(
      records.published_years, "published_years", "academic year",
      [](const PublishedYear& y) { return y.academic_year; }, out);
  return out;
}

YearSelection::YearSelection(int from, int to) : from_(from), to_(to) {}

bool YearSelection::Keep(const Inspection& in) {
  if (!InRange(in.academic_year, from_, to_)) return false;
  inspections_.insert(in.id);
  return true;
}

bool YearSelection::Keep(const FollowUpEvent& e) const {
  const int year = AcademicYear::Containing(e.date.Earliest()).start_year;
  return inspections_.count(e.inspection_id) ||
         (e.inspection_id.empty() && InRange(year, from_, to_));
}

bool YearSelection::Keep(const KeyMessage& m) const {
  return InRange(m.academic_year, from_, to_);
}

bool YearSelection::Keep(const PublishedYear& y) const {
  return InRange(y.academic_year, from_, to_);
}

Dataset RecordsOfYears(const Dataset& all, int from, int to) {
  Dataset chosen;
  chosen.version = all.version;
  chosen.as_of_ms = all.as_of_ms;
  chosen.providers = all.providers;
  YearSelection keep(from, to);
  for (const Inspection& in : all.inspections)
    if (keep.Keep(in)) chosen.inspections.push_back(in);
  for (const FollowUpEvent& e : all.follow_up_events)
    if (keep.Keep(e)) chosen.follow_up_events.push_back(e);
  for (const KeyMessage& m : all.key_messages)
    if (keep.Keep(m)) chosen.key_messages.push_back(m);
  for (const PublishedYear& y : all.published_years)
    if (keep.Keep(y)) chosen.published_years.push_back(y);
  return chosen;
}

}  // namespace lges
