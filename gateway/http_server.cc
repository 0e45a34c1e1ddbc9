#include "gateway/http_server.h"

#include <civetweb.h>
#include <grpcpp/channel.h>

#include <chrono>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/errors.h"
#include "gateway/csv_table.h"
#include "gateway/forward.h"
#include "gateway/openapi.h"
#include "gateway/pages.h"
#include "gateway/routes.h"
#include "gateway/tls.h"
#include "gateway/transcode.h"
#include "service/status_map.h"

namespace lges::gateway {
namespace {

// Request headers passed on to the gRPC call as metadata.
constexpr const char* kForwardedHeaders[] = {"authorization", "x-lges-actor",
                                             "x-lges-min-version"};
// Pages load nothing: no scripts, no fetches, styles and images inline.
constexpr char kPagePolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
constexpr auto kUnaryDeadline = std::chrono::seconds(60);
constexpr auto kUploadDeadline = std::chrono::minutes(10);

const char* ReasonPhrase(int status) {
  const char* text = mg_get_response_code_text(nullptr, status);
  return text ? text : "";
}

void Respond(mg_connection* conn, int status, const std::string& type,
             const std::string& body,
             const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  std::string head = absl::StrCat("HTTP/1.1 ", status, " ",
                                  ReasonPhrase(status), "\r\nContent-Type: ",
                                  type, "\r\nContent-Length: ", body.size(),
                                  "\r\nX-Content-Type-Options: nosniff\r\n"
                                  "Cache-Control: no-store\r\n");
  for (const auto& [name, value] : extra)
    absl::StrAppend(&head, name, ": ", value, "\r\n");
  head += "\r\n";
  mg_write(conn, head.data(), head.size());
  mg_write(conn, body.data(), body.size());
}

void RespondStatus(mg_connection* conn, const Outcome& outcome,
                   const std::vector<std::pair<std::string, std::string>>&
                       extra = {}) {
  Respond(conn, HttpStatusOf(outcome.code), "application/json",
          StatusJson(outcome.code, outcome.message, outcome.details), extra);
}

// A failure found before any call, carried as the gRPC service would.
Outcome OutcomeOf(const absl::Status& status) {
  const grpc::Status g = ToGrpcStatus(status);
  return {static_cast<int>(g.error_code()), g.error_message(),
          g.error_details()};
}

// The body, up to `limit` bytes; nullopt if it is longer.
std::optional<std::string> ReadBody(mg_connection* conn, size_t limit) {
  std::string body;
  char buffer[16384];
  while (true) {
    const int n = mg_read(conn, buffer, sizeof(buffer));
    if (n <= 0) break;
    body.append(buffer, n);
    if (body.size() > limit) return std::nullopt;
  }
  return body;
}

std::string Header(mg_connection* conn, const char* name) {
  const char* value = mg_get_header(conn, name);
  return value ? value : "";
}

const google::protobuf::Message& Prototype(
    const google::protobuf::Descriptor* type) {
  return *google::protobuf::MessageFactory::generated_factory()->GetPrototype(
      type);
}

std::vector<std::pair<std::string, std::string>> ForwardedMetadata(
    mg_connection* conn) {
  std::vector<std::pair<std::string, std::string>> metadata;
  for (const char* name : kForwardedHeaders) {
    const std::string value = Header(conn, name);
    if (!value.empty()) metadata.emplace_back(name, value);
  }
  return metadata;
}

// 404 for a path the API does not have, 405 for a method it does not take.
void RespondNoRoute(mg_connection* conn, const std::string& verb,
                    const std::string& path,
                    const std::vector<std::string>& allowed) {
  if (allowed.empty()) {
    RespondStatus(conn, OutcomeOf(absl::NotFoundError(
                            "no such path: " + Quoted(path, 100) +
                            "; the API is described at /openapi.json")));
    return;
  }
  const std::string methods = absl::StrJoin(allowed, ", ");
  const Outcome outcome = OutcomeOf(absl::UnimplementedError(
      verb + " is not a method of " + Quoted(path, 100) + "; it takes " +
      methods));
  Respond(conn, 405, "application/json",
          StatusJson(outcome.code, outcome.message, outcome.details),
          {{"Allow", methods}});
}

bool WantsCsv(mg_connection* conn) {
  const std::string accept = Header(conn, "Accept");
  return accept.find("text/csv") != std::string::npos;
}

}  // namespace

HttpGateway::HttpGateway(std::shared_ptr<grpc::Channel> channel,
                         HttpOptions options)
    : options_(std::move(options)),
      forwarder_(std::make_unique<Forwarder>(std::move(channel))) {}

HttpGateway::~HttpGateway() { Stop(); }

absl::StatusOr<int> HttpGateway::Start() {
  const bool tls = !options_.tls_cert_pem.empty();
  mg_init_library(tls ? MG_FEATURES_TLS : 0);
  const std::string ports = options_.listen + (tls ? "s" : "");
  const std::string threads = std::to_string(options_.threads);
  const char* config[] = {"listening_ports", ports.c_str(),
                          "num_threads", threads.c_str(),
                          "request_timeout_ms", "30000",
                          "enable_keep_alive", "yes",
                          "ssl_protocol_version", "4",
                          nullptr};
  mg_callbacks callbacks;
  std::memset(&callbacks, 0, sizeof(callbacks));
  if (tls) callbacks.init_ssl = &HttpGateway::InitTls;
  // civetweb prints its own errors; ours say what failed.
  callbacks.log_message = [](const mg_connection*, const char*) { return 1; };
  context_ = mg_start(&callbacks, this, config);
  if (!context_) {
    return absl::UnavailableError("cannot serve HTTP on " + options_.listen +
                                  (tls ? " with TLS" : "") +
                                  " (address in use, or TLS set-up failed)");
  }
  mg_set_request_handler(context_, "/", &HttpGateway::HandleRequest, this);
  mg_server_port port;
  std::memset(&port, 0, sizeof(port));
  if (mg_get_server_ports(context_, 1, &port) < 1) {
    Stop();
    return absl::UnavailableError("HTTP listener has no port");
  }
  return port.port;
}

void HttpGateway::Stop() {
  if (context_) mg_stop(context_);
  context_ = nullptr;
}

int HttpGateway::InitTls(void* ssl_ctx, void* self) {
  const HttpOptions& o = static_cast<HttpGateway*>(self)->options_;
  return ConfigureTls(ssl_ctx, o.tls_cert_pem, o.tls_key_pem,
                      o.tls_client_ca_pem)
                 .empty()
             ? 1
             : -1;
}

int HttpGateway::HandleRequest(mg_connection* conn, void* self) {
  static_cast<HttpGateway*>(self)->Handle(conn);
  return 1;  // Handled; civetweb closes or keeps the connection.
}

void HttpGateway::Handle(mg_connection* conn) {
  const mg_request_info* info = mg_get_request_info(conn);
  const std::string verb = info->request_method ? info->request_method : "";
  const std::string path = info->local_uri ? info->local_uri : "";
  if (verb == "GET" && path == "/openapi.json") {
    Respond(conn, 200, "application/json", OpenApiDocument());
    return;
  }
  if (verb == "GET" && path.rfind("/v1/", 0) != 0) {
    std::optional<PageReply> page = RenderPage(
        *forwarder_, path, info->query_string ? info->query_string : "",
        ForwardedMetadata(conn));
    if (page) {
      Respond(conn, page->http_status, "text/html; charset=utf-8", page->html,
              {{"Content-Security-Policy", kPagePolicy}});
      return;
    }
  }
  std::vector<std::string> allowed;
  std::optional<RouteTable::Match> match =
      RouteTable::Api().Find(verb, path, &allowed);
  if (!match) {
    RespondNoRoute(conn, verb, path, allowed);
    return;
  }
  std::optional<std::string> body = ReadBody(conn, options_.max_body_bytes);
  if (!body) {
    Respond(conn, 413, "application/json",
            StatusJson(8,
                       "the request body is larger than the limit of " +
                           std::to_string(options_.max_body_bytes) +
                           " bytes (--max-message-mib)",
                       ""));
    return;
  }
  const Route& route = *match->route;
  auto requests =
      BuildRequests(route, match->bindings,
                    ParseQuery(info->query_string ? info->query_string : ""),
                    *body);
  if (!requests.ok()) {
    RespondStatus(conn, OutcomeOf(requests.status()));
    return;
  }
  Call call{&route, {}, ForwardedMetadata(conn), std::nullopt};
  for (const auto& r : *requests)
    call.requests.push_back(r->SerializeAsString());
  const auto now = std::chrono::system_clock::now();
  if (route.method->client_streaming()) {
    call.deadline = now + kUploadDeadline;
  } else if (!route.method->server_streaming()) {
    call.deadline = now + kUnaryDeadline;
  }
  if (route.method->server_streaming()) {
    ServeStream(conn, call);
  } else {
    ServeUnary(conn, call);
  }
}

void HttpGateway::ServeUnary(mg_connection* conn, const Call& call) {
  std::unique_ptr<google::protobuf::Message> reply(
      Prototype(call.route->method->output_type()).New());
  const Outcome outcome = forwarder_->Call(
      call.route->grpc_method, call.requests, call.metadata, call.deadline,
      [&](const std::string& bytes) { return reply->ParseFromString(bytes); });
  if (outcome.code != 0) {
    RespondStatus(conn, outcome);
  } else if (!WantsCsv(conn)) {
    Respond(conn, 200, "application/json", ToJson(*reply));
  } else if (std::optional<std::string> csv = CsvTable(*reply)) {
    // With a byte-order mark, so that spreadsheets read it as UTF-8.
    Respond(conn, 200, "text/csv; charset=utf-8", "\xEF\xBB\xBF" + *csv);
  } else {
    Respond(conn, 406, "application/json",
            StatusJson(3, "this reply is not a table; ask for JSON", ""));
  }
}

void HttpGateway::ServeStream(mg_connection* conn, const Call& call) {
  // One JSON object per line, each sent as it arrives.
  const google::protobuf::Message& prototype =
      Prototype(call.route->method->output_type());
  bool started = false;
  const Outcome outcome = forwarder_->Call(
      call.route->grpc_method, call.requests, call.metadata, call.deadline,
      [&](const std::string& bytes) {
        std::unique_ptr<google::protobuf::Message> reply(prototype.New());
        if (!reply->ParseFromString(bytes)) return false;
        if (!started) {
          const std::string head =
              "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\n"
              "Transfer-Encoding: chunked\r\nX-Content-Type-Options: "
              "nosniff\r\nCache-Control: no-store\r\n\r\n";
          if (mg_write(conn, head.data(), head.size()) <= 0) return false;
          started = true;
        }
        const std::string line = ToJson(*reply) + "\n";
        return mg_send_chunk(conn, line.data(),
                             static_cast<unsigned>(line.size())) > 0;
      });
  if (!started) {
    RespondStatus(conn, outcome);
    return;
  }
  // A stream that fails after it began ends with the error as its last line.
  if (outcome.code != 0 && outcome.code != 1) {
    const std::string line =
        "{\"error\":" +
        StatusJson(outcome.code, outcome.message, outcome.details) + "}\n";
    mg_send_chunk(conn, line.data(), static_cast<unsigned>(line.size()));
  }
  mg_send_chunk(conn, "", 0);
}

}  // namespace lges::gateway
