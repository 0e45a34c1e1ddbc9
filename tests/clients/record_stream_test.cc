// The JSON record set read and written one record at a time: the same text
// as protobuf's printer, the same records as protobuf's parser, in parts.
#include "clients/lgesctl/record_stream.h"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <sstream>

namespace lges::cli {
namespace {

namespace pb = ::estyn::lges::v1;
using google::protobuf::util::MessageDifferencer;

// A record set with awkward text: quotes, backslashes, newlines, brackets
// and Welsh letters in strings.
pb::RecordSet Sample(int inspections) {
  pb::RecordSet r;
  r.set_format("lges-records");
  r.set_format_version(1);
  r.set_source("test \"sample\" {with} [brackets]");
  pb::Provider* p = r.add_providers();
  p->set_code("W06000023");
  p->set_name_cy("Cyngor Sir Powys \\ Ŵ ŷ");
  for (int i = 0; i < inspections; ++i) {
    pb::Inspection* in = r.add_inspections();
    in->set_name("inspections/T-" + std::to_string(i));
    in->set_provider_code("W06000023");
    in->set_academic_year(2020 + i % 5);
    in->add_recommendations()->set_text("Improve ]} \"this\"\nline " +
                                        std::to_string(i));
  }
  pb::KeyMessage* m = r.add_key_messages();
  m->set_academic_year(2022);
  m->set_text("A key message");
  return r;
}

std::string ProtobufJson(const pb::RecordSet& r) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(r, &json, options);
  return json;
}

// Sends `whole` in parts of about `part_bytes` to a writer; its text.
std::string WrittenInParts(const pb::RecordSet& whole, size_t part_bytes,
                           int* parts_sent) {
  std::ostringstream out;
  RecordSetJsonWriter writer(out);
  *parts_sent = 0;
  RecordSetParts parts(part_bytes, [&](const pb::RecordSet& part) {
    writer.Write(part);
    ++*parts_sent;
    return true;
  });
  EXPECT_TRUE(SendRecordSet(whole, parts));
  writer.Finish();
  return out.str();
}

TEST(RecordStreamTest, WritesWhatProtobufPrintsForTheWholeSet) {
  const pb::RecordSet whole = Sample(200);
  int sent = 0;
  EXPECT_EQ(WrittenInParts(whole, 2048, &sent), ProtobufJson(whole));
  EXPECT_GT(sent, 5);
}

TEST(RecordStreamTest, WritesAnEmptySetAsProtobufDoes) {
  int sent = 0;
  EXPECT_EQ(WrittenInParts(pb::RecordSet(), 2048, &sent),
            ProtobufJson(pb::RecordSet()));
}

TEST(RecordStreamTest, ReadsInPartsWhatProtobufParses) {
  const pb::RecordSet whole = Sample(300);
  for (const std::string& text :
       {ProtobufJson(whole), std::string("{\"keyMessages\":[{\"text\":\"x\"}],"
                                         "\"format\":\"lges-records\"}")}) {
    pb::RecordSet expected;
    ASSERT_TRUE(
        google::protobuf::util::JsonStringToMessage(text, &expected).ok());
    pb::RecordSet merged;
    int parts_read = 0;
    RecordSetParts parts(4096, [&](const pb::RecordSet& part) {
      merged.MergeFrom(part);
      ++parts_read;
      return true;
    });
    std::istringstream in(text);
    RecordCounts counts;
    ASSERT_TRUE(ReadRecordSetJson(in, parts, &counts).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(merged, expected))
        << merged.DebugString();
    EXPECT_EQ(counts.inspections, expected.inspections_size());
    EXPECT_EQ(counts.key_messages, expected.key_messages_size());
    if (whole.inspections_size() == expected.inspections_size()) {
      EXPECT_GT(parts_read, 4);
    }
  }
}

TEST(RecordStreamTest, SaysWhereTheJsonIsWrong) {
  const std::string good = ProtobufJson(Sample(3));
  struct Case {
    std::string text, message;
  } cases[] = {
      {good.substr(0, good.size() / 2), "ends inside"},
      {good + "x", "unexpected text after the JSON"},
      {"{\"inspections\": [{\"name\": \"a\"}, {\"academic_year\": \"soon\"}]}",
       "inspections[1]: "},
      {"{\"nonsense\": 1}", "nonsense"},
      {"[1, 2]", "expected '{' at byte 0"},
      {"", "expected '{' at byte 0"},
      {"{\"providers\": [{}, ]}", "providers[1]: "},
  };
  for (const Case& c : cases) {
    RecordSetParts parts(4096, [](const pb::RecordSet&) { return true; });
    std::istringstream in(c.text);
    RecordCounts counts;
    const absl::Status status = ReadRecordSetJson(in, parts, &counts);
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << c.text;
    EXPECT_NE(std::string(status.message()).find(c.message),
              std::string::npos)
        << status.message();
  }
}

TEST(RecordStreamTest, StopsWhenTheServerStopsTakingParts) {
  const std::string text = ProtobufJson(Sample(300));
  int sends = 0;
  RecordSetParts parts(1024, [&](const pb::RecordSet&) { return ++sends < 3; });
  std::istringstream in(text);
  RecordCounts counts;
  EXPECT_TRUE(absl::IsCancelled(ReadRecordSetJson(in, parts, &counts)));
  EXPECT_EQ(sends, 3);
}

}  // namespace
}  // namespace lges::cli
