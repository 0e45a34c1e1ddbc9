#include "common/host_port.h"

namespace lges {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

bool IsIpv6Char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F') || c == ':' || c == '.' || c == '%';
}

bool AllOf(std::string_view text, bool (*ok)(char)) {
  for (char c : text) {
    if (!ok(c)) return false;
  }
  return true;
}

std::string HostProblem(std::string_view host) {
  if (host.empty()) return "the host is missing";
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']' ||
        !AllOf(host.substr(1, host.size() - 2), IsIpv6Char))
      return "an IPv6 host must be written in brackets, like [::1]";
    return "";
  }
  if (!AllOf(host, IsNameChar))
    return "the host may hold only letters, digits, '.', '-' and '_'";
  return "";
}

std::string PortProblem(std::string_view port) {
  if (port.empty()) return "the port is missing";
  if (port.size() > 5 ||
      !AllOf(port, [](char c) { return c >= '0' && c <= '9'; }))
    return "the port must be a number from 0 to 65535";
  int value = 0;
  for (char c : port) value = value * 10 + (c - '0');
  if (value > 65535) return "the port must be a number from 0 to 65535";
  return "";
}

}  // namespace

std::string HostPortProblem(std::string_view address) {
  const size_t colon = address.rfind(':');
  if (colon == std::string_view::npos) return "there is no ':' before the port";
  if (std::string problem = HostProblem(address.substr(0, colon));
      !problem.empty())
    return problem;
  return PortProblem(address.substr(colon + 1));
}

bool IsLoopback(std::string_view address) {
  const std::string_view host = address.substr(0, address.rfind(':'));
  return host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

}  // namespace lges
