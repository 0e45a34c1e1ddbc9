// lgesctl commands on providers, follow-up events and key messages, and the
// shared error reporting.
#include "clients/lgesctl/commands.h"

#include <google/protobuf/util/json_util.h>

#include "clients/lgesctl/format.h"

namespace lges::cli {

int ReportRpcError(const grpc::Status& status, const std::string& what, Io io) {
  io.err << "lgesctl: " << what << " failed: " << status.error_message()
         << "\n";
  for (const FieldViolationInfo& v : FieldViolationsOf(status)) {
    io.err << "  - " << v.field << ": " << v.description << "\n";
  }
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
      status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    io.err << "  (is lges-server running? set the address with "
              "--server=HOST:PORT or LGES_SERVER)\n";
    return kExitUnreachable;
  }
  return kExitFailed;
}

int UsageError(const std::string& message, Io io) {
  io.err << "lgesctl: " << message << " (see lgesctl --help)\n";
  return kExitUsage;
}

void PrintJson(const google::protobuf::Message& message, Io io) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  io.out << json;
}

int Health(LgesClient& client, const std::string& address, Io io) {
  bool serving = false;
  grpc::Status status = client.Health("", &serving);
  if (!status.ok())
    return ReportRpcError(status, "health check of " + address, io);
  io.out << (serving ? "SERVING" : "NOT_SERVING") << "\n";
  return serving ? kExitOk : kExitFailed;
}

int Providers(const Args& args, LgesClient& client, Io io) {
  const std::string verb = args.words.size() > 1 ? args.words[1] : "";
  if (verb == "get" && args.words.size() == 3) {
    pb::GetProviderRequest req;
    req.set_name("providers/" + args.words[2]);
    pb::Provider provider;
    grpc::Status status = client.GetProvider(req, &provider);
    if (!status.ok())
      return ReportRpcError(status, "get provider " + args.words[2], io);
    PrintJson(provider, io);
    return kExitOk;
  }
  if (verb != "list")
    return UsageError("expected 'providers list' or 'providers get CODE'", io);
  pb::ListProvidersRequest req;
  pb::ProviderKind kind = pb::PROVIDER_KIND_UNSPECIFIED;
  if (args.Has("kind") && !ParseProviderKind(args.Flag("kind"), &kind)) {
    return UsageError(
        "--kind must be local-authority, school-improvement-service or "
        "partnership-service",
        io);
  }
  req.set_kind(kind);
  pb::ListProvidersResponse all;
  grpc::Status status = ListAll(client, &LgesClient::ListProviders, req, &all);
  if (!status.ok()) return ReportRpcError(status, "list providers", io);
  if (io.json) {
    PrintJson(all, io);
    return kExitOk;
  }
  std::vector<Row> rows;
  for (const pb::Provider& p : all.providers())
    rows.push_back({p.code(), KindLabel(p.kind()), p.name_en(), p.name_cy()});
  PrintTable(io.out, {"CODE", "KIND", "NAME (EN)", "NAME (CY)"}, rows);
  return kExitOk;
}

int FollowUp(const Args& args, LgesClient& client, Io io) {
  const std::string verb = args.words.size() == 2 ? args.words[1] : "";
  if (verb == "status") return FollowUpStatus(args, client, io);
  if (verb == "timeline") return FollowUpTimeline(args, client, io);
  if (verb != "list") {
    return UsageError(
        "expected 'follow-up list', 'follow-up status' or 'follow-up timeline'",
        io);
  }
  pb::ListFollowUpEventsRequest req;
  req.set_provider_code(args.Flag("provider"));
  pb::ListFollowUpEventsResponse all;
  grpc::Status status =
      ListAll(client, &LgesClient::ListFollowUpEvents, req, &all);
  if (!status.ok()) return ReportRpcError(status, "list follow-up events", io);
  if (io.json) {
    PrintJson(all, io);
    return kExitOk;
  }
  std::vector<Row> rows;
  for (const pb::FollowUpEvent& e : all.follow_up_events()) {
    const std::string certainty = CertaintyLabel(e.provenance().certainty());
    rows.push_back({DateLabel(e.date()), e.provider_code(),
                    FollowUpKindLabel(e.kind()),
                    certainty == "sourced" ? "" : certainty,
                    e.description().substr(0, 70)});
  }
  PrintTable(io.out, {"DATE", "PROVIDER", "STEP", "CERTAINTY", "DESCRIPTION"},
             rows);
  return kExitOk;
}

int KeyMessages(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2 || args.words[1] != "list")
    return UsageError("expected 'key-messages list'", io);
  pb::ListKeyMessagesRequest req;
  if (args.Has("year")) {
    std::optional<int> year = ParseAcademicYear(args.Flag("year"));
    if (!year)
      return UsageError("--year must be an academic year such as 2022-2023",
                        io);
    req.set_academic_year(*year);
  }
  pb::ListKeyMessagesResponse all;
  grpc::Status status =
      ListAll(client, &LgesClient::ListKeyMessages, req, &all);
  if (!status.ok()) return ReportRpcError(status, "list key messages", io);
  if (io.json) {
    PrintJson(all, io);
    return kExitOk;
  }
  std::vector<Row> rows;
  for (const pb::KeyMessage& m : all.key_messages()) {
    rows.push_back({AcademicYearLabel(m.academic_year()), m.area(),
                    m.polarity() == pb::POLARITY_GOING_WELL
                        ? "going well"
                        : "needs to improve",
                    m.text()});
  }
  PrintTable(io.out, {"YEAR", "AREA", "POLARITY", "MESSAGE"}, rows);
  return kExitOk;
}

}  // namespace lges::cli
