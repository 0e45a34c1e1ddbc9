#include "service/tokens.h"

#include <openssl/rand.h>

#include "absl/strings/escaping.h"
#include "common/sha256.h"

namespace lges {
namespace {

constexpr std::string_view kPrefix = "lges_";
constexpr size_t kRandomBytes = 32;
constexpr size_t kEncodedLength = 43;  // base64url of 32 bytes, no padding.

bool IsBase64UrlChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::optional<std::string> NewToken() {
  unsigned char bytes[kRandomBytes];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return std::nullopt;
  return std::string(kPrefix) +
         absl::WebSafeBase64Escape(absl::string_view(
             reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string TokenHash(std::string_view token) { return Sha256Hex(token); }

bool LooksLikeToken(std::string_view token) {
  if (token.size() != kPrefix.size() + kEncodedLength ||
      token.substr(0, kPrefix.size()) != kPrefix)
    return false;
  for (char c : token.substr(kPrefix.size())) {
    if (!IsBase64UrlChar(c)) return false;
  }
  return true;
}

bool IsValidCredentialName(std::string_view name) {
  if (name.empty() || name.size() > 100) return false;
  for (char c : name) {
    if (!IsBase64UrlChar(c) && c != '.' && c != '@') return false;
  }
  return true;
}

}  // namespace lges
