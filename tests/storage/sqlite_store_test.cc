#include "storage/sqlite_store.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "domain/errors.h"
#include "domain/same_record.h"
#include "storage/sqlite_db.h"
#include "tests/testing/equality.h"
#include "tests/testing/records.h"
#include "tests/testing/temp_dir.h"

namespace lges {
namespace {

using testing::SampleFollowUpEvent;
using testing::SampleInspection;
using testing::SampleKeyMessage;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = Open(); }

  std::unique_ptr<SqliteStore> Open() {
    auto store = SqliteStore::Open(dir_.File("lges.db"));
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(*store) : nullptr;
  }

  int64_t Version() { return store_->DatasetVersion().value(); }
  int InspectionCount() {
    return store_->ListInspections({}, {0, 100}).value().total;
  }

  testing::TempDir dir_;
  WriteContext ctx_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, MigratesAnEmptyFileAndHasThe22Authorities) {
  auto page = store_->ListProviders({ProviderKind::kLocalAuthority}, {0, 100});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 22);
  EXPECT_EQ(page->items.front().code, "W06000001");
  EXPECT_EQ(page->items.front().name_cy, "Ynys Môn");
  EXPECT_EQ(Version(), 0);

  store_.reset();
  store_ = Open();  // Migrations are idempotent: no duplicate authorities.
  EXPECT_EQ(store_->ListProviders({}, {0, 100}).value().total, 22);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerSchema) {
  store_.reset();
  {
    auto db = sql::Db::Open(dir_.File("lges.db"));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 99").ok());
  }
  auto store = SqliteStore::Open(dir_.File("lges.db"));
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(SqliteStoreTest, UpgradesASchema2DatabaseKeepingItsOverrides) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  ASSERT_TRUE(
      store_->SetThemeOverride("POWYS-2025-02", 2, "scrutiny", "why", ctx_)
          .ok());
  store_.reset();
  {  // Make it what version 2 wrote: no reason column, no credentials.
    auto db = sql::Db::Open(dir_.File("lges.db"));
    ASSERT_TRUE(db.ok());
    for (const char* sql :
         {"DROP TABLE credentials", "ALTER TABLE changes DROP COLUMN on_behalf_of",
          "ALTER TABLE theme_overrides DROP COLUMN reason",
          "ALTER TABLE theme_override_history DROP COLUMN reason",
          "ALTER TABLE key_messages DROP COLUMN translations",
          "ALTER TABLE key_messages DROP COLUMN text_origin",
          "ALTER TABLE findings DROP COLUMN translations",
          "ALTER TABLE recommendations DROP COLUMN translations",
          "ALTER TABLE case_studies DROP COLUMN title_translations",
          "DROP TABLE published_years",
          "ALTER TABLE inspections DROP COLUMN report_url",
          "PRAGMA user_version = 2"})
      ASSERT_TRUE((*db)->Exec(sql).ok()) << sql;
  }
  store_ = Open();
  auto overrides = store_->ListThemeOverrides().value();
  ASSERT_EQ(overrides.size(), 1u);
  EXPECT_EQ(overrides[0].theme_id, "scrutiny");
  EXPECT_EQ(overrides[0].reason, "");  // Not recorded before version 3.
  ASSERT_TRUE(store_
                  ->SetThemeOverride("POWYS-2025-02", 2, "attendance",
                                     "R2 is about attendance", ctx_)
                  .ok());
  EXPECT_EQ(store_->ListThemeOverrideHistory("").value().back().reason,
            "R2 is about attendance");
  EXPECT_EQ(store_->ListChanges(0, 100).value().size(), 3u);  // Kept.
  EXPECT_TRUE(store_->ListCredentials().value().empty());
}

