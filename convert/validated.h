#pragma once
// A proto resource as a validated domain record: conversion and domain
// validation in one step, each invalid field reported once.

#include <string>

#include "absl/status/statusor.h"
#include "convert/convert.h"
#include "domain/errors.h"

namespace lges::convert {

// Converts `proto` and validates it with `validate`; violations come back
// prefixed with `prefix` (the request field holding the resource). Every
// invalid field is reported once: an unknown enum value becomes kUnspecified,
// and validation's complaint about that same field is dropped.
template <typename Domain, typename Proto>
absl::StatusOr<Domain> ValidatedFromProto(const Proto& proto,
                                          Violations (*validate)(const Domain&),
                                          const std::string& prefix) {
  Violations violations;
  Domain record = FromProto(proto, violations);
  const size_t from_conversion = violations.size();
  for (FieldViolation& v : validate(record)) {
    bool repeated = false;
    for (size_t i = 0; i < from_conversion; ++i)
      repeated = repeated || violations[i].field.rfind(v.field, 0) == 0;
    if (!repeated) violations.push_back(std::move(v));
  }
  if (!violations.empty())
    return InvalidArgumentError(Prefixed(prefix, std::move(violations)));
  return record;
}

}  // namespace lges::convert
