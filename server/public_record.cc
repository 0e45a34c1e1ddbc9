#include "server/public_record.h"

namespace lges {

extern const char kPublicRecordJson[];  // public_record_data.cc, generated.

const std::string& PublicRecordJson() {
  static const std::string json = kPublicRecordJson;
  return json;
}

}  // namespace lges
