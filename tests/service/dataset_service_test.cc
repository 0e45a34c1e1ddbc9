// DatasetService over a real server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "absl/synchronization/notification.h"

#include "convert/record_set.h"
#include "tests/testing/records.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using testing::ServerTest;

class DatasetServiceTest : public ServerTest {
 protected:
  static pb::ImportRecordsRequest Request(bool dry_run) {
    pb::ImportRecordsRequest req;
    pb::RecordSet* records = req.mutable_records();
    records->set_format("lges-records");
    records->set_format_version(1);
    records->set_source("powys.json");
    *records->add_inspections() = testing::ToProto<pb::Inspection>(
        testing::SampleInspection("POWYS-2025-02"));
    *records->add_key_messages() =
        testing::ToProto<pb::KeyMessage>(testing::SampleKeyMessage());
    req.set_dry_run(dry_run);
    return req;
  }
  // Creates `m` through the API.
  void CreateThroughApi(const KeyMessage& m) {
    pb::CreateKeyMessageRequest req;
    *req.mutable_key_message() = testing::ToProto<pb::KeyMessage>(m);
    pb::KeyMessage created;
    ASSERT_TRUE(client_->CreateKeyMessage(req, &created).ok());
  }
};

TEST_F(DatasetServiceTest, ImportsAllOrNothingAndLogsTheSource) {
  pb::ImportRecordsResponse resp;
  ASSERT_TRUE(client_->ImportRecords(Request(true), &resp).ok());
  EXPECT_EQ(resp.created(), 2);
  EXPECT_TRUE(resp.dry_run());
  pb::DatasetInfo info;
  ASSERT_TRUE(client_->GetDatasetInfo({}, &info).ok());
  EXPECT_EQ(info.dataset_version(), 0);  // The dry run kept nothing.

  ASSERT_TRUE(client_->ImportRecords(Request(false), &resp).ok());
  EXPECT_EQ(resp.dataset_version(), 2);
  EXPECT_EQ(resp.changed(0), "inspections/POWYS-2025-02");
  pb::ListChangesRequest changes_req;
  pb::ListChangesResponse changes;
  ASSERT_TRUE(client_->ListChanges(changes_req, &changes).ok());
  ASSERT_EQ(changes.changes_size(), 2);
  EXPECT_EQ(changes.changes(0).source(), "powys.json");
  EXPECT_EQ(changes.changes(0).actor(), "service-test");

  pb::ImportRecordsRequest bad = Request(false);
  bad.mutable_records()->mutable_inspections(0)->set_name("POWYS");
  bad.mutable_records()->mutable_key_messages(0)->set_text("");
  bad.mutable_records()->set_format_version(2);
  absl::Status s = client_->ImportRecords(bad, &resp);
  EXPECT_EQ(ViolationFields(s),
            (std::vector<std::string>{"records.format_version",
                                      "records.inspections[0].name",
                                      "records.key_messages[0].text"}));
  ASSERT_TRUE(client_->GetDatasetInfo({}, &info).ok());
  EXPECT_EQ(info.dataset_version(), 2);
}

TEST_F(DatasetServiceTest, ExportsWhatImportAccepts) {
  pb::ImportRecordsResponse resp;
  ASSERT_TRUE(client_->ImportRecords(Request(false), &resp).ok());
  pb::ExportRecordsRequest req;
  req.set_academic_year_from(2024);
  pb::RecordSet records;
  ASSERT_TRUE(client_->ExportRecords(req, &records).ok());
  EXPECT_EQ(records.inspections_size(), 1);
  EXPECT_EQ(records.key_messages_size(), 0);  // 2022-2023 is outside the range.
  EXPECT_EQ(records.providers_size(), 22);

  pb::ImportRecordsRequest again;
  *again.mutable_records() = records;
  ASSERT_TRUE(client_->ImportRecords(again, &resp).ok());
  EXPECT_EQ(resp.created() + resp.updated(), 0);
  EXPECT_EQ(resp.unchanged(), 23);

  req.set_academic_year_to(2020);
  EXPECT_EQ(ViolationFields(client_->ExportRecords(req, &records)),
            std::vector<std::string>{"academic_year_to"});
  pb::ListChangesRequest changes_req;
  changes_req.set_since_version(-1);
  pb::ListChangesResponse changes;
  EXPECT_EQ(ViolationFields(client_->ListChanges(changes_req, &changes)),
            std::vector<std::string>{"since_version"});
}

