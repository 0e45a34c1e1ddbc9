#include "gateway/transcode.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "domain/errors.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "protos/wire_check.h"

namespace lges::gateway {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
               HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

const FieldDescriptor* FieldNamed(const google::protobuf::Descriptor& d,
                                  const std::string& name) {
  const FieldDescriptor* f = d.FindFieldByName(name);
  return f ? f : d.FindFieldByCamelcaseName(name);
}

// Well-known types whose JSON form is a string (FieldMask "a,b",
// Timestamp "2025-01-01T00:00:00Z", Duration "1.5s"), set from `text`.
bool SetFromJsonString(Message* message, const std::string& text) {
  return google::protobuf::util::JsonStringToMessage(
             nlohmann::json(text).dump(
                 -1, ' ', false, nlohmann::json::error_handler_t::replace),
             message)
      .ok();
}

// Sets the scalar `field` of `message` from `text`; false if it is not a
// value of the field's type.
bool SetScalar(Message* message, const FieldDescriptor* field,
               const std::string& text) {
  const Reflection* r = message->GetReflection();
  const bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      if (field->type() == FieldDescriptor::TYPE_BYTES) return false;
      repeated ? r->AddString(message, field, text)
               : r->SetString(message, field, text);
      return true;
    case FieldDescriptor::CPPTYPE_INT32: {
      int32_t v;
      if (!absl::SimpleAtoi(text, &v)) return false;
      repeated ? r->AddInt32(message, field, v) : r->SetInt32(message, field, v);
      return true;
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      int64_t v;
      if (!absl::SimpleAtoi(text, &v)) return false;
      repeated ? r->AddInt64(message, field, v) : r->SetInt64(message, field, v);
      return true;
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      uint32_t v;
      if (!absl::SimpleAtoi(text, &v)) return false;
      repeated ? r->AddUInt32(message, field, v)
               : r->SetUInt32(message, field, v);
      return true;
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      uint64_t v;
      if (!absl::SimpleAtoi(text, &v)) return false;
      repeated ? r->AddUInt64(message, field, v)
               : r->SetUInt64(message, field, v);
      return true;
    }
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      double v;
      if (!absl::SimpleAtod(text, &v)) return false;
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT) {
        repeated ? r->AddFloat(message, field, static_cast<float>(v))
                 : r->SetFloat(message, field, static_cast<float>(v));
      } else {
        repeated ? r->AddDouble(message, field, v)
                 : r->SetDouble(message, field, v);
      }
      return true;
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      if (text != "true" && text != "false") return false;
      repeated ? r->AddBool(message, field, text == "true")
               : r->SetBool(message, field, text == "true");
      return true;
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const google::protobuf::EnumValueDescriptor* v =
          field->enum_type()->FindValueByName(text);
      int number = 0;
      if (!v && absl::SimpleAtoi(text, &number))
        v = field->enum_type()->FindValueByNumber(number);
      if (!v) return false;
      repeated ? r->AddEnum(message, field, v) : r->SetEnum(message, field, v);
      return true;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      Message* m = repeated ? r->AddMessage(message, field)
                            : r->MutableMessage(message, field);
      return SetFromJsonString(m, text);
    }
  }
  return false;
}

// Sets the field at dotted `path` of `message` from `text`; what is wrong
// if there is no such field or `text` does not fit it.
std::optional<std::string> SetPath(Message* message, const std::string& path,
                                   const std::string& text) {
  std::vector<std::string> names = absl::StrSplit(absl::string_view(path), '.');
  for (size_t i = 0; i < names.size(); ++i) {
    const FieldDescriptor* field =
        FieldNamed(*message->GetDescriptor(), names[i]);
    if (!field) return "is not a field of the request";
    if (i + 1 < names.size()) {
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
          field->is_repeated())
        return "is not a field of the request";
      message = message->GetReflection()->MutableMessage(message, field);
      continue;
    }
    if (!SetScalar(message, field, text)) {
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
          !field->message_type()->full_name().starts_with("google.protobuf."))
        return "is a message; give each of its fields (" + path + ".year=...)";
      return "'" + Quoted(text) + "' is not a value of this field";
    }
  }
  return std::nullopt;
}

// The body `json` parsed into `message`.
absl::Status ParseBody(const std::string& json, Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status =
      google::protobuf::util::JsonStringToMessage(json, message, options);
  if (status.ok()) return absl::OkStatus();
  return InvalidFieldError(
      "body", "is not JSON of " + message->GetDescriptor()->name() + ": " +
                  Quoted(std::string(status.message()), 200));
}

