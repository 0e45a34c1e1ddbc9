#include "storage/migrations.h"

#include <functional>
#include <string>
#include <vector>

#include "domain/authorities.h"

namespace lges {
namespace {

constexpr char kSchemaV1[] = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO meta (key, value) VALUES ('dataset_version', 0);

CREATE TABLE changes (
  version INTEGER PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  source TEXT NOT NULL);

CREATE TABLE create_requests (
  request_id TEXT PRIMARY KEY,
  resource TEXT NOT NULL,
  fingerprint TEXT NOT NULL);

CREATE TABLE providers (
  code TEXT PRIMARY KEY,
  kind INTEGER NOT NULL,
  name_en TEXT NOT NULL,
  name_cy TEXT NOT NULL,
  corporate_name TEXT NOT NULL,
  provenance TEXT NOT NULL,
  revision INTEGER NOT NULL,
  create_time_ms INTEGER NOT NULL,
  update_time_ms INTEGER NOT NULL);

CREATE TABLE memberships (
  provider_code TEXT NOT NULL REFERENCES providers(code) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  authority_code TEXT NOT NULL REFERENCES providers(code),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  provenance TEXT NOT NULL,
  PRIMARY KEY (provider_code, position));
CREATE INDEX memberships_by_authority ON memberships(authority_code);

CREATE TABLE inspections (
  id TEXT PRIMARY KEY,
  provider_code TEXT NOT NULL REFERENCES providers(code),
  start_date TEXT NOT NULL,
  start_earliest TEXT NOT NULL,
  end_date TEXT,
  academic_year INTEGER NOT NULL,
  framework INTEGER NOT NULL,
  language_medium INTEGER NOT NULL,
  recommendation_count INTEGER NOT NULL,
  recommendation_order_known INTEGER NOT NULL,
  causing_significant_concern INTEGER NOT NULL,
  report_published TEXT,
  provenance TEXT NOT NULL,
  revision INTEGER NOT NULL,
  create_time_ms INTEGER NOT NULL,
  update_time_ms INTEGER NOT NULL);
CREATE INDEX inspections_by_provider ON inspections(provider_code);
CREATE INDEX inspections_by_year ON inspections(academic_year);

CREATE TABLE inspection_questions (
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (inspection_id, position));

CREATE TABLE findings (
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  area TEXT NOT NULL,
  polarity INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (inspection_id, position));

CREATE TABLE judgements (
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  area TEXT NOT NULL,
  grade INTEGER NOT NULL,
  PRIMARY KEY (inspection_id, position));

CREATE TABLE recommendations (
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  text TEXT NOT NULL CHECK (length(text) > 0),
  text_status INTEGER NOT NULL,
  provenance TEXT NOT NULL,
  PRIMARY KEY (inspection_id, number));

CREATE TABLE case_studies (
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (inspection_id, position));

CREATE TABLE follow_up_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  provider_code TEXT NOT NULL REFERENCES providers(code),
  kind INTEGER NOT NULL,
  date TEXT NOT NULL,
  date_earliest TEXT NOT NULL,
  inspection_id TEXT REFERENCES inspections(id),
  description TEXT NOT NULL,
  provenance TEXT NOT NULL,
  revision INTEGER NOT NULL,
  create_time_ms INTEGER NOT NULL,
  update_time_ms INTEGER NOT NULL);
CREATE INDEX follow_up_by_provider ON follow_up_events(provider_code);
CREATE INDEX follow_up_by_inspection ON follow_up_events(inspection_id);

CREATE TABLE recommendation_progress (
  event_id INTEGER NOT NULL REFERENCES follow_up_events(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  recommendation_number INTEGER NOT NULL,
  progress INTEGER NOT NULL,
  addressed INTEGER NOT NULL,
  PRIMARY KEY (event_id, position));

CREATE TABLE key_messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  academic_year INTEGER NOT NULL,
  area TEXT NOT NULL,
  polarity INTEGER NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  provenance TEXT NOT NULL,
  revision INTEGER NOT NULL,
  create_time_ms INTEGER NOT NULL,
  update_time_ms INTEGER NOT NULL);
CREATE INDEX key_messages_by_year ON key_messages(academic_year);
)sql";

// Why a person set a theme: required from the annual report tool on.
constexpr char kSchemaV3[] = R"sql(
ALTER TABLE theme_overrides ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE theme_override_history ADD COLUMN reason TEXT NOT NULL DEFAULT '';
)sql";

// Credentials (tokens stored as hashes), and the one a caller claims to act
// for, recorded beside the authenticated actor.
constexpr char kSchemaV4[] = R"sql(
CREATE TABLE credentials (
  name TEXT PRIMARY KEY,
  role INTEGER NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  create_time_ms INTEGER NOT NULL,
  last_used_ms INTEGER NOT NULL DEFAULT 0,
  revoked_time_ms INTEGER NOT NULL DEFAULT 0);
ALTER TABLE changes ADD COLUMN on_behalf_of TEXT NOT NULL DEFAULT '';
)sql";

