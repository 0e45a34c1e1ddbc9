#include "domain/validation.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>

#include "domain/authorities.h"
#include "domain/frameworks.h"

namespace lges {
namespace {

std::string At(std::string_view field, size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

// Checks that `text` has between 1 (when required) and `max` characters.
void CheckText(Violations& out, std::string field, const std::string& text,
               size_t max, bool required) {
  if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    out.push_back({std::move(field), "must not be empty"});
  } else if (text.size() > max && CharacterCount(text) > max) {
    out.push_back({std::move(field),
                   "must be at most " + std::to_string(max) + " characters"});
  }
}

// An http or https address of at most 2000 characters.
void CheckWebAddress(Violations& out, const std::string& field,
                     const std::string& url, bool required) {
  CheckText(out, field, url, 2000, required);
  if (url.empty()) return;
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
    out.push_back({field, "must be an http or https address"});
}

void CheckDate(Violations& out, std::string field, const PartialDate& date,
               bool required) {
  if (!date.IsSet()) {
    if (required) out.push_back({std::move(field), "is required"});
    return;
  }
  std::string problem = DescribeInvalid(date);
  if (!problem.empty()) out.push_back({std::move(field), problem});
}

// Each translation: Welsh ("cy"), once, with its text and origin.
void CheckTranslations(Violations& out, const std::string& field,
                       const std::vector<Translation>& translations,
                       size_t max) {
  std::set<std::string> seen;
  for (size_t i = 0; i < translations.size(); ++i) {
    const Translation& t = translations[i];
    const std::string at = At(field, i);
    if (t.language != "cy") {
      out.push_back({at + ".language_code",
                     "must be \"cy\": Welsh is the language the record holds "
                     "beside English"});
    } else if (!seen.insert(t.language).second) {
      out.push_back({at + ".language_code", "\"cy\" appears twice"});
    }
    CheckText(out, at + ".text", t.text, max, true);
    if (t.origin == TextOrigin::kUnspecified)
      out.push_back({at + ".origin", "is required"});
    CheckText(out, at + ".note", t.note, 1000, false);
  }
}

bool DateValid(const PartialDate& d) {
  return d.IsSet() && DescribeInvalid(d).empty();
}

// `later` must not end before `earlier` can begin.
void CheckOrder(Violations& out, std::string field, const PartialDate& earlier,
                const PartialDate& later, std::string_view earlier_name) {
  if (DateValid(earlier) && DateValid(later) &&
      later.Latest() < earlier.Earliest()) {
    out.push_back(
        {std::move(field), "must not be before " + std::string(earlier_name)});
  }
}

void CheckProvenance(Violations& out, const std::string& field,
                     const Provenance& p) {
  for (size_t i = 0; i < p.sources.size(); ++i) {
    CheckText(out, At(field + ".sources", i) + ".id", p.sources[i].id, 100,
              true);
    CheckText(out, At(field + ".sources", i) + ".url", p.sources[i].url, 2000,
              false);
  }
  CheckText(out, field + ".note", p.note, 2000, false);
}

void Append(Violations& out, Violations more) {
  for (FieldViolation& v : more) out.push_back(std::move(v));
}

void CheckAcademicYear(Violations& out, const Inspection& in) {
  Violations bad_year = ValidateAcademicYear(in.academic_year, "academic_year");
  if (!bad_year.empty()) {
    Append(out, std::move(bad_year));
    return;
  }
  if (!DateValid(in.start_date)) return;
  const AcademicYear year{in.academic_year};
  if (in.start_date.Latest() < year.First() ||
      year.Last() < in.start_date.Earliest()) {
    out.push_back(
        {"academic_year", year.Label() + " does not contain start_date"});
  }
}

void CheckRecommendations(Violations& out, const Inspection& in) {
  for (size_t i = 0; i < in.recommendations.size(); ++i) {
    const Recommendation& r = in.recommendations[i];
    const std::string field = At("recommendations", i);
    if (r.number != static_cast<int>(i) + 1) {
      out.push_back({field + ".number",
                     "must be " + std::to_string(i + 1) +
                         ": numbers run 1..n in priority order without gaps"});
    }
    CheckText(out, field + ".text", r.text, 2000, true);
    CheckTranslations(out, field + ".translations", r.translations, 2000);
    CheckProvenance(out, field + ".provenance", r.provenance);
  }
  if (in.recommendation_count < 0 || in.recommendation_count > 30) {
    out.push_back(
        {"recommendation_count", "must be between 0 (unknown) and 30"});
  } else if (in.recommendation_count != 0 &&
             in.recommendation_count <
                 static_cast<int>(in.recommendations.size())) {
    out.push_back({"recommendation_count",
                   "is less than the number of recommendations listed"});
  }
}

void CheckFindings(Violations& out, const Inspection& in) {
  for (size_t i = 0; i < in.findings.size(); ++i) {
    const Finding& f = in.findings[i];
    const std::string field = At("findings", i);
    if (in.framework != FrameworkVersion::kUnspecified &&
        !IsAreaOf(in.framework, f.area)) {
      out.push_back(
          {field + ".area",
           "'" + Quoted(f.area) + "' is not an area of the inspection's framework"});
    }
    if (f.polarity == Polarity::kUnspecified)
      out.push_back({field + ".polarity", "is required"});
    else if (f.polarity == Polarity::kLead)
      out.push_back({field + ".polarity",
                     "must be going well or needs to improve (a lead "
                     "paragraph is for key messages)"});
    CheckText(out, field + ".text", f.text, 4000, true);
    CheckTranslations(out, field + ".translations", f.translations, 4000);
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < in.judgements.size(); ++i) {
    const AreaJudgement& j = in.judgements[i];
    const std::string field = At("judgements", i);
    if (in.framework != FrameworkVersion::kUnspecified &&
        !IsTopLevelAreaOf(in.framework, j.area)) {
      out.push_back(
          {field + ".area",
           "'" + Quoted(j.area) +
               "' is not a top-level area of the inspection's framework"});
    } else if (!seen.insert(j.area).second) {
      out.push_back({field + ".area", "area '" + Quoted(j.area) + "' is judged twice"});
    }
    if (j.grade == Grade::kUnspecified)
      out.push_back({field + ".grade", "is required"});
  }
}

// Providers are checked against the store later; a GSS code that names no
// authority can be reported now, with the record's other violations.
void CheckProviderCode(Violations& out, const std::string& code) {
  if (code.empty()) {
    out.push_back({"provider_code", "is required"});
  } else if (LooksLikeGssCode(code) && FindAuthority(code) == nullptr) {
    out.push_back({"provider_code", "unknown provider code '" + Quoted(code) +
                                        "': no Welsh local authority has it"});
  }
}

}  // namespace

size_t CharacterCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;  // Not a continuation.
  return n;
}

