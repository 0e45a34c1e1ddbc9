#pragma once
// The default dataset: data/public-record.json, embedded at build time.

#include <string>

namespace lges {

// The JSON text of the public record (a RecordSet, docs/FORMAT.md).
const std::string& PublicRecordJson();
// The key under which the public record is imported once per database.
inline constexpr char kPublicRecordOnceKey[] = "public-record-v1";

}  // namespace lges
