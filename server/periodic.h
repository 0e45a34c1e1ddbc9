#pragma once
// Runs `tick` every `interval` on a thread of its own, from construction
// until destruction (which waits for a tick in progress). For the server's
// monitors.

#include <chrono>
#include <functional>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace lges {

class Periodic {
 public:
  Periodic(std::chrono::milliseconds interval, std::function<void()> tick)
      : thread_([this, interval, tick = std::move(tick)] {
          while (!stop_.WaitForNotificationWithTimeout(
              absl::FromChrono(interval)))
            tick();
        }) {}
  ~Periodic() {
    stop_.Notify();
    thread_.join();
  }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

 private:
  absl::Notification stop_;  // Before thread_, which uses it.
  std::thread thread_;
};

}  // namespace lges
