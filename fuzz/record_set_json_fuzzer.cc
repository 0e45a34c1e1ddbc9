// A record set in JSON, as `lgesctl import` and the public record are read:
// parse, then the whole of domain validation, duplicate identities
// included. Anything may be refused; nothing may crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "convert/record_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto records = lges::ParseRecordSetJson(text);
  if (!records.ok()) return 0;
  auto dataset = lges::RecordSetToDataset(*records, "records");
  if (dataset.ok()) {
    // What validation accepts converts back without loss of records.
    const auto again = lges::DatasetToRecordSet(*dataset, "fuzz");
    if (again.inspections_size() != records->inspections_size()) __builtin_trap();
  }
  return 0;
}
