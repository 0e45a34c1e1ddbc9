// SqliteStore: the figures Estyn printed per academic year. They are written
// only by Import (identity: the academic year) and read with everything else.
#include "domain/same_record.h"
#include "storage/codec.h"
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {
namespace {

constexpr char kColumns[] =
    "academic_year, source_url, figures, overview_source, overview_inspected,"
    " overview, note, revision, create_time_ms, update_time_ms";

PublishedYear YearFromRow(const sql::Query& q) {
  PublishedYear y;
  y.academic_year = static_cast<int>(q.Int(0));
  y.source_url = q.Text(1);
  y.figures = codec::DecodeFigures(q.Text(2));
  y.overview_source = q.Text(3);
  y.overview_inspected = static_cast<int>(q.Int(4));
  y.overview = codec::DecodeStatements(q.Text(5));
  y.note = q.Text(6);
  y.meta = {q.Int(7), q.Int(8), q.Int(9)};
  return y;
}

std::string ResourceOf(int year) {
  return "publishedYears/" + std::to_string(year);
}

}  // namespace

absl::Status SqliteStore::ReadPublishedYears(Dataset& out) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare(std::string("SELECT ") + kColumns +
                                 " FROM published_years ORDER BY academic_year"));
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return absl::OkStatus();
    out.published_years.push_back(YearFromRow(q));
  }
}

absl::Status SqliteStore::WritePublishedYear(const PublishedYear& y,
                                             bool insert,
                                             const WriteContext& ctx) {
  const char* sql =
      insert ? "INSERT INTO published_years (academic_year, source_url,"
               " figures, overview_source, overview_inspected, overview, note,"
               " revision, create_time_ms, update_time_ms)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)"
             : "UPDATE published_years SET source_url = ?2, figures = ?3,"
               " overview_source = ?4, overview_inspected = ?5,"
               " overview = ?6, note = ?7, update_time_ms = ?8,"
               " revision = revision + 1 WHERE academic_year = ?1";
  LGES_ASSIGN_OR_RETURN(sql::Query q, db_->Prepare(sql));
  q.Bind(1, static_cast<int64_t>(y.academic_year))
      .Bind(2, y.source_url)
      .Bind(3, codec::EncodeFigures(y.figures));
  q.Bind(4, y.overview_source)
      .Bind(5, static_cast<int64_t>(y.overview_inspected))
      .Bind(6, codec::EncodeStatements(y.overview));
  q.Bind(7, y.note).Bind(8, internal::NowMs());
  LGES_RETURN_IF_ERROR(q.Run());
  return RecordChange(insert ? "create" : "update",
                      ResourceOf(y.academic_year), ctx)
      .status();
}

absl::Status SqliteStore::ImportPublishedYears(const Dataset& records,
                                               const Dataset& current,
                                               const WriteContext& ctx,
                                               ImportResult& result) {
  std::map<int, const PublishedYear*> stored;
  for (const PublishedYear& y : current.published_years)
    stored[y.academic_year] = &y;
  for (const PublishedYear& y : records.published_years) {
    auto it = stored.find(y.academic_year);
    const bool fresh = it == stored.end();
    if (!fresh && SameRecord(*it->second, y)) {
      ++result.unchanged;
      continue;
    }
    LGES_RETURN_IF_ERROR(WritePublishedYear(y, fresh, ctx));
    ++(fresh ? result.created : result.updated);
    result.created_or_updated.push_back(ResourceOf(y.academic_year));
  }
  return absl::OkStatus();
}

}  // namespace lges