TEST_F(SqliteStoreTest, KeepsWelshTextsBesideTheEnglishAndUpgradesToThem) {
  Inspection in = SampleInspection();
  in.recommendations[0].translations = {
      {"cy", "Gwella presenoldeb", TextOrigin::kTranslatedHere, "ours"}};
  ASSERT_TRUE(store_->CreateInspection(in, ctx_).ok());
  KeyMessage m;
  m.academic_year = 2022;
  m.area = "Leadership and management";
  m.polarity = Polarity::kGoingWell;
  m.position = 1;
  m.text = "In general, local authorities maintain positive relationships.";
  m.text_origin = TextOrigin::kEstyn;
  m.translations = {{"cy", "Yn gyffredinol, mae awdurdodau lleol yn cynnal "
                           "perthnasoedd cadarnhaol.", TextOrigin::kEstyn, ""}};
  auto created = store_->CreateKeyMessage(m, ctx_);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->translations, m.translations);
  EXPECT_EQ(created->text_origin, TextOrigin::kEstyn);
  EXPECT_EQ(store_->GetInspection(in.id)->recommendations[0].translations,
            in.recommendations[0].translations);

  store_.reset();
  {  // What version 4 wrote: no translation columns.
    auto db = sql::Db::Open(dir_.File("lges.db"));
    ASSERT_TRUE(db.ok());
    for (const char* sql :
         {"ALTER TABLE key_messages DROP COLUMN translations",
          "ALTER TABLE key_messages DROP COLUMN text_origin",
          "ALTER TABLE findings DROP COLUMN translations",
          "ALTER TABLE recommendations DROP COLUMN translations",
          "ALTER TABLE case_studies DROP COLUMN title_translations",
          "DROP TABLE published_years",
          "ALTER TABLE inspections DROP COLUMN report_url",
          "PRAGMA user_version = 4"})
      ASSERT_TRUE((*db)->Exec(sql).ok()) << sql;
  }
  store_ = Open();
  const Dataset all = store_->ReadAll().value();
  ASSERT_EQ(all.key_messages.size(), 1u);
  EXPECT_EQ(all.key_messages[0].text, m.text);  // Kept; no Welsh yet.
  EXPECT_TRUE(all.key_messages[0].translations.empty());
  EXPECT_TRUE(store_->GetInspection(in.id)->recommendations[0].translations.empty());
}

TEST_F(SqliteStoreTest, KeepsCredentialsAsHashesAndRevokesThem) {
  ASSERT_TRUE(store_->CreateCredential("reporting", Role::kReader, "h1").ok());
  EXPECT_EQ(store_->CreateCredential("reporting", Role::kAdmin, "h2")
                .status()
                .code(),
            absl::StatusCode::kAlreadyExists);
  absl::StatusOr<Credential> found = store_->FindCredentialByHash("h1");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->name, "reporting");
  EXPECT_EQ(found->role, Role::kReader);
  EXPECT_GT(found->last_used_ms, 0);
  EXPECT_TRUE(absl::IsNotFound(store_->FindCredentialByHash("h2").status()));
  ASSERT_TRUE(store_->RevokeCredential("reporting").ok());
  EXPECT_TRUE(absl::IsNotFound(store_->FindCredentialByHash("h1").status()));
  EXPECT_TRUE(absl::IsNotFound(store_->FindCredentialByName("reporting").status()));
  EXPECT_TRUE(absl::IsNotFound(store_->RevokeCredential("nobody").status()));
  ASSERT_EQ(store_->ListCredentials().value().size(), 1u);
  EXPECT_GT(store_->ListCredentials().value()[0].revoked_time_ms, 0);
  EXPECT_EQ(Version(), 0);  // Credentials are not part of the dataset.
}

