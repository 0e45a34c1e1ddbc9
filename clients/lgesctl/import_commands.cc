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
#include "clients/lgesctl/record_stream.h"
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

// Reads a CSV file into a record set; on failure prints why and returns
// false.
bool LoadCsv(const std::string& path, LgesClient& client, Loaded* out,
             Io io) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    io.err << "lgesctl: cannot read " << path << "\n";
    return false;
  }
  std::stringstream text;
  text << file.rdbuf();
  CsvTable table;
  std::string error;
  if (!ParseCsv(text.str(), &table, &error)) {
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

// Parts of at most about this many bytes: well under the server's message
// limit.
constexpr size_t kPartBytes = 256 * 1024;

// One pass of an import: sends the records of `csv` (if the file was CSV)
// or of the JSON file at `path`, read one record at a time. A problem with
// the file itself is printed and leaves `*file_failed` true.
absl::Status ImportPass(const std::string& path, const Loaded* csv,
                        bool dry_run, LgesClient& client,
                        pb::ImportRecordsResponse* resp, RecordCounts* counts,
                        bool* file_failed, Io io) {
  *file_failed = false;
  return client.ImportRecordsStream(
      [&](const LgesClient::SendPart& send) {
        RecordSetParts parts(kPartBytes, [&](const pb::RecordSet& part) {
          pb::ImportRecordsRequest req;
          *req.mutable_records() = part;
          req.set_dry_run(dry_run);
          return send(req);
        });
        if (csv) {
          const pb::RecordSet& r = csv->records;
          *counts = {r.providers_size(), r.inspections_size(),
                     r.follow_up_events_size(), r.key_messages_size()};
          return SendRecordSet(r, parts)
                     ? absl::OkStatus()
                     : absl::CancelledError("the server ended the import");
        }
        std::ifstream file(path, std::ios::binary);
        absl::Status read =
            file ? ReadRecordSetJson(file, parts, counts)
                 : absl::NotFoundError("cannot read " + path);
        *file_failed = !read.ok() && !absl::IsCancelled(read);
        if (absl::IsNotFound(read)) {
          io.err << "lgesctl: " << read.message() << "\n";
        } else if (*file_failed) {
          io.err << "lgesctl: " << path
                 << " is not a valid record set in JSON: "
                 << Printable(std::string(read.message())) << "\n";
        }
        return read;
      },
      resp);
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
  const bool csv = path.size() > 4 && path.substr(path.size() - 4) == ".csv";
  Loaded loaded;
  if (csv && !LoadCsv(path, client, &loaded, io)) return kExitUsage;
  RecordCounts n;
  bool file_failed = false;
  pb::ImportRecordsResponse check;
  absl::Status status =
      ImportPass(path, csv ? &loaded : nullptr, /*dry_run=*/true, client,
                 &check, &n, &file_failed, io);
  if (file_failed) return kExitUsage;
  io.err << "[1/3] read " << path << ": " << n.providers << " providers, "
         << n.inspections << " inspections, " << n.follow_up_events
         << " follow-up events, " << n.key_messages << " key messages\n";
  if (!status.ok()) return ReportImportError(status, path, loaded.lines, io);
  io.err << "[2/3] checked: " << check.created() << " to create, "
         << check.updated() << " to update, " << check.unchanged()
         << " unchanged\n";
  if (args.Has("dry-run")) {
    io.out << "dry run: nothing was changed\n";
    return kExitOk;
  }
  pb::ImportRecordsResponse done;
  status = ImportPass(path, csv ? &loaded : nullptr, /*dry_run=*/false, client,
                      &done, &n, &file_failed, io);
  if (file_failed) return kExitUsage;
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
  std::ofstream file;
  if (args.words.size() == 2) file.open(args.words[1]);
  std::ostream& out = args.words.size() == 2 ? file : io.out;
  RecordSetJsonWriter writer(out);
  absl::Status status =
      client.ExportRecordsStream(req, [&](const pb::RecordSet& part) {
        writer.Write(part);
        return static_cast<bool>(out);
      });
  if (!status.ok() && out) return ReportRpcError(status, "export", io);
  writer.Finish();
  if (args.words.size() == 1) return kExitOk;
  file.close();
  if (!file) {
    io.err << "lgesctl: cannot write " << args.words[1] << "\n";
    return kExitFailed;
  }
  const RecordCounts& n = writer.counts();
  io.out << "wrote " << args.words[1] << ": " << n.providers
         << " providers, " << n.inspections << " inspections, "
         << n.follow_up_events << " follow-up events, " << n.key_messages
         << " key messages\n";
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
  s.table.columns = {{"VERSION"}, {"TIME", false, false, "", false, true},           {"ACTOR", true},
                     {"ACTION"},  {"RESOURCE", true}, {"SOURCE", true}};
  for (const pb::Change& c : resp.changes()) {
    s.table.rows.push_back(
        {std::to_string(c.version()),
         google::protobuf::util::TimeUtil::ToString(c.time()).substr(0, 19),
         c.on_behalf_of().empty() ? c.actor()
                                  : c.actor() + " for " + c.on_behalf_of(),
         c.action(), c.resource(), c.source()});
  }
  return Show({"", {s}, {"dataset version " + std::to_string(resp.dataset_version())}},
       io);
}

}  // namespace lges::cli
