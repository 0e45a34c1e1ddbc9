// Shared pieces of the lgesctl commands: error reporting, output, health.
#include "clients/lgesctl/commands.h"

#include <google/protobuf/util/json_util.h>

#include <cstdio>

namespace lges::cli {
namespace {

// The gist of a transport failure, from gRPC's long message.
std::string TransportReason(const std::string& message) {
  if (message.find("Connection refused") != std::string::npos)
    return "connection refused";
  if (message.find("DNS resolution failed") != std::string::npos)
    return "unknown host";
  const size_t colon = message.rfind(": ");
  return colon == std::string::npos ? message : message.substr(colon + 2);
}

std::string Seconds(std::chrono::milliseconds ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", ms.count() / 1000.0);
  return text;
}

}  // namespace

namespace {

// The id the server logged the call with, for the user to quote.
void PrintRequestId(const Io& io) {
  if (!io.request_id.empty())
    io.err << F(io, "cli.error.request_id", {{"id", io.request_id}}) << "\n";
}

}  // namespace

int ReportRpcError(const absl::Status& status, const std::string& what, Io io) {
  switch (status.code()) {
    case absl::StatusCode::kUnavailable:
      io.err << F(io, "cli.error.unreachable",
                  {{"what", what},
                   {"server", io.server},
                   {"reason", TransportReason(std::string(status.message()))}})
             << "\n";
      return kExitUnreachable;
    case absl::StatusCode::kDeadlineExceeded:
      io.err << F(io, "cli.error.timeout",
                  {{"what", what},
                   {"server", io.server},
                   {"seconds", Seconds(io.timeout)}})
             << "\n";
      return kExitTimeout;
    default:
      break;
  }
  // A Welsh caller gets the server's own Welsh message (asked for with
  // accept-language); details it has only in English are marked.
  const std::string localized = io.welsh() ? LocalizedMessageOf(status) : "";
  const Violations violations = ViolationsOf(status);
  if (!violations.empty() && localized.empty()) {
    io.err << F(io,
                violations.size() == 1 ? "cli.error.refused.one"
                                       : "cli.error.refused.other",
                {{"what", what}, {"count", std::to_string(violations.size())}})
           << "\n";
  } else {
    io.err << F(io, "cli.error.failed",
                {{"what", what},
                 {"message", localized.empty()
                                 ? F(io, "cli.english_detail",
                                     {{"text", std::string(status.message())}})
                                 : localized}})
           << "\n";
  }
  for (const FieldViolation& v : violations)
    io.err << "  - " << v.field << ": "
           << F(io, "cli.english_detail", {{"text", v.description}}) << "\n";
  PrintRequestId(io);
  return kExitFailed;
}

int UsageError(const std::string& message, Io io, const std::string& command) {
  io.err << F(io, "cli.usage",
              {{"message", message},
               {"help",
                "lgesctl help" + (command.empty() ? "" : " " + command)}})
         << "\n";
  return kExitUsage;
}

std::optional<int> YearArg(const std::string& text, const std::string& what,
                           Io io) {
  std::optional<int> year = ParseAcademicYear(text);
  if (!year)
    UsageError(F(io, "cli.usage.year", {{"what", what}, {"text", text}}), io);
  return year;
}

std::map<std::string, pb::Provider> ProvidersByCode(LgesClient& client) {
  pb::ListProvidersResponse all;
  std::map<std::string, pb::Provider> by_code;
  if (ListAll(client, &LgesClient::ListProviders, pb::ListProvidersRequest(),
              &all)
          .ok()) {
    for (const pb::Provider& p : all.providers()) by_code[p.code()] = p;
  }
  return by_code;
}

std::map<std::string, std::string> ProviderNames(LgesClient& client,
                                                 i18n::Language language) {
  const bool welsh = language == i18n::Language::kWelsh;
  std::map<std::string, std::string> names;
  for (const auto& [code, p] : ProvidersByCode(client))
    names[code] = welsh && !p.name_cy().empty() ? p.name_cy() : p.name_en();
  return names;
}

std::map<std::string, std::string> ThemeLabels(LgesClient& client,
                                               i18n::Language language) {
  const bool welsh = language == i18n::Language::kWelsh;
  pb::ListThemesResponse themes;
  std::map<std::string, std::string> labels;
  if (client.ListAllThemes(&themes).ok()) {
    for (const pb::Theme& t : themes.themes())
      labels[t.id()] =
          welsh && !t.label_cy().empty() ? t.label_cy() : t.label_en();
  }
  return labels;
}

const std::string& T(const Io& io, std::string_view key) {
  return i18n::Text(io.language, key);
}

std::string F(const Io& io, std::string_view key, const i18n::Args& args) {
  return i18n::Format(io.language, key, args);
}

Column Col(const Io& io, std::string_view key, bool wraps, bool data_only) {
  return {T(io, key), wraps, data_only,
          CsvName(i18n::Text(i18n::Language::kEnglish, key))};
}

Column DateCol(const Io& io, std::string_view key) {
  Column c = Col(io, key);
  c.date = true;
  return c;
}

std::string InLanguage(
    const Io& io, const std::string& english,
    const google::protobuf::RepeatedPtrField<pb::LocalizedText>& translations) {
  if (!io.welsh()) return english;
  for (const pb::LocalizedText& t : translations)
    if (t.language_code() == "cy") return t.text();
  return F(io, "cli.english_only", {{"text", english}});
}

std::string AreaLabel(const Io& io, const std::string& area) {
  const std::string key = "area." + area;
  return i18n::CatalogueOf(io.language).Has(key) ? T(io, key) : area;
}

std::string LabelOr(const std::map<std::string, std::string>& names,
                    const std::string& key) {
  auto it = names.find(key);
  return it == names.end() ? key : it->second;
}

std::optional<YearRange> YearRangeFlags(const Args& args, Io io) {
  YearRange range;
  for (const std::string flag : {"year", "from", "to"}) {
    if (!args.Has(flag)) continue;
    std::optional<int> year = YearArg(args.Flag(flag), "--" + flag, io);
    if (!year) return std::nullopt;
    if (flag != "to") range.from = *year;
    if (flag != "from") range.to = *year;
  }
  return range;
}

void PrintJson(const google::protobuf::Message& message, Io io) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  io.out << json;
}

std::optional<int> FailedOrPrinted(const absl::Status& status,
                                   const std::string& what,
                                   const google::protobuf::Message& reply,
                                   Io io) {
  if (!status.ok()) return ReportRpcError(status, what, io);
  if (!io.json()) return std::nullopt;
  PrintJson(reply, io);
  return kExitOk;
}


int Health(const Args&, LgesClient& client, Io io) {
  bool serving = false;
  absl::Status status = client.Health("", &serving);
  if (!status.ok()) return ReportRpcError(status, "health check", io);
  const char* word = serving ? "SERVING" : "NOT_SERVING";
  if (io.json()) {  // grpc.health.v1.HealthCheckResponse in JSON.
    io.out << "{\n \"status\": \"" << word << "\"\n}\n";
  } else if (io.format == Format::kCsv) {
    io.out << "status\n" << word << "\n";
  } else {
    io.out << word << "\n";
  }
  return serving ? kExitOk : kExitFailed;
}

}  // namespace lges::cli
