// lgesctl inspections list | get ID | create FILE | delete ID.
#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <map>
#include <sstream>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

std::string RecommendationsCell(const pb::Inspection& in) {
  const int listed = in.recommendations_size();
  if (in.recommendation_count() == 0)
    return listed == 0 ? "unknown" : std::to_string(listed) + " of ?";
  if (listed == in.recommendation_count()) return std::to_string(listed);
  return std::to_string(listed) + " of " +
         std::to_string(in.recommendation_count());
}

int List(const Args& args, LgesClient& client, Io io) {
  pb::ListInspectionsRequest req;
  req.set_provider_code(args.Flag("provider"));
  std::optional<YearRange> years = YearRangeFlags(args, io);
  if (!years) return kExitUsage;
  req.set_academic_year_from(years->from);
  req.set_academic_year_to(years->to);
  req.set_causing_significant_concern_only(args.Has("concern"));
  pb::ListInspectionsResponse all;
  if (std::optional<int> done = FailedOrPrinted(
          ListAll(client, &LgesClient::ListInspections, req, &all),
          "list inspections", all, io))
    return *done;
  const std::map<std::string, std::string> names = ProviderNames(client);
  Section s;
  s.table.columns = {{"ID"},
                     {"CODE", false, true},
                     {"PROVIDER", true},
                     {"YEAR"},
                     {"STARTED", false, false, "", true},
                     {"CONCERN"},
                     {"RECS"}};
  s.data = Table{{{"", false, false, "id"},
                  {"", false, false, "code"},
                  {"", false, false, "provider"},
                  {"", false, false, "academic_year"},
                  {"", false, false, "started", true},
                  {"", false, false, "concern"},
                  {"", false, false, "recommendations_listed"},
                  {"", false, false, "recommendations_made"},
                  {"", false, false, "recommendations_status"}},
                 {}};
  for (const pb::Inspection& in : all.inspections()) {
    const int listed = in.recommendations_size();
    const int made = in.recommendation_count();
    s.data->rows.push_back(
        {in.name().substr(in.name().find('/') + 1), in.provider_code(),
         LabelOr(names, in.provider_code()),
         AcademicYearLabel(in.academic_year()), DateLabel(in.start_date()),
         in.causing_significant_concern() ? "yes" : "no",
         std::to_string(listed), made == 0 ? "" : std::to_string(made),
         made == 0 ? "count unknown"
                   : (listed < made ? "some missing" : "complete")});
    s.table.rows.push_back(
        {in.name().substr(in.name().find('/') + 1), in.provider_code(),
         LabelOr(names, in.provider_code()),
         AcademicYearLabel(in.academic_year()), DateLabel(in.start_date()),
         in.causing_significant_concern() ? "yes" : "no",
         RecommendationsCell(in)});
  }
  return Show({"",
        {s},
        {std::to_string(all.inspections_size()) +
         " inspections; CONCERN: "
         "judged causing significant concern; RECS: recommendations in the "
         "record of those the report made"}},
       io);
}

std::string Marker(const pb::Recommendation& r) {
  if (r.text_status() == pb::TEXT_STATUS_PARAPHRASE)
    return " [paraphrase, not Estyn's wording]";
  const std::string label = TextStatusLabel(r.text_status());
  return label.empty() || label == "verbatim" ? "" : " [" + label + "]";
}

View Detail(const pb::Inspection& in, const std::string& provider_name) {
  Section s;
  s.facts = {
      {"provider", provider_name + " (" + in.provider_code() + ")"},
      {"academic year", AcademicYearLabel(in.academic_year())},
      {"started", DateLabel(in.start_date())},
      {"framework", FrameworkLabel(in.framework())},
      {"significant concern", in.causing_significant_concern() ? "yes" : "no"}};
  if (in.has_report_published())
    s.facts.push_back({"report published", DateLabel(in.report_published())});
  const std::string certainty = CertaintyLabel(in.provenance().certainty());
  if (!certainty.empty() && certainty != "sourced")
    s.facts.push_back({"certainty", certainty});
  s.facts.push_back(
      {"recommendations",
       RecommendationsCell(in) +
           (in.recommendation_order_known() ? "" : " (order not known)")});
  Section recs;
  if (in.recommendations_size() > 0) {
    recs.heading = "Recommendations";
    recs.table.columns = {{"R"}, {"TEXT", true}};
    for (const pb::Recommendation& r : in.recommendations()) {
      recs.table.rows.push_back(
          {"R" + std::to_string(r.number()), r.text() + Marker(r)});
    }
  }
  View view{in.name(), {s}, {}};
  if (!recs.table.columns.empty()) view.sections.push_back(recs);
  if (!in.provenance().note().empty())
    view.notes.push_back("note: " + in.provenance().note());
  return view;
}

int Get(const std::string& id, LgesClient& client, Io io) {
  pb::GetInspectionRequest req;
  req.set_name("inspections/" + id);
  pb::Inspection inspection;
  if (std::optional<int> done =
          FailedOrPrinted(client.GetInspection(req, &inspection),
                          "get inspection " + id, inspection, io))
    return *done;
  return Show(Detail(inspection,
              LabelOr(ProviderNames(client), inspection.provider_code())),
       io);
}

int Create(const Args& args, const std::string& path, LgesClient& client,
           Io io) {
  std::ifstream file(path);
  if (!file) return UsageError("cannot read " + path, io, "inspections");
  std::stringstream text;
  text << file.rdbuf();
  pb::CreateInspectionRequest req;
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      text.str(), req.mutable_inspection());
  if (!parsed.ok()) {
    io.err << "lgesctl: " << path
           << " is not a valid inspection in JSON: " << parsed.message()
           << "\n";
    return kExitUsage;
  }
  req.set_inspection_id(args.Flag("id"));
  req.set_request_id(args.Flag("request-id"));
  pb::Inspection created;
  if (std::optional<int> done =
          FailedOrPrinted(client.CreateInspection(req, &created),
                          "create inspection from " + path, created, io))
    return *done;
  io.out << "created " << created.name() << "\n";
  return kExitOk;
}

int Delete(const Args& args, const std::string& id, LgesClient& client, Io io) {
  pb::DeleteInspectionRequest req;
  req.set_name("inspections/" + id);
  req.set_etag(args.Flag("etag"));
  pb::DeleteInspectionResponse resp;
  if (std::optional<int> done =
          FailedOrPrinted(client.DeleteInspection(req, &resp),
                          "delete inspection " + id, resp, io))
    return *done;
  io.out << "deleted inspections/" << id << " (dataset version "
         << resp.dataset_version() << ")\n";
  return kExitOk;
}

}  // namespace

int Inspections(const Args& args, LgesClient& client, Io io) {
  const std::string verb = args.words.size() > 1 ? args.words[1] : "";
  const bool one_arg = args.words.size() == 3;
  if (verb == "list" && args.words.size() == 2) return List(args, client, io);
  if (verb == "get" && one_arg) return Get(args.words[2], client, io);
  if (verb == "create" && one_arg)
    return Create(args, args.words[2], client, io);
  if (verb == "delete" && one_arg)
    return Delete(args, args.words[2], client, io);
  return UsageError(
      "expected 'inspections list', 'inspections get ID', 'inspections create "
      "FILE' or 'inspections delete ID'",
      io, "inspections");
}

}  // namespace lges::cli
