#include "convert/resource_name.h"

#include "domain/errors.h"
#include "domain/validation.h"

namespace lges::convert {
namespace {

// Longer than any id the service gives or accepts; a longer name is refused
// here, so that no message quotes it.
constexpr size_t kMaxIdLength = 100;

}  // namespace

absl::StatusOr<std::string> IdFromName(const std::string& name,
                                       const std::string& collection,
                                       const std::string& field) {
  const std::string prefix = collection + "/";
  if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size() ||
      name.size() > prefix.size() + kMaxIdLength ||
      name.find('/', prefix.size()) != std::string::npos) {
    return InvalidFieldError(field,
                             "must be a resource name '" + prefix + "{id}'");
  }
  return name.substr(prefix.size());
}

std::string ProviderCodeOf(const std::string& reference) {
  constexpr std::string_view kPrefix = "providers/";
  return reference.rfind(kPrefix, 0) == 0 ? reference.substr(kPrefix.size())
                                          : reference;
}

absl::StatusOr<std::string> ProviderCodeFrom(const std::string& value,
                                             const std::string& field) {
  const std::string code = ProviderCodeOf(value);
  if (value.empty() || LooksLikeGssCode(code) || IsValidProviderSlug(code))
    return code;
  return InvalidFieldError(
      field,
      "must be a provider code (W06000023, gwe) or its resource name "
      "(providers/W06000023)");
}

}  // namespace lges::convert
