// lgesctl follow-up: who is in follow-up on a day, the yearly figures and
// episodes with their milestones, and the recorded events.
#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"
#include "convert/convert.h"

namespace lges::cli {
namespace {

// "2025-06-01".
std::string Iso(const google::type::Date& d) {
  return FormatIso({d.year(), d.month(), d.day()});
}

std::string Until(const pb::FollowUpEpisode& e, const Io& io) {
  return e.ongoing() ? T(io, "cli.follow_up.still_in")
                     : DateLabel(e.removed(), io.language);
}

int Status(const Args& args, LgesClient& client, Io io) {
  pb::GetFollowUpStatusRequest req;
  const std::string day = args.Flag("as-of", args.Flag("date"));
  if (!day.empty()) {
    std::optional<CivilDay> parsed = ParseIso(day);
    if (!parsed)
      return UsageError(F(io, "cli.usage.as_of",
                          {{"min", std::to_string(kMinYear)},
                           {"max", std::to_string(kMaxYear)}}),
                        io, "follow-up");
    convert::ToProto(*parsed, req.mutable_date());
  }
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::FollowUpStatus s;
  if (std::optional<int> done =
          FailedOrPrinted(client.GetFollowUpStatus(req, &s),
                          T(io, "cli.what.follow_up_status"), s, io))
    return *done;
  Section section;
  section.table.columns = {Col(io, "column.code", false, true),
                           Col(io, "column.authority"),
                           DateCol(io, "column.since"),
                           Col(io, "column.days_by_then"),
                           Col(io, "column.inspection"),
                           DateCol(io, "column.removed_later")};
  for (const pb::AuthorityStatus& a : s.authorities()) {
    if (!a.in_follow_up()) continue;
    section.table.rows.push_back(
        {a.provider_code(),
         io.welsh() && !a.name_cy().empty() ? a.name_cy() : a.name_en(),
         DateLabel(a.since(), io.language), std::to_string(a.days()),
         a.inspection().substr(a.inspection().find('/') + 1),
         a.has_removed() ? DateLabel(a.removed(), io.language) : ""});
  }
  View view{
      F(io,
        s.in_follow_up() == 1 ? "cli.follow_up.status_title.one"
                              : "cli.follow_up.status_title.other",
        {{"count", std::to_string(s.in_follow_up())}, {"date", Iso(s.date())}}),
      {},
      {}};
  if (!section.table.rows.empty()) view.sections.push_back(section);
  for (const std::string& note : MetaNotes(s.meta(), io.language))
    view.notes.push_back(note);
  return Show(view, io);
}

Section Milestones(const pb::FollowUpAnalytics& a,
                   const std::map<std::string, std::string>& names,
                   const Io& io) {
  Section s;
  s.name = "milestones";
  s.heading = T(io, "cli.milestones.heading");
  s.table.columns = {Col(io, "column.code", false, true),
                     Col(io, "column.authority", true),
                     Col(io, "column.milestone", true),
                     Col(io, "column.window", true),
                     DateCol(io, "column.held"),
                     Col(io, "column.state")};
  for (const pb::FollowUpEpisode& e : a.episodes()) {
    for (const pb::Milestone& m : e.milestones()) {
      s.table.rows.push_back(
          {e.provider_code(), LabelOr(names, e.provider_code()),
           MilestoneKindLabel(m.kind(), io.language),
           F(io, "cli.milestones.window",
             {{"from", Iso(m.planned_from())}, {"to", Iso(m.planned_to())}}),
           m.has_happened() ? DateLabel(m.happened(), io.language) : "",
           MilestoneStateLabel(m.state(), io.language)});
    }
  }
  return s;
}

int Timeline(const Args& args, LgesClient& client, Io io) {
  pb::GetFollowUpAnalyticsRequest req;
  std::optional<YearRange> range = YearRangeFlags(args, io);
  if (!range) return kExitUsage;
  req.set_from_academic_year(range->from);
  req.set_to_academic_year(range->to);
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::FollowUpAnalytics a;
  if (std::optional<int> done =
          FailedOrPrinted(client.GetFollowUpAnalytics(req, &a),
                          T(io, "cli.what.follow_up_analytics"), a, io))
    return *done;
  const std::map<std::string, std::string> names =
      ProviderNames(client, io.language);
  Section years;
  years.name = "years";
  years.heading = T(io, "cli.follow_up.by_year");
  years.table.columns = {Col(io, "column.year"), Col(io, "column.1_september"),
                         Col(io, "column.entered"), Col(io, "column.removed"),
                         Col(io, "column.31_august")};
  for (const pb::FollowUpYear& y : a.years()) {
    years.table.rows.push_back(
        {AcademicYearLabel(y.academic_year()),
         std::to_string(y.at_start_size()), std::to_string(y.entered_size()),
         std::to_string(y.removed_size()), std::to_string(y.at_end_size())});
  }
  Section episodes;
  episodes.name = "episodes";
  episodes.heading = T(io, "cli.episodes.heading");
  episodes.table.columns = {Col(io, "column.code", false, true),
                            Col(io, "column.authority"),
                            DateCol(io, "column.from"),
                            DateCol(io, "column.to"), Col(io, "column.days")};
  for (const pb::FollowUpEpisode& e : a.episodes()) {
    episodes.table.rows.push_back({e.provider_code(),
                                   LabelOr(names, e.provider_code()),
                                   DateLabel(e.entered(), io.language),
                                   Until(e, io), std::to_string(e.days())});
  }
  return Show({T(io, "cli.follow_up.timeline_title"),
        {years, episodes, Milestones(a, names, io)},
        MetaNotes(a.meta(), io.language)},
       io);
}

}  // namespace

int FollowUp(const Args& args, LgesClient& client, Io io) {
  const std::string verb = args.words.size() > 1 ? args.words[1] : "";
  if (args.words.size() > 2)
    return UsageError(T(io, "cli.usage.follow_up_words"), io, "follow-up");
  if (verb.empty() || verb == "status") return Status(args, client, io);
  if (verb == "timeline") return Timeline(args, client, io);
  if (verb == "list") return FollowUpEvents(args, client, io);
  return UsageError(T(io, "cli.usage.follow_up"), io, "follow-up");
}

}  // namespace lges::cli
