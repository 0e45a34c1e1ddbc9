#include "clients/lgesctl/csv_import.h"

#include <sstream>

#include "convert/convert.h"
#include "domain/dates.h"

namespace lges::cli {
namespace {

// At most 60 characters of a cell, for a message.
std::string Quoted(const std::string& cell) {
  return cell.size() <= 60 ? cell : cell.substr(0, 60) + "...";
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

// The optional Welsh of a recommendation: text_cy, with text_cy_origin
// (estyn, estyn_corrected or translated_here) required beside it.
std::optional<CsvError> AddWelsh(const CsvTable& t, size_t r,
                                 const std::string& line,
                                 pb::Recommendation* rec) {
  static const std::map<std::string, pb::TextOrigin> kOrigins = {
      {"estyn", pb::TEXT_ORIGIN_ESTYN},
      {"estyn_corrected", pb::TEXT_ORIGIN_ESTYN_CORRECTED},
      {"translated_here", pb::TEXT_ORIGIN_TRANSLATED_HERE}};
  const std::string welsh = Cell(t, r, "text_cy");
  if (welsh.empty()) return std::nullopt;
  auto origin = kOrigins.find(Cell(t, r, "text_cy_origin"));
  if (origin == kOrigins.end()) {
    return CsvError{line +
                    ", column 'text_cy_origin': required with text_cy: "
                    "estyn, estyn_corrected or translated_here"};
  }
  pb::LocalizedText* cy = rec->add_translations();
  cy->set_language_code("cy");
  cy->set_text(welsh);
  cy->set_origin(origin->second);
  return std::nullopt;
}

// Recommendations CSV: inspection,number,text[,text_status,sources,text_cy,
// text_cy_origin]. Each
// inspection named gets exactly the listed recommendations; the rest of the
// inspection is read from the server.
std::optional<CsvError> RecommendationsCsv(const CsvTable& t,
                                           const FetchInspection& fetch,
                                           Loaded* out) {
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
      pb::Inspection inspection;
      absl::Status s = fetch(id, &inspection);
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
    if (number.empty() || number.size() > 4 ||
        number.find_first_not_of("0123456789") != std::string::npos) {
      return CsvError{line +
                      ", column 'number': must be a whole number from 0 to "
                      "9999, got '" +
                      Quoted(number) + "'"};
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
    if (std::optional<CsvError> e = AddWelsh(t, r, line, rec)) return e;
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
      return CsvError{line + ", column 'date': '" + Quoted(Cell(t, r, "date")) +
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

}  // namespace

std::optional<CsvError> RecordsFromCsv(const CsvTable& table,
                                       const std::string& path,
                                       const FetchInspection& fetch,
                                       Loaded* out) {
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
    failed = RecommendationsCsv(table, fetch, out);
  }
  return failed;
}

}  // namespace lges::cli
