// Update masks as a caller may send them: comma-separated paths, applied
// from a patch inspection onto a stored one. A refused mask leaves the
// target exactly as it was.
#include <cstddef>
#include <cstdint>
#include <string>

#include "estyn/lges/v1/inspections.pb.h"
#include "service/request_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  google::protobuf::FieldMask mask;
  size_t start = 0;
  while (start <= text.size() && mask.paths_size() < 64) {
    const size_t comma = text.find(',', start);
    mask.add_paths(text.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  estyn::lges::v1::Inspection patch, target;
  patch.set_name("inspections/B");
  patch.set_provider_code("W06000002");
  patch.add_local_inspection_questions("How well are schools supported?");
  patch.add_recommendations()->set_text("Improve planning.");
  target.set_name("inspections/A");
  target.set_provider_code("W06000001");
  target.set_academic_year(2022);
  const estyn::lges::v1::Inspection before = target;
  const absl::Status s = lges::ApplyFieldMask(
      patch, mask, {"name"}, {"etag", "create_time", "update_time"}, &target);
  if (!s.ok() && target.SerializeAsString() != before.SerializeAsString())
    __builtin_trap();
  if (s.ok() && target.name() != "inspections/A") __builtin_trap();
  return 0;
}
