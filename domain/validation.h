#pragma once
// Validation of records as a client submits them, before storage. Each
// function returns one violation per invalid field (empty when the record is
// valid), with field paths named as in the protos ("recommendations[1].text").
// Checks that need stored data (does the provider exist? is the id free?)
// belong to the store.

#include <string_view>

#include "domain/errors.h"
#include "domain/records.h"

namespace lges {

Violations ValidateProvider(const Provider& provider);
Violations ValidateInspection(const Inspection& inspection);
Violations ValidateFollowUpEvent(const FollowUpEvent& event);
Violations ValidateKeyMessage(const KeyMessage& message);

// True for "W06" + six digits; says nothing of whether the authority exists.
bool LooksLikeGssCode(std::string_view code);
// True for an inspection id: 3-63 of [A-Za-z0-9-], starting with a letter.
bool IsValidInspectionId(std::string_view id);
// True for a non-authority provider code: 2-40 of [a-z0-9-], starting with a
// letter.
bool IsValidProviderSlug(std::string_view code);

}  // namespace lges
