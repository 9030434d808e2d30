/* bench_library.c: how fast the library view opens on a library of 200
 * feeds of 50 items (made here, in a temporary home): in the process, the
 * library opened, the feeds and their counts loaded and the first screen
 * drawn on an off-screen 80x24 screen; and the whole program, `reel`
 * alone on a pseudo-terminal, from its start to the first feeds screen
 * drawn (then q), its CPU time and peak memory from wait4(). Prints
 * figures; never fails on time. */
#include <config.h>

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fetch.h"
#include "library.h"
#include "store.h"
#include "term.h"
#include "util.h"

#include "benchtime.h"

#define BENCH_RUNS	20
#define BENCH_FEEDS	200
#define BENCH_ITEMS	50
#define BENCH_SUMMARY	1200	/* bytes of an item's summary */

/* The library: 200 feeds of 50 items, one transaction a feed. */
static void
bench_make(void)
{
	struct store_item_in	 in[BENCH_ITEMS];
	struct store_merged	 m;
	struct store		*st;
	char			 guid[BENCH_ITEMS][32], title[BENCH_ITEMS][64];
	char			 summary[BENCH_SUMMARY + 1];
	char			*cause = NULL, *url, *name;
	int64_t			 id;
	int			 f, i;

	memset(summary, 'x', BENCH_SUMMARY);
	summary[BENCH_SUMMARY] = '\0';
	if (store_open(NULL, 0, &st, &cause) != 0)
		fatal("%s", cause);
	for (f = 0; f < BENCH_FEEDS; f++) {
		url = xprintf("http://feeds.example/%d.xml", f);
		name = xprintf("Feed %d", f);
		if (store_feed_add(st, url, name, NULL, &id, &cause) != 0)
			fatal("%s", cause);
		memset(in, 0, sizeof in);
		for (i = 0; i < BENCH_ITEMS; i++) {
			snprintf(guid[i], sizeof guid[i], "%d-%d", f, i);
			snprintf(title[i], sizeof title[i], "Essay %d of feed %d",
			    i, f);
			in[i].guid = guid[i];
			in[i].title = title[i];
			in[i].authors = "A. Critic";
			in[i].summary = summary;
			in[i].published = 1700000000 + (int64_t)i * 86400;
		}
		memset(&m, 0, sizeof m);
		if (store_begin(st, &cause) != 0 ||
		    store_merge(st, id, in, BENCH_ITEMS, &m, &cause) != 0 ||
		    store_commit(st, &cause) != 0)
			fatal("%s", cause);
		free(url);
		free(name);
	}
	store_close(st);
}

/* In the process: open, load, draw. */
static void
bench_inside(void)
{
	struct term_offscreen	*o;
	struct fetch_opts	 fo;
	struct library		*l;
	struct store		*st;
	struct rusage		 ru;
	double			 wall[BENCH_RUNS], cpu[BENCH_RUNS], w, c;
	char			*cause = NULL;
	int			 r;

	fetch_opts_default(&fo);
	if ((o = term_offscreen_new(80, 24)) == NULL)
		fatal("no off-screen screen");
	for (r = 0; r < BENCH_RUNS; r++) {
		w = bench_now();
		c = bench_cpu();
		if (store_open(NULL, 0, &st, &cause) != 0 ||
		    library_new(st, &fo, 0, &l, &cause) != 0)
			fatal("%s", cause);
		library_draw(l);
		wall[r] = bench_now() - w;
		cpu[r] = bench_cpu() - c;
		library_free(l);
		store_close(st);
	}
	term_offscreen_free(o);
	getrusage(RUSAGE_SELF, &ru);
	printf("library view, in the process (open, feeds and counts, first "
	    "screen): median %.2f ms wall, %.2f ms CPU over %d runs; peak "
	    "%.1f MiB (with the making of the library)\n",
	    bench_median(wall, BENCH_RUNS), bench_median(cpu, BENCH_RUNS),
	    BENCH_RUNS, ru.ru_maxrss / 1024.0);
}

