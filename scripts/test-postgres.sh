#!/usr/bin/env bash
# Runs the database tests on PostgreSQL at $TEST_DATABASE_URL when it
# answers. Under CI=true a missing server is a failure, not a skip.
set -euo pipefail
url=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}

answers() {
	if command -v pg_isready >/dev/null 2>&1; then
		pg_isready -q -d "$url"
	else
		(exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
	fi
}

if ! answers; then
	if [ "${CI:-}" = "true" ]; then
		echo "CI=true: PostgreSQL must answer at $url" >&2
		exit 1
	fi
	echo "PostgreSQL does not answer at $url: skipping the PostgreSQL suite"
	exit 0
fi

# Packages whose tests import storetest (the dialect switch) or dbmigrate.
pkgs=$(go list -f '{{.ImportPath}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}' ./... |
	grep -E ' github.com/woowtech/woow-paas/(store/storetest)( |$)' | cut -d' ' -f1)
echo "PostgreSQL suite: $(echo "$pkgs" | wc -w) packages"
WOOW_TEST_DB=postgres go test -count=1 -timeout 20m $pkgs
