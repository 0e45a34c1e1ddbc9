# LGES Insights: built with the repository's own scripts on Debian 12, run as
# a non-root user. Ports: 50051 gRPC over TLS, 8080 HTTPS (HTTP/JSON, OpenAPI
# and the pages, docs/HTTP.md); /metrics stays inside.
#
# gRPC beyond loopback must be TLS: mount a certificate and key (and the CA
# that signed them, for the health check) at /etc/lges/tls, e.g.
#   docker run -v /srv/lges-tls:/etc/lges/tls:ro -v lges:/var/lib/lges \
#     -p 50051:50051 -p 8080:8080 lges-insights
# The certificate must name "localhost" too, which the health check uses.
# The first start writes the admin token to /var/lib/lges/token.
# To scrape /metrics from outside, add
#   --metrics-listen=0.0.0.0:9464 --insecure \
#   --metrics-auth-file=/etc/lges/tls/metrics-auth   (user:password)
# and publish 9464; see docs/SECURITY.md.

# Both stages start from one dated Debian 12 image: Docker Hub's
# debian:bookworm-YYYYMMDD tags are rebuilt about monthly and then never
# move, so a build today and one next year start from the same bytes. To
# move on, choose a newer date (hub.docker.com/_/debian, tags
# "bookworm-20...") or add its digest (...-slim@sha256:...), rebuild, and run
# the tests; scripts/check-dockerfile.py (in the test suite) checks that the
# tag stays dated and that the runtime packages cover what the binaries
# link. apt-get still brings the archive's security updates at build time.
ARG DEBIAN_IMAGE=debian:bookworm-20250929-slim

FROM ${DEBIAN_IMAGE} AS build
WORKDIR /src
# The packages first, so that a change to the sources does not run apt
# again; then only the two binaries, without the tests and benchmarks.
COPY scripts/install-deps.sh scripts/
COPY tools/package.json tools/package-lock.json tools/
RUN scripts/install-deps.sh
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DLGES_BUILD_TESTS=OFF -DLGES_BUILD_BENCH=OFF \
 && cmake --build build -j"$(nproc)" --target lges-server lgesctl

FROM ${DEBIAN_IMAGE}
ARG DEBIAN_IMAGE
LABEL org.opencontainers.image.title="LGES Insights" \
      org.opencontainers.image.description="The record of Estyn's inspections of Welsh local government education services, and its analytics" \
      org.opencontainers.image.base.name="${DEBIAN_IMAGE}"
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends \
      libgrpc++1.51 libprotobuf32 libsqlite3-0 libabsl20220623 \
      libprometheus-cpp-core1.0 libprometheus-cpp-pull1.0 libssl3 \
      libcpp-httplib0.11 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/lges \
      --create-home lges
COPY --from=build /src/build/server/lges-server /src/build/clients/lgesctl /usr/local/bin/
USER lges
ENV LGES_DATA_DIR=/var/lib/lges \
    LGES_TOKEN_FILE=/var/lib/lges/token \
    LGES_LISTEN=0.0.0.0:50051 \
    LGES_HTTP_LISTEN=0.0.0.0:8080 \
    LGES_TLS_CERT=/etc/lges/tls/server.pem \
    LGES_TLS_KEY=/etc/lges/tls/server.key \
    LGES_METRICS_LISTEN=127.0.0.1:9464 \
    LGES_SERVER=localhost:50051 \
    LGES_CA_FILE=/etc/lges/tls/ca.pem
VOLUME /var/lib/lges
EXPOSE 50051 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["lgesctl", "health", "--timeout=3"]
# On SIGTERM the server drains calls for up to 10 s; give it longer than
# Docker's default 10 s before SIGKILL: docker run --stop-timeout 15.
STOPSIGNAL SIGTERM
ENTRYPOINT ["lges-server"]
# The first start on an empty volume creates the database with the public
# record; later starts open it. Without --create a missing file stops the
# server instead of starting over.
CMD ["--create"]
