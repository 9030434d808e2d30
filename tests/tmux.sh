# tmux.sh: drive the real reel in tmux on a private socket, for the e2e
# tests. Sourced after lib.sh. Waits poll the screen a bounded number of
# times and never measure time.

# How many polls (0.02 s apart, plus the poll itself) a wait makes before
# it gives up: a guard against a hang, not a measure of speed. Every wait
# is for something that must come, so a good run never waits it out; the
# bound is wide because the suite also runs under the sanitizers on a
# loaded machine, where one step can take seconds.
polls=${REEL_TEST_POLLS:-1500}

# The pager's tests are part of the suite: without tmux they fail, and
# say what to install (./setup does), rather than skip.
if [ -z "$TMUX_BIN" ] || [ "$TMUX_BIN" = no ]; then
	echo "FAIL: tmux is not installed (apt-get install tmux), so the" \
	    "pager cannot be tested" >&2
	exit 1
fi
# One server for each start, on its own socket: a new server on the
# socket of one that is still shutting down can fail.
servers=0
sock=$tmpdir/tmux.0.sock
trap 'for s in "$tmpdir"/tmux.*.sock; do
	[ -S "$s" ] && "$TMUX_BIN" -S "$s" kill-server 2>/dev/null
done; rm -rf "$tmpdir"' EXIT

tm() {
	"$TMUX_BIN" -S "$sock" -f /dev/null "$@" 2>/dev/null
}

# start COLS ROWS COMMAND...: a fresh server with one pane running
# COMMAND (no shell), kept on screen after it exits so that its exit
# status can be read; OSC 52 would reach tmux's buffers.
start() {
	tm kill-server
	servers=$((servers + 1))
	sock=$tmpdir/tmux.$servers.sock
	cols=$1 rows=$2
	shift 2
	tm start-server \; set -g remain-on-exit on \; \
	    set -g set-clipboard on \; \
	    new-session -d -x "$cols" -y "$rows" "$@"
}

# screen: the pane's text; row N (1 is the header) with row N.
screen() {
	tm capture-pane -p
}

row() {
	screen | sed -n "${1}p"
}

# wait_for TEXT [ROW]: polls until TEXT is on the screen (or on ROW);
# returns 1 after $polls polls.
wait_for() {
	i=0
	while [ "$i" -lt "$polls" ]; do
		if [ -n "${2:-}" ]; then
			row "$2" | grep -F -q -- "$1" && return 0
		else
			screen | grep -F -q -- "$1" && return 0
		fi
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

# expect_history DESCRIPTION TEXT: polls until TEXT is on the screen or
# in the pane's history, lines the terminal wrapped joined (-J).
expect_history() {
	i=0
	while [ "$i" -lt "$polls" ]; do
		if tm capture-pane -p -J -S - | grep -F -q -- "$2"; then
			pass "$1"
			return
		fi
		sleep 0.02
		i=$((i + 1))
	done
	fail "$1: '$2' not in the pane's history"
}

# expect_gone DESCRIPTION TEXT ROW: polls until ROW no longer has TEXT.
expect_gone() {
	i=0
	while [ "$i" -lt "$polls" ]; do
		if ! row "$3" | grep -F -q -- "$2"; then
			pass "$1"
			return
		fi
		sleep 0.02
		i=$((i + 1))
	done
	fail "$1: '$2' still on row $3"
}

# expect_screen DESCRIPTION TEXT [ROW]
expect_screen() {
	if wait_for "$2" "${3:-}"; then
		pass "$1"
	else
		fail "$1: '$2' not on ${3:+row $3 of }the screen:
$(screen)"
	fi
}

# home: prints the VAR=VALUE words that give a command a home of its own,
# a new directory under $tmpdir for HOME and each XDG directory: no test
# reads the real ones, nor a library that another start of reel wrote.
home() {
	h=$(mktemp -d "$tmpdir/home.XXXXXX") || exit 99
	echo "HOME=$h XDG_CONFIG_HOME=$h/config XDG_DATA_HOME=$h/data" \
	    "XDG_STATE_HOME=$h/state XDG_CACHE_HOME=$h/cache"
}

# start_reel COLS ROWS [VAR=VALUE...] COMMAND...: like start, through env
# with a home of its own (home; VAR=VALUE given here come after, so a
# test may name its own), with the command's exit status written to
# $tmpdir/status when it ends (tmux does not always keep a dead pane's
# status). The shell traps SIGINT and SIGQUIT, so Ctrl-C and Ctrl-\
# reach the command and the shell lives to tell.
start_reel() {
	cols=$1 rows=$2
	shift 2
	rm -f "$tmpdir/status"
	start "$cols" "$rows" sh -c \
	    'trap : INT QUIT; status=$1; shift; "$@"; echo $? >"$status"' \
	    sh "$tmpdir/status" env $(home) "$@"
}

# reel_pid: the process started by start_reel.
reel_pid() {
	ps -o pid= --ppid "$(tm display -p '#{pane_pid}')" | tr -d ' '
}

# wait_exit: polls until the command of start_reel has ended and prints
# its exit status; returns 1 if it does not end.
wait_exit() {
	i=0
	while [ "$i" -lt "$polls" ]; do
		if [ -s "$tmpdir/status" ] &&
		    [ "$(tm display -p '#{pane_dead}')" = 1 ]; then
			cat "$tmpdir/status"
			return 0
		fi
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

# expect_exit DESCRIPTION STATUS: the command ended with STATUS and left
# the terminal out of the alternate screen.
expect_exit() {
	if ! got=$(wait_exit); then
		fail "$1: reel did not end"
		return
	fi
	[ "$got" = "$2" ] && pass "$1 (exit $got)" ||
	    fail "$1: exit $got, wanted $2"
	[ "$(tm display -p '#{alternate_on}')" = 0 ] &&
	    pass "$1: the terminal is back from the alternate screen" ||
	    fail "$1: the terminal is left in the alternate screen"
}

# keys KEY...: sends keys as tmux names them.
keys() {
	tm send-keys "$@"
}
