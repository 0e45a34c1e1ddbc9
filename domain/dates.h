#pragma once
// Calendar dates, academic years and dates known only to a stated precision.
// Plain value types; no I/O. Thread-compatible.

#include <optional>
#include <string>

namespace lges {

// A calendar day. Valid when year is 1990-2100 and month/day form a real day.
struct CivilDay {
  int year = 0;
  int month = 0;
  int day = 0;

  friend bool operator==(const CivilDay& a, const CivilDay& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator<(const CivilDay& a, const CivilDay& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator<=(const CivilDay& a, const CivilDay& b) {
    return !(b < a);
  }
};

inline constexpr int kMinYear = 1990;
inline constexpr int kMaxYear = 2100;

// True if `d` is a real calendar day within [kMinYear, kMaxYear].
bool IsValidDay(const CivilDay& d);
// Days in the month, honouring leap years. Month must be 1-12.
int DaysInMonth(int year, int month);
// "YYYY-MM-DD".
std::string FormatIso(const CivilDay& d);
// Parses "YYYY-MM-DD"; nullopt unless it names a valid day.
std::optional<CivilDay> ParseIso(const std::string& s);

// An academic year, 1 September to 31 August, named by its start year.
struct AcademicYear {
  int start_year = 0;

  CivilDay First() const { return {start_year, 9, 1}; }
  CivilDay Last() const { return {start_year + 1, 8, 31}; }
  // "2022-2023", the way Estyn's pages write it.
  std::string Label() const;
  // The academic year that contains `d`.
  static AcademicYear Containing(const CivilDay& d);
};

enum class DatePrecision {
  kUnspecified = 0,
  kDay,
  kMonth,
  kTerm,
  kYear,
  kAcademicYear
};
enum class Term { kUnspecified = 0, kAutumn, kSpring, kSummer };

// A date known only to `precision`. Only the fields the precision calls for
// are meaningful: kDay uses year/month/day; kMonth year/month; kTerm
// year/term; kYear year; kAcademicYear year as the academic start year.
struct PartialDate {
  DatePrecision precision = DatePrecision::kUnspecified;
  int year = 0;
  int month = 0;
  int day = 0;
  Term term = Term::kUnspecified;

  bool IsSet() const { return precision != DatePrecision::kUnspecified; }
  // First and last days the date can denote. Callers must validate first;
  // on an invalid date the result is unspecified but does not crash.
  CivilDay Earliest() const;
  CivilDay Latest() const;

  static PartialDate Day(int y, int m, int d) {
    return {DatePrecision::kDay, y, m, d, Term::kUnspecified};
  }
  static PartialDate Month(int y, int m) {
    return {DatePrecision::kMonth, y, m, 0, Term::kUnspecified};
  }
  static PartialDate InTerm(int y, Term t) {
    return {DatePrecision::kTerm, y, 0, 0, t};
  }
  static PartialDate Year(int y) {
    return {DatePrecision::kYear, y, 0, 0, Term::kUnspecified};
  }
  static PartialDate InAcademicYear(int start) {
    return {DatePrecision::kAcademicYear, start, 0, 0, Term::kUnspecified};
  }

  friend bool operator==(const PartialDate& a, const PartialDate& b) {
    return a.precision == b.precision && a.year == b.year &&
           a.month == b.month && a.day == b.day && a.term == b.term;
  }
};

// Empty if `date` is well formed, else a description of what is wrong.
std::string DescribeInvalid(const PartialDate& date);

// The text form used in CSV files and by lgesctl: "2019-09-10" (day),
// "2019-10" (month), "autumn 2022" / "spring 2023" / "summer 2023" (term),
// "2019" (year), "2019-2020" (academic year); "" for an unset date.
std::string FormatPartialDate(const PartialDate& date);
// Parses that form (case-insensitive; "2019-20" is accepted for an academic
// year). nullopt if `text` is not one of them or names no real date.
std::optional<PartialDate> ParsePartialDate(const std::string& text);

}  // namespace lges
