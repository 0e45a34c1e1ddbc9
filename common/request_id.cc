#include "common/request_id.h"

#include <cstdio>
#include <random>

namespace lges {

bool IsRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                    c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

std::string NewRequestId() {
  // Ids need to be unique, not secret: a generator per thread, seeded once.
  thread_local std::mt19937_64 bits{[] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
  }()};
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx",
                static_cast<unsigned long long>(bits()),
                static_cast<unsigned long long>(bits()));
  return text;
}

}  // namespace lges
