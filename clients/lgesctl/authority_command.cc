// lgesctl authority CODE|NAME: one authority's inspections, the themes of
// their recommendations, themes that recur, and its follow-up.
#include <algorithm>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The code of the authority that `query` names: its GSS code, its English
// or Welsh name (any case), or a part of a name that only one has. Sets
// `problem` and returns "" otherwise.
std::string ResolveAuthority(const pb::ListProvidersResponse& all,
                             const std::string& query, std::string* problem) {
  const std::string q = Lower(query);
  std::vector<const pb::Provider*> partial;
  for (const pb::Provider& p : all.providers()) {
    if (p.kind() != pb::PROVIDER_KIND_LOCAL_AUTHORITY) continue;
    if (Lower(p.code()) == q || Lower(p.name_en()) == q ||
        Lower(p.name_cy()) == q)
      return p.code();
    if (Lower(p.name_en()).find(q) != std::string::npos ||
        Lower(p.name_cy()).find(q) != std::string::npos)
      partial.push_back(&p);
  }
  if (partial.size() == 1) return partial[0]->code();
  if (partial.empty()) {
    *problem = "no local authority is called '" + query +
               "' (lgesctl providers list shows them)";
  } else {
    *problem = "'" + query + "' could be ";
    for (size_t i = 0; i < partial.size(); ++i)
      *problem += (i ? ", " : "") + partial[i]->name_en();
  }
  return "";
}

std::string Id(const std::string& name) {
  return name.substr(name.find('/') + 1);
}

View ProfileView(const pb::AuthorityProfile& p,
                 const std::map<std::string, std::string>& labels) {
  Section inspections;
  inspections.heading = "Inspections";
  inspections.table.columns = {{"INSPECTION"}, {"YEAR"}, {"STARTED"},
                               {"CONCERN"},    {"RECS"}, {"CONSORTIUM"}};
  Section recs;
  recs.heading = "Recommendations and their themes";
  recs.table.columns = {{"INSPECTION", true},
                        {"R"},
                        {"THEME ID", false, true},
                        {"THEME", true},
                        {"TEXT", true}};
  for (const pb::ProfileInspection& in : p.inspections()) {
    inspections.table.rows.push_back(
        {Id(in.inspection()), AcademicYearLabel(in.academic_year()),
         DateLabel(in.start_date()),
         in.causing_significant_concern() ? "yes" : "no",
         in.recommendation_count() ? std::to_string(in.recommendation_count())
                                   : "unknown",
         in.consortium()});
    for (const pb::ThemedRecommendation& r : in.recommendations()) {
      const std::string theme = r.primary_theme().empty()
                                    ? "unclassified"
                                    : LabelOr(labels, r.primary_theme());
      recs.table.rows.push_back(
          {Id(in.inspection()), "R" + std::to_string(r.number()),
           r.primary_theme(),
           theme + (r.overridden() ? " (set by a person)" : ""), r.text()});
    }
  }
  View view{p.provider().name_en() + " / " + p.provider().name_cy() + " (" +
                p.provider().code() + ")",
            {inspections},
            MetaNotes(p.meta(), i18n::Language::kEnglish)};
  if (!recs.table.rows.empty()) view.sections.push_back(recs);
  if (p.recurring_themes_size() > 0) {
    Section recurring;
    recurring.heading = "Themes recurring at consecutive inspections";
    recurring.table.columns = {
        {"THEME ID", false, true}, {"THEME", true}, {"INSPECTIONS", true}};
    for (const pb::RecurringTheme& r : p.recurring_themes()) {
      std::string at;
      for (const std::string& i : r.inspections())
        at += (at.empty() ? "" : ", ") + Id(i);
      recurring.table.rows.push_back(
          {r.theme_id(), LabelOr(labels, r.theme_id()), at});
    }
    view.sections.push_back(recurring);
  }
  Section follow_up;
  follow_up.heading = "Follow-up";
  if (p.follow_up_size() == 0)
    follow_up.items.push_back("never in follow-up in the record");
  else
    follow_up.table.columns = {{"FROM"}, {"TO"}, {"DAYS"}, {"INSPECTION"}};
  for (const pb::FollowUpEpisode& e : p.follow_up()) {
    follow_up.table.rows.push_back(
        {DateLabel(e.entered()),
         e.ongoing() ? "still in" : DateLabel(e.removed()),
         std::to_string(e.days()), Id(e.inspection())});
  }
  view.sections.push_back(follow_up);
  return view;
}

}  // namespace

int Authority(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() < 2)
    return UsageError("expected 'authority CODE' or 'authority NAME'", io,
                      "authority");
  std::string query;  // The rest of the words: "authority Neath Port Talbot".
  for (size_t i = 1; i < args.words.size(); ++i)
    query += (i > 1 ? " " : "") + args.words[i];
  pb::ListProvidersRequest list;
  list.set_kind(pb::PROVIDER_KIND_LOCAL_AUTHORITY);
  pb::ListProvidersResponse all;
  absl::Status status = ListAll(client, &LgesClient::ListProviders, list, &all);
  if (!status.ok()) return ReportRpcError(status, "find " + query, io);
  std::string problem;
  const std::string code = ResolveAuthority(all, query, &problem);
  if (code.empty()) {
    io.err << "lgesctl: " << problem << "\n";
    return kExitFailed;
  }

  pb::GetAuthorityProfileRequest req;
  req.set_provider("providers/" + code);
  pb::AuthorityProfile p;
  if (std::optional<int> done = FailedOrPrinted(
          client.GetAuthorityProfile(req, &p), "profile of " + query, p, io))
    return *done;
  Show(ProfileView(p, ThemeLabels(client)), io);
  return kExitOk;
}

}  // namespace lges::cli
