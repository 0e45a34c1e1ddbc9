#include "convert/resource_name.h"

#include "domain/errors.h"

namespace lges::convert {

absl::StatusOr<std::string> IdFromName(const std::string& name,
                                       const std::string& collection,
                                       const std::string& field) {
  const std::string prefix = collection + "/";
  if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size() ||
      name.find('/', prefix.size()) != std::string::npos) {
    return InvalidFieldError(field,
                             "must be a resource name '" + prefix + "{id}'");
  }
  return name.substr(prefix.size());
}

}  // namespace lges::convert
