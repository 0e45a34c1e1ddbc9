#include "common/host_port.h"

#include <gtest/gtest.h>

namespace lges {
namespace {

TEST(HostPortTest, AcceptsNamesAddressesAndPortsUpTo65535) {
  for (const char* address :
       {"127.0.0.1:50051", "localhost:0", "0.0.0.0:65535", "[::1]:9464",
        "[::]:50051", "lges-server.example_net:443"}) {
    EXPECT_EQ(HostPortProblem(address), "") << address;
  }
}

TEST(HostPortTest, SaysWhatIsWrongWithEachBadAddress) {
  const struct {
    const char* address;
    const char* problem;
  } cases[] = {
      {"127.0.0.1", "there is no ':' before the port"},
      {"", "there is no ':' before the port"},
      {":50051", "the host is missing"},
      {"127.0.0.1:", "the port is missing"},
      {"127.0.0.1:65536", "the port must be a number from 0 to 65535"},
      {"127.0.0.1:99999999999999999999",
       "the port must be a number from 0 to 65535"},
      {"127.0.0.1:-1", "the port must be a number from 0 to 65535"},
      {"127.0.0.1:8o", "the port must be a number from 0 to 65535"},
      {"bad host:1",
       "the host may hold only letters, digits, '.', '-' and '_'"},
      {"::1:50051", "the host may hold only letters, digits, '.', '-' and '_'"},
      {"[::1:50051", "an IPv6 host must be written in brackets, like [::1]"},
      {"[]:50051", "an IPv6 host must be written in brackets, like [::1]"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(HostPortProblem(c.address), c.problem) << c.address;
    EXPECT_FALSE(IsHostPort(c.address)) << c.address;
  }
}

}  // namespace
}  // namespace lges
