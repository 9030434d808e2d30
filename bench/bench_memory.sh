#!/bin/sh
# bench/bench_memory.sh REEL: peak memory (/usr/bin/time) of the largest
# of tests/hostile.test's inputs that reel reads whole: a page of 200,000
# short paragraphs under "dump -f json" and "-f text", and a feed of
# 100,000 small items under "feed parse", each beside issue 14's bound
# (10 x the input's size + 32 MiB). Prints figures; asserts nothing (the
# bounds are tests/hostile.test's). Runs in a temporary directory removed
# at the end, with a home of its own.
set -u

reel=$1
py=${PYTHON3:-python3}

if [ ! -x /usr/bin/time ]; then
	echo "bench_memory: /usr/bin/time (Debian package time) is needed" >&2
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reel-bench-memory.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    XDG_STATE_HOME="$tmp/state"
mkdir -p "$HOME"

"$py" - "$tmp" <<'PY'
import os, sys
d = sys.argv[1]
with open(os.path.join(d, "paras.html"), "w") as f:
    f.write("<html><body>" + "".join("<p>Paragraph %d of the page.</p>" % i
            for i in range(200000)) + "</body></html>")
item = ("<item><title>i%d</title><link>https://example.org/i%d</link>"
        "<description>x</description></item>")
with open(os.path.join(d, "feed-100k.xml"), "w") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
            "<channel><title>T</title><link>https://example.org/</link>" +
            "".join(item % (i, i) for i in range(100000)) +
            "</channel></rss>")
PY

# peak LABEL FILE COMMAND...: one line of figures.
peak() {
	label=$1 file=$2
	shift 2
	/usr/bin/time -f %M -o "$tmp/mem" "$@" >/dev/null 2>"$tmp/err" ||
	    echo "  ($label: exit $?: $(head -c 200 "$tmp/err"))"
	kb=$(tail -n 1 "$tmp/mem")
	size=$(wc -c <"$file")
	bound=$(( (size * 10 + 32 * 1024 * 1024) / 1024 ))
	awk -v l="$label" -v kb="$kb" -v b="$bound" -v s="$size" 'BEGIN {
		printf "  %-34s %7d KiB peak, bound %7d KiB (%.1f x its %d bytes)\n",
		    l, kb, b, kb * 1024 / s, s
	}'
}

peak "200,000 paragraphs, dump -f json" "$tmp/paras.html" \
    "$reel" dump -f json "$tmp/paras.html"
peak "200,000 paragraphs, dump -f text" "$tmp/paras.html" \
    "$reel" dump -f text "$tmp/paras.html"
peak "100,000 items, feed parse" "$tmp/feed-100k.xml" \
    "$reel" feed parse "$tmp/feed-100k.xml"