TEST_F(DatasetServiceTest, AnExportOverTheMessageLimitSaysWhichKnobToTurn) {
  // 300 key messages of 4,000 characters in 2022 (1.2 MB; the fixture's
  // limit is 1 MiB), imported in three parts, and one small one in 2023.
  for (int part = 0; part < 3; ++part) {
    pb::ImportRecordsRequest req;
    req.mutable_records()->set_format("lges-records");
    req.mutable_records()->set_format_version(1);
    for (int i = 0; i < 100; ++i) {
      KeyMessage m = testing::SampleKeyMessage();
      m.position = part * 100 + i + 1;
      m.text = std::string(4000, 'a' + part);
      *req.mutable_records()->add_key_messages() =
          testing::ToProto<pb::KeyMessage>(m);
    }
    pb::ImportRecordsResponse out;
    ASSERT_TRUE(client_->ImportRecords(req, &out).ok()) << part;
  }
  KeyMessage later = testing::SampleKeyMessage();
  later.academic_year = 2023;
  CreateThroughApi(later);

  pb::RecordSet all;
  const absl::Status status = client_->ExportRecords({}, &all);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(status.message().find("--max-message-mib"), std::string::npos)
      << status;
  EXPECT_NE(status.message().find("export fewer years"), std::string::npos);

  pb::ExportRecordsRequest from_2023;
  from_2023.set_academic_year_from(2023);
  pb::RecordSet part;
  ASSERT_TRUE(client_->ExportRecords(from_2023, &part).ok());
  EXPECT_EQ(part.key_messages_size(), 1);
}

// A record set of 1,200 inspections with a 4,000-character finding each
// (about 5 MB, over gRPC's default 4 MiB and the fixture's 1 MiB limit).
pb::RecordSet LargeRecordSet() {
  pb::RecordSet records;
  records.set_format("lges-records");
  records.set_format_version(1);
  records.set_source("large.json");
  for (int i = 0; i < 1200; ++i) {
    Inspection in = testing::SampleInspection("LARGE-" + std::to_string(i));
    in.findings[0].text = std::string(3990, 'a' + i % 26) + std::to_string(i);
    *records.add_inspections() = testing::ToProto<pb::Inspection>(in);
  }
  return records;
}

// Sends `records` as an import stream in parts of about 200 KB.
absl::Status ImportInParts(LgesClient& client, const pb::RecordSet& records,
                           bool dry_run, pb::ImportRecordsResponse* resp) {
  return client.ImportRecordsStream(
      [&](const LgesClient::SendPart& send) {
        RecordSetParts parts(200 * 1000, [&](const pb::RecordSet& part) {
          pb::ImportRecordsRequest req;
          *req.mutable_records() = part;
          req.set_dry_run(dry_run);
          return send(req);
        });
        return SendRecordSet(records, parts)
                   ? absl::OkStatus()
                   : absl::CancelledError("send failed");
      },
      resp);
}

TEST_F(DatasetServiceTest, StreamsARecordSetOverFourMiBBothWays) {
  const pb::RecordSet records = LargeRecordSet();
  ASSERT_GT(records.ByteSizeLong(), 4u << 20);
  pb::ImportRecordsRequest whole;
  *whole.mutable_records() = records;
  pb::ImportRecordsResponse resp;
  EXPECT_EQ(client_->ImportRecords(whole, &resp).code(),
            absl::StatusCode::kResourceExhausted);

  ASSERT_TRUE(ImportInParts(*client_, records, true, &resp).ok());
  EXPECT_EQ(resp.created(), 1200);
  EXPECT_TRUE(resp.dry_run());
  ASSERT_TRUE(ImportInParts(*client_, records, false, &resp).ok());
  EXPECT_EQ(resp.created(), 1200);
  EXPECT_EQ(resp.dataset_version(), 1200);
  EXPECT_EQ(resp.changed_size(), 1000);
  EXPECT_EQ(resp.changed_not_listed(), 200);
  pb::ListChangesResponse changes;
  ASSERT_TRUE(client_->ListChanges({}, &changes).ok());
  EXPECT_EQ(changes.changes(0).source(), "large.json");

  pb::RecordSet exported;
  int parts = 0;
  ASSERT_TRUE(client_
                  ->ExportRecordsStream({},
                                        [&](const pb::RecordSet& part) {
                                          EXPECT_LT(part.ByteSizeLong(),
                                                    300u * 1024);
                                          exported.MergeFrom(part);
                                          return ++parts > 0;
                                        })
                  .ok());
  EXPECT_GT(parts, 15);
  EXPECT_EQ(exported.format(), "lges-records");
  EXPECT_EQ(exported.source(), "lges-insights export at dataset version 1200");
  ASSERT_EQ(exported.inspections_size(), 1200);
  for (int i = 0; i < 1200; i += 199) {
    const pb::Inspection& sent = records.inspections(i);
    const pb::Inspection* got = nullptr;
    for (const pb::Inspection& in : exported.inspections())
      if (in.name() == sent.name()) got = &in;
    ASSERT_NE(got, nullptr) << sent.name();
    EXPECT_EQ(got->findings(0).text(), sent.findings(0).text());
  }

  // The export (with the 22 authorities) imports again, changing nothing.
  ASSERT_TRUE(ImportInParts(*client_, exported, false, &resp).ok());
  EXPECT_EQ(resp.created() + resp.updated(), 0);
  EXPECT_EQ(resp.unchanged(), 1222);
}

