#pragma once
// Helpers shared by the convert_*.cc files. Internal to service/convert.

#include <google/protobuf/timestamp.pb.h>

#include <string>

#include "domain/errors.h"
#include "domain/records.h"

namespace lges::convert {

// Converts a proto enum value to the domain enum with the same numbering,
// or records a violation and returns kUnspecified.
template <typename DomainEnum>
DomainEnum EnumFrom(int value, bool (*is_valid)(int), const std::string& path,
                    Violations& out) {
  if (!is_valid(value)) {
    out.push_back({path, "unknown enum value " + std::to_string(value)});
    return DomainEnum::kUnspecified;
  }
  return static_cast<DomainEnum>(value);
}

inline std::string Indexed(const std::string& field, int i) {
  return field + "[" + std::to_string(i) + "]";
}

void SetTimes(const RecordMeta& meta, google::protobuf::Timestamp* create,
              google::protobuf::Timestamp* update);

}  // namespace lges::convert
