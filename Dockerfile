# LGES Insights: built with the repository's own scripts on Debian 12, run as
# a non-root user. Ports: 50051 gRPC, 9464 Prometheus /metrics.

FROM debian:bookworm AS build
WORKDIR /src
COPY . .
RUN scripts/install-deps.sh && scripts/build.sh

FROM debian:bookworm
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends \
      libgrpc++1.51 libprotobuf32 libsqlite3-0 libabsl20220623 \
      libprometheus-cpp-core1.0 libprometheus-cpp-pull1.0 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/lges --create-home lges
COPY --from=build /src/build/server/lges-server /src/build/clients/lgesctl /usr/local/bin/
USER lges
ENV LGES_DATA_DIR=/var/lib/lges \
    LGES_LISTEN=0.0.0.0:50051 \
    LGES_METRICS_LISTEN=0.0.0.0:9464 \
    LGES_SERVER=127.0.0.1:50051
VOLUME /var/lib/lges
EXPOSE 50051 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["lgesctl", "health", "--timeout=3"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["lges-server"]