TEST_F(DatasetServiceTest, AStreamedImportNamesPlacesAcrossPartsAndKeepsNothing) {
  pb::RecordSet records = LargeRecordSet();
  records.mutable_inspections(1100)->set_name("inspections/9bad");
  pb::ImportRecordsResponse resp;
  const absl::Status refused = ImportInParts(*client_, records, false, &resp);
  EXPECT_EQ(ViolationFields(refused),
            std::vector<std::string>{"records.inspections[1100].name"});

  // Cancelled half way: nothing is kept either.
  int sent = 0;
  const absl::Status cancelled = client_->ImportRecordsStream(
      [&](const LgesClient::SendPart& send) {
        pb::ImportRecordsRequest part;
        *part.mutable_records() = LargeRecordSet();
        part.mutable_records()->mutable_inspections()->DeleteSubrange(100,
                                                                      1100);
        if (send(part)) ++sent;
        return absl::AbortedError("the file went away");
      },
      &resp);
  EXPECT_EQ(sent, 1);
  EXPECT_EQ(cancelled.code(), absl::StatusCode::kAborted);
  pb::DatasetInfo info;
  ASSERT_TRUE(client_->GetDatasetInfo({}, &info).ok());
  EXPECT_EQ(info.dataset_version(), 0);
}

TEST_F(DatasetServiceTest, ABurstOfWritesSharesRebuildsAndReadsSeeThemAll) {
  const uint64_t before = backend_.snapshots->generation();
  // The first rebuild is held at its publish, as a slow one would be, while
  // the rest of the burst is written: none of the writes waits for it.
  absl::Notification release;
  const int listener = backend_.snapshots->OnPublish(
      [&](const std::shared_ptr<const analytics::Snapshot>&) {
        release.WaitForNotification();
      });
  constexpr int kWrites = 200;
  for (int i = 1; i <= kWrites; ++i) {  // Through the store: no gRPC time.
    KeyMessage m = testing::SampleKeyMessage();
    m.position = i;
    ASSERT_TRUE(store_->CreateKeyMessage(m, WriteContext{}).ok()) << i;
  }
  release.Notify();
  // A read waits for the snapshot of every write before it.
  pb::GetSectorSummaryRequest req;
  req.set_academic_year(2022);
  pb::SectorSummary summary;
  ASSERT_TRUE(client_->GetSectorSummary(req, &summary).ok());
  EXPECT_EQ(backend_.snapshots->Current()->version(), kWrites);
  // The held rebuild, and one for everything written meanwhile.
  const uint64_t rebuilds = backend_.snapshots->generation() - before;
  EXPECT_GE(rebuilds, 1u);
  EXPECT_LE(rebuilds, 2u);
  backend_.snapshots->RemoveListener(listener);
}

