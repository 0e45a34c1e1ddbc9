#pragma once
// Minimal levelled logging to stderr, one line per message with a UTC
// timestamp. Thread-safe: each line is written with a single call.

#include <string>
#include <string_view>

namespace lges::log {

enum class Level { kDebug = 0, kInfo, kWarning, kError };

// Parses "debug", "info", "warning"/"warn" or "error"; false otherwise.
bool ParseLevel(std::string_view text, Level* level);
void SetLevel(Level level);
void Write(Level level, std::string_view message);

inline void Debug(std::string_view m) { Write(Level::kDebug, m); }
inline void Info(std::string_view m) { Write(Level::kInfo, m); }
inline void Warning(std::string_view m) { Write(Level::kWarning, m); }
inline void Error(std::string_view m) { Write(Level::kError, m); }

}  // namespace lges::log
