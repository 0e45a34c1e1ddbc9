#pragma once
// Record comparison in tests, ignoring the store's bookkeeping (RecordMeta)
// and ids. Built on the records' defaulted operator==, so a field added to a
// record is compared without editing this file.

#include <gtest/gtest.h>

#include "domain/records.h"

namespace lges::testing {

template <typename Record>
Record WithoutStoreFields(Record record) {
  record.meta = {};
  record.id.clear();
  return record;
}

inline void ExpectSameInspection(const Inspection& a, const Inspection& b) {
  EXPECT_TRUE(WithoutStoreFields(a) == WithoutStoreFields(b))
      << "inspections " << a.id << " and " << b.id << " differ";
}

inline void ExpectSameEvent(const FollowUpEvent& a, const FollowUpEvent& b) {
  EXPECT_TRUE(WithoutStoreFields(a) == WithoutStoreFields(b))
      << "follow-up events " << a.id << " and " << b.id << " differ";
}

inline void ExpectSameMessage(const KeyMessage& a, const KeyMessage& b) {
  EXPECT_TRUE(WithoutStoreFields(a) == WithoutStoreFields(b))
      << "key messages " << a.id << " and " << b.id << " differ";
}

}  // namespace lges::testing
