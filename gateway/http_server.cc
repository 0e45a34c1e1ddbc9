#include "gateway/http_server.h"

#include <grpcpp/channel.h>
#include <httplib.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "domain/errors.h"
#include "gateway/csv_table.h"
#include "gateway/forward.h"
#include "gateway/openapi.h"
#include "gateway/pages.h"
#include "gateway/routes.h"
#include "gateway/tls.h"
#include "common/request_id.h"
#include "gateway/transcode.h"
#include "grpc/health/v1/health.pb.h"
#include "service/status_map.h"

namespace lges::gateway {
namespace {

// Request headers passed on to the gRPC call as metadata.
// accept-language chooses the language of errors' LocalizedMessage.
constexpr const char* kForwardedHeaders[] = {"authorization", "x-lges-actor",
                                             "x-lges-min-version",
                                             "accept-language"};
// Pages load nothing: no scripts, no fetches, styles and images inline.
constexpr char kPagePolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
constexpr auto kUnaryDeadline = std::chrono::seconds(60);
constexpr std::chrono::seconds kUploadDeadline{600};
constexpr auto kHeartbeat = std::chrono::milliseconds(5000);
constexpr auto kHealthDeadline = std::chrono::seconds(5);

void SetJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

void SetStatus(httplib::Response& res, const Outcome& outcome) {
  SetJson(res, HttpStatusOf(outcome.code),
          StatusJson(outcome.code, outcome.message, outcome.details));
}

// A failure found before any call, carried as the gRPC service would.
Outcome OutcomeOf(const absl::Status& status) {
  const grpc::Status g = ToGrpcStatus(status);
  return {static_cast<int>(g.error_code()), g.error_message(),
          g.error_details()};
}

const google::protobuf::Message& Prototype(
    const google::protobuf::Descriptor* type) {
  return *google::protobuf::MessageFactory::generated_factory()->GetPrototype(
      type);
}

// The headers passed on as gRPC metadata. gRPC takes only printable ASCII
// in them (and aborts the process on anything else), so anything else is
// refused here, naming the header but never quoting it (it may be a
// secret).
absl::StatusOr<Metadata> ForwardedMetadata(const httplib::Request& req) {
  Metadata metadata;
  for (const char* name : kForwardedHeaders) {
    const std::string value = req.get_header_value(name);
    for (char c : value) {
      if (c < 0x20 || c > 0x7e)
        return InvalidFieldError(name, "must be printable ASCII");
    }
    if (!value.empty()) metadata.emplace_back(name, value);
  }
  return metadata;
}

std::string QueryOf(const httplib::Request& req) {
  const size_t mark = req.target.find('?');
  return mark == std::string::npos ? "" : req.target.substr(mark + 1);
}

// 404 for a path the API does not have, 405 for a method it does not take.
void SetNoRoute(httplib::Response& res, const std::string& verb,
                const std::string& path,
                const std::vector<std::string>& allowed) {
  if (allowed.empty()) {
    SetStatus(res, OutcomeOf(absl::NotFoundError(
                       "no such path: " + Quoted(path, 100) +
                       "; the API is described at /openapi.json")));
    return;
  }
  const std::string methods = absl::StrJoin(allowed, ", ");
  const Outcome outcome = OutcomeOf(absl::UnimplementedError(
      verb + " is not a method of " + Quoted(path, 100) + "; it takes " +
      methods));
  SetJson(res, 405, StatusJson(outcome.code, outcome.message, outcome.details));
  res.set_header("Allow", methods);
}

// The JSON google.rpc.Status of a request that cpp-httplib refused before
// any handler saw it.
void SetHttpError(const httplib::Request& req, httplib::Response& res,
                  size_t limit) {
  if (!res.body.empty()) return;
  if (res.status == 413) {
    const bool form = req.get_header_value("Content-Type").find(
                          "x-www-form-urlencoded") != std::string::npos;
    SetJson(res, 413,
            StatusJson(8,
                       form ? "a form-encoded body is limited to 8 KiB; send "
                              "JSON with Content-Type: application/json"
                            : "the request body is larger than the limit of " +
                                  std::to_string(limit) +
                                  " bytes (--max-message-mib)",
                       ""));
  } else if (res.status >= 400) {
    SetJson(res, res.status,
            StatusJson(3, "the request is not one this server can read as "
                          "HTTP/1.1 (a POST, PUT or PATCH needs a "
                          "Content-Length)",
                       ""));
  }
}

// "HOST:PORT" or "[V6]:PORT".
bool SplitHostPort(const std::string& listen, std::string& host, int& port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(listen.substr(colon + 1), &port))
    return false;
  host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return !host.empty();
}

}  // namespace

