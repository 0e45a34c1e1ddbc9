// Analytics results to protos.
#include "convert/convert_analytics.h"

#include <google/protobuf/util/time_util.h>

#include "convert/convert.h"

namespace lges::convert {
namespace {

using google::protobuf::util::TimeUtil;

// The labels of theme `id`; left empty if the vocabulary lacks it.
template <typename Message>
void SetThemeLabels(const analytics::Vocabulary& vocabulary,
                    const std::string& id, Message* out,
                    void (Message::*set_en)(const std::string&),
                    void (Message::*set_cy)(const std::string&)) {
  if (const analytics::Theme* theme = vocabulary.Find(id)) {
    (out->*set_en)(theme->label_en);
    (out->*set_cy)(theme->label_cy);
  }
}

// The names of provider `code`; left empty if the snapshot lacks it.
template <typename Message>
void SetProviderNames(const analytics::Snapshot& s, const std::string& code,
                      Message* out,
                      void (Message::*set_en)(const std::string&),
                      void (Message::*set_cy)(const std::string&)) {
  if (const Provider* p = s.FindProvider(code)) {
    (out->*set_en)(p->name_en);
    (out->*set_cy)(p->name_cy);
  }
}

void AddNamed(const analytics::Snapshot& s,
              const std::vector<std::string>& codes,
              google::protobuf::RepeatedPtrField<pb::ProviderName>* out) {
  for (const std::string& code : codes) {
    pb::ProviderName* named = out->Add();
    named->set_code(code);
    SetProviderNames(s, code, named, &pb::ProviderName::set_name_en,
                     &pb::ProviderName::set_name_cy);
  }
}

void LineToProto(const analytics::Vocabulary& vocabulary,
                 const analytics::ThemeLine& line, i18n::Language language,
                 pb::ThemeLine* out) {
  out->set_theme_id(line.theme_id);
  SetThemeLabels(vocabulary, line.theme_id, out, &pb::ThemeLine::set_label_en,
                 &pb::ThemeLine::set_label_cy);
  out->set_providers(line.providers);
  out->set_recommendations(line.recommendations);
  out->set_sentence(analytics::Sentence(line, vocabulary, language));
}

void MilestoneToProto(const analytics::Milestone& m, pb::Milestone* out) {
  out->set_kind(static_cast<pb::MilestoneKind>(static_cast<int>(m.kind) + 1));
  ToProto(m.planned_from, out->mutable_planned_from());
  ToProto(m.planned_to, out->mutable_planned_to());
  if (m.happened) ToProto(*m.happened, out->mutable_happened());
  out->set_state(
      static_cast<pb::MilestoneState>(static_cast<int>(m.state) + 1));
}

}  // namespace

void ToProto(const analytics::Snapshot& snapshot, const analytics::Notes& notes,
             pb::AnalyticsMeta* out, i18n::Language language) {
  out->set_dataset_version(snapshot.version());
  *out->mutable_as_of() =
      TimeUtil::MillisecondsToTimestamp(snapshot.as_of_ms());
  out->set_vocabulary_version(snapshot.vocabulary().version);
  for (const analytics::Note& f : notes.footnotes)
    out->add_footnotes(analytics::Text(f, language));
  for (const analytics::Note& w : notes.warnings)
    out->add_warnings(analytics::Text(w, language));
  out->set_language_code(i18n::LanguageCode(language));
}

void ToProto(const analytics::Theme& theme, pb::Theme* out) {
  out->set_id(theme.id);
  out->set_label_en(theme.label_en);
  out->set_label_cy(theme.label_cy);
  out->set_description(theme.description);
  out->set_recommendation_phrase(theme.recommendation_phrase);
  out->set_recommendation_phrase_cy(theme.recommendation_phrase_cy);
  for (const std::string& a : theme.aspects_2018) out->add_aspects_2018(a);
  for (const std::string& a : theme.aspects_2024) out->add_aspects_2024(a);
  for (const analytics::ThemeRule& r : theme.rules) {
    pb::ThemeRule* rule = out->add_rules();
    rule->set_phrase(r.phrase);
    rule->set_kind(static_cast<pb::CueKind>(r.kind));
  }
}

void ToProto(const analytics::Vocabulary& vocabulary,
             pb::ListThemesResponse* out) {
  out->set_vocabulary(vocabulary.name);
  out->set_version(vocabulary.version);
  for (const analytics::Theme& t : vocabulary.themes)
    ToProto(t, out->add_themes());
}

void ToProto(const analytics::Classification& c,
             const analytics::Vocabulary& vocabulary,
             pb::ClassifyRecommendationResponse* out) {
  out->set_primary_theme(c.primary_theme);
  SetThemeLabels(vocabulary, c.primary_theme, out,
                 &pb::ClassifyRecommendationResponse::set_primary_theme_label_en,
                 &pb::ClassifyRecommendationResponse::set_primary_theme_label_cy);
  for (const std::string& t : c.tags) out->add_tags(t);
  for (const analytics::Evidence& e : c.evidence) {
    pb::Evidence* ev = out->add_evidence();
    ev->set_theme_id(e.theme_id);
    ev->set_phrase(e.phrase);
    ev->set_matched(e.matched);
    ev->set_kind(static_cast<pb::CueKind>(e.kind));
    ev->set_in_head(e.in_head);
  }
  out->set_vocabulary_version(vocabulary.version);
}

void ToProto(const analytics::Snapshot& s, const analytics::FollowUpYear& y,
             pb::FollowUpYear* out) {
  out->set_academic_year(y.academic_year);
  out->set_academic_year_label(AcademicYear{y.academic_year}.Label());
  for (const std::string& c : y.at_start) out->add_at_start(c);
  for (const std::string& c : y.entered) out->add_entered(c);
  for (const std::string& c : y.removed) out->add_removed(c);
  for (const std::string& c : y.at_end) out->add_at_end(c);
  AddNamed(s, y.at_start, out->mutable_at_start_names());
  AddNamed(s, y.entered, out->mutable_entered_names());
  AddNamed(s, y.removed, out->mutable_removed_names());
  AddNamed(s, y.at_end, out->mutable_at_end_names());
}

void ToProto(const analytics::Episode& e, const CivilDay& day,
             pb::AuthorityStatus* out) {
  ToProto(e.entered, out->mutable_since());
  out->set_days(analytics::DaysInFollowUpOn(e, day));
  if (!e.inspection_id.empty())
    out->set_inspection("inspections/" + e.inspection_id);
  if (e.removed) ToProto(*e.removed, out->mutable_removed());
}

void ToProto(const analytics::Snapshot& s, const analytics::Episode& e,
             pb::FollowUpEpisode* out) {
  out->set_provider_code(e.provider_code);
  SetProviderNames(s, e.provider_code, out, &pb::FollowUpEpisode::set_name_en,
                   &pb::FollowUpEpisode::set_name_cy);
  if (!e.inspection_id.empty())
    out->set_inspection("inspections/" + e.inspection_id);
  ToProto(e.entered, out->mutable_entered());
  if (e.removed) ToProto(*e.removed, out->mutable_removed());
  out->set_ongoing(!e.removed);
  out->set_days(e.days);
  for (const analytics::Milestone& m : e.milestones)
    MilestoneToProto(m, out->add_milestones());
  for (const analytics::ProgressRow& p : e.progress) {
    pb::ProgressRow* row = out->add_progress();
    ToProto(p.visit, row->mutable_visit());
    row->set_recommendation_number(p.recommendation_number);
    row->set_recommendation_text(p.recommendation_text);
    row->set_progress(static_cast<pb::Progress>(p.progress));
    row->set_addressed(p.addressed);
  }
}

void ToProto(const analytics::Snapshot& s, const CivilDay& day,
             pb::FollowUpStatus* out, i18n::Language language) {
  ToProto(day, out->mutable_date());
  int in_follow_up = 0;
  for (const auto& [authority, episode] : s.StatusAt(day)) {
    pb::AuthorityStatus* a = out->add_authorities();
    a->set_provider_code(authority->code);
    a->set_name_en(authority->name_en);
    a->set_name_cy(authority->name_cy);
    a->set_in_follow_up(episode != nullptr);
    if (!episode) continue;
    ++in_follow_up;
    ToProto(*episode, day, a);
  }
  out->set_in_follow_up(in_follow_up);
  ToProto(s, analytics::Notes{}, out->mutable_meta(), language);
}

void ToProto(const analytics::Snapshot& s, int from, int to,
             pb::FollowUpAnalytics* out, i18n::Language language) {
  for (const analytics::FollowUpYear& year : s.FollowUpYears(from, to))
    ToProto(s, year, out->add_years());
  for (const analytics::Episode& e : s.episodes())
    ToProto(s, e, out->add_episodes());
  out->set_mean_days_completed(s.MeanDaysCompleted());
  ToProto(s, analytics::Notes{}, out->mutable_meta(), language);
}

void ToProto(const analytics::Snapshot& s, int academic_year,
             pb::SectorSnapshot* out, i18n::Language language) {
  out->set_dataset_version(s.version());
  *out->mutable_as_of() = TimeUtil::MillisecondsToTimestamp(s.as_of_ms());
  const std::vector<std::string> in_follow_up = s.InFollowUpOn(s.today());
  for (const std::string& code : in_follow_up) out->add_in_follow_up(code);
  AddNamed(s, in_follow_up, out->mutable_in_follow_up_names());
  ToProto(s, s.Summary(academic_year), out->mutable_summary(), language);
}

void ToProto(const analytics::Snapshot& s,
             const analytics::SectorSummary& summary, pb::SectorSummary* out,
             i18n::Language language) {
  out->set_academic_year(summary.academic_year);
  out->set_academic_year_label(AcademicYear{summary.academic_year}.Label());
  out->set_core_inspections(summary.inspections);
  out->set_welsh_medium(summary.welsh_medium);
  out->set_english_medium(summary.english_medium);
  out->set_unknown_medium(summary.unknown_medium);
  out->set_case_studies(summary.case_studies);
  out->set_providers_inspected(summary.providers_inspected);
  ToProto(s, summary.follow_up, out->mutable_follow_up());
  for (const analytics::ThemeLine& line : summary.themes)
    LineToProto(s.vocabulary(), line, language, out->add_themes());
  for (const KeyMessage& m : summary.key_messages)
    ToProto(m, out->add_key_messages());
  for (const Inspection& in : s.data().inspections) {
    if (in.academic_year != summary.academic_year) continue;
    pb::YearInspection* y = out->add_inspections();
    y->set_inspection("inspections/" + in.id);
    y->mutable_provider()->set_code(in.provider_code);
    SetProviderNames(s, in.provider_code, y->mutable_provider(),
                     &pb::ProviderName::set_name_en,
                     &pb::ProviderName::set_name_cy);
    if (in.report_published.IsSet())
      ToProto(in.report_published, y->mutable_report_published());
    y->set_report_url(in.report_url);
    for (const CaseStudy& c : in.case_studies)
      ToProto(c, y->add_case_studies());
    y->set_language_medium(static_cast<pb::LanguageMedium>(in.language_medium));
  }
  ToProto(s, summary.notes, out->mutable_meta(), language);
}

void ToProto(const analytics::Snapshot& s, const analytics::ThemeTrends& trends,
             pb::ThemeTrends* out, i18n::Language language) {
  out->set_from_academic_year(trends.from);
  out->set_to_academic_year(trends.to);
  for (int y : trends.years_without_inspections)
    out->add_years_without_inspections(y);
  if (!trends.themes.empty()) {
    for (const analytics::TrendPoint& p : trends.themes.front().points) {
      out->add_academic_years(p.academic_year);
      out->add_academic_year_labels(AcademicYear{p.academic_year}.Label());
      out->add_inspected(p.inspected);
      out->add_providers_inspected(p.providers_inspected);
    }
  }
  for (const analytics::ThemeTrend& t : trends.themes) {
    pb::ThemeTrend* trend = out->add_themes();
    trend->set_theme_id(t.theme_id);
    SetThemeLabels(s.vocabulary(), t.theme_id, trend,
                   &pb::ThemeTrend::set_label_en, &pb::ThemeTrend::set_label_cy);
    trend->set_first_seen(t.first_seen.value_or(0));
    trend->set_last_seen(t.last_seen.value_or(0));
    trend->set_recommendations(t.recommendations);
    for (const analytics::TrendPoint& p : t.points) {
      trend->add_providers_with_theme(p.providers_with_theme);
      trend->add_proportion(p.proportion);
      trend->add_has_change(p.change_points.has_value());
      trend->add_change_points(p.change_points.value_or(0));
    }
  }
  ToProto(s, trends.notes, out->mutable_meta(), language);
}

void ToProto(const analytics::Snapshot& s,
             const analytics::AuthorityProfile& profile,
             pb::AuthorityProfile* out, i18n::Language language) {
  if (const Provider* p = s.FindProvider(profile.provider_code))
    ToProto(*p, out->mutable_provider());
  for (const analytics::ProfileInspection& in : profile.inspections) {
    pb::ProfileInspection* pi = out->add_inspections();
    pi->set_inspection("inspections/" + in.inspection_id);
    pi->set_academic_year(in.academic_year);
    pi->set_academic_year_label(AcademicYear{in.academic_year}.Label());
    ToProto(in.start_date, pi->mutable_start_date());
    pi->set_causing_significant_concern(in.causing_significant_concern);
    pi->set_recommendation_count(in.recommendation_count);
    pi->set_consortium(in.group_code);
    SetProviderNames(s, in.group_code, pi,
                     &pb::ProfileInspection::set_consortium_name_en,
                     &pb::ProfileInspection::set_consortium_name_cy);
    for (const analytics::ProfileRecommendation& r : in.recommendations) {
      pb::ThemedRecommendation* tr = pi->add_recommendations();
      tr->set_number(r.number);
      tr->set_text(r.text);
      tr->set_text_status(static_cast<pb::TextStatus>(r.text_status));
      tr->set_primary_theme(r.primary_theme);
      SetThemeLabels(s.vocabulary(), r.primary_theme, tr,
                     &pb::ThemedRecommendation::set_primary_theme_label_en,
                     &pb::ThemedRecommendation::set_primary_theme_label_cy);
      for (const std::string& t : r.tags) tr->add_tags(t);
      tr->set_overridden(r.overridden);
      ToProto(r.translations, tr->mutable_translations());
    }
  }
  for (const analytics::RecurringTheme& r : profile.recurring_themes) {
    pb::RecurringTheme* rt = out->add_recurring_themes();
    rt->set_theme_id(r.theme_id);
    SetThemeLabels(s.vocabulary(), r.theme_id, rt,
                   &pb::RecurringTheme::set_label_en,
                   &pb::RecurringTheme::set_label_cy);
    for (const std::string& id : r.inspection_ids)
      rt->add_inspections("inspections/" + id);
  }
  for (const analytics::Episode& e : profile.follow_up)
    ToProto(s, e, out->add_follow_up());
  ToProto(s, profile.notes, out->mutable_meta(), language);
}

void ToProto(const analytics::Snapshot& s, const analytics::GroupComparison& c,
             pb::ConsortiumComparison* out, i18n::Language language) {
  out->set_from_academic_year(c.from);
  out->set_to_academic_year(c.to);
  for (const analytics::GroupLine& g : c.groups) {
    pb::ConsortiumLine* line = out->add_consortia();
    line->set_consortium(g.group_code);
    line->set_name_en(g.name_en);
    SetProviderNames(s, g.group_code, line, &pb::ConsortiumLine::set_name_en,
                     &pb::ConsortiumLine::set_name_cy);
    line->set_inspections(g.inspections);
    line->set_providers_inspected(g.providers_inspected);
    line->set_judged_causing_concern(g.judged_causing_concern);
    for (const analytics::ThemeLine& t : g.themes)
      LineToProto(s.vocabulary(), t, language, line->add_themes());
  }
  ToProto(s, c.notes, out->mutable_meta(), language);
}

}  // namespace lges::convert
