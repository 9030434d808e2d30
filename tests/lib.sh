# lib.sh: helpers for reel's test scripts. Sourced, not run.
# Each script exits 0 on success, 1 on failure. None skips: a part a test
# needs that is missing is a failure that names it.

fails=0
tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/reel-test.XXXXXX") || exit 99
trap 'rm -rf "$tmpdir"' EXIT

fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

pass() {
	echo "ok: $*"
}

# expect_status WANT DESCRIPTION -- COMMAND...: runs COMMAND with stdout in
# $tmpdir/out and stderr in $tmpdir/err; checks its exit status.
expect_status() {
	want=$1 desc=$2
	shift 3
	"$@" >"$tmpdir/out" 2>"$tmpdir/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$desc (exit $got)"
	else
		fail "$desc: exit $got, wanted $want; stderr: $(head -c 300 "$tmpdir/err")"
	fi
}

# expect_grep PATTERN FILE DESCRIPTION
expect_grep() {
	if grep -q -- "$1" "$2"; then
		pass "$3"
	else
		fail "$3: '$1' not in $2: $(head -c 300 "$2")"
	fi
}

finish() {
	if [ "$fails" -gt 0 ]; then
		echo "$fails failure(s)" >&2
		exit 1
	fi
	exit 0
}