Violations ValidateAcademicYear(int year, std::string_view field) {
  if (year >= kMinYear && year < kMaxYear) return {};
  return {{std::string(field), "must be an academic start year between " +
                                   std::to_string(kMinYear) + " and " +
                                   std::to_string(kMaxYear - 1)}};
}

Violations ValidateYearRange(int from, int to, std::string_view from_field,
                             std::string_view to_field) {
  Violations out = ValidateAcademicYear(from, from_field);
  Append(out, ValidateAcademicYear(to, to_field));
  if (!out.empty()) return out;
  if (to < from) return ValidateOpenYearRange(from, to, from_field, to_field);
  if (to - from >= kMaxRangeYears) {
    out.push_back({std::string(to_field), "the range may span at most " +
                                              std::to_string(kMaxRangeYears) +
                                              " years"});
  }
  return out;
}

Violations ValidateOpenYearRange(int from, int to, std::string_view from_field,
                                 std::string_view to_field) {
  if (to == 0 || to >= from) return {};
  return {
      {std::string(to_field), "must not be before " + std::string(from_field)}};
}

Violations ValidateThemeChoice(
    int recommendation_number, const std::string& theme_id,
    const std::string& reason,
    absl::FunctionRef<bool(const std::string&)> is_theme) {
  Violations out;
  if (recommendation_number < 1)
    out.push_back({"recommendation_number", "must be 1 or more"});
  if (!theme_id.empty() && !is_theme(theme_id)) {
    out.push_back({"theme_id", "'" + Quoted(theme_id) +
                                   "' is not a theme of the vocabulary (see "
                                   "ListThemes)"});
  }
  if (!theme_id.empty() && reason.empty())
    out.push_back(
        {"reason", "say why the theme is set (it is kept for audit)"});
  if (CharacterCount(reason) > kMaxReasonCharacters) {
    out.push_back({"reason", "must be at most " +
                                 std::to_string(kMaxReasonCharacters) +
                                 " characters"});
  }
  return out;
}

