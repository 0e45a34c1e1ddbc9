#include "clients/lgesctl/args.h"

#include "render/sector_page.h"

namespace lges::cli {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Args ParseArgs(int argc, char** argv, const std::set<std::string>& switches) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
      const size_t eq = arg.find('=');
      if (eq == std::string::npos) {
        const std::string name = arg.substr(2);
        const bool has_value = !switches.count(name) && i + 1 < argc &&
                               std::string(argv[i + 1]).rfind("--", 0) != 0;
        args.flags[name] = has_value ? argv[++i] : "";
      } else {
        args.flags[arg.substr(2, eq - 2)] = arg.substr(eq + 1);
      }
    } else {
      args.words.push_back(arg);
    }
  }
  return args;
}

std::optional<int> ParseAcademicYear(const std::string& text) {
  const size_t dash = text.find('-');
  const std::string start = text.substr(0, dash);
  if (start.size() != 4 || !AllDigits(start)) return std::nullopt;
  const int year = std::stoi(start);
  if (dash == std::string::npos) return year;
  const std::string end = text.substr(dash + 1);
  if (!AllDigits(end)) return std::nullopt;
  const int next = (year + 1) % (end.size() == 2 ? 100 : 10000);
  if ((end.size() != 2 && end.size() != 4) || std::stoi(end) != next)
    return std::nullopt;
  return year;
}

std::string ShortAcademicYearLabel(int start_year) {
  return render::ShortYearLabel(start_year);
}

std::string AcademicYearLabel(int start_year) {
  return std::to_string(start_year) + "-" + std::to_string(start_year + 1);
}

}  // namespace lges::cli
