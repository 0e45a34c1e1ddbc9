#pragma once
// Who may do what: the three roles, the credentials that carry them, and
// the identity of a caller as the service records it. Plain values.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lges {

// Each role may do everything the roles before it may. Stored as integers:
// never renumber.
enum class Role {
  kNone = 0,    // Nothing but health (anonymous callers under --anonymous=none).
  kReader = 1,  // Every Get, List, analytics, watch and export rpc.
  kEditor = 2,  // Also create, update, delete, import and theme overrides.
  kAdmin = 3,   // Also credentials.
};

inline std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReader:
      return "reader";
    case Role::kEditor:
      return "editor";
    case Role::kAdmin:
      return "admin";
    default:
      return "none";
  }
}

// "reader", "editor" or "admin"; nullopt otherwise.
inline std::optional<Role> ParseRole(std::string_view text) {
  for (Role r : {Role::kReader, Role::kEditor, Role::kAdmin}) {
    if (text == RoleName(r)) return r;
  }
  return std::nullopt;
}

// A named credential: a bearer token (kept only as its hash) or, with
// mutual TLS, the client certificates whose subject common name is `name`.
struct Credential {
  std::string name;
  Role role = Role::kNone;
  int64_t create_time_ms = 0;
  int64_t last_used_ms = 0;     // 0 if never used.
  int64_t revoked_time_ms = 0;  // 0 while in force.
  friend bool operator==(const Credential&, const Credential&) = default;
};

// An authenticated (or anonymous) caller.
struct Identity {
  std::string name = "anonymous";  // The credential's name.
  Role role = Role::kNone;
  bool anonymous = true;
  // Whom the caller says it acts for (x-lges-actor); recorded beside the
  // name, never instead of it.
  std::string on_behalf_of;
};

}  // namespace lges