HttpGateway::HttpGateway(std::shared_ptr<grpc::Channel> channel,
                         HttpOptions options)
    : options_(std::move(options)),
      forwarder_(std::make_unique<Forwarder>(std::move(channel))) {}

HttpGateway::~HttpGateway() { Stop(); }

absl::StatusOr<int> HttpGateway::Start() {
  std::string host;
  int port = 0;
  if (!SplitHostPort(options_.listen, host, port))
    return absl::InvalidArgumentError("not HOST:PORT: " + options_.listen);
  if (options_.tls_cert_pem.empty()) {
    server_ = std::make_unique<httplib::Server>();
  } else {
    std::string problem;
    server_ = std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) {
      problem = ConfigureTls(&ctx, options_.tls_cert_pem, options_.tls_key_pem,
                             options_.tls_client_ca_pem);
      return problem.empty();
    });
    if (!server_->is_valid())
      return absl::UnavailableError("cannot serve HTTPS: " + problem);
  }
  const int threads = options_.threads;
  server_->new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  // Without it a reply's head and body, written apart, wait out the
  // client's delayed ACK: 40 ms a call (bench/http_bench.cc found it).
  server_->set_tcp_nodelay(true);
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_read_timeout(std::chrono::seconds(30));
  server_->set_keep_alive_timeout(30);
  server_->set_error_handler(
      [this](const httplib::Request& req, httplib::Response& res) {
        SetHttpError(req, res, options_.max_body_bytes);
      });
  // Every path and method comes to Handle, after the body is read (which
  // a pre-routing handler would come before).
  const auto handle = [this](const httplib::Request& req,
                             httplib::Response& res) { Handle(req, res); };
  server_->Get(".*", handle);
  server_->Post(".*", handle);
  server_->Patch(".*", handle);
  server_->Put(".*", handle);
  server_->Delete(".*", handle);
  const int bound = port == 0 ? server_->bind_to_any_port(host)
                              : (server_->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    server_.reset();
    return absl::UnavailableError("cannot serve HTTP on " + options_.listen +
                                  " (address in use?)");
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return bound;
}

void HttpGateway::Stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

void HttpGateway::Handle(const httplib::Request& req, httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  // The caller's id if well formed, else a new one; every call this request
  // makes carries it, so the server's log lines can be found by it.
  const std::string request_id = RequestIdOr(req.get_header_value("X-Request-Id"));
  res.set_header("X-Request-Id", request_id);
  if (req.method == "GET" && req.path == "/openapi.json") {
    res.set_content(OpenApiDocument(), "application/json");
    return;
  }
  absl::StatusOr<Metadata> metadata = ForwardedMetadata(req);
  if (!metadata.ok()) {
    SetStatus(res, OutcomeOf(metadata.status()));
    return;
  }
  metadata->emplace_back(kRequestIdKey, request_id);
  // For the access log's http_peer (trusted only from this process).
  metadata->emplace_back("x-forwarded-for", req.remote_addr);
  if (req.method == "GET" && req.path == "/healthz") {
    ServeHealth(req, *metadata, res);
    return;
  }
  if (req.method == "GET" && req.path.rfind("/v1/", 0) != 0) {
    std::optional<PageReply> page =
        RenderPage(*forwarder_, req.path, QueryOf(req), *metadata);
    if (page) {
      res.status = page->http_status;
      res.set_content(page->html, "text/html; charset=utf-8");
      res.set_header("Content-Security-Policy", kPagePolicy);
      return;
    }
  }
  ServeApi(req, *metadata, res);
}

void HttpGateway::ServeApi(const httplib::Request& req,
                           const Metadata& metadata, httplib::Response& res) {
  std::vector<std::string> allowed;
  std::optional<RouteTable::Match> match =
      RouteTable::Api().Find(req.method, req.path, &allowed);
  if (!match) {
    SetNoRoute(res, req.method, req.path, allowed);
    return;
  }
  const Route& route = *match->route;
  auto requests =
      BuildRequests(route, match->bindings, ParseQuery(QueryOf(req)), req.body);
  if (!requests.ok()) {
    SetStatus(res, OutcomeOf(requests.status()));
    return;
  }
  std::vector<std::string> serialized;
  for (const auto& r : *requests) serialized.push_back(r->SerializeAsString());
  if (route.method->server_streaming()) {
    ServeStream(route, std::move(serialized), metadata, res);
    return;
  }
  const auto deadline = std::chrono::system_clock::now() +
                        (route.method->client_streaming() ? kUploadDeadline
                                                          : kUnaryDeadline);
  std::unique_ptr<google::protobuf::Message> reply(
      Prototype(route.method->output_type()).New());
  const Outcome outcome = forwarder_->Call(
      route.grpc_method, serialized, metadata, deadline,
      [&](const std::string& bytes) { return reply->ParseFromString(bytes); });
  if (outcome.code != 0) {
    SetStatus(res, outcome);
  } else if (req.get_header_value("Accept").find("text/csv") ==
             std::string::npos) {
    res.set_content(ToJson(*reply), "application/json");
  } else if (std::optional<std::string> csv = CsvTable(*reply)) {
    // With a byte-order mark, so that spreadsheets read it as UTF-8.
    res.set_content("\xEF\xBB\xBF" + *csv, "text/csv; charset=utf-8");
  } else {
    SetJson(res, 406, StatusJson(3, "this reply is not a table; ask for JSON", ""));
  }
}

