#include "storage/codec.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace lges::codec {
namespace {

// Fields are separated by '\x1f', records by '\x1e'; a backslash escapes
// either separator or itself.
constexpr char kField = '\x1f';
constexpr char kRecord = '\x1e';

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == kField || c == kRecord) out += '\\';
    out += c;
  }
  return out;
}

// Splits on `sep`, honouring escapes; unescapes the parts.
std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      parts.back() += s[++i];
    } else if (s[i] == sep) {
      parts.emplace_back();
    } else {
      parts.back() += s[i];
    }
  }
  return parts;
}

// Like Split but keeps escapes, so that each part can be Split again.
std::vector<std::string> SplitRaw(const std::string& s, char sep) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      parts.back() += s[i];
      parts.back() += s[++i];
    } else if (s[i] == sep) {
      parts.emplace_back();
    } else {
      parts.back() += s[i];
    }
  }
  return parts;
}

}  // namespace

std::string EncodeDate(const PartialDate& d) {
  char buf[32];
  switch (d.precision) {
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "D:%04d-%02d-%02d", d.year, d.month,
                    d.day);
      break;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "M:%04d-%02d", d.year, d.month);
      break;
    case DatePrecision::kTerm:
      std::snprintf(buf, sizeof buf, "T:%04d:%d", d.year,
                    static_cast<int>(d.term));
      break;
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "Y:%04d", d.year);
      break;
    case DatePrecision::kAcademicYear:
      std::snprintf(buf, sizeof buf, "A:%04d", d.year);
      break;
    case DatePrecision::kUnspecified:
      return "";
  }
  return buf;
}

PartialDate DecodeDate(const std::string& text) {
  PartialDate d;
  if (text.size() < 3 || text[1] != ':') return d;
  const char* rest = text.c_str() + 2;
  int term = 0;
  switch (text[0]) {
    case 'D':
      if (std::sscanf(rest, "%d-%d-%d", &d.year, &d.month, &d.day) == 3)
        d.precision = DatePrecision::kDay;
      break;
    case 'M':
      if (std::sscanf(rest, "%d-%d", &d.year, &d.month) == 2)
        d.precision = DatePrecision::kMonth;
      break;
    case 'T':
      if (std::sscanf(rest, "%d:%d", &d.year, &term) == 2) {
        d.precision = DatePrecision::kTerm;
        d.term = static_cast<Term>(term);
      }
      break;
    case 'Y':
      if (std::sscanf(rest, "%d", &d.year) == 1)
        d.precision = DatePrecision::kYear;
      break;
    case 'A':
      if (std::sscanf(rest, "%d", &d.year) == 1)
        d.precision = DatePrecision::kAcademicYear;
      break;
  }
  return d;
}

std::string EncodeProvenance(const Provenance& p) {
  if (p.sources.empty() && p.note.empty() &&
      p.certainty == Certainty::kUnspecified)
    return "";
  std::string out =
      std::to_string(static_cast<int>(p.certainty)) + kField + Escape(p.note);
  for (const SourceRef& s : p.sources) {
    out += kRecord;
    out += Escape(s.id) + kField + Escape(s.url);
  }
  return out;
}

Provenance DecodeProvenance(const std::string& text) {
  Provenance p;
  if (text.empty()) return p;
  std::vector<std::string> records = SplitRaw(text, kRecord);
  std::vector<std::string> head = Split(records[0], kField);
  p.certainty = static_cast<Certainty>(std::atoi(head[0].c_str()));
  if (head.size() > 1) p.note = head[1];
  for (size_t i = 1; i < records.size(); ++i) {
    std::vector<std::string> fields = Split(records[i], kField);
    p.sources.push_back({fields[0], fields.size() > 1 ? fields[1] : ""});
  }
  return p;
}

std::string EncodeTranslations(const std::vector<Translation>& translations) {
  std::string out;
  for (const Translation& t : translations) {
    if (!out.empty()) out += kRecord;
    out += Escape(t.language) + kField +
           std::to_string(static_cast<int>(t.origin)) + kField +
           Escape(t.text) + kField + Escape(t.note);
  }
  return out;
}

std::vector<Translation> DecodeTranslations(const std::string& text) {
  std::vector<Translation> out;
  if (text.empty()) return out;
  for (const std::string& record : SplitRaw(text, kRecord)) {
    std::vector<std::string> f = Split(record, kField);
    if (f.size() < 3) return {};  // Corrupt: decodes to the empty value.
    out.push_back({f[0], f[2],
                   static_cast<TextOrigin>(std::atoi(f[1].c_str())),
                   f.size() > 3 ? f[3] : ""});
  }
  return out;
}

std::string EncodeFigures(const std::vector<PublishedFigure>& figures) {
  std::string out;
  for (const PublishedFigure& f : figures) {
    if (!out.empty()) out += kRecord;
    out += std::to_string(static_cast<int>(f.figure)) + kField +
           std::to_string(f.value);
  }
  return out;
}

std::vector<PublishedFigure> DecodeFigures(const std::string& text) {
  std::vector<PublishedFigure> out;
  if (text.empty()) return out;
  for (const std::string& record : SplitRaw(text, kRecord)) {
    std::vector<std::string> f = Split(record, kField);
    if (f.size() != 2) return {};  // Corrupt: decodes to the empty value.
    out.push_back({static_cast<SectorFigure>(std::atoi(f[0].c_str())),
                   std::atoi(f[1].c_str())});
  }
  return out;
}

std::string EncodeStatements(
    const std::vector<PublishedThemeStatement>& statements) {
  std::string out;
  for (const PublishedThemeStatement& t : statements) {
    if (!out.empty()) out += kRecord;
    out += Escape(t.as_printed) + kField + std::to_string(t.authorities) +
           kField + Escape(t.theme_id);
  }
  return out;
}

std::vector<PublishedThemeStatement> DecodeStatements(const std::string& text) {
  std::vector<PublishedThemeStatement> out;
  if (text.empty()) return out;
  for (const std::string& record : SplitRaw(text, kRecord)) {
    std::vector<std::string> f = Split(record, kField);
    if (f.size() != 3) return {};  // Corrupt: decodes to the empty value.
    out.push_back({f[0], std::atoi(f[1].c_str()), f[2]});
  }
  return out;
}

}  // namespace lges::codec
