# sections-lib.sh: helpers for the section tests. Sourced after lib.sh.

fixtures="$REEL_SRCDIR/tests/fixtures/sections"
dump="$REEL_BUILDDIR/tests/sections_dump"

# check_sections HTML EXPECTED NAME: the sections reel finds in HTML, as
# "label<TAB>title" lines, must be exactly those in EXPECTED.
check_sections() {
	if ! "$dump" "$1" >"$tmpdir/got" 2>"$tmpdir/err"; then
		fail "$3: sections_dump failed: $(head -c 300 "$tmpdir/err")"
		return
	fi
	if diff -u "$2" "$tmpdir/got" >"$tmpdir/diff"; then
		pass "$3: $(wc -l <"$2") sections"
	else
		fail "$3: sections differ (- expected, + found):"
		cat "$tmpdir/diff" >&2
	fi
}

# check_fixture NAME: tests/fixtures/sections/NAME.html against
# NAME.expected.
check_fixture() {
	check_sections "$fixtures/$1.html" "$fixtures/$1.expected" "$1"
}
