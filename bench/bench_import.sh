#!/bin/sh
# bench/bench_import.sh REEL SRCDIR: "reel bookmark import" of 1,000 URLs
# served by SRCDIR/tests/httpd.py on 127.0.0.1 (essays of their own,
# /essays/N.html) into an empty library, then the same file again (every
# essay bookmarked already: nothing fetched). Prints wall time, CPU time
# and peak memory of each, and the library's size per essay; asserts
# nothing. Everything lives in a temporary directory removed at the end.
set -u

reel=$1
srcdir=$2
py=${PYTHON3:-python3}
n=${BENCH_IMPORTS:-1000}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/reel-bench-import.XXXXXX") || exit 1
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

"$py" "$srcdir/tests/httpd.py" --port-file "$tmp/port" --lifetime 3600 \
    2>"$tmp/httpd.log" &
server=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do
	sleep 0.1
	i=$((i + 1))
done
read -r port rest <"$tmp/port" || { echo "bench_import: no server" >&2; exit 1; }
seq 1 "$n" | sed "s|^|http://127.0.0.1:$port/essays/|; s|$|.html|" \
    >"$tmp/list.txt"

# run WHAT: the import, timed by the kernel's accounts (wall, CPU, RSS).
run() {
	"$py" - "$reel" "$tmp/list.txt" "$1" <<'PY'
import os, resource, subprocess, sys, time
env = dict(os.environ)
t0 = time.monotonic()
p = subprocess.run([sys.argv[1], "bookmark", "import", sys.argv[2]],
                   env=env, capture_output=True, text=True)
wall = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("  %-34s %7.2f s wall, %6.2f s CPU, %6.1f MB peak: %s" % (
    sys.argv[3], wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024,
    p.stdout.strip() or p.stderr.strip()))
PY
}

HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME
unset http_proxy https_proxy all_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY
mkdir -p "$HOME"
echo "import of $n bookmarks from 127.0.0.1 (16 at once, 4 to one host):"
run "first import (all fetched)"
run "second import (nothing to fetch)"
size=$(stat -c %s "$XDG_DATA_HOME/reel/library.db")
echo "  library: $((size / 1024)) KB, $((size / n)) bytes per essay"
