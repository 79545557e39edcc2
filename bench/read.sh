#!/usr/bin/env bash
# Read-path benchmark (`make bench-read`; not part of `make test`).
#
# Builds the server and bench/readload, then `readload run`: a database of
# its own on the PostgreSQL of TEST_DATABASE_URL (127.0.0.1 only; created,
# migrated with the server's migrations, seeded by SQL, dropped at the
# end, also on Ctrl-C), statements per request counted through a
# wire-protocol proxy, then for the viewer of 20 and of 1,000 workspaces
# and 16 and 64 connections, interleaved, the hand-written lower bound and
# our server, each a child process started for its phase. Prints the table
# of medians and the ratios ours/lower bound. See bench/README.md.
#
# Environment:
#   TEST_DATABASE_URL     PostgreSQL to create the bench database on
#                         (default postgres://postgres@127.0.0.1:5432/test?sslmode=disable)
#   READ_BENCH_DURATION   measured time per phase (default 10s; "10" means 10s)
#   READ_BENCH_WARMUP     warm-up per phase (default 2s)
#   READ_BENCH_ROUNDS     rounds per cell, lower bound then ours (default 2)
#   READ_BENCH_CONNS      connection counts (default 16,64)
#   BENCH_REV             build the server from this git revision (git archive)
#                         instead of the working tree, e.g. BENCH_REV=HEAD
#   BENCH_OUT             also write the raw JSON results to this file
#   BENCH_KEEP=1          keep the temporary directory (servers' logs)
set -euo pipefail

cd "$(dirname "$0")/.."
pgurl=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}
GO=${GO:-go}
secs() { case $1 in *[a-z]) echo "$1" ;; *) echo "${1}s" ;; esac; }
duration=$(secs "${READ_BENCH_DURATION:-10s}")
warm=$(secs "${READ_BENCH_WARMUP:-2s}")
rounds=${READ_BENCH_ROUNDS:-2}
conns=${READ_BENCH_CONNS:-16,64}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/woow-bench-read.XXXXXX")
cleanup() {
	if [ "${BENCH_KEEP:-}" = 1 ]; then
		echo "bench-read: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT

echo "bench-read: building the server and the load generator" >&2
if [ -n "${BENCH_REV:-}" ]; then
	mkdir -p "$tmp/src"
	git archive "$BENCH_REV" | tar -x -C "$tmp/src"
	rm -rf "$tmp/src/bench" && cp -R bench "$tmp/src/bench"
	(cd "$tmp/src" && $GO build -trimpath -o "$tmp/woow" . && $GO build -trimpath -o "$tmp/readload" ./bench/readload)
else
	if ! { $GO build -trimpath -o "$tmp/woow" . && $GO build -trimpath -o "$tmp/readload" ./bench/readload; }; then
		echo "bench-read: the working tree does not build; try BENCH_REV=HEAD make bench-read" >&2
		exit 1
	fi
fi

echo "bench-read: server ${BENCH_REV:-working tree}, $(nproc) CPUs, $(uname -sr), $($GO env GOVERSION)" >&2
# readload handles SIGINT and SIGTERM itself: it stops its servers and
# drops the database before exiting.
rc=0
"$tmp/readload" run -woow "$tmp/woow" -db "$pgurl" -tmp "$tmp" \
	-duration "$duration" -warm "$warm" -rounds "$rounds" -conns "$conns" \
	${BENCH_OUT:+-out "$BENCH_OUT"} || rc=$?
exit "$rc"
