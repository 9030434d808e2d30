/* test_fetch_many.c: many transfers at once against tests/httpd.py on
 * 127.0.0.1: each ends once with its own result, redirects followed,
 * failures kept to their own transfer, the limit per host held, a
 * conditional transfer answered 304, and a set freed in mid-flight. */
#include <config.h>

#include <sys/types.h>
#include <sys/wait.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fetch.h"
#include "fetch_many.h"
#include "testhome.h"
#include "util.h"

static pid_t	 server_pid = -1;
static char	 base[64];

static int
server_start(void **state)
{
	const char	*python = getenv("PYTHON3");
	const char	*srcdir = getenv("REEL_SRCDIR");
	char		*script, line[128], *cause = NULL;
	FILE		*f;
	int		 fds[2], port;

	if (testhome_enter("fetch-many") == NULL)
		return -1;
	if (python == NULL || *python == '\0')
		python = "python3";
	if (srcdir == NULL || *srcdir == '\0')
		srcdir = ".";
	if (fetch_global_init(&cause) != 0)
		return -1;
	script = xprintf("%s/tests/httpd.py", srcdir);
	if (pipe(fds) != 0 || (server_pid = fork()) == -1)
		return -1;
	if (server_pid == 0) {
		close(fds[0]);
		if (dup2(fds[1], STDOUT_FILENO) == -1)
			_exit(127);
		execlp(python, python, script, "--lifetime", "300",
		    (char *)NULL);
		_exit(127);
	}
	free(script);
	close(fds[1]);
	if ((f = fdopen(fds[0], "r")) == NULL)
		return -1;
	if (fgets(line, sizeof line, f) == NULL ||
	    sscanf(line, "%d", &port) != 1) {
		fclose(f);
		fprintf(stderr, "the test server did not start\n");
		return -1;
	}
	fclose(f);
	snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
	return 0;
}

static int
server_stop(void **state)
{
	if (server_pid > 0) {
		kill(server_pid, SIGTERM);
		waitpid(server_pid, NULL, 0);
		server_pid = -1;
	}
	fetch_global_cleanup();
	return testhome_leave();
}

/* A body fetched with fetch() itself (the server's counters). */
static char *
get(const char *path)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*u = xprintf("%s%s", base, path), *cause = NULL;
	char			*body;

	fetch_opts_default(&o);
	o.accept_xml = 1;
	if (fetch(u, &o, &r, &cause) != 0)
		fail_msg("fetch %s: %s", u, cause);
	free(u);
	body = xstrdup(r.data);
	fetch_result_free(&r);
	return body;
}

static long
stat_of(const char *what)
{
	char	*s = get("/stats"), *key = xprintf("\"%s\": ", what), *p;
	long	 v;

	if ((p = strstr(s, key)) == NULL)
		fail_msg("no %s in %s", what, s);
	v = strtol(p + strlen(key), NULL, 10);
	free(key);
	free(s);
	return v;
}

/* The limits of each transfer: the defaults, feeds taken. */
static struct fetch_opts *
xml_opts(void)
{
	static struct fetch_opts	o;

	fetch_opts_default(&o);
	o.accept_xml = 1;
	return &o;
}

/* Runs m to its end; each ended transfer goes to done[id]. */
static void
run(struct fetch_many *m, struct fetch_many_done *done, size_t n,
    int *seen)
{
	struct fetch_many_done	 d;
	char			*cause = NULL;
	int			 rc;

	do {
		rc = fetch_many_step(m, 50, &cause);
		if (rc == -1)
			fail_msg("fetch_many_step: %s", cause);
		while (fetch_many_next(m, &d)) {
			assert_true(d.id < n);
			assert_int_equal(seen[d.id], 0);
			seen[d.id] = 1;
			done[d.id] = d;
		}
	} while (rc == 1);
}