/* Reads what the child wrote until its first screen has the feeds'
 * header line; returns 0, or -1 when it never comes. */
static int
bench_first_screen(int fd)
{
	struct pollfd	pfd = { fd, POLLIN, 0 };
	char		buf[4096], seen[8192];
	size_t		have = 0;
	ssize_t		n;

	while (poll(&pfd, 1, 10000) == 1) {
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			return -1;
		/* Keep the last bytes: the header may come in two reads. */
		if (have + (size_t)n >= sizeof seen) {
			memmove(seen, seen + have / 2, have - have / 2);
			have -= have / 2;
		}
		if ((size_t)n >= sizeof seen)
			n = sizeof seen - 1;
		memcpy(seen + have, buf, (size_t)n);
		have += (size_t)n;
		seen[have] = '\0';
		/* The header first, the status line last (its key hints, which the
		 * window may cut short at the end). */
		if (strstr(seen, "10000 unread") != NULL &&
		    strstr(seen, "Enter open") != NULL)
			return 0;
	}
	return -1;
}

/* The whole program on a pseudo-terminal. */
static void
bench_program(const char *reel)
{
	struct winsize	 ws = { 24, 80, 0, 0 };
	struct rusage	 ru;
	double		 wall[BENCH_RUNS], cpu[BENCH_RUNS], w, peak = 0;
	char		 drain[4096];
	pid_t		 pid;
	int		 fd, r, status;

	for (r = 0; r < BENCH_RUNS; r++) {
		w = bench_now();
		if ((pid = forkpty(&fd, NULL, NULL, &ws)) == -1)
			fatal("forkpty: %s", strerror(errno));
		if (pid == 0) {
			setenv("TERM", "xterm-256color", 1);
			setenv("LANG", "C.UTF-8", 1);
			execl(reel, reel, (char *)NULL);
			_exit(127);
		}
		if (bench_first_screen(fd) != 0)
			fatal("%s: no feeds screen", reel);
		wall[r] = bench_now() - w;
		if (write(fd, "q", 1) != 1)
			fatal("write: %s", strerror(errno));
		while (read(fd, drain, sizeof drain) > 0)
			continue;
		if (wait4(pid, &status, 0, &ru) != pid)
			fatal("wait4: %s", strerror(errno));
		close(fd);
		cpu[r] = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 +
		    ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
		if (ru.ru_maxrss / 1024.0 > peak)
			peak = ru.ru_maxrss / 1024.0;
	}
	printf("library view, the whole program (start to the first feeds "
	    "screen): median %.1f ms wall; %.1f ms CPU for the whole run "
	    "(q at once); peak %.1f MiB; %d runs\n",
	    bench_median(wall, BENCH_RUNS), bench_median(cpu, BENCH_RUNS),
	    peak, BENCH_RUNS);
}

static int
bench_rm(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	return remove(path);
}

int
main(int argc, char **argv)
{
	char	 dir[] = "/tmp/reel-bench-library.XXXXXX";
	char	*home, *data;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_library REEL\n");
		return 2;
	}
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp: %s", strerror(errno));
	home = xprintf("%s", dir);
	data = xprintf("%s/data", dir);
	setenv("HOME", home, 1);
	setenv("XDG_DATA_HOME", data, 1);
	setenv("XDG_CONFIG_HOME", data, 1);
	setenv("XDG_STATE_HOME", data, 1);
	setenv("XDG_CACHE_HOME", data, 1);
	bench_make();
	printf("library of %d feeds of %d items made in %s\n", BENCH_FEEDS,
	    BENCH_ITEMS, dir);
	bench_inside();
	bench_program(argv[1]);
	nftw(dir, bench_rm, 16, FTW_DEPTH | FTW_PHYS);
	free(home);
	free(data);
	return 0;
}
