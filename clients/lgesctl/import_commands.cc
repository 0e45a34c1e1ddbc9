// lgesctl import FILE [--dry-run] | export | changes.
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "clients/lgesctl/commands.h"
#include "clients/lgesctl/csv.h"
#include "clients/lgesctl/format.h"
#include "convert/convert.h"
#include "domain/dates.h"

namespace lges::cli {
namespace {

// Where each record of a CSV import came from: record path -> file line.
using LineMap = std::map<std::string, int>;

struct Loaded {
  pb::RecordSet records;
  LineMap lines;
};

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

int Column(const CsvTable& t, const std::string& name) {
  for (size_t i = 0; i < t.header.size(); ++i) {
    if (t.header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Cell(const CsvTable& t, size_t row, const std::string& name) {
  const int c = Column(t, name);
  return c < 0 ? "" : t.rows[row][c];
}

void SetSources(const std::string& cell, pb::Provenance* out) {
  std::stringstream ids(cell);
  for (std::string id; std::getline(ids, id, ';');) {
    if (!id.empty()) out->add_sources()->set_id(id);
  }
}

// A failed CSV row: "FILE line N, column 'C': problem".
struct CsvError {
  std::string message;
};

// Recommendations CSV: inspection,number,text[,text_status,sources]. Each
// inspection named gets exactly the listed recommendations; the rest of the
// inspection is read from the server.
std::optional<CsvError> RecommendationsCsv(const CsvTable& t,
                                           LgesClient& client, Loaded* out) {
  std::map<std::string, int> index;
  static const std::map<std::string, pb::TextStatus> kStatus = {
      {"verbatim", pb::TEXT_STATUS_VERBATIM},
      {"quoted", pb::TEXT_STATUS_QUOTED_BY_SECONDARY_SOURCE},
      {"as_listed", pb::TEXT_STATUS_AS_LISTED_BY_SECONDARY_SOURCE},
      {"paraphrase", pb::TEXT_STATUS_PARAPHRASE},
      {"", pb::TEXT_STATUS_UNSPECIFIED}};
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const std::string line = "line " + std::to_string(t.lines[r]);
    const std::string id = Cell(t, r, "inspection");
    if (!index.count(id)) {
      pb::GetInspectionRequest get;
      get.set_name("inspections/" + id);
      pb::Inspection inspection;
      absl::Status s = client.GetInspection(get, &inspection);
      if (!s.ok())
        return CsvError{line +
                        ", column 'inspection': " + std::string(s.message())};
      inspection.clear_recommendations();
      index[id] = out->records.inspections_size();
      *out->records.add_inspections() = inspection;
    }
    pb::Inspection* in = out->records.mutable_inspections(index[id]);
    pb::Recommendation* rec = in->add_recommendations();
    const std::string number = Cell(t, r, "number");
    if (number.empty() ||
        number.find_first_not_of("0123456789") != std::string::npos) {
      return CsvError{line +
                      ", column 'number': must be a whole number, got '" +
                      number + "'"};
    }
    rec->set_number(std::stoi(number));
    rec->set_text(Cell(t, r, "text"));
    auto status = kStatus.find(Cell(t, r, "text_status"));
    if (status == kStatus.end()) {
      return CsvError{line +
                      ", column 'text_status': must be verbatim, quoted, "
                      "as_listed or paraphrase"};
    }
    rec->set_text_status(status->second);
    SetSources(Cell(t, r, "sources"), rec->mutable_provenance());
    out->lines["records.inspections[" + std::to_string(index[id]) +
               "].recommendations[" +
               std::to_string(in->recommendations_size() - 1) + "]"] =
        t.lines[r];
  }
  return std::nullopt;
}

// Follow-up events CSV:
// provider_code,kind,date[,inspection,description,certainty,sources].
std::optional<CsvError> EventsCsv(const CsvTable& t, Loaded* out) {
  static const std::map<std::string, pb::FollowUpKind> kKinds = {
      {"judged", pb::FOLLOW_UP_KIND_JUDGED},
      {"improvement_conference", pb::FOLLOW_UP_KIND_IMPROVEMENT_CONFERENCE},
      {"progress_conference", pb::FOLLOW_UP_KIND_PROGRESS_CONFERENCE},
      {"monitoring_visit", pb::FOLLOW_UP_KIND_MONITORING_VISIT},
      {"removed", pb::FOLLOW_UP_KIND_REMOVED},
      {"other", pb::FOLLOW_UP_KIND_OTHER}};
  static const std::map<std::string, pb::Certainty> kCertainty = {
      {"", pb::CERTAINTY_UNSPECIFIED},
      {"sourced", pb::CERTAINTY_SOURCED},
      {"partly_inferred", pb::CERTAINTY_PARTLY_INFERRED},
      {"inferred", pb::CERTAINTY_INFERRED},
      {"uncertain", pb::CERTAINTY_UNCERTAIN},
      {"planned", pb::CERTAINTY_PLANNED}};
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const std::string line = "line " + std::to_string(t.lines[r]);
    pb::FollowUpEvent* e = out->records.add_follow_up_events();
    e->set_provider_code(Cell(t, r, "provider_code"));
    auto kind = kKinds.find(Cell(t, r, "kind"));
    if (kind == kKinds.end()) {
      return CsvError{line +
                      ", column 'kind': must be judged, "
                      "improvement_conference, progress_conference, "
                      "monitoring_visit, removed or other"};
    }
    e->set_kind(kind->second);
    std::optional<PartialDate> date = ParsePartialDate(Cell(t, r, "date"));
    if (!date) {
      return CsvError{line + ", column 'date': '" + Cell(t, r, "date") +
                      "' is not a date such as 2019-09-10, 2019-10, autumn "
                      "2022, 2019 or 2019-2020"};
    }
    convert::ToProto(*date, e->mutable_date());
    if (!Cell(t, r, "inspection").empty())
      e->set_inspection("inspections/" + Cell(t, r, "inspection"));
    e->set_description(Cell(t, r, "description"));
    auto certainty = kCertainty.find(Cell(t, r, "certainty"));
    if (certainty == kCertainty.end()) {
      return CsvError{line +
                      ", column 'certainty': must be sourced, partly_inferred, "
                      "inferred, uncertain or planned"};
    }
    e->mutable_provenance()->set_certainty(certainty->second);
    SetSources(Cell(t, r, "sources"), e->mutable_provenance());
    out->lines["records.follow_up_events[" + std::to_string(r) + "]"] =
        t.lines[r];
  }
  return std::nullopt;
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
  out->records.set_format("lges-records");
  out->records.set_format_version(1);
  out->records.set_source(path);
  std::optional<CsvError> failed;
  auto missing =
      [&](std::initializer_list<const char*> columns) -> std::string {
    for (const char* c : columns) {
      if (Column(table, c) < 0) return c;
    }
    return "";
  };
  if (Column(table, "kind") >= 0 || Column(table, "provider_code") >= 0) {
    if (std::string m = missing({"provider_code", "kind", "date"});
        !m.empty()) {
      failed = CsvError{"line 1: the follow-up events file has no '" + m +
                        "' column"};
    } else {
      failed = EventsCsv(table, out);
    }
  } else if (std::string m = missing({"inspection", "number", "text"});
             !m.empty()) {
    failed = CsvError{
        "line 1: no '" + m +
        "' column; a recommendations file needs inspection, number and text, "
        "a follow-up events file provider_code, kind and date"};
  } else {
    failed = RecommendationsCsv(table, client, out);
  }
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
