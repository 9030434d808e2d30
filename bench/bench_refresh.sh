#!/bin/sh
# bench/bench_refresh.sh REEL FEEDS-TOOLS: the subscriptions benchmark.
#
# Generates the feed corpus with FEEDS-TOOLS/gen_corpus.py (200 feeds of
# 50 items), serves it on 127.0.0.1 with FEEDS-TOOLS/serve_backlog.py and
# prints wall time, CPU time and peak memory for: a fresh refresh into an
# empty library, a warm refresh (every feed answers 304), 'reel feed ls'
# and 'reel item ls' on the 10,000-item library.  When newsboat is
# installed it runs on the same corpus in the same run, for the ratios.
# Prints figures; asserts nothing.  Everything lives in a temporary
# directory that is removed at the end.
set -u

reel=$1
tools=$2
py=${PYTHON3:-python3}
feeds=${BENCH_FEEDS:-200}
items=${BENCH_ITEMS:-50}

if [ ! -f "$tools/gen_corpus.py" ]; then
	echo "bench_refresh: no $tools/gen_corpus.py; skipped" >&2
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/reel-bench-refresh.XXXXXX") || exit 1
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# A free port, chosen by the kernel.
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$py" "$tools/gen_corpus.py" --out "$tmp/corpus" --feeds "$feeds" \
    --items "$items" --port "$port" >/dev/null || exit 1
"$py" "$tools/serve_backlog.py" "$port" "$tmp/corpus/www" 128 \
    >/dev/null 2>&1 &
server=$!
# Wait until the server answers.
i=0
until "$py" -c "import socket; socket.create_connection(('127.0.0.1',$port),1)" \
    2>/dev/null; do
	i=$((i + 1))
	[ "$i" -gt 50 ] && { echo "bench_refresh: server did not start" >&2; exit 1; }
	sleep 0.1
done

# measure LABEL HOME COMMAND...: one line of figures from GNU time.
measure() {
	label=$1 home=$2
	shift 2
	HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config \
	XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state \
	    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	# GNU time puts a "Command exited" line first when rc != 0.
	set -- $(tail -n 1 "$tmp/time")
	wall=$1 user=$2 sys=$3 rss=$4
	printf '%-28s wall %6.2f s  cpu %6.2f s  peak %6.1f MiB  exit %d\n' \
	    "$label" "$wall" "$(echo "$user $sys" | awk '{print $1 + $2}')" \
	    "$(echo "$rss" | awk '{print $1 / 1024}')" "$rc"
	echo "$wall" >"$tmp/last-wall"
}

rh=$tmp/reel-home
mkdir -p "$rh"
HOME=$rh XDG_DATA_HOME=$rh/data XDG_CONFIG_HOME=$rh/config \
    "$reel" feed import "$tmp/corpus/feeds.opml" >/dev/null || exit 1
echo "corpus: $feeds feeds of $items items, $(du -sh "$tmp/corpus/www" | cut -f1)"

measure "reel refresh, fresh" "$rh" "$reel" feed refresh
reel_fresh=$(cat "$tmp/last-wall")
tail -n 1 "$tmp/out"
measure "reel refresh, warm (304)" "$rh" "$reel" feed refresh
reel_warm=$(cat "$tmp/last-wall")
tail -n 1 "$tmp/out"
measure "reel feed ls" "$rh" "$reel" feed ls
measure "reel item ls" "$rh" "$reel" item ls
echo "  ($(wc -l <"$tmp/out") items listed)"

if command -v newsboat >/dev/null 2>&1; then
	nh=$tmp/newsboat-home
	mkdir -p "$nh/config/newsboat" "$nh/data/newsboat"
	cp "$tmp/corpus/urls" "$nh/config/newsboat/urls"
	printf 'reload-threads 16\n' >"$nh/config/newsboat/config"
	measure "newsboat -x reload, fresh" "$nh" newsboat -x reload
	nb_fresh=$(cat "$tmp/last-wall")
	measure "newsboat -x reload, warm" "$nh" newsboat -x reload
	nb_warm=$(cat "$tmp/last-wall")
	awk -v a="$nb_fresh" -v b="$reel_fresh" -v c="$nb_warm" -v d="$reel_warm" \
	    'BEGIN { printf "reel beside newsboat: fresh %.1fx faster, warm %.1fx faster\n", \
	        a / (b > 0 ? b : 0.001), c / (d > 0 ? d : 0.001) }'
else
	echo "newsboat is not installed: no ratio (apt-get install newsboat)"
fi
