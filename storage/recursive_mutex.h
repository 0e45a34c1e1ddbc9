#pragma once
// A recursive mutex that clang's -Wthread-safety understands, so that the
// members it guards (ABSL_GUARDED_BY) are checked at build time. absl::Mutex
// would be the first choice, but it is not recursive, and an import runs
// many of the store's own writes while holding the lock.

#include <mutex>

#include "absl/base/thread_annotations.h"

namespace lges {

class ABSL_LOCKABLE RecursiveMutex {
 public:
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  void Unlock() ABSL_UNLOCK_FUNCTION() { mu_.unlock(); }

 private:
  std::recursive_mutex mu_;
};

// Holds `mu` for its own lifetime.
class ABSL_SCOPED_LOCKABLE RecursiveLock {
 public:
  explicit RecursiveLock(RecursiveMutex& mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu)
      : mu_(mu) {
    mu_.Lock();
  }
  ~RecursiveLock() ABSL_UNLOCK_FUNCTION() { mu_.Unlock(); }
  RecursiveLock(const RecursiveLock&) = delete;
  RecursiveLock& operator=(const RecursiveLock&) = delete;

 private:
  RecursiveMutex& mu_;
};

}  // namespace lges