TEST_F(SqliteStoreTest, RoundTripsAProviderWithMemberships) {
  Provider gwe;
  gwe.code = "gwe";
  gwe.kind = ProviderKind::kSchoolImprovementService;
  gwe.name_en = "GwE";
  gwe.name_cy = "GwE";
  gwe.corporate_name =
      "School Effectiveness and Improvement Service for North Wales";
  gwe.memberships = {{"W06000001",
                      PartialDate::Month(2013, 2),
                      PartialDate::Day(2025, 5, 31),
                      {{{"ANGLESEY_GWE_END", ""}},
                       Certainty::kUncertain,
                       "1 April or 31 May 2025"}},
                     {"W06000006", PartialDate::Month(2013, 2), {}, {}}};
  gwe.provenance = testing::SampleProvenance();
  ASSERT_TRUE(store_->CreateProvider(gwe, ctx_).ok());
  auto got = store_->GetProvider("gwe");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->memberships, gwe.memberships);
  EXPECT_EQ(got->provenance, gwe.provenance);
  EXPECT_EQ(got->corporate_name, gwe.corporate_name);
  EXPECT_EQ(got->meta.revision, 1);
  EXPECT_EQ(store_->CreateProvider(gwe, ctx_).status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_F(SqliteStoreTest, RoundTripsAnInspectionWithEveryField) {
  Inspection in = SampleInspection();
  in.judgements = {{"1", Grade::kGood}, {"2", Grade::kAdequate}};
  in.framework = FrameworkVersion::k2024TwoAreas;
  auto created = store_->CreateInspection(in, ctx_);
  ASSERT_TRUE(created.ok()) << created.status();
  auto got = store_->GetInspection(in.id);
  ASSERT_TRUE(got.ok());
  testing::ExpectSameInspection(*got, in);
  EXPECT_EQ(got->meta.revision, 1);
  EXPECT_GT(got->meta.create_time_ms, 0);
  EXPECT_EQ(Version(), 1);
}

TEST_F(SqliteStoreTest, RoundTripsFollowUpEventsAndKeyMessages) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  auto event = store_->CreateFollowUpEvent(SampleFollowUpEvent(), ctx_);
  ASSERT_TRUE(event.ok()) << event.status();
  testing::ExpectSameEvent(store_->GetFollowUpEvent(event->id).value(),
                           SampleFollowUpEvent());
  auto message = store_->CreateKeyMessage(SampleKeyMessage(), ctx_);
  ASSERT_TRUE(message.ok());
  testing::ExpectSameMessage(store_->GetKeyMessage(message->id).value(),
                             SampleKeyMessage());
  EXPECT_EQ(store_->GetFollowUpEvent("999").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetKeyMessage("not-a-number").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, AFailedMultiRowWriteLeavesNothingBehind) {
  // The last recommendation breaks a table constraint after the inspection
  // row and its other children were written: the transaction must roll back.
  Inspection in = SampleInspection();
  in.recommendations.back().text = "";
  EXPECT_FALSE(store_->CreateInspection(in, ctx_).ok());
  EXPECT_EQ(store_->GetInspection(in.id).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(InspectionCount(), 0);
  EXPECT_EQ(Version(), 0);

  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  Inspection update = SampleInspection();
  update.causing_significant_concern = false;
  update.recommendations.back().number = 0;  // Breaks CHECK (number >= 1).
  EXPECT_FALSE(store_->UpdateInspection(update, 0, ctx_).ok());
  Inspection stored = store_->GetInspection(in.id).value();
  testing::ExpectSameInspection(stored, SampleInspection());
  EXPECT_EQ(stored.meta.revision, 1);
  EXPECT_EQ(Version(), 1);
}

TEST_F(SqliteStoreTest, RejectsStaleRevisionsAndKeepsTheRecord) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  Inspection first = SampleInspection();
  first.recommendations.pop_back();
  first.recommendation_count = 3;
  auto updated = store_->UpdateInspection(first, 1, ctx_);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->meta.revision, 2);

  Inspection stale = SampleInspection();
  stale.causing_significant_concern = false;
  EXPECT_EQ(store_->UpdateInspection(stale, 1, ctx_).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->DeleteInspection(stale.id, 1, ctx_).status().code(),
            absl::StatusCode::kFailedPrecondition);
  Inspection stored = store_->GetInspection(stale.id).value();
  EXPECT_TRUE(stored.causing_significant_concern);
  EXPECT_EQ(stored.recommendations.size(), 3u);
  EXPECT_TRUE(store_->DeleteInspection(stale.id, 2, ctx_).ok());
}

TEST_F(SqliteStoreTest, PagesAcrossPageBoundariesInDateOrder) {
  for (int month = 7; month >= 1; --month) {  // Created out of date order.
    Inspection in = SampleInspection("I-" + std::to_string(month));
    in.start_date = in.end_date = PartialDate::Month(2025, month);
    in.report_published = {};
    ASSERT_TRUE(store_->CreateInspection(in, ctx_).ok());
  }
  std::vector<std::string> seen;
  for (int offset = 0; offset < 9; offset += 3) {
    auto page = store_->ListInspections({}, {offset, 3});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, 7);
    EXPECT_EQ(page->items.size(), offset < 6 ? 3u : 1u);
    for (const Inspection& in : page->items) seen.push_back(in.id);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"I-1", "I-2", "I-3", "I-4", "I-5",
                                            "I-6", "I-7"}));
  EXPECT_EQ(store_->ListInspections({"W06000006"}, {0, 10}).value().total, 0);
  InspectionFilter concern;
  concern.causing_significant_concern_only = true;
  concern.academic_year_from = concern.academic_year_to = 2024;
  EXPECT_EQ(store_->ListInspections(concern, {0, 10}).value().total, 7);
}

