#include "clients/lgesctl/record_stream.h"

#include <google/protobuf/util/json_util.h>

#include <array>
#include <optional>
#include <string_view>

#include "domain/errors.h"

namespace lges::cli {
namespace {

namespace pb = ::estyn::lges::v1;
using google::protobuf::util::JsonStringToMessage;

// The record lists: their JSON names (proto and lowerCamel forms).
struct Kind {
  std::string_view proto_name, json_name;
};
constexpr std::array<Kind, 4> kKinds = {{
    {"providers", "providers"},
    {"inspections", "inspections"},
    {"follow_up_events", "followUpEvents"},
    {"key_messages", "keyMessages"},
}};

std::optional<int> KindNamed(std::string_view name) {
  for (size_t k = 0; k < kKinds.size(); ++k)
    if (name == kKinds[k].proto_name || name == kKinds[k].json_name) return k;
  return std::nullopt;
}

// A JSON scanner over a stream that hands out the raw text of one value at
// a time.
class Scanner {
 public:
  explicit Scanner(std::istream& in) : in_(*in.rdbuf()) {}

  // The next character that is not whitespace, not consumed; EOF at the end.
  int Peek() {
    for (int c = in_.sgetc();; c = in_.sgetc()) {
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
      Take();
    }
  }
  int Take() {
    ++offset_;
    return in_.sbumpc();
  }
  // Consumes `c` (after whitespace) or fails.
  absl::Status Expect(char c) {
    if (Peek() == c) {
      Take();
      return absl::OkStatus();
    }
    return Error(std::string("expected '") + c + "'");
  }
  // The raw text of the next value (object, array, string or scalar).
  absl::StatusOr<std::string> Value() {
    std::string text;
    const int first = Peek();
    if (first == '"') {
      LGES_RETURN_IF_ERROR(String(text));
      return text;
    }
    if (first != '{' && first != '[') {
      for (int c = in_.sgetc(); c != EOF && !IsEnd(c); c = in_.sgetc())
        text += static_cast<char>(Take());
      if (text.empty()) return Error("expected a value");
      return text;
    }
    int depth = 0;
    do {
      const int c = in_.sgetc();
      if (c == EOF) return Error("the JSON ends inside a value");
      if (c == '"') {
        LGES_RETURN_IF_ERROR(String(text));
        continue;
      }
      depth += (c == '{' || c == '[') - (c == '}' || c == ']');
      text += static_cast<char>(Take());
    } while (depth > 0);
    return text;
  }
  absl::Status Error(const std::string& what) const {
    return absl::InvalidArgumentError(what + " at byte " +
                                      std::to_string(offset_));
  }

 private:
  static bool IsEnd(int c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' ||
           c == '\r' || c == '\t';
  }
  // Appends a string, quotes and escapes as they are.
  absl::Status String(std::string& text) {
    text += static_cast<char>(Take());
    for (;;) {
      const int c = Take();
      if (c == EOF) return Error("the JSON ends inside a string");
      text += static_cast<char>(c);
      if (c == '"') return absl::OkStatus();
      if (c == '\\') {
        const int escaped = Take();
        if (escaped == EOF) return Error("the JSON ends inside a string");
        text += static_cast<char>(escaped);
      }
    }
  }

