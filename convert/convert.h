#pragma once
// The one place where protobuf messages and domain records meet. Proto to
// domain conversions report unknown enum values as field violations (paths
// relative to the converted message) and ignore output-only fields; domain
// to proto conversions fill every field, output-only ones included.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/dataset.h"
#include "domain/errors.h"
#include "domain/identity.h"
#include "domain/records.h"
#include "estyn/lges/v1/analytics.pb.h"
#include "estyn/lges/v1/dataset.pb.h"
#include "estyn/lges/v1/follow_up.pb.h"
#include "estyn/lges/v1/inspections.pb.h"
#include "estyn/lges/v1/key_messages.pb.h"
#include "estyn/lges/v1/providers.pb.h"
#include "estyn/lges/v1/tokens.pb.h"

namespace lges::convert {

namespace pb = ::estyn::lges::v1;

PartialDate FromProto(const pb::PartialDate& in, const std::string& path,
                      Violations& out);
// For display (lgesctl): unknown enum values become unspecified.
PartialDate FromProto(const pb::PartialDate& in);
void ToProto(const PartialDate& in, pb::PartialDate* out);
// A whole day as google.type.Date.
void ToProto(const CivilDay& in, google::type::Date* out);
// The day `in` names; nullopt unless year, month and day make a valid day
// (domain/dates.h), so a year or a month alone is refused.
std::optional<CivilDay> FromProto(const google::type::Date& in);
Provenance FromProto(const pb::Provenance& in, const std::string& path,
                     Violations& out);
void ToProto(const Provenance& in, pb::Provenance* out);
// A record's texts in other languages, as LocalizedText.
void ToProto(const std::vector<Translation>& in,
             google::protobuf::RepeatedPtrField<pb::LocalizedText>* out);

Provider FromProto(const pb::Provider& in, Violations& out);
void ToProto(const Provider& in, pb::Provider* out);
Inspection FromProto(const pb::Inspection& in, Violations& out);
void ToProto(const Inspection& in, pb::Inspection* out);
FollowUpEvent FromProto(const pb::FollowUpEvent& in, Violations& out);
void ToProto(const FollowUpEvent& in, pb::FollowUpEvent* out);
KeyMessage FromProto(const pb::KeyMessage& in, Violations& out);
void ToProto(const KeyMessage& in, pb::KeyMessage* out);
void ToProto(const CaseStudy& in, pb::CaseStudy* out);
PublishedYear FromProto(const pb::PublishedYear& in, Violations& out);
void ToProto(const PublishedYear& in, pb::PublishedYear* out);
void ToProto(const ThemeOverride& in, pb::ThemeOverride* out);
void ToProto(const Change& in, pb::Change* out);
// Never the token: credentials are stored without it.
void ToProto(const Credential& in, pb::TokenInfo* out);

// Enum conversions used for request filters; an unknown value is a
// violation at `path`.
ProviderKind KindFromProto(int value, const std::string& path, Violations& out);
FrameworkVersion FrameworkFromProto(int value, const std::string& path,
                                    Violations& out);
FollowUpKind FollowUpKindFromProto(int value, const std::string& path,
                                   Violations& out);
Polarity PolarityFromProto(int value, const std::string& path, Violations& out);

// Etags are "r<revision>". "" means no check (0); a malformed etag is a
// violation at `path`.
std::string EtagOf(const RecordMeta& meta);
int64_t RevisionFromEtag(const std::string& etag, const std::string& path,
                         Violations& out);

}  // namespace lges::convert