static void
test_many(void **state)
{
	enum { NESSAYS = 40 };
	struct fetch_many_done	 done[NESSAYS + 5];
	struct fetch_many	*m;
	char			*u, *cause = NULL, *want;
	int			 seen[NESSAYS + 5];
	size_t			 i, id;

	memset(seen, 0, sizeof seen);
	free(get("/stats?reset"));
	assert_int_equal(fetch_many_new(xml_opts(), 8, 3, &m, &cause), 0);
	for (i = 0; i < NESSAYS; i++) {
		u = xprintf("%s/feeds/%zu.xml", base, i + 1);
		assert_int_equal(fetch_many_add(m, u, NULL, NULL), i);
		free(u);
	}
	u = xprintf("%s/to-essay/7", base);
	assert_int_equal(fetch_many_add(m, u, NULL, NULL), NESSAYS);
	free(u);
	u = xprintf("%s/status/404", base);
	fetch_many_add(m, u, NULL, NULL);
	free(u);
	fetch_many_add(m, "http://exa mple.org/", NULL, NULL);
	u = xprintf("%s/loop/a", base);
	fetch_many_add(m, u, NULL, NULL);
	free(u);
	u = xprintf("%s/pdf", base);
	fetch_many_add(m, u, NULL, NULL);
	free(u);
	run(m, done, NESSAYS + 5, seen);
	for (i = 0; i < NESSAYS + 5; i++)
		assert_int_equal(seen[i], 1);
	for (i = 0; i < NESSAYS; i++) {
		if (done[i].rc != 0)
			fail_msg("%zu: %s", i, done[i].error);
		assert_int_equal(done[i].status, 200);
		want = xprintf("Item 2 of feed %zu<", i + 1);
		assert_non_null(strstr(done[i].res.data, want));
		free(want);
		fetch_result_free(&done[i].res);
	}
	/* Every feed waits 20 ms at the server: three per host at most,
	 * and more than one at once. */
	assert_in_range(stat_of("max_inflight"), 2, 3);

	id = NESSAYS;
	assert_int_equal(done[id].rc, 0);
	assert_non_null(strstr(done[id].res.url, "/essays/7.html"));
	assert_non_null(done[id].res.moved);
	assert_non_null(strstr(done[id].res.data, "Essay 7 on"));
	fetch_result_free(&done[id].res);
	assert_int_equal(done[id + 1].rc, REEL_EXIT_HTTP);
	assert_int_equal(done[id + 1].status, 404);
	assert_non_null(strstr(done[id + 1].error, "/status/404"));
	assert_int_equal(done[id + 2].rc, REEL_EXIT_USAGE);
	assert_non_null(done[id + 2].error);
	assert_int_equal(done[id + 3].rc, REEL_EXIT_HTTP);
	assert_non_null(strstr(done[id + 3].error, "loop"));
	assert_int_equal(done[id + 4].rc, REEL_EXIT_CONTENT);
	for (i = NESSAYS + 1; i < NESSAYS + 5; i++)
		free(done[i].error);
	fetch_many_free(m);
}

/* A validator given: 304, and no body. */
static void
test_conditional(void **state)
{
	struct fetch_many_done	 done[2];
	struct fetch_many	*m;
	char			*u, *cause = NULL;
	int			 seen[2] = { 0, 0 };

	assert_int_equal(fetch_many_new(xml_opts(), 4, 4, &m, &cause), 0);
	u = xprintf("%s/feeds/3.xml", base);
	fetch_many_add(m, u, NULL, NULL);
	run(m, done, 2, seen);
	assert_int_equal(done[0].rc, 0);
	assert_non_null(done[0].res.etag);
	seen[0] = 0;
	fetch_many_add(m, u, done[0].res.etag, NULL);
	free(u);
	fetch_result_free(&done[0].res);
	run(m, done, 2, seen);
	/* Its id counts on from the first: 1. */
	assert_int_equal(seen[0], 0);
	assert_int_equal(seen[1], 1);
	assert_int_equal(done[1].rc, 0);
	assert_int_equal(done[1].res.status, 304);
	assert_int_equal(done[1].status, 304);
	fetch_result_free(&done[1].res);
	fetch_many_free(m);
}

/* Freed with transfers waiting, running and ended but not taken. */
static void
test_free_in_flight(void **state)
{
	struct fetch_many	*m;
	char			*u, *cause = NULL;
	int			 i;

	assert_int_equal(fetch_many_new(NULL, 2, 2, &m, &cause), 0);
	for (i = 0; i < 6; i++) {
		u = xprintf("%s/essays/%d.html?slow", base, i);
		fetch_many_add(m, u, NULL, NULL);
		free(u);
	}
	fetch_many_add(m, "http://exa mple.org/", NULL, NULL);
	for (i = 0; i < 3; i++)
		assert_true(fetch_many_step(m, 20, &cause) >= 0);
	fetch_many_free(m);
	fetch_many_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_conditional),
		cmocka_unit_test(test_free_in_flight),
	};

	return cmocka_run_group_tests(tests, server_start, server_stop);
}