TEST_F(SqliteStoreTest,
       ChoosesDefaultIdsInsideTheWriteSoConcurrentCreatesDiffer) {
  constexpr int kWriters = 8;
  std::vector<std::string> ids(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      absl::StatusOr<Inspection> created =
          store_->CreateInspection(SampleInspection(""), ctx_);
      ids[i] = created.ok() ? created->id : created.status().ToString();
    });
  }
  for (std::thread& w : writers) w.join();
  std::set<std::string> distinct(ids.begin(), ids.end());
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kWriters));
  EXPECT_TRUE(distinct.count("W06000023-2025-02"));
  EXPECT_TRUE(distinct.count("W06000023-2025-02-" + std::to_string(kWriters)));
  EXPECT_EQ(InspectionCount(), kWriters);
}

TEST_F(SqliteStoreTest, AGivenIdThatIsTakenIsAlreadyExists) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection("TAKEN"), ctx_).ok());
  EXPECT_EQ(
      store_->CreateInspection(SampleInspection("TAKEN"), ctx_).status().code(),
      absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(InspectionCount(), 1);
}

TEST_F(SqliteStoreTest, ARepeatedRequestIdCreatesOnce) {
  WriteContext ctx{.actor = "tester", .request_id = "req-1", .request_fingerprint = "fp-a"};
  ASSERT_TRUE(store_->CreateKeyMessage(SampleKeyMessage(), ctx).ok());
  auto again = store_->CreateKeyMessage(SampleKeyMessage(), ctx);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(store_->ListKeyMessages({}, {0, 10}).value().total, 1);
  ctx.request_fingerprint = "fp-b";
  EXPECT_EQ(store_->CreateKeyMessage(SampleKeyMessage(), ctx).status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_F(SqliteStoreTest, RefusesDeletesThatWouldOrphanRecords) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  ASSERT_TRUE(store_->CreateFollowUpEvent(SampleFollowUpEvent(), ctx_).ok());
  EXPECT_EQ(store_->DeleteInspection("POWYS-2025-02", 0, ctx_).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->DeleteProvider("W06000023", 0, ctx_).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_->DeleteProvider("nobody", 0, ctx_).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest,
       FollowUpProgressMustNameRecommendationsOfTheInspection) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  FollowUpEvent e = SampleFollowUpEvent();
  e.recommendation_progress.push_back({9, Progress::kLimited, false});
  auto result = store_->CreateFollowUpEvent(e, ctx_);
  ASSERT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolationsOf(result.status())[0].field,
            "recommendation_progress[2].recommendation_number");
  e = SampleFollowUpEvent("NO-SUCH-INSPECTION");
  EXPECT_EQ(
      ViolationsOf(store_->CreateFollowUpEvent(e, ctx_).status())[0].field,
      "inspection");
}

TEST_F(SqliteStoreTest, ReopeningTheFileKeepsEveryRecordAndTheChangeLog) {
  ctx_.actor = "annual-report-team";
  ctx_.source = "powys.json";
  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  ASSERT_TRUE(store_->CreateFollowUpEvent(SampleFollowUpEvent(), ctx_).ok());
  ASSERT_TRUE(store_->CreateKeyMessage(SampleKeyMessage(), ctx_).ok());
  store_.reset();
  store_ = Open();
  testing::ExpectSameInspection(store_->GetInspection("POWYS-2025-02").value(),
                                SampleInspection());
  EXPECT_EQ(store_->ListFollowUpEvents({}, {0, 10}).value().total, 1);
  EXPECT_EQ(store_->ListKeyMessages({2022}, {0, 10}).value().total, 1);
  auto changes = store_->ListChanges(1, 10);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[0].version, 2);
  EXPECT_EQ((*changes)[0].action, "create");
  EXPECT_EQ((*changes)[0].actor, "annual-report-team");
  EXPECT_EQ((*changes)[0].source, "powys.json");
  EXPECT_EQ((*changes)[1].resource.rfind("keyMessages/", 0), 0u);
}

}  // namespace
}  // namespace lges