void HttpGateway::ServeHealth(const httplib::Request& req,
                              const Metadata& metadata,
                              httplib::Response& res) {
  grpc::health::v1::HealthCheckRequest check;
  check.set_service(req.get_param_value("service"));
  grpc::health::v1::HealthCheckResponse reply;
  const Outcome outcome = forwarder_->Call(
      "/grpc.health.v1.Health/Check", {check.SerializeAsString()}, metadata,
      std::chrono::system_clock::now() + kHealthDeadline,
      [&](const std::string& bytes) { return reply.ParseFromString(bytes); });
  std::string status = "NOT_SERVING";
  if (outcome.code == static_cast<int>(grpc::StatusCode::NOT_FOUND)) {
    status = "SERVICE_UNKNOWN";
  } else if (outcome.code == 0) {
    status = grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
        reply.status());
  }
  res.status = status == "SERVING" ? 200 : status == "SERVICE_UNKNOWN" ? 404
                                                                       : 503;
  res.set_content(status + "\n", "text/plain; charset=utf-8");
}

void HttpGateway::ServeStream(const Route& route,
                              std::vector<std::string> requests,
                              const Metadata& metadata,
                              httplib::Response& res) {
  // A stream holds one of the listener's threads for as long as it lasts,
  // so at most half of them stream at once; the guard counts this one
  // until the response is gone.
  auto guard = std::shared_ptr<std::atomic<int>>(
      &streams_, [](std::atomic<int>* n) { n->fetch_sub(1); });
  const int limit = std::max(1, options_.threads / 2);
  if (streams_.fetch_add(1) >= limit) {
    SetStatus(res, OutcomeOf(WithReason(
                       absl::ResourceExhaustedError(
                           "too many HTTP streams at once; retry later, or "
                           "use the gRPC API for long watches"),
                       "TOO_MANY_HTTP_STREAMS",
                       {{"limit", std::to_string(limit)}})));
    return;
  }
  // The first reply decides the status: an rpc that fails before it sends
  // anything answers as a unary one would.
  std::shared_ptr<ForwardedCall> call = forwarder_->Start(
      route.grpc_method, requests, metadata, std::nullopt);
  std::optional<std::string> first = call->Next();
  if (!first) {
    const Outcome outcome = call->Finish();
    if (outcome.code != 0) {
      SetStatus(res, outcome);
    } else {
      res.set_content("", "application/x-ndjson");
    }
    return;
  }
  const google::protobuf::Message* prototype =
      &Prototype(route.method->output_type());
  res.set_chunked_content_provider(
      "application/x-ndjson",
      [call, prototype, guard, first = std::move(first)](
          size_t, httplib::DataSink& sink) mutable {
        // One JSON object per line, each sent as it arrives; an empty
        // line after each quiet kHeartbeat, so that a client that has gone
        // is noticed (its write fails) without waiting for data.
        std::optional<std::string> bytes = std::move(first);
        bool quiet = false;
        for (; bytes || quiet; bytes = call->NextWithin(kHeartbeat, &quiet)) {
          if (quiet) {
            if (sink.write("\n", 1)) continue;
            call->Cancel();
            call->Finish();
            return false;
          }
          std::unique_ptr<google::protobuf::Message> reply(prototype->New());
          const std::string line =
              reply->ParseFromString(*bytes) ? ToJson(*reply) + "\n" : "";
          if (line.empty() || !sink.write(line.data(), line.size())) {
            call->Cancel();
            call->Finish();
            return false;
          }
        }
        // A stream that fails after it began ends with the error as its
        // last line.
        const Outcome outcome = call->Finish();
        if (outcome.code != 0 && outcome.code != 1) {
          const std::string line =
              "{\"error\":" +
              StatusJson(outcome.code, outcome.message, outcome.details) + "}\n";
          sink.write(line.data(), line.size());
        }
        sink.done();
        return true;
      },
      [call](bool) { call->Cancel(); });
}

}  // namespace lges::gateway
