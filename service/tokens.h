#pragma once
// Bearer tokens: made from 256 random bits (OpenSSL's RAND_bytes) and kept
// only as their SHA-256. A token is "lges_" and 43 base64url characters.

#include <optional>
#include <string>
#include <string_view>

namespace lges {

// A new random token; nullopt only if the system has no randomness to give.
std::optional<std::string> NewToken();
// The hex SHA-256 of `token`, as stored.
std::string TokenHash(std::string_view token);
// True if `token` has the form NewToken gives (it may still be unknown).
bool LooksLikeToken(std::string_view token);
// True for a credential name: 1-100 of a-z, A-Z, 0-9, '.', '-', '_', '@'.
bool IsValidCredentialName(std::string_view name);

}  // namespace lges
