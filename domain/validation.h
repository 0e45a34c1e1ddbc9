#pragma once
// Validation of records as a client submits them, before storage. Each
// function returns one violation per invalid field (empty when the record is
// valid), with field paths named as in the protos ("recommendations[1].text").
// Checks that need stored data (does the provider exist? is the id free?)
// belong to the store.

#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "domain/errors.h"
#include "domain/records.h"

namespace lges {

Violations ValidateProvider(const Provider& provider);
Violations ValidateInspection(const Inspection& inspection);
Violations ValidateFollowUpEvent(const FollowUpEvent& event);
Violations ValidateKeyMessage(const KeyMessage& message);
Violations ValidatePublishedYear(const PublishedYear& year);

// Academic years are named by their start year (2022 is 2022-2023). A year
// the record can hold is in [kMinYear, kMaxYear). One violation at `field`
// if `year` is not.
Violations ValidateAcademicYear(int year, std::string_view field);
// A range of academic years asked of analytics: both ends valid, `to` not
// before `from`, at most kMaxRangeYears years. Violations at the two fields.
inline constexpr int kMaxRangeYears = 50;
Violations ValidateYearRange(int from, int to, std::string_view from_field,
                             std::string_view to_field);
// A filter's optional range, where 0 leaves an end open: `to` must not be
// before `from` when both are given.
Violations ValidateOpenYearRange(int from, int to, std::string_view from_field,
                                 std::string_view to_field);

// A person's choice of theme for one recommendation (see ThemeOverride):
// the number is 1 or more; a theme being set must be one `is_theme` knows
// and come with a reason, kept for audit; reasons are at most
// kMaxReasonCharacters. An empty `theme_id` clears the override.
inline constexpr size_t kMaxReasonCharacters = 1000;
Violations ValidateThemeChoice(
    int recommendation_number, const std::string& theme_id,
    const std::string& reason,
    absl::FunctionRef<bool(const std::string&)> is_theme);
// A consortium filter: "" (any), "none" (in no consortium) or one of
// `group_codes`. One violation at `field` otherwise.
Violations ValidateConsortiumFilter(const std::string& consortium,
                                    const std::vector<std::string>& group_codes,
                                    std::string_view field);

// Unicode characters in UTF-8 `text`, as length limits count them.
size_t CharacterCount(std::string_view text);

// True for "W06" + six digits; says nothing of whether the authority exists.
bool LooksLikeGssCode(std::string_view code);
// True for an inspection id: 3-63 of [A-Za-z0-9-], starting with a letter.
bool IsValidInspectionId(std::string_view id);
// The id an inspection gets when its creator gives none:
// "<provider>-<yyyy>-<mm>" from the start date's first possible day. The
// store adds "-2", "-3"... when that id is taken.
std::string DefaultInspectionId(const Inspection& inspection);
// True for a non-authority provider code: 2-40 of [a-z0-9-], starting with a
// letter.
bool IsValidProviderSlug(std::string_view code);

}  // namespace lges
