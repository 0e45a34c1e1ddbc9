#include "domain/same_record.h"

namespace lges {
namespace {

// `record` without what the store adds: its bookkeeping, and the id when
// the store assigns it. Comparing these with the records' defaulted
// operator== takes in every field, including fields added later.
template <typename Record>
Record Content(Record record, bool store_assigns_id) {
  record.meta = {};
  if constexpr (requires { record.id; }) {
    if (store_assigns_id) record.id.clear();
  }
  return record;
}

}  // namespace

bool SameRecord(const Provider& a, const Provider& b) {
  return Content(a, false) == Content(b, false);
}

bool SameRecord(const Inspection& a, const Inspection& b) {
  return Content(a, false) == Content(b, false);
}

bool SameRecord(const FollowUpEvent& a, const FollowUpEvent& b) {
  return Content(a, true) == Content(b, true);
}

bool SameRecord(const KeyMessage& a, const KeyMessage& b) {
  return Content(a, true) == Content(b, true);
}

bool SameRecord(const PublishedYear& a, const PublishedYear& b) {
  return Content(a, false) == Content(b, false);
}

}  // namespace lges
