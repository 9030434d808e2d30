/* test_refresh_bg.c: a refresh on its own thread, against tests/httpd.py
 * on 127.0.0.1 and a real library in the test's own home: its news
 * through the descriptor, the feeds it finished, the caller's connection
 * reading while it writes; a cancel in the middle that leaves nothing
 * half written; a library it cannot open. */
#include <config.h>

#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "fetch.h"
#include "refresh.h"
#include "refresh_bg.h"
#include "store.h"
#include "testhome.h"
#include "testserver.h"
#include "util.h"

static int
server_start(void **state)
{
	return testserver_start(300, NULL);
}

static int
server_stop(void **state)
{
	testserver_stop();
	fetch_global_cleanup();
	return 0;
}

/* Asks the server something (its /lib-delay). */
static void
server_get(const char *path)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*url = testserver_url(path), *cause;

	fetch_opts_default(&o);
	assert_int_equal(fetch(url, &o, &r, &cause), 0);
	fetch_result_free(&r);
	free(url);
}

/* A library of n of the server's library feeds, none refreshed. */
static struct store *
make_library(int n)
{
	struct store	*st;
	char		*cause = NULL, *url;
	int64_t		 id;
	int		 i;

	assert_int_equal(store_open(NULL, 0, &st, &cause), 0);
	for (i = 1; i <= n; i++) {
		url = xprintf("%s/lib/%d.xml", testserver_base(), i);
		assert_int_equal(store_feed_add(st, url, NULL, NULL, &id,
		    &cause), 0);
		free(url);
	}
	return st;
}

/* Waits for news and reads it; returns refresh_bg_poll()'s status. */
static int
wait_news(struct refresh_bg *b, struct refresh_progress *p, char **cause)
{
	struct pollfd	pfd;

	pfd.fd = refresh_bg_fd(b);
	pfd.events = POLLIN;
	assert_true(poll(&pfd, 1, 30000) == 1);
	return refresh_bg_poll(b, p, cause);
}

static void
test_refresh(void **state)
{
	struct store		*st = make_library(3);
	struct refresh_bg	*b;
	struct refresh_progress	 p;
	struct fetch_opts	 fo;
	struct store_feed	*fv;
	int64_t			*ids;
	size_t			 n, nfinished = 0, unread, last_done = 0;
	char			*cause = NULL;
	int			 rc;

	server_get("/lib-delay/0");
	fetch_opts_default(&fo);
	assert_int_equal(refresh_bg_start(store_path(st), NULL, 0, &fo, &b,
	    &cause), 0);
	do {
		rc = wait_news(b, &p, &cause);
		assert_true(rc >= 0);
		/* Progress only goes forward. */
		assert_true(p.done >= last_done);
		last_done = p.done;
		ids = refresh_bg_finished(b, &n);
		nfinished += n;
		free(ids);
		/* The caller's connection reads while the thread writes. */
		assert_int_equal(store_unread(st, 0, &unread, &cause), 0);
	} while (rc == 1);
	ids = refresh_bg_finished(b, &n);
	nfinished += n;
	free(ids);
	assert_int_equal(p.total, 3);
	assert_int_equal(p.done, 3);
	assert_int_equal(p.failed, 0);
	assert_int_equal(p.new_items, 9);
	assert_int_equal(nfinished, 3);
	refresh_bg_free(b);
	assert_int_equal(store_unread(st, 0, &unread, &cause), 0);
	assert_int_equal(unread, 9);
	/* One feed by its id. */
	assert_int_equal(store_feed_list(st, 0, &fv, &n, &cause), 0);
	assert_int_equal(refresh_bg_start(store_path(st), &fv[1].id, 1, &fo,
	    &b, &cause), 0);
	while ((rc = wait_news(b, &p, &cause)) == 1)
		continue;
	assert_int_equal(rc, 0);
	assert_int_equal(p.total, 1);
	assert_int_equal(p.done, 1);
	ids = refresh_bg_finished(b, &n);
	assert_true(n >= 1);
	assert_true(ids[n - 1] == fv[1].id);
	free(ids);
	refresh_bg_free(b);
	store_feeds_free(fv, 3);
	store_close(st);
}

static void
test_cancel(void **state)
{
	struct store		*st = make_library(20);
	struct refresh_bg	*b;
	struct refresh_progress	 p;
	struct fetch_opts	 fo;
	struct store_feed	*fv;
	size_t			 n, i, unread;
	char			*cause = NULL;

	/* Each feed takes a second: the cancel comes while they are in
	 * flight. */
	server_get("/lib-delay/1");
	fetch_opts_default(&fo);
	assert_int_equal(refresh_bg_start(store_path(st), NULL, 0, &fo, &b,
	    &cause), 0);
	assert_int_equal(wait_news(b, &p, &cause), 1);
	assert_int_equal(p.total, 20);
	assert_true(p.done < 20);
	refresh_bg_free(b);
	server_get("/lib-delay/0");
	/* Every feed has all its items or none: no batch half written. */
	assert_int_equal(store_feed_list(st, 0, &fv, &n, &cause), 0);
	assert_int_equal(n, 20);
	for (i = 0; i < n; i++)
		assert_true(fv[i].nitems == 0 || fv[i].nitems == 3);
	store_feeds_free(fv, n);
	assert_int_equal(store_unread(st, 0, &unread, &cause), 0);
	assert_true(unread % 3 == 0);
	store_close(st);
}

static void
test_no_library(void **state)
{
	struct refresh_bg	*b;
	struct refresh_progress	 p;
	struct fetch_opts	 fo;
	char			*cause = NULL, *path;
	int			 rc;

	/* A directory is no library: the thread says why and ends. */
	path = testhome_path("data");
	fetch_opts_default(&fo);
	assert_int_equal(refresh_bg_start(path, NULL, 0, &fo, &b, &cause),
	    0);
	while ((rc = refresh_bg_poll(b, &p, &cause)) == 1) {
		struct pollfd	pfd = { refresh_bg_fd(b), POLLIN, 0 };

		assert_true(poll(&pfd, 1, 30000) == 1);
	}
	assert_int_equal(rc, -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, path));
	free(cause);
	free(path);
	refresh_bg_free(b);
}

static int
setup(void **state)
{
	return testhome_enter("refresh-bg") != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	return testhome_leave();
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_refresh, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_library, setup,
		    teardown),
	};

	xmlInitParser();
	return cmocka_run_group_tests(tests, server_start, server_stop);
}
