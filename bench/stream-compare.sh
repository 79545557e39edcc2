#!/usr/bin/env bash
# Compares the streaming benchmark (bench/stream.sh) of two revisions on
# the same machine: runs it in a checkout of each in turn (A, B, A, B,
# ...), so that both see the same load, and prints each run's summary.
# Compare medians; single runs move by 2x on a shared machine.
#
# Usage: bench/stream-compare.sh REV_A REV_B [ROUNDS]   (default 3 rounds)
# The environment of bench/stream.sh applies (BENCH_REPLIES, BENCH_POSTGRES, ...).
set -euo pipefail

cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 REV_A REV_B [ROUNDS]" >&2; exit 2; }
rounds=${3:-3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/woow-compare.XXXXXX")
trees=()
cleanup() {
	for t in "${trees[@]}"; do git worktree remove --force "$t" >/dev/null 2>&1 || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT
for rev in "$1" "$2"; do
	t="$tmp/$(git rev-parse --short "$rev")"
	git worktree add -q --detach "$t" "$rev"
	trees+=("$t")
done
for r in $(seq 1 "$rounds"); do
	for t in "${trees[@]}"; do
		echo "== $(basename "$t"), round $r"
		(cd "$t" && ./bench/stream.sh 2>/dev/null) |
			grep -E '^(sqlite|postgres):|^  (added|floor|server CPU|checks)|events per answer' || echo "(run failed)"
	done
done
