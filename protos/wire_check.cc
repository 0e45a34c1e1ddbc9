#include "protos/wire_check.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <map>

namespace lges::wire {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::io::CodedInputStream;
using WFL = google::protobuf::internal::WireFormatLite;

// The length of the UTF-8 sequence that starts with `lead`, 0 if invalid.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

class Walker {
 public:
  explicit Walker(std::string_view bytes)
      : size_(static_cast<int>(bytes.size())),
        in_(reinterpret_cast<const uint8_t*>(bytes.data()), size_) {}

  std::optional<Problem> Run(const Descriptor& type) {
    if (!Message(&type, "", 0, 0) && !problem_)
      Fail("", "is not a well-formed protobuf message");
    return problem_;
  }

 private:
  // Reads fields until the end of the current limit, or until the END_GROUP
  // tag `end_tag` when non-zero. `type` is null for unknown fields.
  bool Message(const Descriptor* type, const std::string& path, int depth,
               uint32_t end_tag) {
    std::map<int, int> seen;
    while (true) {
      if (Left() == 0) return end_tag == 0;
      uint64_t wide;
      if (!ReadShortVarint(&wide, 0xFFFFFFFFu)) return false;
      const auto tag = static_cast<uint32_t>(wide);
      if (WFL::GetTagWireType(tag) == WFL::WIRETYPE_END_GROUP)
        return tag == end_tag;
      const int number = WFL::GetTagFieldNumber(tag);
      if (number == 0) return false;  // protobuf refuses field number 0.
      const FieldDescriptor* field =
          type != nullptr ? type->FindFieldByNumber(number) : nullptr;
      std::string place = path;
      if (field != nullptr) {
        place += (path.empty() ? "" : ".") + field->name();
        if (field->is_repeated())
          place += "[" + std::to_string(seen[number]++) + "]";
      }
      if (!Field(tag, field, place, depth)) return false;
    }
  }

  bool Field(uint32_t tag, const FieldDescriptor* field,
             const std::string& place, int depth) {
    switch (WFL::GetTagWireType(tag)) {
      case WFL::WIRETYPE_VARINT: {
        uint64_t ignored;
        return in_.ReadVarint64(&ignored);
      }
      case WFL::WIRETYPE_FIXED64: {
        uint64_t ignored;
        return in_.ReadLittleEndian64(&ignored);
      }
      case WFL::WIRETYPE_FIXED32: {
        uint32_t ignored;
        return in_.ReadLittleEndian32(&ignored);
      }
      case WFL::WIRETYPE_LENGTH_DELIMITED:
        return Delimited(field, place, depth);
      case WFL::WIRETYPE_START_GROUP: {
        if (!Deeper(place, depth)) return false;
        const Descriptor* group =
            field != nullptr && field->type() == FieldDescriptor::TYPE_GROUP
                ? field->message_type()
                : nullptr;
        return Message(group, place, depth + 1,
                       WFL::MakeTag(WFL::GetTagFieldNumber(tag),
                                    WFL::WIRETYPE_END_GROUP));
      }
      default:
        return false;
    }
  }

  bool Delimited(const FieldDescriptor* field, const std::string& place,
                 int depth) {
    uint64_t wide;
    // A field may not run past its enclosing message (or the request).
    if (!ReadShortVarint(&wide, 0x7FFFFFFFu) ||
        wide > static_cast<uint64_t>(Left()))
      return false;
    const auto length = static_cast<uint32_t>(wide);
    if (field != nullptr && field->type() == FieldDescriptor::TYPE_STRING) {
      std::string text;
      if (!in_.ReadString(&text, static_cast<int>(length))) return false;
      if (!IsValidUtf8(text)) return Fail(place, "is not valid UTF-8");
      return true;
    }
    if (field == nullptr || field->type() != FieldDescriptor::TYPE_MESSAGE)
      return in_.Skip(static_cast<int>(length));
    if (!Deeper(place, depth)) return false;
    const CodedInputStream::Limit limit =
        in_.PushLimit(static_cast<int>(length));
    const bool ok = Message(field->message_type(), place, depth + 1, 0);
    in_.PopLimit(limit);
    return ok;
  }

  // Bytes left in the enclosing message, or in the request.
  int Left() {
    return in_.BytesUntilLimit() >= 0 ? in_.BytesUntilLimit()
                                      : size_ - in_.CurrentPosition();
  }

  // A varint of at most 5 bytes and at most `max`, as protobuf requires of
  // tags and lengths (it would refuse what ReadVarint32 quietly truncates).
  bool ReadShortVarint(uint64_t* value, uint64_t max) {
    const int start = in_.CurrentPosition();
    return in_.ReadVarint64(value) && in_.CurrentPosition() - start <= 5 &&
           *value <= max;
  }

  bool Deeper(const std::string& place, int depth) {
    if (depth + 1 <= kMaxWireDepth) return true;
    return Fail(place, "nests messages deeper than " +
                           std::to_string(kMaxWireDepth) + " levels");
  }

  bool Fail(const std::string& place, const std::string& what) {
    if (!problem_) problem_ = Problem{place, what};
    return false;
  }

  const int size_;
  CodedInputStream in_;
  std::optional<Problem> problem_;
};

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* end = p + text.size();
  while (p < end) {
    const int n = SequenceLength(*p);
    if (n == 0 || end - p < n) return false;
    for (int i = 1; i < n; ++i)
      if ((p[i] & 0xC0) != 0x80) return false;
    // Overlong three- and four-byte forms, surrogates, beyond U+10FFFF.
    if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F) ||
        (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
      return false;
    p += n;
  }
  return true;
}

std::optional<Problem> CheckWire(const google::protobuf::Descriptor& type,
                                 std::string_view bytes) {
  return Walker(bytes).Run(type);
}

}  // namespace lges::wire
