// lgesctl override: a person's choice of primary theme for a stored
// recommendation, with the reason kept for audit.
#include <google/protobuf/util/time_util.h>

#include "clients/lgesctl/commands.h"

namespace lges::cli {
namespace {

std::string Time(const google::protobuf::Timestamp& t) {
  return google::protobuf::util::TimeUtil::ToString(t).substr(0, 19);
}

// Every change of override (of --inspection, if given), page after page.
absl::Status History(const Args& args, LgesClient& client,
                     pb::ListThemeOverrideHistoryResponse* all) {
  pb::ListThemeOverrideHistoryRequest req;
  if (args.Has("inspection"))
    req.set_inspection("inspections/" + args.Flag("inspection"));
  req.set_page_size(500);
  do {
    pb::ListThemeOverrideHistoryResponse page;
    if (absl::Status s = client.ListThemeOverrideHistory(req, &page); !s.ok())
      return s;
    req.set_page_token(page.next_page_token());
    page.clear_next_page_token();
    all->MergeFrom(page);
  } while (!req.page_token().empty());
  return absl::OkStatus();
}

int List(const Args& args, LgesClient& client, Io io) {
  pb::ListThemeOverridesRequest req;
  if (args.Has("inspection"))
    req.set_inspection("inspections/" + args.Flag("inspection"));
  pb::ListThemeOverridesResponse in_force;
  if (absl::Status status = client.ListThemeOverrides(req, &in_force);
      !status.ok())
    return ReportRpcError(status, "list overrides", io);
  pb::ListThemeOverrideHistoryResponse resp;
  if (std::optional<int> done = FailedOrPrinted(
          History(args, client, &resp), "list overrides", resp, io))
    return *done;
  Section s;
  s.heading = "Changes of theme, oldest first";
  s.table.columns = {{"TIME", false, false, "", false, true}, {"RECOMMENDATION"}, {"THEME"}, {"WAS"},
                     {"BY"},   {"REASON", true}};
  for (const pb::ThemeOverride& o : resp.history()) {
    s.table.rows.push_back(
        {Time(o.time()),
         o.inspection().substr(o.inspection().find('/') + 1) + " R" +
             std::to_string(o.recommendation_number()),
         o.theme_id().empty() ? "(cleared)" : o.theme_id(),
         o.previous_theme_id(), o.actor(), o.reason()});
  }
  return Show({"",
        {s},
        {"overrides in force: " + std::to_string(in_force.total_size())}},
       io);
}

}  // namespace

int Override(const Args& args, LgesClient& client, Io io) {
  if (args.words.size() == 2 && args.words[1] == "list")
    return List(args, client, io);
  const bool clear = args.Has("clear");
  if (args.words.size() != (clear ? 3u : 4u))
    return UsageError(
        "expected 'override INSPECTION_ID NUMBER THEME_ID --reason=TEXT', "
        "'override INSPECTION_ID NUMBER --clear' or 'override list'",
        io, "override");
  const std::string& number = args.words[2];
  if (number.find_first_not_of("0123456789") != std::string::npos ||
      number.empty() || number.size() > 3)
    return UsageError("NUMBER is the recommendation's number: 2 for R2", io,
                      "override");
  if (!clear && args.Flag("reason").empty())
    return UsageError("say why with --reason=TEXT (it is kept for audit)", io,
                      "override");
  pb::SetRecommendationThemeRequest req;
  req.set_inspection("inspections/" + args.words[1]);
  req.set_recommendation_number(std::stoi(number));
  req.set_theme_id(clear ? "" : args.words[3]);
  req.set_reason(args.Flag("reason"));
  pb::SetRecommendationThemeResponse resp;
  if (std::optional<int> done = FailedOrPrinted(
          client.SetRecommendationTheme(req, &resp), "override", resp, io))
    return *done;
  const pb::ThemeOverride& o = resp.override();
  io.out << args.words[1] << " R" << req.recommendation_number() << ": "
         << (o.theme_id().empty() ? "override cleared, the classifier decides"
                                  : "theme " + o.theme_id())
         << " (before: "
         << (o.previous_theme_id().empty() ? "the classifier's"
                                           : o.previous_theme_id())
         << "); dataset version " << resp.dataset_version() << "\n";
  return kExitOk;
}

}  // namespace lges::cli
