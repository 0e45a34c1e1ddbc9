#pragma once
// gRPC core's own log lines (gpr_log: transport errors, bad peers) go
// through service/log.h as event "grpc", in the server's format, instead
// of gRPC's "E1129 12:00:00 file.cc:12] ..." lines: a JSON log stays JSON.
// Fields: source ("file.cc:12"). gRPC's errors log as warnings (a bad
// client, not a fault of ours), its info and debug as such. Messages are
// gRPC's own text, cut at 500 bytes.

namespace lges {

// Call once, before the server starts.
void RouteGrpcLogs();

}  // namespace lges