TEST_F(DatasetServiceTest, AReadCanAskForAtLeastTheVersionOfItsWrite) {
  pb::GetSectorSummaryRequest req;
  req.set_academic_year(2022);
  pb::SectorSummary summary;
  // The next rebuild is held at its publish, as a slow one would be.
  absl::Notification release;
  const int listener = backend_.snapshots->OnPublish(
      [&](const std::shared_ptr<const analytics::Snapshot>&) {
        release.WaitForNotification();
      });
  KeyMessage first = testing::SampleKeyMessage();
  ASSERT_TRUE(store_->CreateKeyMessage(first, WriteContext{}).ok());
  // The write that a second client must see: version 2, whose rebuild
  // waits behind the held one.
  KeyMessage second = testing::SampleKeyMessage();
  second.position = 2;
  CreateThroughApi(second);
  pb::DatasetInfo info;
  ASSERT_TRUE(client_->GetDatasetInfo({}, &info).ok());
  ASSERT_EQ(info.dataset_version(), 2);

  auto reader = ClientWith(TokenFor("reader", Role::kReader), "", 2);
  absl::Notification answered;
  absl::Status status;
  std::thread read([&] {
    status = reader->GetSectorSummary(req, &summary);
    answered.Notify();
  });
  EXPECT_FALSE(answered.WaitForNotificationWithTimeout(absl::Milliseconds(300)));
  release.Notify();
  read.join();
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(summary.meta().dataset_version(), 2);
  backend_.snapshots->RemoveListener(listener);

  // A version that does not exist yet is refused at once, naming the latest.
  auto ahead = ClientWith(TokenFor("reader", Role::kReader), "", 9);
  status = ahead->GetSectorSummary(req, &summary);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(status.message().find("the latest is 2"), std::string::npos)
      << status;
}

class PublicRecordServiceTest : public ServerTest {
 protected:
  void SetUp() override {
    load_public_record_ = true;
    ServerTest::SetUp();
  }
};

TEST_F(PublicRecordServiceTest, StartsOnThePublicRecordAndLoadsItOnce) {
  pb::ListInspectionsRequest req;
  pb::ListInspectionsResponse resp;
  ASSERT_TRUE(client_->ListInspections(req, &resp).ok());
  EXPECT_EQ(resp.total_size(), 22);
  pb::GetSectorSummaryRequest summary_req;
  summary_req.set_academic_year(2022);
  pb::SectorSummary summary;
  ASSERT_TRUE(client_->GetSectorSummary(summary_req, &summary).ok());
  EXPECT_EQ(summary.core_inspections(), 4);
  EXPECT_EQ(summary.welsh_medium(), 2);
  EXPECT_EQ(summary.follow_up().removed_size(), 2);
  EXPECT_EQ(summary.follow_up().at_end_size(), 1);
  EXPECT_EQ(summary.key_messages_size(), 15);
  EXPECT_FALSE(summary.meta().warnings().empty());  // Three of the four have
                                                    // recommendations missing.

  const int64_t version = store_->DatasetVersion().value();
  RestartServer();
  EXPECT_EQ(store_->DatasetVersion().value(), version);
  ASSERT_TRUE(client_->ListInspections(req, &resp).ok());
  EXPECT_EQ(resp.total_size(), 22);
}

// What the public record computes beside what Estyn printed
// (../shared/reference/published-figures.json), as a report team reads it.
const pb::FigureReconciliation& FigureOf(const pb::SectorReconciliation& r,
                                         pb::SectorFigure figure) {
  for (const pb::FigureReconciliation& f : r.figures())
    if (f.figure() == figure) return f;
  ADD_FAILURE() << "no figure " << pb::SectorFigure_Name(figure);
  return pb::FigureReconciliation::default_instance();
}

