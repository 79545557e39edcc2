#!/usr/bin/env bash
# Subscription fan-out benchmark (`make bench`; not part of `make test`).
#
# For each N in $BENCH_SIZES (default 1000 5000 10000) it starts a fresh
# server on 127.0.0.1 (SQLite in a temporary data dir), lets bench/wsload -
# a separate load process - open N graphql-transport-ws connections with one
# `activity` subscription each, measures the server's RSS per idle
# connection and the latency of workspace renames to every subscriber,
# stops the server and prints a table with ratios against the first size
# (the baseline: the machine is shared and noisy, compare ratios).
# PostgreSQL runs too when TEST_DATABASE_URL (or DATABASE_URL) points at
# 127.0.0.1/localhost and answers; BENCH_POSTGRES=0 skips it, =1 requires it.
#
# Environment:
#   BENCH_SIZES      connection counts, first = baseline (default "1000 5000 10000")
#   BENCH_EVENTS     measured events per run, 1 s apart (default 5)
#   BENCH_FIELDS     subscription selection (default "id verb summary createdAt")
#   BENCH_REV        build the server from this git revision (git archive)
#                    instead of the working tree, e.g. BENCH_REV=HEAD
#   BENCH_POSTGRES   auto (default), 0 or 1
#   BENCH_BUDGET     seconds of runs after which further runs are skipped (default 270);
#                    each run is also killed after 150 s
#   BENCH_KEEP=1     keep the temporary directory (logs, results)
#   BENCH_OUT        also write the table to this file
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-1000 5000 10000}
events=${BENCH_EVENTS:-5}
fields=${BENCH_FIELDS:-id verb summary createdAt}
pgurl=${TEST_DATABASE_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}}
GO=${GO:-go}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/woow-bench.XXXXXX")
server_pid=""
pg_dbs=()

stop_server() {
	[ -n "$server_pid" ] || return 0
	if kill -0 "$server_pid" 2>/dev/null; then
		kill -TERM "$server_pid" 2>/dev/null || true
		for _ in $(seq 1 100); do
			kill -0 "$server_pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -KILL "$server_pid" 2>/dev/null || true
	fi
	wait "$server_pid" 2>/dev/null || true
	server_pid=""
}

cleanup() {
	stop_server
	for db in "${pg_dbs[@]}"; do
		psql "$pgurl" -qAtc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
	done
	if [ "${BENCH_KEEP:-}" = 1 ]; then
		echo "bench: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ build
echo "bench: building the server and the load generator" >&2
if [ -n "${BENCH_REV:-}" ]; then
	# The revision's tree with this bench/ in it, so that both programs
	# build against the revision's go.mod.
	mkdir -p "$tmp/src"
	git archive "$BENCH_REV" | tar -x -C "$tmp/src"
	rm -rf "$tmp/src/bench" && cp -R bench "$tmp/src/bench"
	(cd "$tmp/src" && $GO build -trimpath -o "$tmp/woow" . && $GO build -trimpath -o "$tmp/wsload" ./bench/wsload)
else
	if ! { $GO build -trimpath -o "$tmp/woow" . && $GO build -trimpath -o "$tmp/wsload" ./bench/wsload; }; then
		echo "bench: the working tree does not build; try BENCH_REV=HEAD make bench" >&2
		exit 1
	fi
fi

# Both processes need a descriptor per connection (plus the server's
# database and listener); the load process raises its own soft limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
maxn=0
for n in $sizes; do [ "$n" -gt "$maxn" ] && maxn=$n; done
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((maxn + 512)) ]; then
	echo "bench: open-file limit $(ulimit -n) is too low for $maxn connections" >&2
	exit 1
fi

