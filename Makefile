# Woow PaaS. `make run` serves on the embedded SQLite default; `make test`
# runs every test: the Go suites on SQLite and, when a server answers (always
# under CI=true), on PostgreSQL; the SPA's generated types, component tests
# and build; and the browser end-to-end tests against the real binary.

GO ?= go
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test?sslmode=disable
export TEST_DATABASE_URL

.PHONY: run build image test test-sqlite test-postgres test-kube test-frontend test-e2e generate migration fmt vet clean bench bench-stream bench-read bench-pickup frontend

run: build
	./woow serve

# The binary embeds frontend/dist, so the SPA is built first, and only when
# its sources changed.
build: frontend
	$(GO) build -o woow .

# OCI image without a Docker daemon (cmd/mkimage, go-containerregistry):
# the SPA as for build, a static linux binary with the version and revision
# linked in, then the image in $(IMAGE_DIR): oci/ (an OCI image layout) and
# woow-paas.tar (docker load). The Dockerfile builds the same with Docker.
# IMAGE_ARCH=arm64 cross-builds; SOURCE_DATE_EPOCH (default: the commit's
# time) dates the image, so one commit gives one digest.
IMAGE_DIR ?= dist/image
IMAGE_ARCH ?= $(shell $(GO) env GOARCH)
IMAGE_VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
IMAGE_REVISION ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

image: frontend
	CGO_ENABLED=0 GOOS=linux GOARCH=$(IMAGE_ARCH) $(GO) build -trimpath \
		-ldflags '-s -w -X main.version=$(IMAGE_VERSION) -X main.revision=$(IMAGE_REVISION)' \
		-o $(IMAGE_DIR)/woow .
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) $(GO) run ./cmd/mkimage -binary $(IMAGE_DIR)/woow \
		-version '$(IMAGE_VERSION)' -revision '$(IMAGE_REVISION)' -out $(IMAGE_DIR)

FRONTEND_SRC := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	frontend/index.html frontend/graphiql.html frontend/vite.config.ts frontend/tsconfig.json

frontend: frontend/dist/index.html

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && npm run build

test: vet test-frontend test-sqlite test-postgres test-kube test-e2e

# Generated operation types current, component tests (Vitest).
test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run codegen:check && npm test

# Playwright (Debian's Chromium, installed first when missing and
# possible) against the real binary on a fresh database: register,
# workspaces, team, deploy in dry-run mode, live feeds.
test-e2e: build
	@./scripts/chromium.sh
	cd frontend && WOOW_BIN=../woow npm run e2e

vet:
	@test -z "$$(gofmt -l .)" || { gofmt -l . ; echo "gofmt needed"; exit 1; }
	$(GO) vet ./...

test-sqlite:
	$(GO) test -count=1 -timeout 20m ./...

# The PostgreSQL suite re-runs the packages whose tests use a database, each
# test in a database of its own (created and dropped by storetest).
test-postgres:
	@./scripts/test-postgres.sh

# Cluster mode against a real kube-apiserver and etcd on loopback
# (helmops/kubetest): scripts/kubeapi.sh builds both from the Go module
# proxy on first use (about 8 minutes on 2 cores, then cached under
# ~/.cache/woow-paas) and prints their directory.
test-kube:
	bin=$$(./scripts/kubeapi.sh) && WOOW_KUBEAPI_BIN="$$bin" $(GO) test -count=1 -timeout 10m -run '^TestRealAPI' ./helmops/ .

# Regenerate ent, the GraphQL schema and gqlgen's code (committed; a test
# checks they are current). gqlgen runs through graph/gqlgen, which makes
# query execution sequential (see there).
generate:
	$(GO) run -mod=mod ./ent/entc.go
	$(GO) run -mod=mod ./graph/gqlgen

# New versioned migration from the ent schema: make migration NAME=add_x
migration:
	$(GO) run -mod=mod ./migrations/gen.go $(NAME)

# Subscription fan-out benchmark (1k/5k/10k WebSocket subscribers from a
# separate load process; a few minutes), then the streaming benchmark
# (bench-stream) and the job pickup benchmark (bench-pickup): not part of
# `make test`. See bench/README.md.
bench:
	./bench/run.sh
	./bench/stream.sh
	$(MAKE) bench-pickup

# Job pickup benchmark (issue 18): how long a deploy waits for a worker
# (pending to deploying event) with the production poll interval, on SQLite
# and, when it answers, PostgreSQL, where polling alone is the baseline
# in the same run. About a minute. See bench/README.md.
bench-pickup:
	$(GO) test -count=1 -run '^$$' -bench JobPickup -benchtime 40x ./deploy
	@if pg_isready -q -d "$(TEST_DATABASE_URL)" 2>/dev/null; then \
		WOOW_TEST_DB=postgres $(GO) test -count=1 -run '^$$' -bench JobPickup -benchtime 40x ./deploy; \
	else echo "PostgreSQL does not answer: pickup measured on SQLite only"; fi

# Streaming benchmark (issue 15): 100 concurrent answers from an in-process
# fake provider, each token to 2 messageStream subscribers; latency added
# per token against a direct-SSE baseline, and server CPU per token (about
# a minute per database). Not part of `make test`. See bench/README.md.
bench-stream:
	./bench/stream.sh

# Read-path benchmark: our server against a hand-written lower bound on
# PostgreSQL (10k users, 1k workspaces; about 5 minutes): not part of
# `make test`. See bench/README.md.
bench-read:
	./bench/read.sh

clean:
	rm -f woow
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete
