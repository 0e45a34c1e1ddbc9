#pragma once
// Command-line arguments of lgesctl: positional words and --name[=value]
// flags, in any order. No gRPC here.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lges::cli {

struct Args {
  std::vector<std::string> words;  // e.g. {"inspections", "get", "X"}
  std::map<std::string, std::string>
      flags;  // "--year=2022" -> {"year", "2022"}; "--concern" -> {"concern",
              // ""}

  bool Has(const std::string& name) const { return flags.count(name) > 0; }
  std::string Flag(const std::string& name,
                   const std::string& fallback = "") const {
    auto it = flags.find(name);
    return it == flags.end() ? fallback : it->second;
  }
};

// Flags are "--name=value" or "--name value"; the flags in `switches`
// take no value ("--concern"), so a word after one is a word.
Args ParseArgs(int argc, char** argv,
               const std::set<std::string>& switches = {});

// Parses an academic year written "2022-2023", "2022-23" or "2022" into its
// start year; nullopt if malformed.
std::optional<int> ParseAcademicYear(const std::string& text);
// "2022-2023".
std::string AcademicYearLabel(int start_year);
// "22-23": short enough for nine years across 80 columns.
std::string ShortAcademicYearLabel(int start_year);

}  // namespace lges::cli
