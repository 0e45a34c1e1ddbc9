// lgesctl authority CODE|NAME: one authority's inspections, the themes of
// their recommendations, themes that recur, and its follow-up.
#include <algorithm>

#include "clients/lgesctl/commands.h"
#include "render/pages_from_api.h"
#include "render/sector_page.h"
#include "render/sector_page_from_api.h"
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
                             const std::string& query, const Io& io,
                             std::string* problem) {
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
    *problem = F(io, "cli.authority.none", {{"query", query}});
  } else {
    std::string names;
    for (size_t i = 0; i < partial.size(); ++i)
      names += (i ? ", " : "") + (io.welsh() && !partial[i]->name_cy().empty()
                                      ? partial[i]->name_cy()
                                      : partial[i]->name_en());
    *problem =
        F(io, "cli.authority.ambiguous", {{"query", query}, {"names", names}});
  }
  return "";
}

std::string Id(const std::string& name) {
  return name.substr(name.find('/') + 1);
}

Section InspectionsSection(const pb::AuthorityProfile& p, const Io& io) {
  Section inspections;
  inspections.name = "inspections";
  inspections.heading = T(io, "authority.inspections");
  inspections.table.columns = {
      Col(io, "column.inspection"), Col(io, "column.year"),
      DateCol(io, "column.started"), Col(io, "column.concern"),
      Col(io, "column.recs"),       Col(io, "column.consortium")};
  for (const pb::ProfileInspection& in : p.inspections()) {
    inspections.table.rows.push_back(
        {Id(in.inspection()), AcademicYearLabel(in.academic_year()),
         DateLabel(in.start_date(), io.language),
         T(io, in.causing_significant_concern() ? "cli.yes" : "cli.no"),
         in.recommendation_count() ? std::to_string(in.recommendation_count())
                                   : T(io, "cli.unknown"),
         in.consortium()});
  }
  return inspections;
}

Section RecommendationsSection(const pb::AuthorityProfile& p,
                               const std::map<std::string, std::string>& labels,
                               const Io& io) {
  Section recs;
  recs.name = "recommendations";
  recs.heading = T(io, "authority.recommendations");
  recs.table.columns = {Col(io, "column.inspection", true), Col(io, "column.r"),
                        Col(io, "column.theme_id", false, true),
                        Col(io, "column.theme", true),
                        Col(io, "column.text", true)};
  for (const pb::ProfileInspection& in : p.inspections()) {
    for (const pb::ThemedRecommendation& r : in.recommendations()) {
      const std::string theme = r.primary_theme().empty()
                                    ? T(io, "cli.authority.unclassified")
                                    : LabelOr(labels, r.primary_theme());
      recs.table.rows.push_back(
          {Id(in.inspection()), "R" + std::to_string(r.number()),
           r.primary_theme(),
           theme + (r.overridden() ? T(io, "cli.authority.set_by_person") : ""),
           InLanguage(io, r.text(), r.translations())});
    }
  }
  return recs;
}

View ProfileView(const pb::AuthorityProfile& p,
                 const std::map<std::string, std::string>& labels,
                 const Io& io) {
  const std::string& name = io.welsh() && !p.provider().name_cy().empty()
                                ? p.provider().name_cy()
                                : p.provider().name_en();
  const std::string& other = io.welsh() && !p.provider().name_cy().empty()
                                 ? p.provider().name_en()
                                 : p.provider().name_cy();
  View view{name + " / " + other + " (" + p.provider().code() + ")",
            {InspectionsSection(p, io)},
            MetaNotes(p.meta(), io.language)};
  Section recs = RecommendationsSection(p, labels, io);
  if (!recs.table.rows.empty()) view.sections.push_back(recs);
  if (p.recurring_themes_size() > 0) {
    Section recurring;
    recurring.name = "recurring_themes";
    recurring.heading = T(io, "cli.authority.recurring");
    recurring.table.columns = {Col(io, "column.theme_id", false, true),
                               Col(io, "column.theme", true),
                               Col(io, "column.inspections", true)};
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
  follow_up.name = "follow_up";
  follow_up.heading = T(io, "authority.follow_up");
  if (p.follow_up_size() == 0)
    follow_up.items.push_back(T(io, "cli.authority.never"));
  else
    follow_up.table.columns = {DateCol(io, "column.from"),
                               DateCol(io, "column.to"),
                               Col(io, "column.days"),
                               Col(io, "column.inspection")};
  for (const pb::FollowUpEpisode& e : p.follow_up()) {
    follow_up.table.rows.push_back(
        {DateLabel(e.entered(), io.language),
         e.ongoing() ? T(io, "cli.follow_up.still_in")
                     : DateLabel(e.removed(), io.language),
         std::to_string(e.days()), Id(e.inspection())});
  }
  view.sections.push_back(follow_up);
  return view;
}

}  // namespace

int Authority(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() < 2)
    return UsageError(T(io, "cli.usage.authority"), io, "authority");
  std::string query;  // The rest of the words: "authority Neath Port Talbot".
  for (size_t i = 1; i < args.words.size(); ++i)
    query += (i > 1 ? " " : "") + args.words[i];
  pb::ListProvidersRequest list;
  list.set_kind(pb::PROVIDER_KIND_LOCAL_AUTHORITY);
  pb::ListProvidersResponse all;
  absl::Status status = ListAll(client, &LgesClient::ListProviders, list, &all);
  if (!status.ok())
    return ReportRpcError(status, F(io, "cli.what.find", {{"query", query}}),
                          io);
  std::string problem;
  const std::string code = ResolveAuthority(all, query, io, &problem);
  if (code.empty()) {
    io.err << problem << "\n";
    return kExitFailed;
  }

  pb::GetAuthorityProfileRequest req;
  req.set_provider("providers/" + code);
  req.set_language_code(i18n::LanguageCode(io.language));
  pb::AuthorityProfile p;
  if (std::optional<int> done =
          FailedOrPrinted(client.GetAuthorityProfile(req, &p),
                          F(io, "cli.what.profile", {{"query", query}}), p, io))
    return *done;
  if (args.Has("html")) {
    const pb::Provider& provider = p.provider();
    const std::string name =
        io.welsh() && !provider.name_cy().empty() ? provider.name_cy()
                                                  : provider.name_en();
    const int64_t version = p.meta().dataset_version();
    return WritePage(
        args.Flag("html"),
        render::PrintableHtml(
            io.language, name, T(io, "page.sector"), name, provider.code(),
            render::AuthorityHtml(p, io.language),
            F(io, "page.print_footer_other",
              {{"what", name},
               {"version", std::to_string(version)},
               {"printed", render::PrintTimeNow()}})),
        F(io, "cli.report.authority_page", {{"name", name}}), version, io);
  }
  return Show(ProfileView(p, ThemeLabels(client, io.language), io), io);
}

}  // namespace lges::cli
