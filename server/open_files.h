#pragma once
// Open files, which connections use up: the process's limit, raised at
// start, and a monitor that refuses calls (RESOURCE_EXHAUSTED) and turns
// health NOT_SERVING while open files are near the limit, instead of
// letting the server stop accepting connections unseen.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "server/periodic.h"

namespace lges {

struct OpenFileLimit {
  uint64_t before = 0;  // The soft limit at start.
  uint64_t soft = 0;    // After raising it.
  uint64_t hard = 0;
};

// Raises the soft RLIMIT_NOFILE to the hard limit.
OpenFileLimit RaiseOpenFileLimit();
// This process's open file descriptors (entries of /proc/self/fd).
int CountOpenFiles();

// Every `interval`, counts open files. From `cap` on, calls `overload` with
// a reason (refuse calls with it) and `healthy(false)`, logging once; below
// 90% of `cap` again, `overload("")` and `healthy(true)`.
class OpenFilesMonitor {
 public:
  OpenFilesMonitor(int cap, std::function<void(const std::string&)> overload,
                   std::function<void(bool)> healthy,
                   std::chrono::milliseconds interval);
  OpenFilesMonitor(const OpenFilesMonitor&) = delete;
  OpenFilesMonitor& operator=(const OpenFilesMonitor&) = delete;

 private:
  void Check();

  const int cap_;
  std::function<void(const std::string&)> overload_;
  std::function<void(bool)> healthy_;
  bool over_ = false;  // Only the monitor's thread touches it.
  Periodic check_;  // Last: it calls Check() until it is destroyed.
};

}  // namespace lges