# ------------------------------------------------------------------ runs
# start_server LABEL [DATABASE_URL]: starts a fresh server, sets server_pid,
# server_addr and server_log. The server runs with GODEBUG=gctrace=1: the
# load generator reads its live heap there (there is no debug endpoint).
start_server() {
	local label=$1 dburl=${2:-}
	local safe=${label//\//-}
	local log="$tmp/server-$safe.log"
	mkdir -p "$tmp/data-$safe"
	server_log=$log
	env -u DATABASE_URL \
		WOOW_ADDR=127.0.0.1:0 \
		WOOW_DATA_DIR="$tmp/data-$safe" \
		WOOW_LOG_LEVEL=info \
		${dburl:+DATABASE_URL="$dburl"} \
		GODEBUG=gctrace=1 \
		"$tmp/woow" serve 2>"$log" &
	server_pid=$!
	server_addr=""
	for _ in $(seq 1 300); do
		server_addr=$(sed -n 's/.*"msg":"listening","addr":"\([^"]*\)".*/\1/p' "$log" | head -n1)
		[ -n "$server_addr" ] && break
		if ! kill -0 "$server_pid" 2>/dev/null; then
			echo "bench: the server exited:" >&2
			tail -n 20 "$log" >&2
			exit 1
		fi
		sleep 0.1
	done
	if [ -z "$server_addr" ]; then
		echo "bench: the server did not start within 30s" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
	case $server_addr in
	127.0.0.1:*) ;;
	*)
		echo "bench: refusing to load $server_addr (not 127.0.0.1)" >&2
		exit 1
		;;
	esac
}

# run_one DIALECT N [DATABASE_URL]
run_one() {
	local dialect=$1 n=$2 dburl=${3:-} label="$1/$2"
	if [ $(($(date +%s) - start)) -ge "$budget" ]; then
		echo "bench: $label: skipped, the ${budget}s budget is spent" >&2
		return 1
	fi
	start_server "$label" "$dburl"
	echo "bench: $label: server pid $server_pid on $server_addr" >&2
	local rc=0
	timeout --kill-after=10 150 "$tmp/wsload" run \
		-addr "$server_addr" -pid "$server_pid" -server-log "$server_log" -n "$n" -events "$events" \
		-fields "$fields" -label "$label" >>"$tmp/results-$dialect.json" || rc=$?
	stop_server
	if [ "$rc" -ne 0 ]; then
		echo "bench: $label: the load generator failed (exit $rc)" >&2
		return 1
	fi
}

start=$(date +%s)
budget=${BENCH_BUDGET:-270}
failed=0
for n in $sizes; do
	run_one sqlite "$n" || failed=1
done

pg=${BENCH_POSTGRES:-auto}
if [ "$pg" != 0 ]; then
	case $pgurl in
	postgres://*@127.0.0.1[:/]* | postgres://*@localhost[:/]* | postgresql://*@127.0.0.1[:/]* | postgresql://*@localhost[:/]*) local_pg=1 ;;
	*) local_pg=0 ;;
	esac
	if [ "$local_pg" = 1 ] && command -v psql >/dev/null && psql "$pgurl" -qAtc 'SELECT 1' >/dev/null 2>&1; then
		for n in $sizes; do
			db="woow_bench_$$_$n"
			psql "$pgurl" -qAtc "CREATE DATABASE $db" >/dev/null
			pg_dbs+=("$db")
			dburl=$(printf '%s' "$pgurl" | sed "s#^\(postgres[a-z]*://[^/]*\)/[^?]*#\1/$db#")
			run_one postgres "$n" "$dburl" || failed=1
			psql "$pgurl" -qAtc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
		done
	elif [ "$pg" = 1 ]; then
		echo "bench: BENCH_POSTGRES=1 but PostgreSQL does not answer at a local $pgurl" >&2
		failed=1
	else
		echo "bench: PostgreSQL does not answer at a local address: SQLite only" >&2
	fi
fi

# ------------------------------------------------------------------ report
out="$tmp/table.txt"
{
	echo "woow subscription fan-out: $(nproc) CPUs, $(uname -sr), $($GO env GOVERSION), events=$events, fields: $fields"
	echo "server: ${BENCH_REV:-working tree}; $(($(date +%s) - start))s of runs"
	for f in "$tmp"/results-sqlite.json "$tmp"/results-postgres.json; do
		[ -s "$f" ] || continue
		echo
		"$tmp/wsload" report "$f"
	done
	echo
	echo "raw results:"
	cat "$tmp"/results-*.json 2>/dev/null || true
} | tee "$out"
if [ -n "${BENCH_OUT:-}" ]; then
	cp "$out" "$BENCH_OUT"
fi
exit "$failed"
