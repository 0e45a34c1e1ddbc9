// lgesctl tokens: admins create, list and revoke credentials online.
#include <google/protobuf/util/time_util.h>

#include "clients/lgesctl/commands.h"
#include "domain/identity.h"

namespace lges::cli {
namespace {

using google::protobuf::util::TimeUtil;

// "2026-11-29 12:00", or "-" when unset.
std::string Minute(const google::protobuf::Timestamp& t, bool set) {
  if (!set) return "-";
  std::string text = TimeUtil::ToString(t).substr(0, 16);
  text[10] = ' ';
  return text;
}

int List(LgesClient& client, Io io) {
  pb::ListTokensResponse resp;
  if (std::optional<int> done = FailedOrPrinted(client.ListTokens({}, &resp),
                                                "list tokens", resp, io))
    return *done;
  Section s;
  s.table.columns = {
      {"NAME", true},
      {"ROLE"},
      {"CREATED", false, false, "", false, true},
      {"LAST USED", false, false, "", false, true},
      {"REVOKED", false, false, "", false, true}};
  for (const pb::TokenInfo& t : resp.tokens()) {
    s.table.rows.push_back({t.name(),
                            std::string(RoleName(static_cast<Role>(t.role()))),
                            Minute(t.create_time(), true),
                            Minute(t.last_use_time(), t.has_last_use_time()),
                            Minute(t.revoke_time(), t.has_revoke_time())});
  }
  return Show({"", {s}, {}}, io);
}

int Create(const Args& args, LgesClient& client, Io io) {
  pb::CreateTokenRequest req;
  req.set_name(args.Flag("name"));
  const std::optional<Role> role = ParseRole(args.Flag("role"));
  if (req.name().empty() || !role)
    return UsageError(
        "tokens create needs --name=NAME and --role=reader|editor|admin", io,
        "tokens");
  req.set_role(static_cast<pb::Role>(*role));
  pb::CreateTokenResponse resp;
  if (std::optional<int> done = FailedOrPrinted(client.CreateToken(req, &resp),
                                                "create token", resp, io))
    return *done;
  io.out << resp.token() << "\n";
  io.err << "lgesctl: the token of '" << resp.token_info().name()
         << "' is shown only this once\n";
  return kExitOk;
}

int Revoke(const std::string& name, LgesClient& client, Io io) {
  pb::RevokeTokenRequest req;
  req.set_name(name);
  pb::TokenInfo resp;
  if (std::optional<int> done = FailedOrPrinted(client.RevokeToken(req, &resp),
                                                "revoke token", resp, io))
    return *done;
  io.out << "revoked " << resp.name() << "\n";
  return kExitOk;
}

}  // namespace

int Tokens(const Args& args, LgesClient& client, Io io) {
  const std::vector<std::string>& w = args.words;
  if (w.size() == 1 || (w.size() == 2 && w[1] == "list"))
    return List(client, io);
  if (w.size() == 2 && w[1] == "create") return Create(args, client, io);
  if (w.size() == 3 && w[1] == "revoke") return Revoke(w[2], client, io);
  return UsageError(
      "expected 'tokens [list]', 'tokens create' or 'tokens revoke NAME'", io,
      "tokens");
}

}  // namespace lges::cli
