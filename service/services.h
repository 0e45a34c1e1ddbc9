#pragma once
// Factories for the gRPC services of estyn.lges.v1. Each service validates
// its request, converts it (service/convert), calls the Store and maps the
// result (service/status_map). The Store must outlive the services; the
// services are thread-safe because the Store is.

#include <memory>

#include "storage/store.h"

namespace grpc {
class Service;
}

namespace lges {

class SnapshotSource;

std::unique_ptr<grpc::Service> MakeProviderService(Store& store);
std::unique_ptr<grpc::Service> MakeInspectionService(Store& store);
std::unique_ptr<grpc::Service> MakeFollowUpService(Store& store);
std::unique_ptr<grpc::Service> MakeKeyMessageService(Store& store);
std::unique_ptr<grpc::Service> MakeDatasetService(Store& store);
// Reads from `snapshots`; writes theme overrides through `store`.
std::unique_ptr<grpc::Service> MakeAnalyticsService(Store& store,
                                                    SnapshotSource& snapshots);

}  // namespace lges
