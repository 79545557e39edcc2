# syntax=docker/dockerfile:1
#
# The image `make image` builds without a daemon (cmd/mkimage), for people
# with Docker: the same static binary (web app embedded), CA certificates,
# user woow (65532:65532), /data, /tmp, environment, port and labels. Keep
# the two in step. From the repository's root:
#
#   docker build -t ghcr.io/woowtech/woow-paas:dev \
#     --build-arg VERSION="$(git describe --tags --always --dirty)" \
#     --build-arg REVISION="$(git rev-parse HEAD)" \
#     --build-arg CREATED="$(date -u -d @"$(git log -1 --format=%ct)" +%Y-%m-%dT%H:%M:%SZ)" .
#
# --platform linux/arm64 cross-compiles (the build stages run natively).

ARG GO_VERSION=1.26.8
ARG NODE_VERSION=22

# The web app, as `make frontend` builds it.
FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# The static binary with the version and revision linked in (no .git in
# the context, so no VCS stamping), and the root file system's other files.
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-bookworm AS bin
ARG TARGETOS TARGETARCH
ARG VERSION=dev
ARG REVISION=unknown
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/frontend/dist/ ./frontend/dist/
RUN CGO_ENABLED=0 GOOS=${TARGETOS:-linux} GOARCH=${TARGETARCH} go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X main.version=${VERSION} -X main.revision=${REVISION}" -o /rootfs/woow . \
 && mkdir -p /rootfs/etc/ssl/certs /rootfs/data /rootfs/tmp \
 && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/ \
 && printf 'root:x:0:0:root:/root:/sbin/nologin\nwoow:x:65532:65532:woow:/data:/sbin/nologin\n' > /rootfs/etc/passwd \
 && printf 'root:x:0:\nwoow:x:65532:\n' > /rootfs/etc/group \
 && chmod 0755 /rootfs/woow && chmod 0644 /rootfs/etc/passwd /rootfs/etc/group /rootfs/etc/ssl/certs/ca-certificates.crt \
 && chmod 1777 /rootfs/tmp

FROM scratch
ARG VERSION=dev
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
COPY --from=bin /rootfs/ /
COPY --from=bin --chown=65532:65532 --chmod=0750 /rootfs/data /data
ENV PATH=/ \
    HOME=/data \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    WOOW_ADDR=0.0.0.0:8080 \
    WOOW_DATA_DIR=/data
LABEL org.opencontainers.image.title="Woow PaaS" \
      org.opencontainers.image.source="https://github.com/woowtech/woow-paas" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}"
USER 65532:65532
WORKDIR /data
EXPOSE 8080/tcp
VOLUME ["/data"]
ENTRYPOINT ["/woow"]
CMD ["serve"]
