// Every rpc of the API, sent bytes that protobuf cannot parse, answers
// INVALID_ARGUMENT naming the field (protos/edge_check.h), whatever way
// gRPC serves it (sync unary, sync streaming, callback, raw callback).
#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "protos/edge_check.h"
#include "protos/wire_check.h"
#include "tests/testing/server_fixture.h"

namespace lges {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// Wire bytes of a `type` whose first string field, found depth-first
// through singular message fields, holds invalid UTF-8; `path` gets that
// field's place. "" if `type` has no string field within three levels.
std::string BadString(const Descriptor& type, std::string& path, int depth) {
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor* f = type.field(i);
    std::string inner, place;
    if (f->type() == FieldDescriptor::TYPE_STRING) {
      inner = "\xff\xfe";
    } else if (f->type() == FieldDescriptor::TYPE_MESSAGE && depth < 3 &&
               f->message_type()->full_name().rfind("estyn.", 0) == 0) {
      inner = BadString(*f->message_type(), place, depth + 1);
      if (inner.empty()) continue;
    } else {
      continue;
    }
    path = f->name() + (f->is_repeated() ? "[0]" : "") +
           (place.empty() ? "" : "." + place);
    std::string out;
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.WriteTag((f->number() << 3) | 2);
    coded.WriteVarint32(static_cast<uint32_t>(inner.size()));
    coded.WriteString(inner);
    coded.Trim();
    return out;
  }
  return "";
}

class EdgeCheckTest : public testing::ServerTest {
 protected:
  // Sends `bytes` to `method` ("/pkg.Service/Method") with the admin token.
  grpc::Status Send(const std::string& method, const std::string& bytes) {
    auto channel =
        grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
    grpc::GenericStub stub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(5));
    ctx.AddMetadata("authorization",
                    "Bearer " + TokenFor("service-test", Role::kAdmin));
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1), response;
    grpc::Status status;
    std::mutex mu;
    std::condition_variable done;
    bool finished = false;
    stub.UnaryCall(&ctx, method, grpc::StubOptions(), &request, &response,
                   [&](grpc::Status s) {
                     std::lock_guard<std::mutex> lock(mu);
                     status = s;
                     finished = true;
                     done.notify_one();
                   });
    std::unique_lock<std::mutex> lock(mu);
    done.wait(lock, [&] { return finished; });
    return status;
  }

  // The one violation's field, if the details are an ErrorInfo saying
  // BAD_REQUEST and a BadRequest with one violation.
  static std::string Field(const grpc::Status& status) {
    google::rpc::Status details;
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad;
    if (!details.ParseFromString(status.error_details()) ||
        details.details_size() != 2 || !details.details(0).UnpackTo(&info) ||
        info.reason() != "BAD_REQUEST" || !details.details(1).UnpackTo(&bad) ||
        bad.field_violations_size() != 1)
      return "<no BadRequest>";
    return bad.field_violations(0).field();
  }
};

TEST_F(EdgeCheckTest, EveryRpcRefusesInvalidUtf8AndMalformedBytesByField) {
  int methods = 0, with_strings = 0;
  for (const auto* file : edge::ApiFiles()) {
    for (int s = 0; s < file->service_count(); ++s) {
      const auto* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        const auto* method = service->method(m);
        const std::string name =
            "/" + service->full_name() + "/" + method->name();
        ++methods;
        EXPECT_TRUE(edge::IsApiRequest(method->input_type()->full_name()));
        std::string path;
        const std::string bad = BadString(*method->input_type(), path, 0);
        if (!bad.empty()) {
          ++with_strings;
          const grpc::Status status = Send(name, bad);
          EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
              << name << ": " << status.error_message();
          EXPECT_EQ(Field(status), path) << name;
        }
        // A length that runs past the end: not a message at all.
        const grpc::Status truncated = Send(name, std::string("\x0a\x7f", 2));
        EXPECT_EQ(truncated.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
            << name << ": " << truncated.error_message();
        EXPECT_EQ(Field(truncated), "") << name;
      }
    }
  }
  EXPECT_EQ(methods, 43);
  EXPECT_GE(with_strings, 30);
  bool serving = false;
  EXPECT_TRUE(client_->Health("", &serving).ok() && serving);
}

TEST(WireCheckTest, Utf8RulesFollowTheStandard) {
  EXPECT_TRUE(wire::IsValidUtf8("Ysgol Gymraeg ŵ ŷ — €, 𝄞"));
  EXPECT_FALSE(wire::IsValidUtf8("\xc0\xaf"));          // Overlong '/'.
  EXPECT_FALSE(wire::IsValidUtf8("\xed\xa0\x80"));      // Surrogate.
  EXPECT_FALSE(wire::IsValidUtf8("\xf4\x90\x80\x80"));  // Beyond U+10FFFF.
  EXPECT_FALSE(wire::IsValidUtf8("\xe2\x82"));          // Cut short.
  EXPECT_FALSE(wire::IsValidUtf8("\x80"));              // Stray continuation.
}

}  // namespace
}  // namespace lges
