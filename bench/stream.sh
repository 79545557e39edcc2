#!/usr/bin/env bash
# Streaming benchmark (issue 15; part of `make bench`, not of `make test`).
#
# Starts a fresh server on 127.0.0.1 (SQLite in a temporary data dir) and
# lets bench/streamload - a separate load process with an in-process fake
# OpenAI-compatible provider - measure, per token, the time from the
# provider's write to each messageStream subscriber's receipt, against a
# baseline in the same command (the same provider read directly over SSE),
# a floor (the same streams through a hand-written relay process that does
# nothing else) and the server's CPU per token. See bench/README.md.
# PostgreSQL runs too when TEST_DATABASE_URL (or DATABASE_URL) points at
# 127.0.0.1/localhost and answers; BENCH_POSTGRES=0 skips it, =1 requires it.
#
# Environment:
#   BENCH_REPLIES      concurrent answers (default 100; 10 threads per workspace)
#   BENCH_SUBSCRIBERS  messageStream subscribers per thread, one connection each (default 2)
#   BENCH_TOKENS       tokens per answer (default 200)
#   BENCH_TOKEN_DELAY  time between two tokens of an answer (default 10ms)
#   BENCH_SELECTION    app (default: the web app's messageStream document) or plain
#   BENCH_POSTGRES     auto (default), 0 or 1
#   BENCH_KEEP=1       keep the temporary directory (logs, results)
#   BENCH_OUT          also write the table to this file
#   BENCH_SERVER_ENV   extra NAME=value words for the server only, e.g.
#                      "GOGC=400 GOMAXPROCS=1" (deployment knobs)
# Exits non-zero when a run fails, e.g. a token is lost or doubled.
set -euo pipefail

cd "$(dirname "$0")/.."
pgurl=${TEST_DATABASE_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}}
GO=${GO:-go}
clk=$(getconf CLK_TCK 2>/dev/null || echo 100)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/woow-stream.XXXXXX")
server_pid=""
pg_db=""

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
	if [ -n "$pg_db" ]; then
		psql "$pgurl" -qAtc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
	fi
	if [ "${BENCH_KEEP:-}" = 1 ]; then
		echo "stream: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "stream: building the server and the load process" >&2
$GO build -trimpath -o "$tmp/woow" .
$GO build -trimpath -o "$tmp/streamload" ./bench/streamload
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# start_server LABEL [DATABASE_URL]: sets server_pid and server_addr.
start_server() {
	local label=$1 dburl=${2:-}
	local log="$tmp/server-$label.log"
	mkdir -p "$tmp/data-$label"
	env -u DATABASE_URL \
		WOOW_ADDR=127.0.0.1:0 \
		WOOW_DATA_DIR="$tmp/data-$label" \
		WOOW_LOG_LEVEL=info \
		${dburl:+DATABASE_URL="$dburl"} \
		${BENCH_SERVER_ENV:-} \
		"$tmp/woow" serve 2>"$log" &
	server_pid=$!
	server_addr=""
	for _ in $(seq 1 300); do
		server_addr=$(sed -n 's/.*"msg":"listening","addr":"\([^"]*\)".*/\1/p' "$log" | head -n1)
		[ -n "$server_addr" ] && break
		if ! kill -0 "$server_pid" 2>/dev/null; then
			echo "stream: the server exited:" >&2
			tail -n 20 "$log" >&2
			exit 1
		fi
		sleep 0.1
	done
	if [ -z "$server_addr" ]; then
		echo "stream: the server did not start within 30s" >&2
		tail -n 20 "$log" >&2
		exit 1
	fi
	case $server_addr in
	127.0.0.1:*) ;;
	*)
		echo "stream: refusing to load $server_addr (not 127.0.0.1)" >&2
		exit 1
		;;
	esac
}

# run_one LABEL [DATABASE_URL]
run_one() {
	local label=$1 dburl=${2:-} rc=0
	start_server "$label" "$dburl"
	echo "stream: $label: server pid $server_pid on $server_addr" >&2
	timeout --kill-after=10 300 "$tmp/streamload" run \
		-addr "$server_addr" -pid "$server_pid" -label "$label" -clk-tck "$clk" >>"$tmp/results.json" || rc=$?
	stop_server
	if [ "$rc" -ne 0 ]; then
		echo "stream: $label: FAILED (exit $rc); server log: $tmp/server-$label.log" >&2
		BENCH_KEEP=1
		return 1
	fi
}

start=$(date +%s)
failed=0
run_one sqlite || failed=1

pg=${BENCH_POSTGRES:-auto}
if [ "$pg" != 0 ]; then
	case $pgurl in
	postgres://*@127.0.0.1[:/]* | postgres://*@localhost[:/]* | postgresql://*@127.0.0.1[:/]* | postgresql://*@localhost[:/]*) local_pg=1 ;;
	*) local_pg=0 ;;
	esac
	if [ "$local_pg" = 1 ] && command -v psql >/dev/null && psql "$pgurl" -qAtc 'SELECT 1' >/dev/null 2>&1; then
		pg_db="woow_benchstream_$$_$RANDOM"
		psql "$pgurl" -qAtc "CREATE DATABASE $pg_db" >/dev/null
		dburl=$(printf '%s' "$pgurl" | sed "s#^\(postgres[a-z]*://[^/]*\)/[^?]*#\1/$pg_db#")
		run_one postgres "$dburl" || failed=1
		psql "$pgurl" -qAtc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
		pg_db=""
	elif [ "$pg" = 1 ]; then
		echo "stream: BENCH_POSTGRES=1 but PostgreSQL does not answer at a local $pgurl" >&2
		failed=1
	else
		echo "stream: PostgreSQL does not answer at a local address: SQLite only" >&2
	fi
fi

out="$tmp/table.txt"
{
	echo "woow streaming: $(nproc) CPUs, $(uname -sr), $($GO env GOVERSION); $(($(date +%s) - start))s of runs"
	echo
	if [ -s "$tmp/results.json" ]; then
		"$tmp/streamload" report "$tmp/results.json"
	fi
	echo "write->receipt: ms from the fake provider's write of a token to its receipt by a subscriber (a"
	echo "delta holding several tokens counts for each); baseline: the same provider read directly over"
	echo "SSE by the load process in the same command; added = server - baseline. Target: p99 added <= 1 ms."
	echo "floor: the same streams through a hand-written relay process that only reads, decodes, encodes"
	echo "and writes (bench/streamload/relay.go): what any process in between adds on this machine."
	echo
	echo "raw results:"
	cat "$tmp/results.json" 2>/dev/null || true
} | tee "$out"
if [ -n "${BENCH_OUT:-}" ]; then
	cp "$out" "$BENCH_OUT"
fi
exit "$failed"
