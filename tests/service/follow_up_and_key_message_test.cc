// FollowUpService and KeyMessageService over a real server.
#include <gtest/gtest.h>

#include "tests/testing/records.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using testing::SampleFollowUpEvent;
using testing::SampleInspection;
using testing::SampleKeyMessage;
using testing::ServerTest;

class FollowUpServiceTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    pb::CreateInspectionRequest req;
    *req.mutable_inspection() =
        testing::ToProto<pb::Inspection>(SampleInspection());
    req.set_inspection_id("POWYS-2025-02");
    pb::Inspection out;
    ASSERT_TRUE(client_->CreateInspection(req, &out).ok());
  }

  static pb::CreateFollowUpEventRequest CreateRequest() {
    pb::CreateFollowUpEventRequest req;
    *req.mutable_follow_up_event() =
        testing::ToProto<pb::FollowUpEvent>(SampleFollowUpEvent());
    return req;
  }
};

TEST_F(FollowUpServiceTest, RecordsTheFollowUpTimeline) {
  pb::FollowUpEvent created;
  ASSERT_TRUE(client_->CreateFollowUpEvent(CreateRequest(), &created).ok());
  EXPECT_EQ(created.name(), "followUpEvents/1");
  EXPECT_EQ(created.inspection(), "inspections/POWYS-2025-02");
  ASSERT_EQ(created.recommendation_progress_size(), 2);
  EXPECT_TRUE(created.recommendation_progress(1).addressed());

  pb::GetFollowUpEventRequest get;
  get.set_name(created.name());
  pb::FollowUpEvent got;
  ASSERT_TRUE(client_->GetFollowUpEvent(get, &got).ok());
  EXPECT_EQ(got.SerializeAsString(), created.SerializeAsString());

  pb::ListFollowUpEventsRequest list;
  list.set_provider_code("W06000023");
  list.set_kind(pb::FOLLOW_UP_KIND_IMPROVEMENT_CONFERENCE);
  pb::ListFollowUpEventsResponse events;
  ASSERT_TRUE(client_->ListFollowUpEvents(list, &events).ok());
  EXPECT_EQ(events.total_size(), 1);
  list.set_inspection("POWYS-2025-02");
  EXPECT_EQ(ViolationFields(client_->ListFollowUpEvents(list, &events)),
            std::vector<std::string>{"inspection"});

  pb::UpdateFollowUpEventRequest update;
  update.mutable_follow_up_event()->set_name(created.name());
  update.mutable_follow_up_event()->set_kind(
      pb::FOLLOW_UP_KIND_PROGRESS_CONFERENCE);
  update.mutable_update_mask()->add_paths("kind");
  pb::FollowUpEvent updated;
  ASSERT_TRUE(client_->UpdateFollowUpEvent(update, &updated).ok());
  EXPECT_EQ(updated.kind(), pb::FOLLOW_UP_KIND_PROGRESS_CONFERENCE);
  EXPECT_EQ(updated.description(), created.description());

  pb::DeleteInspectionRequest del_inspection;
  del_inspection.set_name("inspections/POWYS-2025-02");
  pb::DeleteInspectionResponse del_resp;
  EXPECT_EQ(client_->DeleteInspection(del_inspection, &del_resp).code(),
            absl::StatusCode::kFailedPrecondition);

  pb::DeleteFollowUpEventRequest del;
  del.set_name(created.name());
  pb::DeleteFollowUpEventResponse resp;
  ASSERT_TRUE(client_->DeleteFollowUpEvent(del, &resp).ok());
  EXPECT_EQ(client_->GetFollowUpEvent(get, &got).code(),
            absl::StatusCode::kNotFound);
}

