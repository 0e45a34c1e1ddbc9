#include "domain/dates.h"

#include <cctype>
#include <cstdio>

namespace lges {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// School terms as this service bounds them; see Term in common.proto.
CivilDay TermStart(int year, Term t) {
  switch (t) {
    case Term::kAutumn:
      return {year, 9, 1};
    case Term::kSpring:
      return {year, 1, 1};
    case Term::kSummer:
      return {year, 4, 1};
    case Term::kUnspecified:
      break;
  }
  return {year, 1, 1};
}

CivilDay TermEnd(int year, Term t) {
  switch (t) {
    case Term::kAutumn:
      return {year, 12, 31};
    case Term::kSpring:
      return {year, 3, 31};
    case Term::kSummer:
      return {year, 8, 31};
    case Term::kUnspecified:
      break;
  }
  return {year, 12, 31};
}

bool YearInRange(int y) { return y >= kMinYear && y <= kMaxYear; }

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool IsValidDay(const CivilDay& d) {
  return YearInRange(d.year) && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= DaysInMonth(d.year, d.month);
}

std::string FormatIso(const CivilDay& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<CivilDay> ParseIso(const std::string& s) {
  CivilDay d;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &d.year,
                                    &d.month, &d.day, &tail) != 3) {
    return std::nullopt;
  }
  if (!IsValidDay(d)) return std::nullopt;
  return d;
}

std::string AcademicYear::Label() const {
  return std::to_string(start_year) + "-" + std::to_string(start_year + 1);
}

AcademicYear AcademicYear::Containing(const CivilDay& d) {
  return {d.month >= 9 ? d.year : d.year - 1};
}

CivilDay PartialDate::Earliest() const {
  switch (precision) {
    case DatePrecision::kDay:
      return {year, month, day};
    case DatePrecision::kMonth:
      return {year, month, 1};
    case DatePrecision::kTerm:
      return TermStart(year, term);
    case DatePrecision::kYear:
      return {year, 1, 1};
    case DatePrecision::kAcademicYear:
      return AcademicYear{year}.First();
    case DatePrecision::kUnspecified:
      break;
  }
  return {};
}

CivilDay PartialDate::Latest() const {
  switch (precision) {
    case DatePrecision::kDay:
      return {year, month, day};
    case DatePrecision::kMonth:
      return {year, month, DaysInMonth(year, month)};
    case DatePrecision::kTerm:
      return TermEnd(year, term);
    case DatePrecision::kYear:
      return {year, 12, 31};
    case DatePrecision::kAcademicYear:
      return AcademicYear{year}.Last();
    case DatePrecision::kUnspecified:
      break;
  }
  return {};
}

std::string DescribeInvalid(const PartialDate& date) {
  if (date.precision == DatePrecision::kUnspecified)
    return "precision is required";
  if (!YearInRange(date.year)) {
    return "year must be between " + std::to_string(kMinYear) + " and " +
           std::to_string(kMaxYear);
  }
  const bool wants_month = date.precision == DatePrecision::kDay ||
                           date.precision == DatePrecision::kMonth;
  if (wants_month && (date.month < 1 || date.month > 12))
    return "month must be 1-12";
  if (!wants_month && date.month != 0)
    return "month must be 0 for this precision";
  if (date.precision == DatePrecision::kDay) {
    if (!IsValidDay({date.year, date.month, date.day}))
      return "day is not a real calendar day";
  } else if (date.day != 0) {
    return "day must be 0 for this precision";
  }
  const bool wants_term = date.precision == DatePrecision::kTerm;
  if (wants_term && date.term == Term::kUnspecified)
    return "term is required for term precision";
  if (!wants_term && date.term != Term::kUnspecified)
    return "term must be unset for this precision";
  return "";
}

std::string FormatPartialDate(const PartialDate& d) {
  char buf[32];
  switch (d.precision) {
    case DatePrecision::kDay:
      return FormatIso({d.year, d.month, d.day});
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      return buf;
    case DatePrecision::kTerm: {
      const char* term = d.term == Term::kAutumn   ? "autumn"
                         : d.term == Term::kSpring ? "spring"
                                                   : "summer";
      std::snprintf(buf, sizeof buf, "%s %04d", term, d.year);
      return buf;
    }
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", d.year);
      return buf;
    case DatePrecision::kAcademicYear:
      std::snprintf(buf, sizeof buf, "%04d-%04d", d.year, d.year + 1);
      return buf;
    case DatePrecision::kUnspecified:
      break;
  }
  return "";
}

std::optional<PartialDate> ParsePartialDate(const std::string& raw) {
  std::string text;
  for (char c : raw)
    text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  PartialDate d;
  int a = 0, b = 0, c = 0;
  char tail = 0, word[16] = {};
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 &&
      text.size() == 10) {
    d = PartialDate::Day(a, b, c);
  } else if (std::sscanf(text.c_str(), "%4d-%d%c", &a, &b, &tail) == 2 &&
             text.size() == 7 && b >= 1 && b <= 12) {
    d = PartialDate::Month(a, b);
  } else if (std::sscanf(text.c_str(), "%4d-%d%c", &a, &b, &tail) == 2 &&
             (text.size() == 9 || text.size() == 7) &&
             (b == a + 1 || b == (a + 1) % 100)) {
    d = PartialDate::InAcademicYear(a);
  } else if (std::sscanf(text.c_str(), "%15s %4d%c", word, &a, &tail) == 2) {
    const std::string term = word;
    const Term t = term == "autumn"   ? Term::kAutumn
                   : term == "spring" ? Term::kSpring
                   : term == "summer" ? Term::kSummer
                                      : Term::kUnspecified;
    if (t == Term::kUnspecified) return std::nullopt;
    d = PartialDate::InTerm(a, t);
  } else if (std::sscanf(text.c_str(), "%4d%c", &a, &tail) == 1 &&
             text.size() == 4) {
    d = PartialDate::Year(a);
  } else {
    return std::nullopt;
  }
  if (!DescribeInvalid(d).empty()) return std::nullopt;
  return d;
}

}  // namespace lges
