#include "gateway/openapi.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <nlohmann/json.hpp>
#include <set>

#include "gateway/routes.h"

namespace lges::gateway {

extern const unsigned char kApiDescriptorSet[];
extern const size_t kApiDescriptorSetSize;

namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using Json = nlohmann::ordered_json;

// The API's descriptors as protoc wrote them, comments included.
const google::protobuf::DescriptorPool& CommentedPool() {
  static const google::protobuf::DescriptorPool* pool = [] {
    google::protobuf::FileDescriptorSet set;
    set.ParseFromArray(kApiDescriptorSet, static_cast<int>(kApiDescriptorSetSize));
    auto* built = new google::protobuf::DescriptorPool;
    for (const google::protobuf::FileDescriptorProto& file : set.file())
      built->BuildFile(file);
    return built;
  }();
  return *pool;
}

template <typename D>
std::string Comment(const D* d) {
  google::protobuf::SourceLocation where;
  if (!d || !d->GetSourceLocation(&where)) return "";
  std::string text = where.leading_comments;
  // Proto comments keep the space after "//" at each line's start.
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line[0] == ' ') line.erase(0, 1);
    if (!out.empty()) out += '\n';
    out += line;
    start = end + 1;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string Ref(const Descriptor* d) {
  return "#/components/schemas/" + d->full_name();
}

class Builder {
 public:
  Json Build();

 private:
  Json FieldSchema(const FieldDescriptor* f);
  Json ValueSchema(const FieldDescriptor* f);
  void AddSchema(const Descriptor* d);
  Json Operation(const Route& route);
  void AddQueryParameters(const Descriptor* d, const std::string& prefix,
                          const std::set<std::string>& skip, int depth,
                          Json& out);

  Json schemas_ = Json::object();
  std::set<std::string> added_;
};

Json Builder::ValueSchema(const FieldDescriptor* f) {
  switch (f->type()) {
    case FieldDescriptor::TYPE_INT64: case FieldDescriptor::TYPE_SINT64:
    case FieldDescriptor::TYPE_SFIXED64:
      return {{"type", "string"}, {"format", "int64"}};
    case FieldDescriptor::TYPE_UINT64: case FieldDescriptor::TYPE_FIXED64:
      return {{"type", "string"}, {"format", "uint64"}};
    case FieldDescriptor::TYPE_INT32: case FieldDescriptor::TYPE_SINT32:
    case FieldDescriptor::TYPE_SFIXED32:
      return {{"type", "integer"}, {"format", "int32"}};
    case FieldDescriptor::TYPE_UINT32: case FieldDescriptor::TYPE_FIXED32:
      return {{"type", "integer"}, {"format", "int64"}, {"minimum", 0}};
    case FieldDescriptor::TYPE_DOUBLE:
      return {{"type", "number"}, {"format", "double"}};
    case FieldDescriptor::TYPE_FLOAT:
      return {{"type", "number"}, {"format", "float"}};
    case FieldDescriptor::TYPE_BOOL: return {{"type", "boolean"}};
    case FieldDescriptor::TYPE_STRING: return {{"type", "string"}};
    case FieldDescriptor::TYPE_BYTES:
      return {{"type", "string"}, {"format", "byte"}};
    case FieldDescriptor::TYPE_ENUM: {
      Json names = Json::array();
      for (int i = 0; i < f->enum_type()->value_count(); ++i)
        names.push_back(f->enum_type()->value(i)->name());
      return {{"type", "string"}, {"enum", names}};
    }
    default: break;
  }
  const Descriptor* m = f->message_type();
  const std::string& name = m->full_name();
  if (name == "google.protobuf.Timestamp")
    return {{"type", "string"}, {"format", "date-time"}};
  if (name == "google.protobuf.FieldMask")
    return {{"type", "string"},
            {"description", "Field paths, comma-separated: \"text,area\"."}};
  if (name == "google.protobuf.Duration")
    return {{"type", "string"}, {"example", "1.5s"}};
  AddSchema(m);
  return {{"$ref", Ref(m)}};
}

Json Builder::FieldSchema(const FieldDescriptor* f) {
  Json schema;
  if (f->is_map()) {
    schema = {{"type", "object"},
              {"additionalProperties",
               ValueSchema(f->message_type()->map_value())}};
  } else if (f->is_repeated()) {
    schema = {{"type", "array"}, {"items", ValueSchema(f)}};
  } else {
    schema = ValueSchema(f);
  }
  const std::string text = Comment(f);
  if (schema.contains("$ref")) {
    // A $ref takes no siblings in OpenAPI 3.0.
    if (text.empty()) return schema;
    schema = {{"allOf", Json::array({schema})}};
  }
  if (!text.empty()) schema["description"] = text;
  if (text.find("Output only") != std::string::npos) schema["readOnly"] = true;
  return schema;
}

void Builder::AddSchema(const Descriptor* d) {
  if (!added_.insert(d->full_name()).second) return;
  Json schema = {{"type", "object"}};
  if (const std::string text = Comment(d); !text.empty())
    schema["description"] = text;
  if (d->full_name() == "google.protobuf.Any") {
    schema["properties"] = {{"@type", {{"type", "string"}}}};
    schema["additionalProperties"] = true;
  } else {
    Json properties = Json::object();
    for (int i = 0; i < d->field_count(); ++i)
      properties[d->field(i)->json_name()] = FieldSchema(d->field(i));
    schema["properties"] = properties;
  }
  schemas_[d->full_name()] = schema;
}

// Query parameters for the fields of `d` not in `skip`, nested messages
// (other than well-known string types) as "a.b", up to `depth` levels.
void Builder::AddQueryParameters(const Descriptor* d, const std::string& prefix,
                                 const std::set<std::string>& skip, int depth,
                                 Json& out) {
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const std::string name = prefix + f->json_name();
    if (skip.count(f->name()) || skip.count(f->json_name())) continue;
    const bool nested = f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
                        !f->message_type()->full_name().starts_with(
                            "google.protobuf.");
    if (nested) {
      if (depth > 0 && !f->is_repeated())
        AddQueryParameters(f->message_type(), name + ".", {}, depth - 1, out);
      continue;
    }
    Json parameter = {{"name", name}, {"in", "query"},
                      {"schema", FieldSchema(f)}};
    if (const std::string text = Comment(f); !text.empty())
      parameter["description"] = text;
    out.push_back(parameter);
  }
}

