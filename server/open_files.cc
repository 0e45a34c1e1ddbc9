#include "server/open_files.h"

#include <sys/resource.h>

#include <filesystem>

#include "service/log.h"

namespace lges {

OpenFileLimit RaiseOpenFileLimit() {
  OpenFileLimit out;
  struct rlimit limit {};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return out;
  out.before = limit.rlim_cur;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  out.soft = limit.rlim_cur;
  out.hard = limit.rlim_max;
  return out;
}

int CountOpenFiles() {
  std::error_code error;
  int n = 0;
  for (std::filesystem::directory_iterator it("/proc/self/fd", error), end;
       !error && it != end; it.increment(error))
    ++n;
  return n;
}

OpenFilesMonitor::OpenFilesMonitor(
    int cap, std::function<void(const std::string&)> overload,
    std::function<void(bool)> healthy, std::chrono::milliseconds interval)
    : cap_(cap),
      overload_(std::move(overload)),
      healthy_(std::move(healthy)),
      check_(interval, [this] { Check(); }) {}

void OpenFilesMonitor::Check() {
  const int open = CountOpenFiles();
  if (!over_ && open >= cap_) {
    over_ = true;
    const std::string reason =
        "the server has " + std::to_string(open) +
        " files and connections open, at its cap of " + std::to_string(cap_) +
        " (--max-open-files); try again when others have closed";
    log::Error("open_files_over_cap",
               reason + "; refusing calls and health is NOT_SERVING",
               {{"open", open}, {"cap", cap_}});
    overload_(reason);
    healthy_(false);
  } else if (over_ && open < cap_ * 9 / 10) {
    over_ = false;
    log::Info("open_files_recovered", "open files are down; serving again",
              {{"open", open}, {"cap", cap_}});
    overload_("");
    healthy_(true);
  }
}

}  // namespace lges
