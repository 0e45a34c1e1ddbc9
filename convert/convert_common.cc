// Conversions of shared types: dates, provenance, enums, etags, times.
#include <google/protobuf/util/time_util.h>

#include "convert/convert.h"
#include "convert/convert_internal.h"

namespace lges::convert {

PartialDate FromProto(const pb::PartialDate& in, const std::string& path,
                      Violations& out) {
  PartialDate d;
  d.precision = EnumFrom<DatePrecision>(
      in.precision(), pb::DatePrecision_IsValid, path + ".precision", out);
  d.year = in.year();
  d.month = in.month();
  d.day = in.day();
  d.term = EnumFrom<Term>(in.term(), pb::Term_IsValid, path + ".term", out);
  return d;
}

PartialDate FromProto(const pb::PartialDate& in) {
  Violations ignored;
  return FromProto(in, "", ignored);
}

void ToProto(const PartialDate& in, pb::PartialDate* out) {
  out->set_precision(static_cast<pb::DatePrecision>(in.precision));
  out->set_year(in.year);
  out->set_month(in.month);
  out->set_day(in.day);
  out->set_term(static_cast<pb::Term>(in.term));
  if (in.IsSet() && DescribeInvalid(in).empty()) {
    ToProto(in.Earliest(), out->mutable_earliest());
    ToProto(in.Latest(), out->mutable_latest());
  }
}

void ToProto(const CivilDay& in, google::type::Date* out) {
  out->set_year(in.year);
  out->set_month(in.month);
  out->set_day(in.day);
}

std::optional<CivilDay> FromProto(const google::type::Date& in) {
  const CivilDay day{in.year(), in.month(), in.day()};
  if (!IsValidDay(day)) return std::nullopt;
  return day;
}

Provenance FromProto(const pb::Provenance& in, const std::string& path,
                     Violations& out) {
  Provenance p;
  for (const pb::SourceRef& s : in.sources())
    p.sources.push_back({s.id(), s.url()});
  p.certainty = EnumFrom<Certainty>(in.certainty(), pb::Certainty_IsValid,
                                    path + ".certainty", out);
  p.note = in.note();
  return p;
}

void ToProto(const std::vector<Translation>& in,
             google::protobuf::RepeatedPtrField<pb::LocalizedText>* out) {
  for (const Translation& t : in) {
    pb::LocalizedText* p = out->Add();
    p->set_language_code(t.language);
    p->set_text(t.text);
    p->set_origin(static_cast<pb::TextOrigin>(t.origin));
    p->set_note(t.note);
  }
}

void ToProto(const Provenance& in, pb::Provenance* out) {
  for (const SourceRef& s : in.sources) {
    pb::SourceRef* ref = out->add_sources();
    ref->set_id(s.id);
    ref->set_url(s.url);
  }
  out->set_certainty(static_cast<pb::Certainty>(in.certainty));
  out->set_note(in.note);
}

ProviderKind KindFromProto(int value, const std::string& path,
                           Violations& out) {
  return EnumFrom<ProviderKind>(value, pb::ProviderKind_IsValid, path, out);
}

FrameworkVersion FrameworkFromProto(int value, const std::string& path,
                                    Violations& out) {
  return EnumFrom<FrameworkVersion>(value, pb::FrameworkVersion_IsValid, path,
                                    out);
}

FollowUpKind FollowUpKindFromProto(int value, const std::string& path,
                                   Violations& out) {
  return EnumFrom<FollowUpKind>(value, pb::FollowUpKind_IsValid, path, out);
}

Polarity PolarityFromProto(int value, const std::string& path,
                           Violations& out) {
  return EnumFrom<Polarity>(value, pb::Polarity_IsValid, path, out);
}

std::string EtagOf(const RecordMeta& meta) {
  return "r" + std::to_string(meta.revision);
}

int64_t RevisionFromEtag(const std::string& etag, const std::string& path,
                         Violations& out) {
  if (etag.empty()) return 0;
  int64_t revision = 0;
  bool ok = etag.size() > 1 && etag.size() < 19 && etag[0] == 'r';
  for (size_t i = 1; ok && i < etag.size(); ++i) {
    ok = etag[i] >= '0' && etag[i] <= '9';
    revision = revision * 10 + (etag[i] - '0');
  }
  if (!ok || revision == 0) {
    out.push_back({path, "is not an etag this service issued"});
    return 0;
  }
  return revision;
}

void ToProto(const Change& in, pb::Change* out) {
  out->set_version(in.version);
  *out->mutable_time() =
      google::protobuf::util::TimeUtil::MillisecondsToTimestamp(in.time_ms);
  out->set_actor(in.actor);
  out->set_on_behalf_of(in.on_behalf_of);
  out->set_action(in.action);
  out->set_resource(in.resource);
  out->set_source(in.source);
}

void ToProto(const Credential& in, pb::TokenInfo* out) {
  using google::protobuf::util::TimeUtil;
  out->set_name(in.name);
  out->set_role(static_cast<pb::Role>(in.role));
  *out->mutable_create_time() =
      TimeUtil::MillisecondsToTimestamp(in.create_time_ms);
  if (in.last_used_ms)
    *out->mutable_last_use_time() =
        TimeUtil::MillisecondsToTimestamp(in.last_used_ms);
  if (in.revoked_time_ms)
    *out->mutable_revoke_time() =
        TimeUtil::MillisecondsToTimestamp(in.revoked_time_ms);
}

void SetTimes(const RecordMeta& meta, google::protobuf::Timestamp* create,
              google::protobuf::Timestamp* update) {
  using google::protobuf::util::TimeUtil;
  *create = TimeUtil::MillisecondsToTimestamp(meta.create_time_ms);
  *update = TimeUtil::MillisecondsToTimestamp(meta.update_time_ms);
}

}  // namespace lges::convert
