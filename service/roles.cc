#include "service/roles.h"

namespace lges {

const std::map<std::string, Role, std::less<>>& RoleTable() {
  static const auto* table = new std::map<std::string, Role, std::less<>>{
      {"estyn.lges.v1.ProviderService/GetProvider", Role::kReader},
      {"estyn.lges.v1.ProviderService/ListProviders", Role::kReader},
      {"estyn.lges.v1.ProviderService/CreateProvider", Role::kEditor},
      {"estyn.lges.v1.ProviderService/UpdateProvider", Role::kEditor},
      {"estyn.lges.v1.ProviderService/DeleteProvider", Role::kEditor},
      {"estyn.lges.v1.InspectionService/GetInspection", Role::kReader},
      {"estyn.lges.v1.InspectionService/ListInspections", Role::kReader},
      {"estyn.lges.v1.InspectionService/CreateInspection", Role::kEditor},
      {"estyn.lges.v1.InspectionService/UpdateInspection", Role::kEditor},
      {"estyn.lges.v1.InspectionService/DeleteInspection", Role::kEditor},
      {"estyn.lges.v1.FollowUpService/GetFollowUpEvent", Role::kReader},
      {"estyn.lges.v1.FollowUpService/ListFollowUpEvents", Role::kReader},
      {"estyn.lges.v1.FollowUpService/CreateFollowUpEvent", Role::kEditor},
      {"estyn.lges.v1.FollowUpService/UpdateFollowUpEvent", Role::kEditor},
      {"estyn.lges.v1.FollowUpService/DeleteFollowUpEvent", Role::kEditor},
      {"estyn.lges.v1.KeyMessageService/GetKeyMessage", Role::kReader},
      {"estyn.lges.v1.KeyMessageService/ListKeyMessages", Role::kReader},
      {"estyn.lges.v1.KeyMessageService/CreateKeyMessage", Role::kEditor},
      {"estyn.lges.v1.KeyMessageService/UpdateKeyMessage", Role::kEditor},
      {"estyn.lges.v1.KeyMessageService/DeleteKeyMessage", Role::kEditor},
      {"estyn.lges.v1.AnalyticsService/ListThemes", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/ClassifyRecommendation", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/SetRecommendationTheme", Role::kEditor},
      {"estyn.lges.v1.AnalyticsService/ListThemeOverrides", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/ListThemeOverrideHistory",
       Role::kReader},
      {"estyn.lges.v1.AnalyticsService/GetSectorSummary", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/ReconcileSectorSummary", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/GetThemeTrends", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/GetFollowUpStatus", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/GetFollowUpAnalytics", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/GetAuthorityProfile", Role::kReader},
      {"estyn.lges.v1.AnalyticsService/CompareConsortia", Role::kReader},
      {"estyn.lges.v1.WatchService/WatchSector", Role::kReader},
      {"estyn.lges.v1.DatasetService/ImportRecords", Role::kEditor},
      {"estyn.lges.v1.DatasetService/ExportRecords", Role::kReader},
      {"estyn.lges.v1.DatasetService/ImportRecordsStream", Role::kEditor},
      {"estyn.lges.v1.DatasetService/ExportRecordsStream", Role::kReader},
      {"estyn.lges.v1.DatasetService/ListChanges", Role::kReader},
      {"estyn.lges.v1.DatasetService/GetDatasetInfo", Role::kReader},
      {"estyn.lges.v1.DatasetService/BackupDatabase", Role::kAdmin},
      {"estyn.lges.v1.TokenService/CreateToken", Role::kAdmin},
      {"estyn.lges.v1.TokenService/ListTokens", Role::kAdmin},
      {"estyn.lges.v1.TokenService/RevokeToken", Role::kAdmin},
  };
  return *table;
}

std::optional<Role> RequiredRole(std::string_view method) {
  auto it = RoleTable().find(method);
  if (it == RoleTable().end()) return std::nullopt;
  return it->second;
}

}  // namespace lges