// One request from `body_json` ("" for none), the query and the bindings.
absl::StatusOr<std::unique_ptr<Message>> BuildOne(
    const Route& route, const std::vector<Binding>& bindings,
    const std::vector<std::pair<std::string, std::string>>& query,
    const std::string& body_json) {
  std::unique_ptr<Message> request(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(route.method->input_type())
          ->New());
  if (route.body == "*") {
    if (!body_json.empty()) LGES_RETURN_IF_ERROR(ParseBody(body_json, request.get()));
  } else if (!route.body.empty()) {
    const FieldDescriptor* field =
        request->GetDescriptor()->FindFieldByName(route.body);
    if (field && !body_json.empty()) {
      LGES_RETURN_IF_ERROR(ParseBody(
          body_json,
          request->GetReflection()->MutableMessage(request.get(), field)));
    }
  }
  Violations violations;
  for (const auto& [name, value] : query) {
    if (!wire::IsValidUtf8(name) || !wire::IsValidUtf8(value)) {
      // The name goes into the error only when it is text.
      violations.push_back({wire::IsValidUtf8(name) ? name : "query",
                            "is not UTF-8 (percent-encode UTF-8 bytes)"});
      continue;
    }
    if (route.body == "*") {
      violations.push_back({name, "goes in the JSON body for this method"});
      continue;
    }
    const FieldDescriptor* top = FieldNamed(*request->GetDescriptor(),
                                            name.substr(0, name.find('.')));
    if (top && top->name() == route.body) {
      violations.push_back({name, "goes in the JSON body for this method"});
      continue;
    }
    if (std::optional<std::string> problem =
            SetPath(request.get(), name, value))
      violations.push_back({name, *problem});
  }
  for (const auto& [path, value] : bindings) {
    if (!wire::IsValidUtf8(value)) {
      violations.push_back({path, "is not UTF-8"});
      continue;
    }
    if (std::optional<std::string> problem =
            SetPath(request.get(), path, value))
      violations.push_back({path, *problem});
  }
  if (!violations.empty()) return InvalidArgumentError(violations);
  return request;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ParseQuery(
    std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  for (absl::string_view piece : absl::StrSplit(
           absl::string_view(query.data(), query.size()), '&',
           absl::SkipEmpty())) {
    const std::string_view part(piece.data(), piece.size());
    const size_t eq = part.find('=');
    out.emplace_back(Decode(part.substr(0, eq)),
                     eq == std::string_view::npos ? ""
                                                  : Decode(part.substr(eq + 1)));
  }
  return out;
}

absl::StatusOr<std::vector<std::unique_ptr<Message>>> BuildRequests(
    const Route& route, const std::vector<Binding>& bindings,
    const std::vector<std::pair<std::string, std::string>>& query,
    std::string_view body) {
  std::vector<std::unique_ptr<Message>> out;
  const size_t start = body.find_first_not_of(" \t\r\n");
  if (route.method->client_streaming() && start != std::string_view::npos &&
      body[start] == '[') {
    const nlohmann::json parts = nlohmann::json::parse(body, nullptr, false);
    if (parts.is_discarded() || !parts.is_array())
      return InvalidFieldError("body", "is not a JSON array of request parts");
    for (const nlohmann::json& part : parts) {
      LGES_ASSIGN_OR_RETURN(std::unique_ptr<Message> request,
                            BuildOne(route, bindings, query, part.dump()));
      out.push_back(std::move(request));
    }
    return out;
  }
  if (route.body.empty() && start != std::string_view::npos)
    return InvalidFieldError("body", "this method takes no body; use the query");
  LGES_ASSIGN_OR_RETURN(
      std::unique_ptr<Message> request,
      BuildOne(route, bindings, query,
               start == std::string_view::npos ? "" : std::string(body)));
  out.push_back(std::move(request));
  return out;
}

std::string ToJson(const Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

std::string StatusJson(int code, const std::string& message,
                       const std::string& serialized_details) {
  // The detail types must be linked for their "@type" to print.
  (void)google::rpc::ErrorInfo::descriptor();
  (void)google::rpc::BadRequest::descriptor();
  google::rpc::Status status;
  if (serialized_details.empty() ||
      !status.ParseFromString(serialized_details)) {
    status.Clear();
  }
  status.set_code(code);
  status.set_message(message);
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(status, &out).ok()) {
    status.clear_details();
    (void)google::protobuf::util::MessageToJsonString(status, &out);
  }
  return out;
}

int HttpStatusOf(int grpc_code) {
  // google/rpc/code.proto gives each code's HTTP mapping.
  static constexpr int kHttp[] = {200, 499, 500, 400, 504, 404, 409, 403,
                                  429, 400, 409, 400, 501, 500, 503, 500, 401};
  return grpc_code >= 0 && grpc_code <= 16 ? kHttp[grpc_code] : 500;
}

}  // namespace lges::gateway
