// SqliteStore: inspections with their questions, findings, judgements,
// recommendations and case studies.
#include <map>

#include "domain/validation.h"
#include "storage/codec.h"
#include "storage/sqlite_common.h"
#include "storage/sqlite_store.h"

namespace lges {

using internal::NowMs;

namespace {

constexpr char kInspectionColumns[] =
    "id, provider_code, start_date, end_date, academic_year, framework, "
    "language_medium,"
    " recommendation_count, recommendation_order_known, "
    "causing_significant_concern, report_published,"
    " provenance, revision, create_time_ms, update_time_ms, report_url";

Inspection InspectionFromRow(const sql::Query& q) {
  Inspection in;
  in.id = q.Text(0);
  in.provider_code = q.Text(1);
  in.start_date = codec::DecodeDate(q.Text(2));
  in.end_date = codec::DecodeDate(q.Text(3));
  in.academic_year = static_cast<int>(q.Int(4));
  in.framework = static_cast<FrameworkVersion>(q.Int(5));
  in.language_medium = static_cast<LanguageMedium>(q.Int(6));
  in.recommendation_count = static_cast<int>(q.Int(7));
  in.recommendation_order_known = q.Int(8) != 0;
  in.causing_significant_concern = q.Int(9) != 0;
  in.report_published = codec::DecodeDate(q.Text(10));
  in.provenance = codec::DecodeProvenance(q.Text(11));
  in.meta = {q.Int(12), q.Int(13), q.Int(14)};
  in.report_url = q.Text(15);
  return in;
}

std::string ResourceOf(const std::string& id) { return "inspections/" + id; }

// Child tables, cleared and rewritten on every write of an inspection.
constexpr const char* kChildTables[] = {"inspection_questions", "findings",
                                        "judgements", "recommendations",
                                        "case_studies"};

}  // namespace

absl::Status SqliteStore::LoadInspectionChildren(
    std::map<std::string, Inspection*>& targets, const std::string& only) {
  // Each query reads the rows of one inspection (`only`), or of all of them.
  sql::Db& db = *db_;
  auto each_row = [&](const std::string& sql, auto&& add) -> absl::Status {
    LGES_ASSIGN_OR_RETURN(sql::Query q, db.Prepare(sql));
    q.Bind(1, only);
    while (true) {
      LGES_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) return absl::OkStatus();
      auto it = targets.find(q.Text(0));
      if (it != targets.end()) add(*it->second, q);
    }
  };
  // Two forms, not "(?1 = '' OR inspection_id = ?1)": SQLite cannot use the
  // key's index for that, and every single read would scan the table.
  const std::string kWhere =
      only.empty() ? " WHERE ?1 = '' ORDER BY inspection_id, "
                   : " WHERE inspection_id = ?1 ORDER BY inspection_id, ";
  LGES_RETURN_IF_ERROR(each_row(
      std::string("SELECT inspection_id, text FROM inspection_questions") +
          kWhere + "position",
      [](Inspection& in, const sql::Query& q) {
        in.local_inspection_questions.push_back(q.Text(1));
      }));
  LGES_RETURN_IF_ERROR(each_row(
      std::string("SELECT inspection_id, area, polarity, text, translations "
                  "FROM findings") +
          kWhere + "position",
      [](Inspection& in, const sql::Query& q) {
        in.findings.push_back({q.Text(1), static_cast<Polarity>(q.Int(2)),
                               q.Text(3), codec::DecodeTranslations(q.Text(4))});
      }));
  LGES_RETURN_IF_ERROR(each_row(
      std::string("SELECT inspection_id, area, grade FROM judgements") +
          kWhere + "position",
      [](Inspection& in, const sql::Query& q) {
        in.judgements.push_back({q.Text(1), static_cast<Grade>(q.Int(2))});
      }));
  LGES_RETURN_IF_ERROR(each_row(
      std::string("SELECT inspection_id, number, text, text_status, provenance, "
                  "translations FROM recommendations") +
          kWhere + "number",
      [](Inspection& in, const sql::Query& q) {
        in.recommendations.push_back({static_cast<int>(q.Int(1)), q.Text(2),
                                      static_cast<TextStatus>(q.Int(3)),
                                      codec::DecodeProvenance(q.Text(4)),
                                      codec::DecodeTranslations(q.Text(5))});
      }));
  return each_row(
      std::string(
          "SELECT inspection_id, title, summary, url, title_translations "
          "FROM case_studies") +
          kWhere + "position",
      [](Inspection& in, const sql::Query& q) {
        in.case_studies.push_back({q.Text(1), q.Text(2), q.Text(3),
                                   codec::DecodeTranslations(q.Text(4))});
      });
}

