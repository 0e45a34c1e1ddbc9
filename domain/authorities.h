#pragma once
// The 22 Welsh local authorities, identified by their ONS GSS codes
// (W06000001-W06000024; 007 and 017 do not exist). Names as given in
// ../shared/reference/lges-public-record.json (authorities[]).

#include <span>
#include <string_view>

namespace lges {

struct AuthorityInfo {
  std::string_view gss_code;
  std::string_view name_en;
  std::string_view name_cy;
  std::string_view corporate_name;
};

// All 22, in code order. The data is static and immutable.
std::span<const AuthorityInfo> Authorities();
// The authority with this GSS code, or nullptr.
const AuthorityInfo* FindAuthority(std::string_view gss_code);

}  // namespace lges
