// lgesctl import FILE [--dry-run] | export | changes.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/csv.h"
#include "clients/lgesctl/csv_import.h"
#include "clients/lgesctl/format.h"
#include "convert/convert.h"
#include "domain/dates.h"

namespace lges::cli {
namespace {

// A parser's message fit for a terminal: printable ASCII only (a message about
// a binary file may quote its bytes), at most 300 characters.
std::string Printable(std::string_view message) {
  std::string out;
  for (char c : message.substr(0, 300))
    out += (c >= 32 && c < 127) || c == '\n' ? c : '?';
  return out;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::stringstream text;
  text << file.rdbuf();
  *out = text.str();
  return true;
}

// Reads FILE into a record set; on failure prints why and returns false.
bool Load(const std::string& path, LgesClient& client, Loaded* out, Io io) {
  std::string text;
  if (!ReadFile(path, &text)) {
    io.err << "lgesctl: cannot read " << path << "\n";
    return false;
  }
  const bool csv = path.size() > 4 && path.substr(path.size() - 4) == ".csv";
  if (!csv) {
    const auto parsed =
        google::protobuf::util::JsonStringToMessage(text, &out->records);
    if (!parsed.ok()) {
      io.err << "lgesctl: " << path << " is not a valid record set in JSON: "
             << Printable(parsed.message().ToString()) << "\n";
    }
    return parsed.ok();
  }
  CsvTable table;
  std::string error;
  if (!ParseCsv(text, &table, &error)) {
    io.err << "lgesctl: " << path << ": " << error << "\n";
    return false;
  }
  std::optional<CsvError> failed = RecordsFromCsv(
      table, path,
      [&client](const std::string& id, pb::Inspection* out) {
        pb::GetInspectionRequest get;
        get.set_name("inspections/" + id);
        return client.GetInspection(get, out);
      },
      out);
  if (failed) io.err << "lgesctl: " << path << " " << failed->message << "\n";
  return !failed;
}

// Prints a refused import, naming CSV lines where the records came from one.
int ReportImportError(const absl::Status& status, const std::string& path,
                      const LineMap& lines, Io io) {
  if (lines.empty() || ViolationsOf(status).empty())
    return ReportRpcError(status, "import of " + path, io);
  io.err << "lgesctl: import of " << path << " refused; nothing was changed:\n";
  static const std::regex kPath(
      R"((records\.[a-z_]+\[\d+\](?:\.recommendations\[\d+\])?)\.?([a-z_]*).*)");
  for (const FieldViolation& v : ViolationsOf(status)) {
    std::smatch m;
    auto line = std::regex_match(v.field, m, kPath) ? lines.find(m[1].str())
                                                    : lines.end();
    if (line == lines.end()) {
      io.err << "  - " << v.field << ": " << v.description << "\n";
    } else {
      io.err << "  - line " << line->second << ", column '" << m[2].str()
             << "': " << v.description << "\n";
    }
  }
  return kExitFailed;
}

}  // namespace

int Import(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() != 2)
    return UsageError("expected 'import FILE' (.json record set, or .csv)", io,
                      "import");
  const std::string& path = args.words[1];
  Loaded loaded;
  if (!Load(path, client, &loaded, io)) return kExitUsage;
  const pb::RecordSet& r = loaded.records;
  io.err << "[1/3] read " << path << ": " << r.providers_size()
         << " providers, " << r.inspections_size() << " inspections, "
         << r.follow_up_events_size() << " follow-up events, "
         << r.key_messages_size() << " key messages\n";
  pb::ImportRecordsRequest req;
  *req.mutable_records() = r;
  req.set_dry_run(true);
  pb::ImportRecordsResponse check;
  absl::Status status = client.ImportRecords(req, &check);
  if (!status.ok()) return ReportImportError(status, path, loaded.lines, io);
  io.err << "[2/3] checked: " << check.created() << " to create, "
         << check.updated() << " to update, " << check.unchanged()
         << " unchanged\n";
  if (args.Has("dry-run")) {
    io.out << "dry run: nothing was changed\n";
    return kExitOk;
  }
  req.set_dry_run(false);
  pb::ImportRecordsResponse done;
  status = client.ImportRecords(req, &done);
  if (!status.ok()) return ReportImportError(status, path, loaded.lines, io);
  io.err << "[3/3] imported\n";
  io.out << "created " << done.created() << ", updated " << done.updated()
         << ", unchanged " << done.unchanged() << "; dataset version "
         << done.dataset_version() << "\n";
  return kExitOk;
}

int Export(const Args& args, LgesClient& client, Io io) {
  pb::ExportRecordsRequest req;
  if (args.words.size() > 2)
    return UsageError("expected 'export [FILE]'", io, "export");
  if (io.format != Format::kJson && io.format != Format::kTable)
    return UsageError(
        "export writes a JSON record set only; for CSV use "
        "--format=csv on inspections list, follow-up list or "
        "the analytics commands",
        io, "export");
  std::optional<YearRange> years = YearRangeFlags(args, io);
  if (!years) return kExitUsage;
  req.set_academic_year_from(years->from);
  req.set_academic_year_to(years->to);
  pb::RecordSet records;
  absl::Status status = client.ExportRecords(req, &records);
  if (!status.ok()) return ReportRpcError(status, "export", io);
  if (args.words.size() == 1) {
    PrintJson(records, io);
    return kExitOk;
  }
  std::ofstream file(args.words[1]);
  PrintJson(records, {file, io.err});
  file.close();
  if (!file) {
    io.err << "lgesctl: cannot write " << args.words[1] << "\n";
    return kExitFailed;
  }
  io.out << "wrote " << args.words[1] << ": " << records.providers_size()
         << " providers, " << records.inspections_size() << " inspections, "
         << records.follow_up_events_size() << " follow-up events, "
         << records.key_messages_size() << " key messages\n";
  return kExitOk;
}

int Changes(const Args& args, LgesClient& client, Io io) {
  pb::ListChangesRequest req;
  req.set_since_version(std::atol(args.Flag("since", "0").c_str()));
  req.set_page_size(1000);
  pb::ListChangesResponse resp;
  if (std::optional<int> done = FailedOrPrinted(client.ListChanges(req, &resp),
                                                "list changes", resp, io))
    return *done;
  Section s;
  s.table.columns = {{"VERSION"}, {"TIME"},           {"ACTOR", true},
                     {"ACTION"},  {"RESOURCE", true}, {"SOURCE", true}};
  for (const pb::Change& c : resp.changes()) {
    s.table.rows.push_back(
        {std::to_string(c.version()),
         google::protobuf::util::TimeUtil::ToString(c.time()).substr(0, 19),
         c.on_behalf_of().empty() ? c.actor()
                                  : c.actor() + " for " + c.on_behalf_of(),
         c.action(), c.resource(), c.source()});
  }
  Show({"", {s}, {"dataset version " + std::to_string(resp.dataset_version())}},
       io);
  return kExitOk;
}

}  // namespace lges::cli