absl::Status SqliteStore::ReadInspections(Dataset& out) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare(std::string("SELECT ") + kInspectionColumns +
                   " FROM inspections ORDER BY start_earliest, id"));
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.inspections.push_back(InspectionFromRow(q));
  }
  std::map<std::string, Inspection*> targets;
  for (Inspection& in : out.inspections) targets[in.id] = &in;
  return LoadInspectionChildren(targets, "");
}

absl::StatusOr<Inspection> SqliteStore::LoadInspection(const std::string& id) {
  LGES_ASSIGN_OR_RETURN(
      sql::Query q, db_->Prepare(std::string("SELECT ") + kInspectionColumns +
                                 " FROM inspections WHERE id = ?"));
  q.Bind(1, id);
  LGES_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return internal::NotFound(ResourceOf(id));
  Inspection in = InspectionFromRow(q);
  std::map<std::string, Inspection*> targets = {{id, &in}};
  LGES_RETURN_IF_ERROR(LoadInspectionChildren(targets, id));
  return in;
}

absl::Status SqliteStore::WriteInspectionRow(const Inspection& in, bool insert,
                                             int64_t now_ms) {
  const std::string sql =
      insert ? "INSERT INTO inspections (provider_code, start_date, "
               "start_earliest, end_date, academic_year,"
               " framework, language_medium, recommendation_count, "
               "recommendation_order_known,"
               " causing_significant_concern, report_published, provenance, "
               "create_time_ms, update_time_ms,"
               " revision, id, report_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
               "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, 1, ?14, ?15)"
             : "UPDATE inspections SET provider_code = ?1, start_date = ?2, "
               "start_earliest = ?3, end_date = ?4,"
               " academic_year = ?5, framework = ?6, language_medium = ?7, "
               "recommendation_count = ?8,"
               " recommendation_order_known = ?9, causing_significant_concern "
               "= ?10, report_published = ?11,"
               " provenance = ?12, update_time_ms = ?13, report_url = ?15,"
               " revision = revision + 1 WHERE id = ?14";
  LGES_ASSIGN_OR_RETURN(sql::Query q, db_->Prepare(sql));
  q.Bind(1, in.provider_code).Bind(2, codec::EncodeDate(in.start_date));
  q.Bind(3, FormatIso(in.start_date.Earliest()))
      .BindOptional(4, codec::EncodeDate(in.end_date));
  q.Bind(5, static_cast<int64_t>(in.academic_year))
      .Bind(6, static_cast<int64_t>(in.framework));
  q.Bind(7, static_cast<int64_t>(in.language_medium))
      .Bind(8, static_cast<int64_t>(in.recommendation_count));
  q.Bind(9, int64_t{in.recommendation_order_known})
      .Bind(10, int64_t{in.causing_significant_concern});
  q.BindOptional(11, codec::EncodeDate(in.report_published))
      .Bind(12, codec::EncodeProvenance(in.provenance));
  q.Bind(13, now_ms).Bind(14, in.id).Bind(15, in.report_url);
  return q.Run();
}

absl::Status SqliteStore::WriteInspectionChildren(const Inspection& in) {
  for (const char* table : kChildTables) {
    LGES_ASSIGN_OR_RETURN(sql::Query del,
                          db_->Prepare(std::string("DELETE FROM ") + table +
                                       " WHERE inspection_id = ?"));
    LGES_RETURN_IF_ERROR(del.Bind(1, in.id).Run());
  }
  for (size_t i = 0; i < in.local_inspection_questions.size(); ++i) {
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare("INSERT INTO inspection_questions (inspection_id, "
                     "position, text) VALUES (?, ?, ?)"));
    LGES_RETURN_IF_ERROR(q.Bind(1, in.id)
                             .Bind(2, static_cast<int64_t>(i))
                             .Bind(3, in.local_inspection_questions[i])
                             .Run());
  }
  for (size_t i = 0; i < in.findings.size(); ++i) {
    const Finding& f = in.findings[i];
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare("INSERT INTO findings (inspection_id, position, area, "
                     "polarity, text, translations) VALUES (?, ?, ?, ?, ?, ?)"));
    q.Bind(1, in.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, f.area)
        .Bind(4, static_cast<int64_t>(f.polarity));
    LGES_RETURN_IF_ERROR(
        q.Bind(5, f.text)
            .Bind(6, codec::EncodeTranslations(f.translations))
            .Run());
  }
  for (size_t i = 0; i < in.judgements.size(); ++i) {
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare("INSERT INTO judgements (inspection_id, position, area, "
                     "grade) VALUES (?, ?, ?, ?)"));
    q.Bind(1, in.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, in.judgements[i].area);
    LGES_RETURN_IF_ERROR(
        q.Bind(4, static_cast<int64_t>(in.judgements[i].grade)).Run());
  }
  for (const Recommendation& r : in.recommendations) {
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare("INSERT INTO recommendations (inspection_id, number, "
                     "text, text_status, provenance, translations) VALUES (?, ?, "
                     "?, ?, ?, ?)"));
    q.Bind(1, in.id).Bind(2, static_cast<int64_t>(r.number)).Bind(3, r.text);
    LGES_RETURN_IF_ERROR(q.Bind(4, static_cast<int64_t>(r.text_status))
                             .Bind(5, codec::EncodeProvenance(r.provenance))
                             .Bind(6, codec::EncodeTranslations(r.translations))
                             .Run());
  }
  for (size_t i = 0; i < in.case_studies.size(); ++i) {
    const CaseStudy& c = in.case_studies[i];
    LGES_ASSIGN_OR_RETURN(
        sql::Query q,
        db_->Prepare("INSERT INTO case_studies (inspection_id, position, "
                     "title, summary, url, title_translations) VALUES (?, ?, ?, "
                     "?, ?, ?)"));
    q.Bind(1, in.id)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, c.title)
        .Bind(4, c.summary);
    LGES_RETURN_IF_ERROR(
        q.Bind(5, c.url)
            .Bind(6, codec::EncodeTranslations(c.title_translations))
            .Run());
  }
  return absl::OkStatus();
}

absl::StatusOr<Inspection> SqliteStore::GetInspection(const std::string& id) {
  RecursiveLock lock(mu_);
  return LoadInspection(id);
}

absl::StatusOr<bool> SqliteStore::InspectionIdTaken(const std::string& id) {
  LGES_ASSIGN_OR_RETURN(sql::Query q,
                        db_->Prepare("SELECT 1 FROM inspections WHERE id = ?"));
  q.Bind(1, id);
  return q.Step();
}

absl::StatusOr<std::string> SqliteStore::ChooseInspectionId(
    const Inspection& in) {
  if (!in.id.empty()) {
    LGES_ASSIGN_OR_RETURN(bool taken, InspectionIdTaken(in.id));
    if (taken) return internal::AlreadyExists(ResourceOf(in.id));
    return in.id;
  }
  const std::string base = DefaultInspectionId(in);
  for (int n = 1; n <= 50; ++n) {
    std::string candidate = n == 1 ? base : base + "-" + std::to_string(n);
    LGES_ASSIGN_OR_RETURN(bool taken, InspectionIdTaken(candidate));
    if (!taken) return candidate;
  }
  return WithReason(
      absl::AlreadyExistsError("no free inspection id after " + base +
                               "-50; give inspection_id"),
      "NO_FREE_INSPECTION_ID", {{"base", base}});
}

