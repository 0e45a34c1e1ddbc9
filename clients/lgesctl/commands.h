#pragma once
// The lgesctl commands. Each writes results to `out`, messages meant for a
// person to `err`, and returns the process exit code:
//   0 success, 1 the server refused or failed the request, 2 usage error,
//   3 the server could not be reached in time.

#include <ostream>

#include "clients/lges_client.h"
#include "clients/lgesctl/args.h"

namespace lges::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 3;

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool json = false;  // --output=json
};

int Health(LgesClient& client, const std::string& address, Io io);
int Providers(const Args& args, LgesClient& client, Io io);
int Inspections(const Args& args, LgesClient& client, Io io);
int FollowUp(const Args& args, LgesClient& client, Io io);
int KeyMessages(const Args& args, LgesClient& client, Io io);
// summary, trends, classify, themes, set-theme and profile.
int Analytics(const std::string& command, const Args& args, LgesClient& client,
              Io io);
int FollowUpStatus(const Args& args, LgesClient& client, Io io);
// import FILE [--dry-run], export [--from --to], changes [--since=VERSION].
int Import(const Args& args, LgesClient& client, Io io);
int Export(const Args& args, LgesClient& client, Io io);
int Changes(const Args& args, LgesClient& client, Io io);
int FollowUpTimeline(const Args& args, LgesClient& client, Io io);

// Calls a List method page by page and merges every page into `all`
// (repeated fields concatenate); total_size is the server's count.
template <typename Req, typename Resp>
grpc::Status ListAll(LgesClient& client,
                     grpc::Status (LgesClient::*method)(const Req&, Resp*),
                     Req req, Resp* all) {
  req.set_page_size(500);
  do {
    Resp page;
    grpc::Status status = (client.*method)(req, &page);
    if (!status.ok()) return status;
    all->MergeFrom(page);
    req.set_page_token(page.next_page_token());
  } while (!req.page_token().empty());
  all->clear_next_page_token();
  return grpc::Status::OK;
}

// Prints `message` as JSON with the proto field names.
void PrintJson(const google::protobuf::Message& message, Io io);

// Prints a failed call's message and field violations; returns its exit
// code.
int ReportRpcError(const grpc::Status& status, const std::string& what, Io io);
int UsageError(const std::string& message, Io io);

}  // namespace lges::cli
