#pragma once
// Factories for the gRPC services of estyn.lges.v1. Each rpc asks `auth`
// whether the caller may call it (service/serve.h), validates its request,
// converts it (convert/), calls the Store and maps the result
// (service/status_map). The Store, the Authorizer and the other arguments
// must outlive the services; the services are thread-safe because they
// are.

#include <memory>

#include "storage/store.h"

namespace grpc {
class Service;
}

namespace lges {

class Authorizer;
class CredentialStore;
class SnapshotSource;
class ReplyCaches;

std::unique_ptr<grpc::Service> MakeProviderService(Store& store,
                                                   const Authorizer& auth);
std::unique_ptr<grpc::Service> MakeInspectionService(Store& store,
                                                     const Authorizer& auth);
std::unique_ptr<grpc::Service> MakeFollowUpService(Store& store,
                                                   const Authorizer& auth);
std::unique_ptr<grpc::Service> MakeKeyMessageService(Store& store,
                                                     const Authorizer& auth);
// Replies over `max_reply_bytes` (0: no limit) fail with a clear
// RESOURCE_EXHAUSTED (service/reply_limit.h). The streaming export reads
// from `snapshots`. Both must outlive the service.
std::unique_ptr<grpc::Service> MakeDatasetService(
    Store& store, const SnapshotSource& snapshots, const Authorizer& auth,
    size_t max_reply_bytes = 0);
// Reads from `snapshots`, caching summaries and trends in `replies`;
// writes theme overrides through `store`. All must outlive the service.
std::unique_ptr<grpc::Service> MakeAnalyticsService(
    Store& store, SnapshotSource& snapshots, ReplyCaches& replies,
    const Authorizer& auth, size_t max_reply_bytes = 0);
// Credentials: create, list, revoke (admins only).
std::unique_ptr<grpc::Service> MakeTokenService(CredentialStore& credentials,
                                                const Authorizer& auth);

}  // namespace lges
