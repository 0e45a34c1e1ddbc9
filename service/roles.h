#pragma once
// The one table of who may call what: every rpc of estyn.lges.v1, by full
// name ("estyn.lges.v1.InspectionService/CreateInspection"), with the role
// it needs. A test checks that every rpc of the API is in it, so a new rpc
// cannot be left open by accident. Health and reflection stay open to all.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/identity.h"

namespace lges {

const std::map<std::string, Role, std::less<>>& RoleTable();
// The role `method` needs; nullopt for a method not in the table, which
// nobody may call.
std::optional<Role> RequiredRole(std::string_view method);

}  // namespace lges
