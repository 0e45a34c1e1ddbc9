#include "service/log.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <unistd.h>

namespace lges::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};
std::atomic<Format> g_format{Format::kText};

const char* Name(Level level, Format format) {
  const bool json = format == Format::kJson;
  switch (level) {
    case Level::kDebug:
      return json ? "debug" : "DEBUG";
    case Level::kInfo:
      return json ? "info" : "INFO";
    case Level::kWarning:
      return json ? "warning" : "WARN";
    case Level::kError:
      return json ? "error" : "ERROR";
  }
  return "?";
}

// "2026-11-30T05:40:01.123Z".
std::string Stamp(int64_t unix_millis) {
  const std::time_t seconds = static_cast<std::time_t>(unix_millis / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char stamp[40];
  const size_t n = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(stamp + n, sizeof stamp - n, ".%03dZ",
                static_cast<int>(unix_millis % 1000));
  return stamp;
}

// The length of the valid UTF-8 sequence at `s`, or 0.
size_t Utf8Length(std::string_view s) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  size_t n = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2
                             : lead >= 0xe0 && lead < 0xf0 ? 3
                             : lead >= 0xf0 && lead < 0xf5 ? 4
                                                           : 0;
  if (n == 0 || n > s.size()) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
  }
  // Overlong three- and four-byte forms, surrogates, and above U+10FFFF.
  if (n == 3 && ((lead == 0xe0 && byte(1) < 0xa0) ||
                 (lead == 0xed && byte(1) >= 0xa0)))
    return 0;
  if (n == 4 && ((lead == 0xf0 && byte(1) < 0x90) ||
                 (lead == 0xf4 && byte(1) >= 0x90)))
    return 0;
  return n;
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else if (c >= 0x80) {
      const size_t n = Utf8Length(text.substr(i));
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8.
        ++i;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
}

// Text values are quoted when they hold a space, a quote or nothing.
void AppendTextValue(std::string& out, std::string_view value) {
  if (!value.empty() && value.find_first_of(" \"=\n") == std::string::npos) {
    out += value;
    return;
  }
  AppendJsonString(out, value);
}

}  // namespace

Field::Field(std::string_view k, double v) : key(k), number(true) {
  if (!std::isfinite(v)) v = 0;
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  value = text;
}

bool ParseLevel(std::string_view text, Level* level) {
  if (text == "debug")
    *level = Level::kDebug;
  else if (text == "info")
    *level = Level::kInfo;
  else if (text == "warning" || text == "warn")
    *level = Level::kWarning;
  else if (text == "error")
    *level = Level::kError;
  else
    return false;
  return true;
}

bool ParseFormat(std::string_view text, Format* format) {
  if (text == "text")
    *format = Format::kText;
  else if (text == "json")
    *format = Format::kJson;
  else
    return false;
  return true;
}

void SetLevel(Level level) { g_level = level; }
void SetFormat(Format format) { g_format = format; }
bool Enabled(Level level) { return level >= g_level.load(); }

std::string FormatLine(Format format, int64_t unix_millis, Level level,
                       std::string_view event, std::string_view message,
                       Fields fields) {
  std::string line;
  if (format == Format::kJson) {
    line = "{\"time\":\"" + Stamp(unix_millis) + "\",\"level\":\"" +
           Name(level, format) + "\",\"event\":";
    AppendJsonString(line, event);
    if (!message.empty()) {
      line += ",\"message\":";
      AppendJsonString(line, message);
    }
    for (const Field& field : fields) {
      if (field.value.empty()) continue;
      line += ',';
      AppendJsonString(line, field.key);
      line += ':';
      if (field.number)
        line += field.value;
      else
        AppendJsonString(line, field.value);
    }
    line += '}';
    return line;
  }
  line = Stamp(unix_millis) + " " + Name(level, format) + " ";
  line += event;
  if (!message.empty()) {
    line += ' ';
    line += message;
  }
  for (const Field& field : fields) {
    if (field.value.empty()) continue;
    line += ' ';
    line += field.key;
    line += '=';
    AppendTextValue(line, field.value);
  }
  return line;
}

void Write(Level level, std::string_view event, std::string_view message,
           Fields fields) {
  if (!Enabled(level)) return;
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  std::string line =
      FormatLine(g_format.load(), now, level, event, message, fields) + "\n";
  for (size_t done = 0; done < line.size();) {
    const ssize_t n = ::write(2, line.data() + done, line.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
}

}  // namespace lges::log