namespace lges {
namespace {

TEST_F(SqliteStoreTest, ThemeOverridesAreAuditedAndCanBeCleared) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection(), ctx_).ok());
  WriteContext alice{"alice"}, bob{"bob"};
  auto first = store_->SetThemeOverride("POWYS-2025-02", 2, "scrutiny",
                                        "R2 is about scrutiny", alice);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->previous_theme_id, "");
  auto second =
      store_->SetThemeOverride("POWYS-2025-02", 2, "strategic_leadership",
                               "leadership is the head", bob);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->previous_theme_id, "scrutiny");
  auto current = store_->ListThemeOverrides().value();
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0].theme_id, "strategic_leadership");
  EXPECT_EQ(current[0].actor, "bob");
  EXPECT_EQ(current[0].reason, "leadership is the head");

  ASSERT_TRUE(store_->SetThemeOverride("POWYS-2025-02", 2, "", "", alice)
                  .ok());  // Clear it.
  EXPECT_TRUE(store_->ListThemeOverrides().value().empty());
  auto history = store_->ListThemeOverrideHistory("POWYS-2025-02").value();
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[2].theme_id, "");
  EXPECT_EQ(history[2].previous_theme_id, "strategic_leadership");
  EXPECT_EQ(history[0].reason, "R2 is about scrutiny");
  EXPECT_EQ(Version(), 4);

  auto missing =
      store_->SetThemeOverride("POWYS-2025-02", 9, "scrutiny", "x", alice);
  EXPECT_EQ(ViolationsOf(missing.status())[0].field, "recommendation_number");
  EXPECT_EQ(store_->SetThemeOverride("NOPE", 1, "scrutiny", "x", alice)
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Version(), 4);  // Refused calls change nothing.
}

TEST_F(SqliteStoreTest, ReadAllReturnsEveryRecordAtOneVersion) {
  ASSERT_TRUE(store_->CreateInspection(SampleInspection("B"), ctx_).ok());
  ASSERT_TRUE(store_->CreateInspection(SampleInspection("A"), ctx_).ok());
  ASSERT_TRUE(store_->CreateFollowUpEvent(SampleFollowUpEvent("A"), ctx_).ok());
  ASSERT_TRUE(store_->CreateKeyMessage(SampleKeyMessage(), ctx_).ok());
  ASSERT_TRUE(
      store_->SetThemeOverride("A", 1, "safeguarding", "test", ctx_).ok());
  Provider gwe;
  gwe.code = "gwe";
  gwe.kind = ProviderKind::kSchoolImprovementService;
  gwe.name_en = gwe.name_cy = "GwE";
  gwe.memberships = {{"W06000001", PartialDate::Year(2013), {}, {}}};
  ASSERT_TRUE(store_->CreateProvider(gwe, ctx_).ok());

  auto all = store_->ReadAll();
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->version, 6);
  EXPECT_GT(all->as_of_ms, 0);
  EXPECT_EQ(all->providers.size(), 23u);
  ASSERT_EQ(all->inspections.size(), 2u);
  for (const Inspection& in : all->inspections)
    testing::ExpectSameInspection(in, SampleInspection(in.id));
  ASSERT_EQ(all->follow_up_events.size(), 1u);
  testing::ExpectSameEvent(all->follow_up_events[0], SampleFollowUpEvent("A"));
  EXPECT_EQ(all->key_messages.size(), 1u);
  ASSERT_EQ(all->overrides.size(), 1u);
  EXPECT_EQ(all->overrides[0].theme_id, "safeguarding");
  for (const Provider& p : all->providers) {
    if (p.code == "gwe") {
      EXPECT_EQ(p.memberships, gwe.memberships);
    }
  }
}

}  // namespace
}  // namespace lges

namespace lges {
namespace {

Dataset Batch() {
  Dataset d;
  d.inspections = {SampleInspection("A"), SampleInspection("B")};
  d.follow_up_events = {SampleFollowUpEvent("A")};
  d.key_messages = {SampleKeyMessage()};
  return d;
}

TEST_F(SqliteStoreTest, ImportCreatesThenChangesNothingOnTheSameRecords) {
  auto first = store_->Import(Batch(), {}, ctx_);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->created, 4);
  EXPECT_EQ(Version(), 4);
  auto again = store_->Import(Batch(), {}, ctx_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created + again->updated, 0);
  EXPECT_EQ(again->unchanged, 4);
  EXPECT_EQ(Version(), 4);  // Nothing committed, no new version.

