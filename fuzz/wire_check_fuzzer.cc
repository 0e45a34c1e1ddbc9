// The edge check of every request's bytes (protos/wire_check.h), on the
// largest request: whatever it passes, protobuf parses.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "estyn/lges/v1/dataset.pb.h"
#include "protos/wire_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto* type = estyn::lges::v1::ImportRecordsRequest::descriptor();
  if (lges::wire::CheckWire(*type, bytes)) return 0;
  estyn::lges::v1::ImportRecordsRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) __builtin_trap();
  return 0;
}
