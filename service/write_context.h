#pragma once
// The WriteContext the store records for a write: the authenticated
// caller, whom it says it acts for, and the create's idempotency key.

#include <string>

#include "domain/identity.h"
#include "storage/store.h"

namespace lges {

WriteContext WriteContextFor(const Identity& who,
                             const std::string& request_id,
                             const std::string& fingerprint);

}  // namespace lges
