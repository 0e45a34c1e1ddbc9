// lgesctl inspections list | get ID | create FILE | delete ID.
#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <map>
#include <sstream>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/format.h"

namespace lges::cli {
namespace {

// Provider code -> English name, for readable tables. Empty on failure:
// names are a convenience, not worth failing the command for.
std::map<std::string, std::string> ProviderNames(LgesClient& client) {
  pb::ListProvidersResponse all;
  std::map<std::string, std::string> names;
  if (ListAll(client, &LgesClient::ListProviders, pb::ListProvidersRequest(),
              &all)
          .ok()) {
    for (const pb::Provider& p : all.providers()) names[p.code()] = p.name_en();
  }
  return names;
}

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
  for (const char* flag : {"year", "from", "to"}) {
    if (!args.Has(flag)) continue;
    std::optional<int> year = ParseAcademicYear(args.Flag(flag));
    if (!year)
      return UsageError(std::string("--") + flag +
                            " must be an academic year such as 2022-2023",
                        io);
    if (std::string(flag) != "to") req.set_academic_year_from(*year);
    if (std::string(flag) != "from") req.set_academic_year_to(*year);
  }
  req.set_causing_significant_concern_only(args.Has("concern"));
  pb::ListInspectionsResponse all;
  grpc::Status status =
      ListAll(client, &LgesClient::ListInspections, req, &all);
  if (!status.ok()) return ReportRpcError(status, "list inspections", io);
  if (io.json) {
    PrintJson(all, io);
    return kExitOk;
  }
  const std::map<std::string, std::string> names = ProviderNames(client);
  std::vector<Row> rows;
  for (const pb::Inspection& in : all.inspections()) {
    auto name = names.find(in.provider_code());
    rows.push_back(
        {in.name().substr(in.name().find('/') + 1), in.provider_code(),
         name == names.end() ? in.provider_code() : name->second,
         AcademicYearLabel(in.academic_year()), DateLabel(in.start_date()),
         in.causing_significant_concern() ? "yes" : "no",
         RecommendationsCell(in)});
  }
  PrintTable(io.out,
             {"ID", "CODE", "PROVIDER", "YEAR", "STARTED",
              "SIGNIFICANT CONCERN", "RECOMMENDATIONS"},
             rows);
  io.out << all.inspections_size() << " inspections\n";
  return kExitOk;
}

std::string Marker(const pb::Recommendation& r) {
  if (r.text_status() == pb::TEXT_STATUS_PARAPHRASE)
    return "  [paraphrase, not Estyn's wording]";
  const std::string label = TextStatusLabel(r.text_status());
  return label.empty() || label == "verbatim" ? "" : "  [" + label + "]";
}

void PrintDetail(const pb::Inspection& in, Io io) {
  io.out << in.name() << "\n"
         << "  provider:          " << in.provider_code() << "\n"
         << "  academic year:     " << AcademicYearLabel(in.academic_year())
         << "\n"
         << "  started:           " << DateLabel(in.start_date()) << "\n"
         << "  framework:         " << FrameworkLabel(in.framework()) << "\n"
         << "  significant concern: "
         << (in.causing_significant_concern() ? "yes" : "no") << "\n";
  if (in.has_report_published())
    io.out << "  report published:  " << DateLabel(in.report_published())
           << "\n";
  const std::string certainty = CertaintyLabel(in.provenance().certainty());
  if (!certainty.empty() && certainty != "sourced")
    io.out << "  certainty:         " << certainty << "\n";
  io.out << "  recommendations:   " << RecommendationsCell(in)
         << (in.recommendation_order_known() ? "" : " (order not known)")
         << "\n";
  for (const pb::Recommendation& r : in.recommendations()) {
    io.out << "    R" << r.number() << "  " << r.text() << Marker(r) << "\n";
  }
  if (!in.provenance().note().empty())
    io.out << "  note: " << in.provenance().note() << "\n";
}

int Get(const std::string& id, LgesClient& client, Io io) {
  pb::GetInspectionRequest req;
  req.set_name("inspections/" + id);
  pb::Inspection inspection;
  grpc::Status status = client.GetInspection(req, &inspection);
  if (!status.ok()) return ReportRpcError(status, "get inspection " + id, io);
  if (io.json) {
    PrintJson(inspection, io);
  } else {
    PrintDetail(inspection, io);
  }
  return kExitOk;
}

int Create(const Args& args, const std::string& path, LgesClient& client,
           Io io) {
  std::ifstream file(path);
  if (!file) return UsageError("cannot read " + path, io);
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
  grpc::Status status = client.CreateInspection(req, &created);
  if (!status.ok())
    return ReportRpcError(status, "create inspection from " + path, io);
  io.out << "created " << created.name() << "\n";
  return kExitOk;
}

int Delete(const Args& args, const std::string& id, LgesClient& client, Io io) {
  pb::DeleteInspectionRequest req;
  req.set_name("inspections/" + id);
  req.set_etag(args.Flag("etag"));
  pb::DeleteInspectionResponse resp;
  grpc::Status status = client.DeleteInspection(req, &resp);
  if (!status.ok())
    return ReportRpcError(status, "delete inspection " + id, io);
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
      "FILE' or "
      "'inspections delete ID'",
      io);
}

}  // namespace lges::cli
