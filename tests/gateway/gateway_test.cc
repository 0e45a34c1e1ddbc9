// The gateway's pure parts: path templates, the routes read from the
// descriptors, requests built from paths, queries and bodies, CSV tables
// and the HTTP codes of gRPC codes.
#include <gtest/gtest.h>

#include "domain/errors.h"
#include "estyn/lges/v1/analytics.pb.h"
#include "estyn/lges/v1/key_messages.pb.h"
#include "gateway/csv_table.h"
#include "gateway/path_template.h"
#include "gateway/routes.h"
#include "gateway/transcode.h"

namespace lges::gateway {
namespace {

namespace pb = ::estyn::lges::v1;

TEST(PathTemplateTest, BindsVariablesAndVerbs) {
  auto t = PathTemplate::Parse("/v1/{key_message.name=keyMessages/*}");
  ASSERT_TRUE(t);
  auto b = t->Match("/v1/keyMessages/12");
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, (std::vector<Binding>{{"key_message.name", "keyMessages/12"}}));
  EXPECT_FALSE(t->Match("/v1/keyMessages"));
  EXPECT_FALSE(t->Match("/v1/keyMessages/"));
  EXPECT_FALSE(t->Match("/v1/keyMessages/12/more"));
  EXPECT_FALSE(t->Match("/v1/providers/12"));
  EXPECT_FALSE(t->Match("/v1/keyMessages/12:delete"));
  EXPECT_EQ(t->OpenApiPath(), "/v1/keyMessages/{name}");

  auto revoke = PathTemplate::Parse("/v1/tokens/{name}:revoke");
  ASSERT_TRUE(revoke);
  EXPECT_EQ(*revoke->Match("/v1/tokens/alice:revoke"),
            (std::vector<Binding>{{"name", "alice"}}));
  EXPECT_FALSE(revoke->Match("/v1/tokens/alice"));
  EXPECT_FALSE(revoke->Match("/v1/tokens/alice:other"));
}

TEST(PathTemplateTest, RefusesWhatItCannotServe) {
  for (const char* bad : {"", "v1/x", "/v1/{", "/v1/{}", "/v1/{a=**}", "/v1//x",
                          "/v1/x/", "/v1/x:"}) {
    EXPECT_FALSE(PathTemplate::Parse(bad)) << bad;
  }
}

TEST(RouteTableTest, EveryRpcOfTheApiHasARoute) {
  std::vector<std::string> unroutable;
  const RouteTable table = RouteTable::FromFiles(
      {pb::ListThemesRequest::descriptor()->file(),
       pb::ListKeyMessagesRequest::descriptor()->file()},
      &unroutable);
  EXPECT_EQ(unroutable, std::vector<std::string>{});
  EXPECT_EQ(RouteTable::Api().routes().size(), 43u);
  std::vector<std::string> allowed;
  EXPECT_FALSE(RouteTable::Api().Find("PUT", "/v1/keyMessages", &allowed));
  EXPECT_EQ(allowed, (std::vector<std::string>{"GET", "POST"}));
  auto match = RouteTable::Api().Find("GET", "/v1/themeOverrides:history", nullptr);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->route->method->name(), "ListThemeOverrideHistory");
}

const Route& RouteOf(const std::string& verb, const std::string& path,
                     std::vector<Binding>* bindings) {
  auto match = RouteTable::Api().Find(verb, path, nullptr);
  EXPECT_TRUE(match) << verb << " " << path;
  *bindings = match->bindings;
  return *match->route;
}

TEST(BuildRequestsTest, PathQueryAndBodyMakeTheRequest) {
  std::vector<Binding> bindings;
  const Route& route = RouteOf("PATCH", "/v1/keyMessages/7", &bindings);
  auto requests = BuildRequests(
      route, bindings, ParseQuery("updateMask=text%2Carea"),
      R"({"text": "New text", "name": "keyMessages/999"})");
  ASSERT_TRUE(requests.ok()) << requests.status();
  pb::UpdateKeyMessageRequest req;
  req.CopyFrom(*requests->front());
  EXPECT_EQ(req.key_message().name(), "keyMessages/7");  // The path wins.
  EXPECT_EQ(req.key_message().text(), "New text");
  EXPECT_EQ(req.update_mask().paths_size(), 2);
}

