#pragma once
// Checks the protobuf wire bytes of a request before anything parses them,
// so that what protobuf would refuse with a bare "cannot parse" (and gRPC
// would answer with INTERNAL) gets a field-named INVALID_ARGUMENT instead:
//
//  - every string field, at any depth, holds valid UTF-8;
//  - messages and groups nest at most kMaxWireDepth levels;
//  - the bytes are well-formed (tags, lengths, groups closed).
//
// Pure protobuf (descriptors and CodedInputStream); fuzzed by
// fuzz/wire_check_fuzzer.cc.

#include <optional>
#include <string>
#include <string_view>

#include <google/protobuf/descriptor.h>

namespace lges::wire {

inline constexpr int kMaxWireDepth = 32;

struct Problem {
  // The field's place in the request, by proto field names, e.g.
  // "records.inspections[3].recommendations[0].text"; "" for the request
  // as a whole.
  std::string field;
  // What is wrong, without quoting the caller's bytes.
  std::string description;
};

// The first problem of `bytes` as a message of `type`, or nullopt.
std::optional<Problem> CheckWire(const google::protobuf::Descriptor& type,
                                 std::string_view bytes);

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points beyond U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace lges::wire