TEST_F(PublicRecordServiceTest, ReconcilesTheRecordWithThePublishedFigures) {
  pb::ReconcileSectorSummaryRequest req;
  req.set_academic_year(2022);
  pb::SectorReconciliation r;
  ASSERT_TRUE(client_->ReconcileSectorSummary(req, &r).ok());
  const auto& core = FigureOf(r, pb::SECTOR_FIGURE_CORE_INSPECTIONS);
  EXPECT_EQ(core.published(), 4);
  EXPECT_EQ(core.computed(), 4);
  EXPECT_EQ(core.state(), pb::RECONCILIATION_STATE_AGREE);
  const auto& welsh = FigureOf(r, pb::SECTOR_FIGURE_WELSH_MEDIUM);
  EXPECT_EQ(welsh.published(), 2);
  EXPECT_EQ(welsh.state(), pb::RECONCILIATION_STATE_AGREE);
  // Two inspections' medium is unknown: the record is short, not wrong.
  const auto& english = FigureOf(r, pb::SECTOR_FIGURE_ENGLISH_MEDIUM);
  EXPECT_EQ(english.published(), 2);
  EXPECT_EQ(english.computed(), 0);
  EXPECT_EQ(english.state(), pb::RECONCILIATION_STATE_RECORD_INCOMPLETE);
  const auto& themes = FigureOf(r, pb::SECTOR_FIGURE_OVERVIEW_THEMES);
  EXPECT_EQ(themes.published(), 7);
  EXPECT_EQ(themes.computed(), 3);
  EXPECT_EQ(themes.state(), pb::RECONCILIATION_STATE_RECORD_INCOMPLETE);
  // 3 at the start, 2 removed and 1 at the end leave none placed.
  const auto& entered = FigureOf(r, pb::SECTOR_FIGURE_WENT_INTO_FOLLOW_UP);
  EXPECT_EQ(entered.published(), 3);
  EXPECT_EQ(entered.computed(), 0);
  EXPECT_EQ(entered.state(), pb::RECONCILIATION_STATE_PUBLISHED_INCONSISTENT);
  EXPECT_NE(entered.explanation().find("would leave 4 at the end, not 1"),
            std::string::npos)
      << entered.explanation();
  for (pb::SectorFigure agreeing :
       {pb::SECTOR_FIGURE_IN_FOLLOW_UP_AT_START,
        pb::SECTOR_FIGURE_REMOVED_DURING_YEAR,
        pb::SECTOR_FIGURE_IN_FOLLOW_UP_AT_END, pb::SECTOR_FIGURE_PROVIDERS}) {
    EXPECT_EQ(FigureOf(r, agreeing).state(), pb::RECONCILIATION_STATE_AGREE)
        << pb::SectorFigure_Name(agreeing);
  }
  ASSERT_EQ(r.themes_size(), 7);  // The overview's statements, in order.
  EXPECT_EQ(r.themes(0).theme_id(), "strategic_leadership");
  EXPECT_EQ(r.themes(0).published(), 2);
  EXPECT_EQ(r.themes(0).computed(), 1);
  EXPECT_EQ(r.themes(1).theme_id(), "self_evaluation");
  EXPECT_EQ(r.themes(1).published(), 4);
  EXPECT_EQ(r.themes(6).state(), pb::RECONCILIATION_STATE_AGREE);  // SEBD.
  EXPECT_THAT(r.missing(),
              ::testing::Contains(
                  "The recommendations of 3 of the 4 inspections are missing "
                  "from the record, wholly or in part."));
  // English-medium, case studies, placed, the theme count, and 6 of the 7
  // statements.
  EXPECT_EQ(r.disagreements(), 10);

  req.set_academic_year(2023);
  ASSERT_TRUE(client_->ReconcileSectorSummary(req, &r).ok());
  const auto& core2023 = FigureOf(r, pb::SECTOR_FIGURE_CORE_INSPECTIONS);
  EXPECT_EQ(core2023.published(), 4);
  EXPECT_EQ(core2023.computed(), 1);  // The Vale, from the 2026 additions.
  EXPECT_EQ(core2023.state(), pb::RECONCILIATION_STATE_RECORD_INCOMPLETE);
  EXPECT_EQ(FigureOf(r, pb::SECTOR_FIGURE_IN_FOLLOW_UP_AT_END).state(),
            pb::RECONCILIATION_STATE_AGREE);

  req.set_academic_year(2019);  // Nothing recorded as printed.
  ASSERT_TRUE(client_->ReconcileSectorSummary(req, &r).ok());
  EXPECT_EQ(r.source_url(), "");
  EXPECT_EQ(r.disagreements(), 0);
  for (const auto& f : r.figures()) {
    EXPECT_FALSE(f.printed());
    EXPECT_EQ(f.state(), pb::RECONCILIATION_STATE_NOT_PUBLISHED);
  }

  req.set_academic_year(1989);
  EXPECT_EQ(client_->ReconcileSectorSummary(req, &r).code(),
            absl::StatusCode::kInvalidArgument);
  req.set_academic_year(2022);
  req.set_language_code("fr");
  EXPECT_EQ(client_->ReconcileSectorSummary(req, &r).code(),
            absl::StatusCode::kInvalidArgument);
  req.set_language_code("cy");
  ASSERT_TRUE(client_->ReconcileSectorSummary(req, &r).ok());
  EXPECT_EQ(FigureOf(r, pb::SECTOR_FIGURE_CORE_INSPECTIONS).label(),
            "Arolygiadau craidd");
}

}  // namespace
}  // namespace lges
