"""Writes and reads of key messages over raw gRPC, for the fault, crash and
backup tests: each write names a unique (area, position), so that what was
acknowledged can be looked for after a restart."""

import grpc

import harness

PB = harness.lges_stubs()
KM = PB["key_messages"]


def key_message(area, position, year=2022):
    return KM.KeyMessage(academic_year=year, area=area, position=position,
                         polarity=PB["inspections"].POLARITY_GOING_WELL,
                         text=f"Leaders in {area} plan well ({position}).")


def create(channel, token, area, position, timeout=10):
    """Creates one key message; raises grpc.RpcError if refused."""
    return harness.call(channel, "/estyn.lges.v1.KeyMessageService/CreateKeyMessage",
                        KM.CreateKeyMessageRequest(key_message=key_message(area, position)),
                        KM.KeyMessage, token, timeout)


def import_batch(channel, token, area, count, timeout=20):
    """Imports `count` key messages of `area` in one ImportRecords call."""
    records = PB["dataset"].RecordSet(format="lges-records", format_version=1, source="e2e",
                                      key_messages=[key_message(area, p) for p in range(1, count + 1)])
    return harness.call(channel, "/estyn.lges.v1.DatasetService/ImportRecords",
                        PB["dataset"].ImportRecordsRequest(records=records),
                        PB["dataset"].ImportRecordsResponse, token, timeout)


def stored(address, token):
    """{(area, position)} of every key message the server holds."""
    found = set()
    with grpc.insecure_channel(address) as channel:
        request = KM.ListKeyMessagesRequest(page_size=500)
        while True:
            page = harness.call(channel, "/estyn.lges.v1.KeyMessageService/ListKeyMessages",
                                request, KM.ListKeyMessagesResponse, token)
            found.update((m.area, m.position) for m in page.key_messages)
            if not page.next_page_token:
                return found
            request.page_token = page.next_page_token