Json Builder::Operation(const Route& route) {
  const auto* method =
      CommentedPool().FindMethodByName(route.method->full_name());
  const Descriptor* input = method->input_type();
  const Descriptor* output = method->output_type();
  Json op = {{"operationId", method->service()->name() + "_" + method->name()},
             {"tags", Json::array({method->service()->name()})}};
  // The summary is the comment's first sentence; the rest describes.
  std::string text = Comment(method);
  for (char& c : text) c = c == '\n' ? ' ' : c;
  const size_t stop = text.find(". ");
  op["summary"] = stop == std::string::npos ? text : text.substr(0, stop + 1);
  if (stop != std::string::npos) op["description"] = text;
  Json parameters = Json::array();
  std::set<std::string> bound;
  for (const std::string& variable : route.path.variables()) {
    bound.insert(variable.substr(0, variable.find('.')));
    const std::string leaf = variable.substr(variable.rfind('.') + 1);
    const FieldDescriptor* field = input->FindFieldByName(variable);
    parameters.push_back(
        {{"name", leaf}, {"in", "path"}, {"required", true},
         {"schema", field ? ValueSchema(field) : Json{{"type", "string"}}},
         {"description", field ? Comment(field)
                               : "The id in the request's `" + variable +
                                     "`."}});
  }
  if (route.body != "*") {
    std::set<std::string> skip = bound;
    if (!route.body.empty()) skip.insert(route.body);
    // Path variables into a nested field ("provider.name") leave that
    // field's other parts to the body, so the whole field is skipped.
    AddQueryParameters(input, "", skip, 1, parameters);
  }
  if (!parameters.empty()) op["parameters"] = parameters;
  if (!route.body.empty()) {
    const Descriptor* body =
        route.body == "*" ? input
                          : input->FindFieldByName(route.body)->message_type();
    AddSchema(body);
    Json schema = {{"$ref", Ref(body)}};
    if (method->client_streaming())
      schema = {{"type", "array"}, {"items", schema},
                {"description", "The request's parts, in order."}};
    op["requestBody"] = {
        {"required", true},
        {"content", {{"application/json", {{"schema", schema}}}}}};
  }
  AddSchema(output);
  const std::string type = method->server_streaming()
                               ? "application/x-ndjson"
                               : "application/json";
  op["responses"] = {
      {"200",
       {{"description", method->server_streaming()
                            ? "One " + output->name() + " per line, as sent."
                            : "The reply."},
        {"content", {{type, {{"schema", {{"$ref", Ref(output)}}}}}}}}},
      {"default",
       {{"description",
         "An error: google.rpc.Status with an ErrorInfo (docs/ERRORS.md)."},
        {"content",
         {{"application/json",
           {{"schema", {{"$ref", "#/components/schemas/google.rpc.Status"}}}}}}}}}};
  return op;
}

Json Builder::Build() {
  AddSchema(CommentedPool().FindMessageTypeByName("google.rpc.Status"));
  Json paths = Json::object();
  for (const Route& route : RouteTable::Api().routes()) {
    std::string verb = route.verb;
    for (char& c : verb) c = static_cast<char>(std::tolower(c));
    paths[route.path.OpenApiPath()][verb] = Operation(route);
  }
  return {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "LGES Insights API"},
        {"version", "v1"},
        {"description",
         "Estyn's inspections of Welsh local government education services "
         "and their analytics, as HTTP/JSON. Every operation is an rpc of "
         "the gRPC API (estyn.lges.v1), with protobuf's JSON mapping. Reads "
         "may be anonymous; writes need `Authorization: Bearer <token>`."}}},
      {"servers", Json::array({{{"url", "/"}}})},
      {"security", Json::array({{{"bearerAuth", Json::array()}}, Json::object()})},
      {"paths", paths},
      {"components",
       {{"schemas", schemas_},
        {"securitySchemes",
         {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace

const std::string& OpenApiDocument() {
  static const std::string* document =
      new std::string(Builder().Build().dump(1));
  return *document;
}

}  // namespace lges::gateway
