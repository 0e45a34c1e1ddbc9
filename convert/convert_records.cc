// Conversions of the four resources.
#include <google/protobuf/util/time_util.h>

#include "convert/convert.h"
#include "convert/convert_internal.h"
#include "convert/resource_name.h"

namespace lges::convert {
namespace {

std::vector<Translation> TranslationsFromProto(
    const google::protobuf::RepeatedPtrField<pb::LocalizedText>& in,
    const std::string& path, Violations& out) {
  std::vector<Translation> d;
  for (int i = 0; i < in.size(); ++i) {
    const pb::LocalizedText& t = in.Get(i);
    d.push_back({t.language_code(), t.text(),
                 EnumFrom<TextOrigin>(t.origin(), pb::TextOrigin_IsValid,
                                      Indexed(path, i) + ".origin", out),
                 t.note()});
  }
  return d;
}

}  // namespace

Provider FromProto(const pb::Provider& in, Violations& out) {
  Provider p;
  p.code = in.code();
  p.kind = KindFromProto(in.kind(), "kind", out);
  p.name_en = in.name_en();
  p.name_cy = in.name_cy();
  p.corporate_name = in.corporate_name();
  for (int i = 0; i < in.memberships_size(); ++i) {
    const pb::Membership& m = in.memberships(i);
    const std::string path = Indexed("memberships", i);
    p.memberships.push_back(
        {m.authority_code(),
         FromProto(m.valid_from(), path + ".valid_from", out),
         FromProto(m.valid_to(), path + ".valid_to", out),
         FromProto(m.provenance(), path + ".provenance", out)});
  }
  p.provenance = FromProto(in.provenance(), "provenance", out);
  return p;
}

void ToProto(const Provider& in, pb::Provider* out) {
  out->set_name("providers/" + in.code);
  out->set_code(in.code);
  out->set_kind(static_cast<pb::ProviderKind>(in.kind));
  out->set_name_en(in.name_en);
  out->set_name_cy(in.name_cy);
  out->set_corporate_name(in.corporate_name);
  for (const Membership& m : in.memberships) {
    pb::Membership* pm = out->add_memberships();
    pm->set_authority_code(m.authority_code);
    ToProto(m.valid_from, pm->mutable_valid_from());
    if (m.valid_to.IsSet()) ToProto(m.valid_to, pm->mutable_valid_to());
    ToProto(m.provenance, pm->mutable_provenance());
  }
  ToProto(in.provenance, out->mutable_provenance());
  out->set_etag(EtagOf(in.meta));
  SetTimes(in.meta, out->mutable_create_time(), out->mutable_update_time());
}

namespace {

void FindingsFromProto(const pb::Inspection& in, Inspection& d,
                       Violations& out) {
  for (int i = 0; i < in.findings_size(); ++i) {
    const pb::Finding& f = in.findings(i);
    d.findings.push_back(
        {f.area(),
         EnumFrom<Polarity>(f.polarity(), pb::Polarity_IsValid,
                            Indexed("findings", i) + ".polarity", out),
         f.text(),
         TranslationsFromProto(f.translations(),
                               Indexed("findings", i) + ".translations", out)});
  }
  for (int i = 0; i < in.judgements_size(); ++i) {
    const pb::AreaJudgement& j = in.judgements(i);
    d.judgements.push_back(
        {j.area(), EnumFrom<Grade>(j.grade(), pb::Grade_IsValid,
                                   Indexed("judgements", i) + ".grade", out)});
  }
}

void RecommendationsFromProto(const pb::Inspection& in, Inspection& d,
                              Violations& out) {
  for (int i = 0; i < in.recommendations_size(); ++i) {
    const pb::Recommendation& r = in.recommendations(i);
    const std::string path = Indexed("recommendations", i);
    d.recommendations.push_back(
        {r.number(), r.text(),
         EnumFrom<TextStatus>(r.text_status(), pb::TextStatus_IsValid,
                              path + ".text_status", out),
         FromProto(r.provenance(), path + ".provenance", out),
         TranslationsFromProto(r.translations(), path + ".translations", out)});
  }
}

}  // namespace

Inspection FromProto(const pb::Inspection& in, Violations& out) {
  Inspection d;
  d.provider_code = ProviderCodeOf(in.provider_code());
  d.start_date = FromProto(in.start_date(), "start_date", out);
  if (in.has_end_date()) d.end_date = FromProto(in.end_date(), "end_date", out);
  d.academic_year = in.academic_year();
  d.framework = FrameworkFromProto(in.framework(), "framework", out);
  d.language_medium = EnumFrom<LanguageMedium>(
      in.language_medium(), pb::LanguageMedium_IsValid, "language_medium", out);
  d.local_inspection_questions.assign(in.local_inspection_questions().begin(),
                                      in.local_inspection_questions().end());
  FindingsFromProto(in, d, out);
  RecommendationsFromProto(in, d, out);
  d.recommendation_count = in.recommendation_count();
  d.recommendation_order_known = in.recommendation_order_known();
  d.causing_significant_concern = in.causing_significant_concern();
  d.report_url = in.report_url();
  if (in.has_report_published())
    d.report_published =
        FromProto(in.report_published(), "report_published", out);
  for (int i = 0; i < in.case_studies_size(); ++i) {
    const pb::CaseStudy& c = in.case_studies(i);
    d.case_studies.push_back(
        {c.title(), c.summary(), c.url(),
         TranslationsFromProto(
             c.title_translations(),
             Indexed("case_studies", i) + ".title_translations", out)});
  }
  d.provenance = FromProto(in.provenance(), "provenance", out);
  return d;
}

void ToProto(const Inspection& in, pb::Inspection* out) {
  out->set_name("inspections/" + in.id);
  out->set_provider_code(in.provider_code);
  ToProto(in.start_date, out->mutable_start_date());
  if (in.end_date.IsSet()) ToProto(in.end_date, out->mutable_end_date());
  out->set_academic_year(in.academic_year);
  out->set_framework(static_cast<pb::FrameworkVersion>(in.framework));
  out->set_language_medium(static_cast<pb::LanguageMedium>(in.language_medium));
  for (const std::string& q : in.local_inspection_questions)
    out->add_local_inspection_questions(q);
  for (const Finding& f : in.findings) {
    pb::Finding* pf = out->add_findings();
    pf->set_area(f.area);
    pf->set_polarity(static_cast<pb::Polarity>(f.polarity));
    pf->set_text(f.text);
    ToProto(f.translations, pf->mutable_translations());
  }
  for (const AreaJudgement& j : in.judgements) {
    pb::AreaJudgement* pj = out->add_judgements();
    pj->set_area(j.area);
    pj->set_grade(static_cast<pb::Grade>(j.grade));
  }
  for (const Recommendation& r : in.recommendations) {
    pb::Recommendation* pr = out->add_recommendations();
    pr->set_number(r.number);
    pr->set_text(r.text);
    pr->set_text_status(static_cast<pb::TextStatus>(r.text_status));
    ToProto(r.provenance, pr->mutable_provenance());
    ToProto(r.translations, pr->mutable_translations());
  }
  out->set_recommendation_count(in.recommendation_count);
  out->set_recommendation_order_known(in.recommendation_order_known);
  out->set_causing_significant_concern(in.causing_significant_concern);
  if (in.report_published.IsSet())
    ToProto(in.report_published, out->mutable_report_published());
  out->set_report_url(in.report_url);
  for (const CaseStudy& c : in.case_studies)
    ToProto(c, out->add_case_studies());
  ToProto(in.provenance, out->mutable_provenance());
  out->set_etag(EtagOf(in.meta));
  SetTimes(in.meta, out->mutable_create_time(), out->mutable_update_time());
}

FollowUpEvent FromProto(const pb::FollowUpEvent& in, Violations& out) {
  FollowUpEvent e;
  e.provider_code = ProviderCodeOf(in.provider_code());
  e.kind = FollowUpKindFromProto(in.kind(), "kind", out);
  e.date = FromProto(in.date(), "date", out);
  static constexpr std::string_view kPrefix = "inspections/";
  if (!in.inspection().empty()) {
    if (in.inspection().rfind(kPrefix, 0) != 0 ||
        in.inspection().size() == kPrefix.size()) {
      out.push_back(
          {"inspection", "must be a resource name 'inspections/{id}'"});
    } else {
      e.inspection_id = in.inspection().substr(kPrefix.size());
    }
  }
  e.description = in.description();
  for (int i = 0; i < in.recommendation_progress_size(); ++i) {
    const pb::RecommendationProgress& p = in.recommendation_progress(i);
    e.recommendation_progress.push_back(
        {p.recommendation_number(),
         EnumFrom<Progress>(p.progress(), pb::Progress_IsValid,
                            Indexed("recommendation_progress", i) + ".progress",
                            out),
         p.addressed()});
  }
  e.provenance = FromProto(in.provenance(), "provenance", out);
  return e;
}

void ToProto(const FollowUpEvent& in, pb::FollowUpEvent* out) {
  out->set_name("followUpEvents/" + in.id);
  out->set_provider_code(in.provider_code);
  out->set_kind(static_cast<pb::FollowUpKind>(in.kind));
  ToProto(in.date, out->mutable_date());
  if (!in.inspection_id.empty())
    out->set_inspection("inspections/" + in.inspection_id);
  out->set_description(in.description);
  for (const RecommendationProgress& p : in.recommendation_progress) {
    pb::RecommendationProgress* pp = out->add_recommendation_progress();
    pp->set_recommendation_number(p.recommendation_number);
    pp->set_progress(static_cast<pb::Progress>(p.progress));
    pp->set_addressed(p.addressed);
  }
  ToProto(in.provenance, out->mutable_provenance());
  out->set_etag(EtagOf(in.meta));
  SetTimes(in.meta, out->mutable_create_time(), out->mutable_update_time());
}

KeyMessage FromProto(const pb::KeyMessage& in, Violations& out) {
  KeyMessage m;
  m.academic_year = in.academic_year();
  m.area = in.area();
  m.polarity = PolarityFromProto(in.polarity(), "polarity", out);
  m.position = in.position();
  m.text = in.text();
  m.provenance = FromProto(in.provenance(), "provenance", out);
  m.translations =
      TranslationsFromProto(in.translations(), "translations", out);
  m.text_origin = EnumFrom<TextOrigin>(in.text_origin(), pb::TextOrigin_IsValid,
                                       "text_origin", out);
  return m;
}

void ToProto(const KeyMessage& in, pb::KeyMessage* out) {
  out->set_name("keyMessages/" + in.id);
  out->set_academic_year(in.academic_year);
  out->set_area(in.area);
  out->set_polarity(static_cast<pb::Polarity>(in.polarity));
  out->set_position(in.position);
  out->set_text(in.text);
  ToProto(in.provenance, out->mutable_provenance());
  ToProto(in.translations, out->mutable_translations());
  out->set_text_origin(static_cast<pb::TextOrigin>(in.text_origin));
  out->set_etag(EtagOf(in.meta));
  SetTimes(in.meta, out->mutable_create_time(), out->mutable_update_time());
}

void ToProto(const CaseStudy& in, pb::CaseStudy* out) {
  out->set_title(in.title);
  out->set_summary(in.summary);
  out->set_url(in.url);
  ToProto(in.title_translations, out->mutable_title_translations());
}

PublishedYear FromProto(const pb::PublishedYear& in, Violations& out) {
  PublishedYear y;
  y.academic_year = in.academic_year();
  y.source_url = in.source_url();
  for (int i = 0; i < in.figures_size(); ++i) {
    const pb::PublishedFigure& f = in.figures(i);
    y.figures.push_back(
        {EnumFrom<SectorFigure>(f.figure(), pb::SectorFigure_IsValid,
                                Indexed("figures", i) + ".figure", out),
         f.value()});
  }
  y.overview_source = in.overview_source();
  y.overview_inspected = in.overview_inspected();
  for (const pb::PublishedThemeStatement& t : in.overview())
    y.overview.push_back({t.as_printed(), t.authorities(), t.theme_id()});
  y.note = in.note();
  return y;
}

void ToProto(const PublishedYear& in, pb::PublishedYear* out) {
  out->set_name("publishedYears/" + std::to_string(in.academic_year));
  out->set_academic_year(in.academic_year);
  out->set_source_url(in.source_url);
  for (const PublishedFigure& f : in.figures) {
    pb::PublishedFigure* pf = out->add_figures();
    pf->set_figure(static_cast<pb::SectorFigure>(f.figure));
    pf->set_value(f.value);
  }
  out->set_overview_source(in.overview_source);
  out->set_overview_inspected(in.overview_inspected);
  for (const PublishedThemeStatement& t : in.overview) {
    pb::PublishedThemeStatement* pt = out->add_overview();
    pt->set_as_printed(t.as_printed);
    pt->set_authorities(t.authorities);
    pt->set_theme_id(t.theme_id);
  }
  out->set_note(in.note);
}

void ToProto(const ThemeOverride& o, pb::ThemeOverride* out) {
  out->set_inspection("inspections/" + o.inspection_id);
  out->set_recommendation_number(o.recommendation_number);
  out->set_theme_id(o.theme_id);
  out->set_previous_theme_id(o.previous_theme_id);
  out->set_actor(o.actor);
  out->set_reason(o.reason);
  *out->mutable_time() =
      google::protobuf::util::TimeUtil::MillisecondsToTimestamp(o.time_ms);
}

}  // namespace lges::convert
