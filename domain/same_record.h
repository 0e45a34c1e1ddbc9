#pragma once
// Whether two records hold the same content, ignoring what the store adds
// (RecordMeta, store-assigned ids). Used to make imports idempotent.

#include "domain/records.h"

namespace lges {

bool SameRecord(const Provider& a, const Provider& b);
bool SameRecord(const Inspection& a, const Inspection& b);
bool SameRecord(const FollowUpEvent& a, const FollowUpEvent& b);
bool SameRecord(const KeyMessage& a, const KeyMessage& b);
bool SameRecord(const PublishedYear& a, const PublishedYear& b);

}  // namespace lges
