# Woow PaaS. `make run` serves on the embedded SQLite default; `make test`
# runs every test, on SQLite and, when a server answers (always under
# CI=true), on PostgreSQL.

GO ?= go
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test?sslmode=disable
export TEST_DATABASE_URL

.PHONY: run build test test-sqlite test-postgres generate migration fmt vet clean bench

run: build
	./woow serve

build:
	$(GO) build -o woow .

test: vet test-sqlite test-postgres

vet:
	@test -z "$$(gofmt -l .)" || { gofmt -l . ; echo "gofmt needed"; exit 1; }
	$(GO) vet ./...

test-sqlite:
	$(GO) test -count=1 -timeout 20m ./...

# The PostgreSQL suite re-runs the packages whose tests use a database, each
# test in a database of its own (created and dropped by storetest).
test-postgres:
	@./scripts/test-postgres.sh

# Regenerate ent, the GraphQL schema and gqlgen's code (committed; a test
# checks they are current).
generate:
	$(GO) run -mod=mod ./ent/entc.go
	$(GO) run -mod=mod github.com/99designs/gqlgen generate

# New versioned migration from the ent schema: make migration NAME=add_x
migration:
	$(GO) run -mod=mod ./migrations/gen.go $(NAME)

# Subscription fan-out benchmark (1k/5k/10k WebSocket subscribers from a
# separate load process; a few minutes): not part of `make test`. See
# bench/README.md.
bench:
	./bench/run.sh

clean:
	rm -f woow