absl::StatusOr<Page<Inspection>> SqliteStore::ListInspections(
    const InspectionFilter& filter, PageRequest page) {
  RecursiveLock lock(mu_);
  const std::string where =
      " WHERE (?1 = '' OR provider_code = ?1) AND (?2 = 0 OR academic_year >= "
      "?2) AND (?3 = 0 OR academic_year <= ?3)"
      " AND (?4 = 0 OR framework = ?4) AND (?5 = 0 OR "
      "causing_significant_concern = 1)";
  auto bind = [&](sql::Query& q) {
    q.Bind(1, filter.provider_code)
        .Bind(2, static_cast<int64_t>(filter.academic_year_from));
    q.Bind(3, static_cast<int64_t>(filter.academic_year_to))
        .Bind(4, static_cast<int64_t>(filter.framework));
    q.Bind(5, int64_t{filter.causing_significant_concern_only});
  };
  Page<Inspection> out;
  LGES_ASSIGN_OR_RETURN(
      sql::Query count,
      db_->Prepare("SELECT COUNT(*) FROM inspections" + where));
  bind(count);
  LGES_RETURN_IF_ERROR(count.Step().status());
  out.total = static_cast<int>(count.Int(0));
  LGES_ASSIGN_OR_RETURN(
      sql::Query q,
      db_->Prepare(std::string("SELECT ") + kInspectionColumns +
                   " FROM inspections" + where +
                   " ORDER BY start_earliest, id LIMIT ?6 OFFSET ?7"));
  bind(q);
  q.Bind(6, static_cast<int64_t>(page.limit))
      .Bind(7, static_cast<int64_t>(page.offset));
  while (true) {
    LGES_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.items.push_back(InspectionFromRow(q));
  }
  for (Inspection& in : out.items) {
    std::map<std::string, Inspection*> targets = {{in.id, &in}};
    LGES_RETURN_IF_ERROR(LoadInspectionChildren(targets, in.id));
  }
  return out;
}

absl::StatusOr<Inspection> SqliteStore::CreateInspection(
    const Inspection& in, const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_ASSIGN_OR_RETURN(std::string previous, FindCreateRequest(ctx));
  if (!previous.empty())
    return LoadInspection(previous.substr(previous.find('/') + 1));
  LGES_RETURN_IF_ERROR(CheckProviderExists(in.provider_code, "provider_code"));
  Inspection row = in;
  LGES_ASSIGN_OR_RETURN(row.id, ChooseInspectionId(in));
  LGES_RETURN_IF_ERROR(WriteInspectionRow(row, /*insert=*/true, NowMs()));
  LGES_RETURN_IF_ERROR(WriteInspectionChildren(row));
  LGES_RETURN_IF_ERROR(RememberCreateRequest(ctx, ResourceOf(row.id)));
  LGES_RETURN_IF_ERROR(
      RecordChange("create", ResourceOf(row.id), ctx).status());
  LGES_ASSIGN_OR_RETURN(Inspection created, LoadInspection(row.id));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return created;
}

absl::StatusOr<Inspection> SqliteStore::UpdateInspection(
    const Inspection& in, int64_t expected_revision, const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("inspections", "id", in.id,
                                     expected_revision, ResourceOf(in.id)));
  LGES_RETURN_IF_ERROR(CheckProviderExists(in.provider_code, "provider_code"));
  LGES_RETURN_IF_ERROR(WriteInspectionRow(in, /*insert=*/false, NowMs()));
  LGES_RETURN_IF_ERROR(WriteInspectionChildren(in));
  LGES_RETURN_IF_ERROR(RecordChange("update", ResourceOf(in.id), ctx).status());
  LGES_ASSIGN_OR_RETURN(Inspection updated, LoadInspection(in.id));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return updated;
}

absl::StatusOr<int64_t> SqliteStore::DeleteInspection(const std::string& id,
                                                      int64_t expected_revision,
                                                      const WriteContext& ctx) {
  RecursiveLock lock(mu_);
  sql::Transaction txn(*db_);
  LGES_RETURN_IF_ERROR(txn.begin_status());
  LGES_RETURN_IF_ERROR(CheckRevision("inspections", "id", id, expected_revision,
                                     ResourceOf(id)));
  LGES_ASSIGN_OR_RETURN(
      sql::Query refs,
      db_->Prepare(
          "SELECT COUNT(*) FROM follow_up_events WHERE inspection_id = ?"));
  refs.Bind(1, id);
  LGES_RETURN_IF_ERROR(refs.Step().status());
  if (refs.Int(0) > 0) {
    return internal::Referenced(ResourceOf(id), refs.Int(0),
                                "follow-up events",
                                "delete or relink those first");
  }
  LGES_ASSIGN_OR_RETURN(sql::Query del,
                        db_->Prepare("DELETE FROM inspections WHERE id = ?"));
  LGES_RETURN_IF_ERROR(del.Bind(1, id).Run());
  LGES_ASSIGN_OR_RETURN(int64_t version,
                        RecordChange("delete", ResourceOf(id), ctx));
  LGES_RETURN_IF_ERROR(txn.Commit());
  return version;
}

}  // namespace lges
