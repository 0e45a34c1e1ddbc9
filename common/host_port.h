#pragma once
// Network addresses as flags and environment variables give them:
// "HOST:PORT". Shared by lges-server and lgesctl so that both accept the
// same addresses. No dependencies.

#include <string>
#include <string_view>

namespace lges {

// What is wrong with `address` as HOST:PORT, or "" if nothing is. HOST is a
// name or IPv4 address (letters, digits, '.', '-', '_') or an IPv6 address
// in brackets ("[::1]"); PORT is 0-65535 written in at most five digits
// (0 asks the system for a free port when listening).
std::string HostPortProblem(std::string_view address);

inline bool IsHostPort(std::string_view address) {
  return HostPortProblem(address).empty();
}

// True if the HOST of a valid `address` can only be reached from this
// machine: localhost, 127.0.0.0/8 or [::1].
bool IsLoopback(std::string_view address);

}  // namespace lges
