// estyn.lges.v1.DatasetService.
#include <google/protobuf/util/time_util.h>

#include <limits>

#include "convert/convert.h"
#include "convert/record_set.h"
#include "domain/validation.h"
#include "estyn/lges/v1/dataset.grpc.pb.h"
#include "service/backup_stream.h"
#include "service/reply_limit.h"
#include "service/resource_support.h"
#include "service/serve.h"
#include "service/snapshot_source.h"
#include "service/services.h"

namespace lges {
namespace {

namespace pb = ::estyn::lges::v1;
using google::protobuf::util::TimeUtil;

std::string ExportSource(int64_t version) {
  return "lges-insights export at dataset version " + std::to_string(version);
}

class DatasetServiceImpl final : public pb::DatasetService::Service {
 public:
  DatasetServiceImpl(Store& store, const SnapshotSource& snapshots,
                     const Authorizer& auth, size_t max_reply_bytes)
      : store_(store),
        snapshots_(snapshots),
        serve_(auth, "estyn.lges.v1.DatasetService"),
        max_reply_bytes_(max_reply_bytes) {}

  grpc::Status ImportRecords(grpc::ServerContext* ctx,
                             const pb::ImportRecordsRequest* req,
                             pb::ImportRecordsResponse* resp) override {
    return serve_(*ctx, __func__,
                  [&](const Identity& who) { return Import(who, *req, resp); });
  }
  grpc::Status ExportRecords(grpc::ServerContext* ctx,
                             const pb::ExportRecordsRequest* req,
                             pb::RecordSet* resp) override {
    return serve_(*ctx, __func__,
                  [&](const Identity&) { return Export(*req, resp); });
  }
  grpc::Status ExportRecordsStream(
      grpc::ServerContext* ctx, const pb::ExportRecordsRequest* req,
      grpc::ServerWriter<pb::RecordSet>* writer) override {
    return serve_(*ctx, __func__, [&](const Identity&) {
      return ExportStream(*ctx, *req, *writer);
    });
  }
  grpc::Status ImportRecordsStream(
      grpc::ServerContext* ctx,
      grpc::ServerReader<pb::ImportRecordsRequest>* reader,
      pb::ImportRecordsResponse* resp) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      return ImportStream(*ctx, who, *reader, resp);
    });
  }
  grpc::Status ListChanges(grpc::ServerContext* ctx,
                           const pb::ListChangesRequest* req,
                           pb::ListChangesResponse* resp) override {
    return serve_(*ctx, __func__,
                  [&](const Identity&) { return Changes(*req, resp); });
  }
  grpc::Status GetDatasetInfo(grpc::ServerContext* ctx,
                              const pb::GetDatasetInfoRequest*,
                              pb::DatasetInfo* resp) override {
    return serve_(*ctx, __func__, [&](const Identity&) { return Info(resp); });
  }
  grpc::Status BackupDatabase(
      grpc::ServerContext* ctx, const pb::BackupDatabaseRequest*,
      grpc::ServerWriter<pb::BackupDatabaseResponse>* writer) override {
    return serve_(*ctx, __func__, [&](const Identity& who) {
      absl::Status s =
          StreamBackup(store_, [&](const pb::BackupDatabaseResponse& part) {
            return writer->Write(part);
          });
      if (s.ok())
        log::Info("backup", "database backed up", {{"identity", who.name}});
      return s;
    });
  }

 private:
  absl::Status Import(const Identity& who, const pb::ImportRecordsRequest& req,
                      pb::ImportRecordsResponse* resp) {
    LGES_ASSIGN_OR_RETURN(Dataset records,
                          RecordSetToDataset(req.records(), "records"));
    return Apply(who, records, req, std::numeric_limits<int>::max(), resp);
  }

  // The records of every part, then one import.
  absl::Status ImportStream(
      const grpc::ServerContext& ctx, const Identity& who,
      grpc::ServerReader<pb::ImportRecordsRequest>& reader,
      pb::ImportRecordsResponse* resp) {
    RecordSetReader records("records");
    pb::ImportRecordsRequest first, part;
    for (int n = 1; reader.Read(&part); ++n) {
      if (std::optional<wire::Problem> problem = edge::MarkedProblem(part)) {
        return InvalidFieldError(problem->field,
                                 problem->description + " (in message " +
                                     std::to_string(n) + " of the stream)");
      }
      records.Add(part.records());
      if (n == 1) first.set_dry_run(part.dry_run());
      if (!part.records().source().empty())
        first.mutable_records()->set_source(part.records().source());
    }
    if (ctx.IsCancelled())
      return absl::CancelledError("the import was cancelled; nothing was kept");
    LGES_ASSIGN_OR_RETURN(Dataset data, std::move(records).Finish());
    return Apply(who, data, first, kMaxChangedListed, resp);
  }

  absl::Status Apply(const Identity& who, const Dataset& records,
                     const pb::ImportRecordsRequest& req, int max_listed,
                     pb::ImportRecordsResponse* resp) {
    WriteContext write = WriteContextFor(who, "", "");
    write.source = req.records().source().substr(0, 300);
    LGES_ASSIGN_OR_RETURN(
        ImportResult result,
        PrefixErrors(store_.Import(records, {.dry_run = req.dry_run()}, write),
                     "records"));
    resp->set_created(result.created);
    resp->set_updated(result.updated);
    resp->set_unchanged(result.unchanged);
    resp->set_dataset_version(result.dataset_version);
    for (const std::string& name : result.created_or_updated) {
      if (resp->changed_size() < max_listed) {
        resp->add_changed(name);
      } else {
        resp->set_changed_not_listed(resp->changed_not_listed() + 1);
      }
    }
    resp->set_dry_run(req.dry_run());
    return absl::OkStatus();
  }

  absl::Status ExportStream(const grpc::ServerContext& ctx,
                            const pb::ExportRecordsRequest& req,
                            grpc::ServerWriter<pb::RecordSet>& writer) {
    const int from = req.academic_year_from(), to = req.academic_year_to();
    LGES_RETURN_IF_ERROR(StatusOf(ValidateOpenYearRange(
        from, to, "academic_year_from", "academic_year_to")));
    // The records of the writes acknowledged before the call, from the
    // current snapshot, which holds them already: nothing is copied.
    snapshots_.AwaitWrites(absl::FromChrono(ctx.deadline()));
    const std::shared_ptr<const analytics::Snapshot> snapshot =
        snapshots_.Current();
    if (!snapshot) return absl::UnavailableError("no snapshot yet");
    const Dataset& data = snapshot->data();
    RecordSetParts parts(kExportPartBytes, [&writer](const pb::RecordSet& part) {
      return writer.Write(part);
    });
    SetExportHeader(ExportSource(data.version), parts.part());
    if (!SendRecordsOfYears(data, from, to, parts))
      return absl::CancelledError("the client stopped reading the export");
    return absl::OkStatus();
  }

  absl::Status Export(const pb::ExportRecordsRequest& req,
                      pb::RecordSet* resp) {
    const int from = req.academic_year_from(), to = req.academic_year_to();
    LGES_RETURN_IF_ERROR(StatusOf(ValidateOpenYearRange(
        from, to, "academic_year_from", "academic_year_to")));
    LGES_ASSIGN_OR_RETURN(Dataset all, store_.ReadAll());
    *resp = DatasetToRecordSet(RecordsOfYears(all, from, to),
                               ExportSource(all.version));
    return CheckReplySize(resp->ByteSizeLong(), max_reply_bytes_,
                          "export fewer years at a time "
                          "(academic_year_from, academic_year_to; lgesctl "
                          "export --from --to)");
  }

  absl::Status Changes(const pb::ListChangesRequest& req,
                       pb::ListChangesResponse* resp) {
    if (req.since_version() < 0)
      return InvalidFieldError("since_version", "must not be negative");
    if (req.page_size() < 0)
      return InvalidFieldError("page_size", "must not be negative");
    const int limit =
        req.page_size() == 0 ? 100 : std::min(req.page_size(), 1000);
    int64_t since = req.since_version();
    if (!req.page_token().empty()) {
      LGES_ASSIGN_OR_RETURN(since, CursorOf(req.page_token()));
    }
    LGES_ASSIGN_OR_RETURN(std::vector<Change> changes,
                          store_.ListChanges(since, limit));
    for (const Change& c : changes) convert::ToProto(c, resp->add_changes());
    LGES_ASSIGN_OR_RETURN(int64_t version, store_.DatasetVersion());
    resp->set_dataset_version(version);
    if (!changes.empty() && static_cast<int>(changes.size()) == limit &&
        changes.back().version < version) {
      resp->set_next_page_token(CursorToken(changes.back().version));
    }
    return absl::OkStatus();
  }

  absl::Status Info(pb::DatasetInfo* resp) {
    LGES_ASSIGN_OR_RETURN(int64_t version, store_.DatasetVersion());
    resp->set_dataset_version(version);
    if (version > 0) {
      LGES_ASSIGN_OR_RETURN(std::vector<Change> last,
                            store_.ListChanges(version - 1, 1));
      if (!last.empty())
        *resp->mutable_last_change() =
            TimeUtil::MillisecondsToTimestamp(last[0].time_ms);
    }
    return absl::OkStatus();
  }

  static constexpr int kMaxChangedListed = 1000;
  static constexpr size_t kExportPartBytes = 256 * 1024;

  Store& store_;
  const SnapshotSource& snapshots_;
  const RpcFrame serve_;
  const size_t max_reply_bytes_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeDatasetService(
    Store& store, const SnapshotSource& snapshots, const Authorizer& auth,
    size_t max_reply_bytes) {
  return std::make_unique<DatasetServiceImpl>(store, snapshots, auth,
                                              max_reply_bytes);
}

}  // namespace lges