TEST(BuildRequestsTest, QueryValuesAreTypedAndNested) {
  std::vector<Binding> bindings;
  const Route& route = RouteOf("GET", "/v1/followUpStatus", &bindings);
  auto requests = BuildRequests(
      route, bindings, ParseQuery("date.year=2023&date.month=9&date.day=1"), "");
  ASSERT_TRUE(requests.ok()) << requests.status();
  pb::GetFollowUpStatusRequest req;
  req.CopyFrom(*requests->front());
  EXPECT_EQ(req.date().year(), 2023);
  EXPECT_EQ(req.date().day(), 1);

  const Route& list = RouteOf("GET", "/v1/keyMessages", &bindings);
  requests = BuildRequests(
      list, bindings, ParseQuery("polarity=POLARITY_GOING_WELL&pageSize=2"), "");
  ASSERT_TRUE(requests.ok()) << requests.status();
  pb::ListKeyMessagesRequest l;
  l.CopyFrom(*requests->front());
  EXPECT_EQ(l.polarity(), pb::POLARITY_GOING_WELL);
  EXPECT_EQ(l.page_size(), 2);
}

TEST(BuildRequestsTest, BadInputNamesTheField) {
  std::vector<Binding> bindings;
  const Route& route = RouteOf("GET", "/v1/keyMessages", &bindings);
  auto bad = BuildRequests(
      route, bindings,
      ParseQuery("pageSize=many&colour=blue&polarity=SIDEWAYS&date=1"), "");
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const FieldViolation& v : ViolationsOf(bad.status())) fields.push_back(v.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"pageSize", "colour", "polarity", "date"}));
  EXPECT_FALSE(BuildRequests(route, bindings, {}, "{}").ok());  // GET takes no body.

  const Route& create = RouteOf("POST", "/v1/keyMessages", &bindings);
  auto json = BuildRequests(create, bindings, {}, "{\"text\": 3");
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(ViolationsOf(json.status()).front().field, "body");
  auto unknown = BuildRequests(create, bindings, {}, "{\"colour\": \"blue\"}");
  EXPECT_FALSE(unknown.ok());
  auto in_body = BuildRequests(create, bindings, ParseQuery("keyMessage.text=x"), "{}");
  EXPECT_FALSE(in_body.ok());
}

TEST(BuildRequestsTest, BytesThatAreNotUtf8AreRefusedNotThrown) {
  // Found by fuzz/http_request_fuzzer: a field mask of invalid UTF-8 threw
  // from the JSON library and would have ended the server.
  std::vector<Binding> bindings;
  const Route& route = RouteOf("PATCH", "/v1/keyMessages/7", &bindings);
  auto bad = BuildRequests(route, bindings,
                           {{"updateMask", "te\xfe\xff"}, {"\xc0", "x"}}, "{}");
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const FieldViolation& v : ViolationsOf(bad.status())) fields.push_back(v.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"updateMask", "query"}));
}

TEST(BuildRequestsTest, AClientStreamTakesAnArrayOfParts) {
  std::vector<Binding> bindings;
  const Route& route = RouteOf("POST", "/v1/records:importStream", &bindings);
  auto parts = BuildRequests(route, bindings, {},
                             R"([{"dryRun": true}, {"records": {"format": "x"}}])");
  ASSERT_TRUE(parts.ok()) << parts.status();
  EXPECT_EQ(parts->size(), 2u);
  EXPECT_FALSE(BuildRequests(route, bindings, {}, "[{\"dryRun\": true}").ok());
}

TEST(ParseQueryTest, DecodesPercentAndPlus) {
  EXPECT_EQ(ParseQuery("a=x%20y+z&b=&c&%zz=1"),
            (std::vector<std::pair<std::string, std::string>>{
                {"a", "x y z"}, {"b", ""}, {"c", ""}, {"%zz", "1"}}));
}

TEST(CsvTableTest, RowsAreTheFirstListAndFormulasAreDefused) {
  pb::FollowUpStatus status;
  pb::AuthorityStatus* a = status.add_authorities();
  a->set_provider_code("W06000023");
  a->set_name_en("=HYPERLINK(\"x\")");
  a->set_days(-3);
  auto csv = CsvTable(status);
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->find("providerCode,nameEn,nameCy,inFollowUp,days"), std::string::npos);
  EXPECT_NE(csv->find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << *csv;
  EXPECT_NE(csv->find(",-3,"), std::string::npos) << *csv;  // Numbers stay numbers.
  EXPECT_FALSE(CsvTable(pb::GetSectorSummaryRequest()));
}

TEST(HttpStatusTest, GoogleMapping) {
  EXPECT_EQ(HttpStatusOf(0), 200);
  EXPECT_EQ(HttpStatusOf(3), 400);
  EXPECT_EQ(HttpStatusOf(5), 404);
  EXPECT_EQ(HttpStatusOf(6), 409);
  EXPECT_EQ(HttpStatusOf(7), 403);
  EXPECT_EQ(HttpStatusOf(8), 429);
  EXPECT_EQ(HttpStatusOf(9), 400);
  EXPECT_EQ(HttpStatusOf(14), 503);
  EXPECT_EQ(HttpStatusOf(16), 401);
  EXPECT_EQ(HttpStatusOf(99), 500);
}

}  // namespace
}  // namespace lges::gateway
