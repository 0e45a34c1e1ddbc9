#pragma once
// Levelled logging to stderr: one line per event, written with one
// write(2) and no stdio lock, so that threads never interleave (a line
// under 4 KiB is atomic on a pipe) and never queue behind each other's
// writes (docs/PERFORMANCE.md, "The access log"). Each event has a name ("rpc",
// "start", "storage_fault"...), a sentence for people and named fields.
//
// Two formats (--log-format):
//   text: 2026-11-30T05:40:01.123Z INFO storage_fault the disk is full code=full
//   json: {"time":"2026-11-30T05:40:01.123Z","level":"info",
//          "event":"storage_fault","message":"the disk is full","code":"full"}
// JSON lines are valid UTF-8 (bad bytes become U+FFFD) with numbers bare.
// Fields of empty text are left out.
// Callers pass no payloads and no secrets: names, codes, counts, addresses.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace lges::log {

enum class Level { kDebug = 0, kInfo, kWarning, kError };
enum class Format { kText = 0, kJson };

// Parses "debug", "info", "warning"/"warn" or "error"; false otherwise.
bool ParseLevel(std::string_view text, Level* level);
// Parses "text" or "json"; false otherwise.
bool ParseFormat(std::string_view text, Format* format);
void SetLevel(Level level);
void SetFormat(Format format);
// Whether an event of `level` would be written.
bool Enabled(Level level);

// One named field of an event: text, or a number written bare in JSON.
struct Field {
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
#ifndef ABSL_USES_STD_STRING_VIEW
  Field(std::string_view k, absl::string_view v)
      : key(k), value(v.data(), v.size()) {}
#endif
  Field(std::string_view k, int64_t v)
      : key(k), value(std::to_string(v)), number(true) {}
  Field(std::string_view k, int v) : Field(k, static_cast<int64_t>(v)) {}
  Field(std::string_view k, double v);

  std::string_view key;
  std::string value;
  bool number = false;
};
using Fields = std::initializer_list<Field>;

// The line `Write` would print for the event at `unix_millis`, without its
// newline; for tests.
std::string FormatLine(Format format, int64_t unix_millis, Level level,
                       std::string_view event, std::string_view message,
                       Fields fields);

void Write(Level level, std::string_view event, std::string_view message,
           Fields fields = {});

inline void Debug(std::string_view event, std::string_view m, Fields f = {}) {
  Write(Level::kDebug, event, m, f);
}
inline void Info(std::string_view event, std::string_view m, Fields f = {}) {
  Write(Level::kInfo, event, m, f);
}
inline void Warning(std::string_view event, std::string_view m, Fields f = {}) {
  Write(Level::kWarning, event, m, f);
}
inline void Error(std::string_view event, std::string_view m, Fields f = {}) {
  Write(Level::kError, event, m, f);
}

}  // namespace lges::log