TEST_F(FollowUpServiceTest, RejectsEventsThatPointNowhere) {
  const std::string before = std::to_string(store_->DatasetVersion().value());
  pb::FollowUpEvent out;
  pb::CreateFollowUpEventRequest req = CreateRequest();
  req.mutable_follow_up_event()->set_inspection("inspections/NOPE");
  EXPECT_EQ(ViolationFields(client_->CreateFollowUpEvent(req, &out)),
            std::vector<std::string>{"follow_up_event.inspection"});

  req = CreateRequest();
  req.mutable_follow_up_event()
      ->mutable_recommendation_progress(0)
      ->set_recommendation_number(5);
  EXPECT_EQ(
      ViolationFields(client_->CreateFollowUpEvent(req, &out)),
      std::vector<std::string>{
          "follow_up_event.recommendation_progress[0].recommendation_number"});

  req = CreateRequest();
  req.mutable_follow_up_event()->set_provider_code("W06000006");
  EXPECT_EQ(ViolationFields(client_->CreateFollowUpEvent(req, &out)),
            std::vector<std::string>{"follow_up_event.inspection"});

  req = CreateRequest();
  req.mutable_follow_up_event()->set_kind(static_cast<pb::FollowUpKind>(12));
  req.mutable_follow_up_event()->clear_date();
  EXPECT_EQ(ViolationFields(client_->CreateFollowUpEvent(req, &out)),
            (std::vector<std::string>{"follow_up_event.kind",
                                      "follow_up_event.date"}));
  EXPECT_EQ(std::to_string(store_->DatasetVersion().value()), before);
}

using KeyMessageServiceTest = ServerTest;

TEST_F(KeyMessageServiceTest, KeepsTheSectorPageMessages) {
  pb::CreateKeyMessageRequest req;
  *req.mutable_key_message() =
      testing::ToProto<pb::KeyMessage>(SampleKeyMessage());
  pb::KeyMessage created;
  ASSERT_TRUE(client_->CreateKeyMessage(req, &created).ok());
  EXPECT_EQ(created.name(), "keyMessages/1");

  pb::GetKeyMessageRequest get;
  get.set_name(created.name());
  pb::KeyMessage got;
  ASSERT_TRUE(client_->GetKeyMessage(get, &got).ok());
  EXPECT_EQ(got.text(), SampleKeyMessage().text);

  pb::ListKeyMessagesRequest list;
  list.set_academic_year(2022);
  list.set_polarity(pb::POLARITY_NEEDS_TO_IMPROVE);
  pb::ListKeyMessagesResponse messages;
  ASSERT_TRUE(client_->ListKeyMessages(list, &messages).ok());
  EXPECT_EQ(messages.total_size(), 1);
  list.set_academic_year(2021);
  ASSERT_TRUE(client_->ListKeyMessages(list, &messages).ok());
  EXPECT_EQ(messages.total_size(), 0);

  pb::UpdateKeyMessageRequest update;
  update.mutable_key_message()->set_name(created.name());
  update.mutable_key_message()->set_text("");
  update.mutable_update_mask()->add_paths("text");
  pb::KeyMessage updated;
  EXPECT_EQ(ViolationFields(client_->UpdateKeyMessage(update, &updated)),
            std::vector<std::string>{"key_message.text"});
  update.mutable_key_message()->set_text(
      "Scrutiny needs to improve in a minority of local authorities.");
  ASSERT_TRUE(client_->UpdateKeyMessage(update, &updated).ok());
  EXPECT_EQ(updated.area(), "Leadership and management");

  pb::DeleteKeyMessageRequest del;
  del.set_name(created.name());
  del.set_etag(created.etag());  // Stale: the message was updated.
  pb::DeleteKeyMessageResponse resp;
  EXPECT_EQ(client_->DeleteKeyMessage(del, &resp).code(),
            absl::StatusCode::kFailedPrecondition);
  del.set_etag(updated.etag());
  ASSERT_TRUE(client_->DeleteKeyMessage(del, &resp).ok());
  EXPECT_EQ(resp.dataset_version(), 3);
}

TEST_F(KeyMessageServiceTest, RejectsMessagesWithoutPolarity) {
  pb::CreateKeyMessageRequest req;
  *req.mutable_key_message() =
      testing::ToProto<pb::KeyMessage>(SampleKeyMessage());
  req.mutable_key_message()->set_polarity(pb::POLARITY_UNSPECIFIED);
  req.mutable_key_message()->set_academic_year(1900);
  pb::KeyMessage out;
  EXPECT_EQ(ViolationFields(client_->CreateKeyMessage(req, &out)),
            (std::vector<std::string>{"key_message.academic_year",
                                      "key_message.polarity"}));
}

using HealthTest = ServerTest;

TEST_F(HealthTest, ServesOnceTheDatabaseIsOpen) {
  bool serving = false;
  ASSERT_TRUE(client_->Health("", &serving).ok());
  EXPECT_TRUE(serving);
  ASSERT_TRUE(
      client_->Health("estyn.lges.v1.InspectionService", &serving).ok());
  EXPECT_TRUE(serving);
  EXPECT_EQ(client_->Health("no.such.Service", &serving).code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace lges
