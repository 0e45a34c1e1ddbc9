"""A gRPC client with no copy of the LGES protos discovers the API by server
reflection, lists the 22 authorities and sees SERVING from the health
service; SIGTERM then stops the server cleanly."""

import signal
import unittest

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

import harness

refl_pb2, refl_grpc, health_pb2, health_grpc = harness.standard_stubs()


class ReflectionClient:
    """Fetches descriptors by reflection and calls methods dynamically."""

    def __init__(self, channel):
        self.channel = channel
        self.stub = refl_grpc.ServerReflectionStub(channel)
        self.pool = descriptor_pool.DescriptorPool()
        self.added = set()

    def _ask(self, **request):
        responses = self.stub.ServerReflectionInfo(iter([refl_pb2.ServerReflectionRequest(**request)]), timeout=10)
        return next(iter(responses))

    def services(self):
        return [s.name for s in self._ask(list_services="").list_services_response.service]

    def _add_files(self, serialized_files):
        protos = [descriptor_pb2.FileDescriptorProto.FromString(b) for b in serialized_files]
        by_name = {p.name: p for p in protos}

        def add(proto):
            if proto.name in self.added:
                return
            for dep in proto.dependency:
                if dep in by_name:
                    add(by_name[dep])
                elif dep not in self.added:
                    self._add_files(self._ask(file_by_filename=dep).file_descriptor_response.file_descriptor_proto)
            self.pool.Add(proto)
            self.added.add(proto.name)

        for proto in protos:
            add(proto)

    def load_symbol(self, symbol):
        reply = self._ask(file_containing_symbol=symbol)
        self._add_files(reply.file_descriptor_response.file_descriptor_proto)
        return self.pool.FindServiceByName(symbol)

    def call(self, service, method_name, **fields):
        method = service.FindMethodByName(method_name)
        factory = message_factory.MessageFactory(self.pool)
        request_class = factory.GetPrototype(method.input_type)
        response_class = factory.GetPrototype(method.output_type)
        rpc = self.channel.unary_unary(f"/{service.full_name}/{method_name}",
                                       request_serializer=request_class.SerializeToString,
                                       response_deserializer=response_class.FromString)
        return rpc(request_class(**fields), timeout=10)


class ReflectionTest(unittest.TestCase):
    def test_client_without_protos_discovers_api_and_lists_authorities(self):
        with harness.Server() as server:
            channel = grpc.insecure_channel(server.address)
            client = ReflectionClient(channel)

            services = client.services()
            for name in ("estyn.lges.v1.ProviderService", "estyn.lges.v1.InspectionService",
                         "estyn.lges.v1.FollowUpService", "estyn.lges.v1.KeyMessageService",
                         "estyn.lges.v1.AnalyticsService", "estyn.lges.v1.DatasetService",
                         "grpc.health.v1.Health"):
                self.assertIn(name, services)

            providers = client.load_symbol("estyn.lges.v1.ProviderService")
            reply = client.call(providers, "ListProviders", page_size=100, kind=1)  # Local authorities.
            self.assertEqual(reply.total_size, 22)
            names = {p.code: p.name_en for p in reply.providers}
            self.assertEqual(len(names), 22)
            self.assertEqual(names["W06000023"], "Powys")
            self.assertEqual(names["W06000001"], "Isle of Anglesey")

            health = health_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=10)
            self.assertEqual(health.status, health_pb2.HealthCheckResponse.SERVING)
            channel.close()

            self.assertEqual(server.stop(signal.SIGTERM), 0)


if __name__ == "__main__":
    unittest.main()