Violations ValidateConsortiumFilter(const std::string& consortium,
                                    const std::vector<std::string>& group_codes,
                                    std::string_view field) {
  if (consortium.empty() || consortium == "none" ||
      std::find(group_codes.begin(), group_codes.end(), consortium) !=
          group_codes.end()) {
    return {};
  }
  return {
      {std::string(field),
       "'" + Quoted(consortium) + "' is not the code of a consortium or partnership"}};
}

std::string DefaultInspectionId(const Inspection& in) {
  const CivilDay first = in.start_date.Earliest();
  char buf[64];
  std::snprintf(buf, sizeof buf, "-%04d-%02d", first.year, first.month);
  return in.provider_code + buf;
}

bool LooksLikeGssCode(std::string_view code) {
  if (code.size() != 9 || code.substr(0, 3) != "W06") return false;
  for (char c : code.substr(3)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool IsValidInspectionId(std::string_view id) {
  if (id.size() < 3 || id.size() > 63 ||
      !std::isalpha(static_cast<unsigned char>(id[0])))
    return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

bool IsValidProviderSlug(std::string_view code) {
  if (code.size() < 2 || code.size() > 40 ||
      !std::islower(static_cast<unsigned char>(code[0])))
    return false;
  for (char c : code) {
    if (!std::islower(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '-') {
      return false;
    }
  }
  return true;
}

Violations ValidateProvider(const Provider& p) {
  Violations out;
  if (p.kind == ProviderKind::kUnspecified) {
    out.push_back({"kind", "is required"});
  } else if (p.kind == ProviderKind::kLocalAuthority) {
    if (FindAuthority(p.code) == nullptr)
      out.push_back(
          {"code",
           "'" + Quoted(p.code) + "' is not the GSS code of a Welsh local authority"});
    if (!p.memberships.empty())
      out.push_back({"memberships", "must be empty for a local authority"});
  } else if (!IsValidProviderSlug(p.code)) {
    out.push_back({"code",
                   "must be 2-40 characters of a-z, 0-9 and '-', starting with "
                   "a letter"});
  }
  CheckText(out, "name_en", p.name_en, 200, true);
  CheckText(out, "name_cy", p.name_cy, 200, true);
  CheckText(out, "corporate_name", p.corporate_name, 300, false);
  for (size_t i = 0; i < p.memberships.size(); ++i) {
    const Membership& m = p.memberships[i];
    const std::string field = At("memberships", i);
    if (FindAuthority(m.authority_code) == nullptr) {
      out.push_back({field + ".authority_code",
                     "'" + Quoted(m.authority_code) +
                         "' is not the GSS code of a Welsh local authority"});
    }
    CheckDate(out, field + ".valid_from", m.valid_from, true);
    CheckDate(out, field + ".valid_to", m.valid_to, false);
    CheckOrder(out, field + ".valid_to", m.valid_from, m.valid_to,
               "valid_from");
    CheckProvenance(out, field + ".provenance", m.provenance);
  }
  CheckProvenance(out, "provenance", p.provenance);
  return out;
}

Violations ValidateInspection(const Inspection& in) {
  Violations out;
  CheckProviderCode(out, in.provider_code);
  CheckDate(out, "start_date", in.start_date, true);
  CheckDate(out, "end_date", in.end_date, false);
  CheckOrder(out, "end_date", in.start_date, in.end_date, "start_date");
  CheckAcademicYear(out, in);
  if (in.framework == FrameworkVersion::kUnspecified)
    out.push_back({"framework", "is required"});
  if (in.local_inspection_questions.size() > 20) {
    out.push_back(
        {"local_inspection_questions", "must hold at most 20 questions"});
  }
  for (size_t i = 0; i < in.local_inspection_questions.size(); ++i) {
    CheckText(out, At("local_inspection_questions", i),
              in.local_inspection_questions[i], 1000, true);
  }
  CheckFindings(out, in);
  CheckRecommendations(out, in);
  CheckDate(out, "report_published", in.report_published, false);
  CheckOrder(out, "report_published", in.start_date, in.report_published,
             "start_date");
  for (size_t i = 0; i < in.case_studies.size(); ++i) {
    CheckText(out, At("case_studies", i) + ".title", in.case_studies[i].title,
              300, true);
    CheckTranslations(out, At("case_studies", i) + ".title_translations",
                      in.case_studies[i].title_translations, 300);
    CheckText(out, At("case_studies", i) + ".summary",
              in.case_studies[i].summary, 4000, false);
    CheckText(out, At("case_studies", i) + ".url", in.case_studies[i].url, 2000,
              false);
  }
  CheckProvenance(out, "provenance", in.provenance);
  CheckWebAddress(out, "report_url", in.report_url, false);
  return out;
}

Violations ValidateFollowUpEvent(const FollowUpEvent& e) {
  Violations out;
  CheckProviderCode(out, e.provider_code);
  if (e.kind == FollowUpKind::kUnspecified)
    out.push_back({"kind", "is required"});
  CheckDate(out, "date", e.date, true);
  CheckText(out, "description", e.description, 4000, false);
  std::set<int> seen;
  for (size_t i = 0; i < e.recommendation_progress.size(); ++i) {
    const RecommendationProgress& p = e.recommendation_progress[i];
    const std::string field = At("recommendation_progress", i);
    if (p.recommendation_number < 1 || p.recommendation_number > 30) {
      out.push_back(
          {field + ".recommendation_number", "must be between 1 and 30"});
    } else if (!seen.insert(p.recommendation_number).second) {
      out.push_back({field + ".recommendation_number",
                     "recommendation " +
                         std::to_string(p.recommendation_number) +
                         " appears twice"});
    }
    if (p.progress == Progress::kUnspecified && !p.addressed) {
      out.push_back(
          {field + ".progress",
           "is required unless the recommendation is marked addressed"});
    }
  }
  if (!e.recommendation_progress.empty() && e.inspection_id.empty()) {
    out.push_back(
        {"inspection", "is required when recommendation_progress is given"});
  }
  CheckProvenance(out, "provenance", e.provenance);
  return out;
}

Violations ValidateKeyMessage(const KeyMessage& m) {
  Violations out;
  Append(out, ValidateAcademicYear(m.academic_year, "academic_year"));
  CheckText(out, "area", m.area, 200, true);
  if (m.polarity == Polarity::kUnspecified)
    out.push_back({"polarity", "is required"});
  if (m.position < 0 || m.position > 1000)
    out.push_back({"position", "must be between 0 and 1000"});
  CheckText(out, "text", m.text, 4000, true);
  CheckTranslations(out, "translations", m.translations, 4000);
  CheckProvenance(out, "provenance", m.provenance);
  return out;
}

Violations ValidatePublishedYear(const PublishedYear& y) {
  Violations out;
  Append(out, ValidateAcademicYear(y.academic_year, "academic_year"));
  CheckWebAddress(out, "source_url", y.source_url, true);
  std::set<SectorFigure> seen;
  for (size_t i = 0; i < y.figures.size(); ++i) {
    const PublishedFigure& f = y.figures[i];
    if (f.figure == SectorFigure::kUnspecified)
      out.push_back({At("figures", i) + ".figure", "is required"});
    else if (!seen.insert(f.figure).second)
      out.push_back({At("figures", i) + ".figure", "is given twice"});
    if (f.value < 0 || f.value > 1000)
      out.push_back({At("figures", i) + ".value", "must be between 0 and 1000"});
  }
  CheckText(out, "overview_source", y.overview_source, 1000, false);
  if (y.overview_inspected < 0 || y.overview_inspected > 1000)
    out.push_back({"overview_inspected", "must be between 0 and 1000"});
  if (y.overview.size() > 50)
    out.push_back({"overview", "must hold at most 50 statements"});
  for (size_t i = 0; i < y.overview.size(); ++i) {
    const PublishedThemeStatement& t = y.overview[i];
    CheckText(out, At("overview", i) + ".as_printed", t.as_printed, 1000, true);
    if (t.authorities < 0 || t.authorities > 1000)
      out.push_back({At("overview", i) + ".authorities",
                     "must be between 0 and 1000"});
    CheckText(out, At("overview", i) + ".theme_id", t.theme_id, 100, false);
  }
  CheckText(out, "note", y.note, 2000, false);
  return out;
}

const Translation* TranslationIn(const std::vector<Translation>& translations,
                                 const std::string& language) {
  for (const Translation& t : translations)
    if (t.language == language) return &t;
  return nullptr;
}

}  // namespace lges