// The Welsh edition: texts in Welsh beside the English (codec's
// EncodeTranslations), and whose wording a key message's English is.
// Torfaen's Welsh name is Estyn's "Torfaen", not the ISO form "Tor-faen"
// that version 1 seeded.
constexpr char kSchemaV5[] = R"sql(
ALTER TABLE key_messages ADD COLUMN translations TEXT NOT NULL DEFAULT '';
ALTER TABLE key_messages ADD COLUMN text_origin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE findings ADD COLUMN translations TEXT NOT NULL DEFAULT '';
ALTER TABLE recommendations ADD COLUMN translations TEXT NOT NULL DEFAULT '';
ALTER TABLE case_studies ADD COLUMN title_translations TEXT NOT NULL DEFAULT '';
UPDATE providers SET name_cy = 'Torfaen'
  WHERE code = 'W06000020' AND name_cy = 'Tor-faen';
)sql";

// Published figures per academic year (figures and overview statements
// encoded by storage/codec.h), and the address of each inspection report.
constexpr char kSchemaV6[] = R"sql(
CREATE TABLE published_years (
  academic_year INTEGER PRIMARY KEY,
  source_url TEXT NOT NULL,
  figures TEXT NOT NULL,
  overview_source TEXT NOT NULL,
  overview_inspected INTEGER NOT NULL,
  overview TEXT NOT NULL,
  note TEXT NOT NULL,
  revision INTEGER NOT NULL,
  create_time_ms INTEGER NOT NULL,
  update_time_ms INTEGER NOT NULL);
ALTER TABLE inspections ADD COLUMN report_url TEXT NOT NULL DEFAULT '';
)sql";

// Theme overrides: the one in force per recommendation, and an audit trail
// that outlives the inspection it was about.
constexpr char kSchemaV2[] = R"sql(
CREATE TABLE theme_overrides (
  inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  recommendation_number INTEGER NOT NULL,
  theme_id TEXT NOT NULL,
  previous_theme_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  PRIMARY KEY (inspection_id, recommendation_number));

CREATE TABLE theme_override_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inspection_id TEXT NOT NULL,
  recommendation_number INTEGER NOT NULL,
  theme_id TEXT NOT NULL,
  previous_theme_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_ms INTEGER NOT NULL);
CREATE INDEX theme_override_history_by_inspection ON theme_override_history(inspection_id);
)sql";

// The 22 authorities exist from the first start. They are schema, not data:
// they do not count as changes to the dataset.
absl::Status SeedAuthorities(sql::Db& db) {
  for (const AuthorityInfo& a : Authorities()) {
    absl::StatusOr<sql::Query> q = db.Prepare(
        "INSERT INTO providers (code, kind, name_en, name_cy, corporate_name, "
        "provenance, revision,"
        " create_time_ms, update_time_ms) VALUES (?, 1, ?, ?, ?, '', 1, 0, 0)");
    if (!q.ok()) return q.status();
    q->Bind(1, std::string(a.gss_code))
        .Bind(2, std::string(a.name_en))
        .Bind(3, std::string(a.name_cy));
    q->Bind(4, std::string(a.corporate_name));
    if (absl::Status s = q->Run(); !s.ok()) return s;
  }
  return absl::OkStatus();
}

using Step = std::function<absl::Status(sql::Db&)>;

const std::vector<Step>& Steps() {
  static const std::vector<Step> steps = {
      [](sql::Db& db) {
        if (absl::Status s = db.Exec(kSchemaV1); !s.ok()) return s;
        return SeedAuthorities(db);
      },
      [](sql::Db& db) { return db.Exec(kSchemaV2); },
      [](sql::Db& db) { return db.Exec(kSchemaV3); },
      [](sql::Db& db) { return db.Exec(kSchemaV4); },
      [](sql::Db& db) { return db.Exec(kSchemaV5); },
      [](sql::Db& db) { return db.Exec(kSchemaV6); },
  };
  return steps;
}

absl::StatusOr<int> CurrentVersion(sql::Db& db) {
  absl::StatusOr<sql::Query> q = db.Prepare("PRAGMA user_version");
  if (!q.ok()) return q.status();
  absl::StatusOr<bool> row = q->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(q->Int(0));
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Steps().size()); }

absl::Status Migrate(sql::Db& db, int* found) {
  absl::StatusOr<int> version = CurrentVersion(db);
  if (!version.ok()) return version.status();
  if (found != nullptr) *found = *version;
  if (*version > LatestSchemaVersion()) {
    return absl::FailedPreconditionError(
        "database schema version " + std::to_string(*version) +
        " is newer than this binary supports (" +
        std::to_string(LatestSchemaVersion()) + ")");
  }
  for (int v = *version; v < LatestSchemaVersion(); ++v) {
    sql::Transaction txn(db);
    if (!txn.begin_status().ok()) return txn.begin_status();
    if (absl::Status s = Steps()[v](db); !s.ok()) return s;
    if (absl::Status s =
            db.Exec("PRAGMA user_version = " + std::to_string(v + 1));
        !s.ok())
      return s;
    if (absl::Status s = txn.Commit(); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace lges