  std::streambuf& in_;
  int64_t offset_ = 0;
};

// Parses one record of kind `k` and adds it to `parts`.
absl::Status AddRecord(int k, const std::string& text, RecordSetParts& parts) {
  std::string problem;
  const bool sent = parts.Add([&](pb::RecordSet& s)
                                  -> const google::protobuf::Message& {
    google::protobuf::Message* record =
        k == 0   ? static_cast<google::protobuf::Message*>(s.add_providers())
        : k == 1 ? s.add_inspections()
        : k == 2 ? static_cast<google::protobuf::Message*>(
                       s.add_follow_up_events())
                 : s.add_key_messages();
    const auto parsed = JsonStringToMessage(text, record);
    if (!parsed.ok()) problem = parsed.message().ToString();
    return *record;
  });
  if (!problem.empty()) return absl::InvalidArgumentError(problem);
  if (!sent) return absl::CancelledError("the server stopped the import");
  return absl::OkStatus();
}

// Reads the array of kind `k`, the scanner being at its '['.
absl::Status ReadRecords(Scanner& scan, int k, RecordSetParts& parts,
                         int64_t& count) {
  LGES_RETURN_IF_ERROR(scan.Expect('['));
  if (scan.Peek() == ']') {
    scan.Take();
    return absl::OkStatus();
  }
  for (;;) {
    const std::string place = std::string(kKinds[k].proto_name) + "[" +
                              std::to_string(count) + "]";
    absl::StatusOr<std::string> text = scan.Value();
    if (!text.ok()) return absl::InvalidArgumentError(
        place + ": " + std::string(text.status().message()));
    absl::Status added = AddRecord(k, *text, parts);
    if (absl::IsInvalidArgument(added))
      return absl::InvalidArgumentError(place + ": " +
                                        std::string(added.message()));
    LGES_RETURN_IF_ERROR(added);
    ++count;
    if (scan.Peek() == ']') {
      scan.Take();
      return absl::OkStatus();
    }
    LGES_RETURN_IF_ERROR(scan.Expect(','));
  }
}

// Merges a field other than a record list into the part being filled.
absl::Status ReadOtherField(const std::string& key, const std::string& value,
                            RecordSetParts& parts) {
  pb::RecordSet field;
  const auto parsed = JsonStringToMessage("{" + key + ":" + value + "}", &field);
  if (!parsed.ok())
    return absl::InvalidArgumentError(parsed.message().ToString());
  parts.part().MergeFrom(field);
  return absl::OkStatus();
}

int64_t& CountOf(int k, RecordCounts& counts) {
  return k == 0   ? counts.providers
         : k == 1 ? counts.inspections
         : k == 2 ? counts.follow_up_events
                  : counts.key_messages;
}

}  // namespace

absl::Status ReadRecordSetJson(std::istream& in, RecordSetParts& parts,
                               RecordCounts* counts) {
  *counts = {};
  Scanner scan(in);
  LGES_RETURN_IF_ERROR(scan.Expect('{'));
  bool more = scan.Peek() != '}';
  while (more) {
    if (scan.Peek() != '"') return scan.Error("expected a field name");
    LGES_ASSIGN_OR_RETURN(std::string key, scan.Value());
    LGES_RETURN_IF_ERROR(scan.Expect(':'));
    std::optional<int> kind = KindNamed(key.substr(1, key.size() - 2));
    if (kind && scan.Peek() == '[') {
      LGES_RETURN_IF_ERROR(
          ReadRecords(scan, *kind, parts, CountOf(*kind, *counts)));
    } else {
      LGES_ASSIGN_OR_RETURN(std::string value, scan.Value());
      LGES_RETURN_IF_ERROR(ReadOtherField(key, value, parts));
    }
    more = scan.Peek() == ',';
    if (more) scan.Take();
  }
  LGES_RETURN_IF_ERROR(scan.Expect('}'));
  if (scan.Peek() != EOF) return scan.Error("unexpected text after the JSON");
  if (!parts.Finish()) return absl::CancelledError("the server stopped the import");
  return absl::OkStatus();
}

RecordSetJsonWriter::RecordSetJsonWriter(std::ostream& out) : out_(out) {}

namespace {

std::string Json(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  while (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

}  // namespace

void RecordSetJsonWriter::Write(const pb::RecordSet& part) {
  if (!started_) {
    pb::RecordSet header = part;
    header.clear_providers();
    header.clear_inspections();
    header.clear_follow_up_events();
    header.clear_key_messages();
    std::string json = Json(header);  // "{\n ...\n}" or "{}"
    json.pop_back();
    while (!json.empty() && json.back() == '\n') json.pop_back();
    out_ << json;
    started_ = true;
    has_fields_ = json.size() > 1;
  }
  for (const pb::Provider& p : part.providers()) Element(0, p);
  for (const pb::Inspection& in : part.inspections()) Element(1, in);
  for (const pb::FollowUpEvent& e : part.follow_up_events()) Element(2, e);
  for (const pb::KeyMessage& m : part.key_messages()) Element(3, m);
}

void RecordSetJsonWriter::Element(int kind, const google::protobuf::Message& record) {
  if (open_kind_ != kind) {
    if (open_kind_ >= 0) out_ << "\n ]";
    out_ << (has_fields_ ? ",\n" : "\n") << " \"" << kKinds[kind].proto_name
         << "\": [\n";
    open_kind_ = kind;
    has_fields_ = true;
  } else {
    out_ << ",\n";
  }
  const std::string json = Json(record);
  out_ << "  ";
  for (char c : json) {
    out_ << c;
    if (c == '\n') out_ << "  ";
  }
  ++CountOf(kind, counts_);
}

void RecordSetJsonWriter::Finish() {
  if (!started_) out_ << "{";
  if (!has_fields_) {
    out_ << "}\n";  // As protobuf prints an empty message.
    return;
  }
  if (open_kind_ >= 0) out_ << "\n ]";
  out_ << "\n}\n";
}

}  // namespace lges::cli