  Dataset changed = Batch();
  changed.inspections[1].causing_significant_concern = false;
  changed.key_messages[0].text = "Reworded.";
  auto update = store_->Import(changed, {}, ctx_);
  ASSERT_TRUE(update.ok());
  EXPECT_EQ(update->updated, 2);
  EXPECT_EQ(update->unchanged, 2);
  EXPECT_FALSE(store_->GetInspection("B").value().causing_significant_concern);
  // Updated in place, not duplicated.
  EXPECT_EQ(store_->ListKeyMessages({}, {0, 10}).value().total, 1);
}

TEST_F(SqliteStoreTest, KeepsPublishedYearsAndReportAddressesThroughImports) {
  Dataset records;
  records.inspections = {SampleInspection()};
  records.inspections[0].report_url = "https://estyn.gov.wales/report.pdf";
  PublishedYear y;
  y.academic_year = 2022;
  y.source_url = "https://annual-report.estyn.gov.wales/2023/";
  y.figures = {{SectorFigure::kCoreInspections, 4},
               {SectorFigure::kWentIntoFollowUp, 3}};
  y.overview_source = "seed 001";
  y.overview_inspected = 4;
  y.overview = {{"Two local authorities ...", 2, "strategic_leadership"}};
  y.note = "Box figures from the Welsh page.";
  records.published_years = {y};
  auto first = store_->Import(records, {}, ctx_);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->created, 2);
  EXPECT_EQ(first->created_or_updated.back(), "publishedYears/2022");

  Dataset stored = store_->ReadAll().value();
  ASSERT_EQ(stored.published_years.size(), 1u);
  EXPECT_TRUE(SameRecord(stored.published_years[0], y));
  EXPECT_EQ(stored.published_years[0].meta.revision, 1);
  EXPECT_EQ(stored.inspections[0].report_url,
            "https://estyn.gov.wales/report.pdf");

  EXPECT_EQ(store_->Import(records, {}, ctx_).value().unchanged, 2);
  records.published_years[0].figures[1].value = 0;
  auto changed = store_->Import(records, {}, ctx_);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->updated, 1);
  stored = store_->ReadAll().value();
  EXPECT_EQ(stored.published_years[0].figures[1].value, 0);
  EXPECT_EQ(stored.published_years[0].meta.revision, 2);
  EXPECT_EQ(store_->ListChanges(0, 10).value().back().resource,
            "publishedYears/2022");
}

TEST_F(SqliteStoreTest, AFailingImportKeepsNothingAndSaysWhere) {
  Dataset bad = Batch();
  bad.inspections.push_back(SampleInspection("C"));
  bad.inspections.back().provider_code = "nobody";
  auto result = store_->Import(bad, {}, ctx_);
  ASSERT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolationsOf(result.status())[0].field,
            "inspections[2].provider_code");
  EXPECT_EQ(InspectionCount(), 0);
  EXPECT_EQ(Version(), 0);
}

TEST_F(SqliteStoreTest, ADryRunReportsButKeepsNothing) {
  auto result = store_->Import(Batch(), {.dry_run = true}, ctx_);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->created, 4);
  EXPECT_EQ(result->dataset_version, 4);
  EXPECT_EQ(InspectionCount(), 0);
  EXPECT_EQ(Version(), 0);
}

TEST_F(SqliteStoreTest, AOnceKeyImportsOnlyOnceAndNeverOverwritesEdits) {
  ASSERT_TRUE(store_->Import(Batch(), {.once_key = "default"}, ctx_).ok());
  Inspection edited = store_->GetInspection("A").value();
  edited.causing_significant_concern = false;
  ASSERT_TRUE(store_->UpdateInspection(edited, 0, ctx_).ok());
  store_.reset();
  store_ = Open();  // A restart.
  auto again = store_->Import(Batch(), {.once_key = "default"}, ctx_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->skipped_once);
  // The edit stands.
  EXPECT_FALSE(store_->GetInspection("A").value().causing_significant_concern);
  EXPECT_EQ(InspectionCount(), 2);
}

}  // namespace
}  // namespace lges
