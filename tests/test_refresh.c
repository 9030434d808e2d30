/* test_refresh.c: refreshing feeds served by tests/httpd.py on 127.0.0.1
 * into a real library in a temporary XDG_DATA_HOME: many at once, then
 * all answered 304; changes merged, moves, gone feeds, faults that stop
 * only their own feed, and the limits of what is in flight. */
#include <config.h>


#include <sys/stat.h>
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
#include "refresh.h"
#include "store.h"
#include "util.h"

#include "testhome.h"
#include "testserver.h"


static int
server_start(void **state)
{
	char	*init_cause = NULL;

	if (fetch_global_init(&init_cause) != 0) {
		fprintf(stderr, "%s\n", init_cause);
		free(init_cause);
		return -1;
	}
	return testserver_start(300, NULL);
}

static int
server_stop(void **state)
{
	testserver_stop();
	fetch_global_cleanup();
	return 0;
}

/* Each test: its own home and library, and the server's counts and
 * feeds as they were at first. */
static int
setup(void **state)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*v, *cause;
	int			 rc;

	if (testhome_enter("refresh") == NULL)
		return -1;
	fetch_opts_default(&o);
	o.accept_xml = 1;
	v = testserver_url("/stats?reset");
	rc = fetch(v, &o, &r, &cause);
	free(v);
	if (rc != 0)
		return -1;
	fetch_result_free(&r);
	v = testserver_url("/rev/0");
	rc = fetch(v, &o, &r, &cause);
	free(v);
	if (rc != 0)
		return -1;
	fetch_result_free(&r);
	return 0;
}

static int
teardown(void **state)
{
	return testhome_leave();
}

static struct store *
open_store(void)
{
	struct store	*s = NULL;
	char		*cause = NULL;

	if (store_open(NULL, 0, &s, &cause) != 0)
		fail_msg("store_open: %s", cause);
	return s;
}

/* Subscribes to base + path; returns the feed's id. */
static int64_t
add(struct store *s, const char *path)
{
	char	*u = testserver_url(path), *cause = NULL;
	int64_t	 id = 0;

	if (store_feed_add(s, u, NULL, NULL, &id, &cause) != 0)
		fail_msg("store_feed_add %s: %s", u, cause);
	free(u);
	return id;
}

/* Refreshes the n feeds of ids (all for NULL) to the end, with limits
 * max_total and max_host (0 for the defaults). Counts the ids
 * refresh_finished() handed out in *finished, if not NULL. */
static void
refresh(struct store *s, const int64_t *ids, size_t n, int max_total,
    int max_host, struct refresh_progress *p, size_t *finished)
{
	struct refresh_opts	 o;
	struct refresh		*r;
	char			*cause = NULL;
	size_t			 k;
	int			 rc;

	memset(&o, 0, sizeof o);
	o.max_total = max_total;
	o.max_host = max_host;
	if (refresh_start(s, ids, n, &o, &r, &cause) != 0)
		fail_msg("refresh_start: %s", cause);
	if (finished != NULL)
		*finished = 0;
	while ((rc = refresh_step(r, 50, &cause)) == 1) {
		(void)refresh_finished(r, &k);
		if (finished != NULL)
			*finished += k;
	}
	if (rc != 0)
		fail_msg("refresh_step: %s", cause);
	(void)refresh_finished(r, &k);
	if (finished != NULL)
		*finished += k;
	refresh_progress(r, p);
	refresh_free(r);
}

/* The server's count of what (requests, not_modified, max_inflight). */
static long
stat_of(const char *what)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*u, *cause, *p;
	long			 v;

	fetch_opts_default(&o);
	o.accept_xml = 1;
	u = testserver_url("/stats");
	if (fetch(u, &o, &r, &cause) != 0)
		fail_msg("%s", cause);
	free(u);
	u = xprintf("\"%s\": ", what);
	if ((p = strstr(r.data, u)) == NULL)
		fail_msg("no %s in %s", what, r.data);
	v = strtol(p + strlen(u), NULL, 10);
	free(u);
	fetch_result_free(&r);
	return v;
}

/* Makes the server's feeds change (see httpd.py's /rev). */
static void
set_rev(int rev)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*u, *cause;

	fetch_opts_default(&o);
	u = xprintf("%s/rev/%d", testserver_base(), rev);
	if (fetch(u, &o, &r, &cause) != 0)
		fail_msg("%s", cause);
	free(u);
	fetch_result_free(&r);
}

/* The feed subscribed as base + path (which must be). */
static void
get_feed(struct store *s, const char *path, struct store_feed *f)
{
	char	*u = testserver_url(path), *cause = NULL;

	if (store_feed_get(s, u, f, &cause) != 0)
		fail_msg("store_feed_get %s: %s", u, cause);
	free(u);
}

/* Every item as "guid|title|unread", one line each, in list order. */
static char *
items_text(struct store *s, size_t *n)
{
	struct store_item	*v;
	char			*cause = NULL, *all = xstrdup(""), *more;
	size_t			 i;

	if (store_item_list(s, 0, 0, &v, n, &cause) != 0)
		fail_msg("%s", cause);
	for (i = 0; i < *n; i++) {
		more = xprintf("%s%s|%s|%d\n", all, v[i].guid, v[i].title,
		    v[i].unread);
		free(all);
		all = more;
	}
	store_items_free(v, *n);
	return all;
}

static void
test_many_then_not_modified(void **state)
{
	struct store		*s = open_store();
	struct refresh_progress	 p;
	struct store_feed	 f;
	char			*before, *after, path[64];
	size_t			 n, n2, finished;
	int			 i;

	/* 55 feeds with an ETag, 5 with a Last-Modified alone. */
	for (i = 1; i <= 60; i++) {
		snprintf(path, sizeof path, "/feeds/%d.xml%s", i,
		    i > 55 ? "?lm" : "");
		add(s, path);
	}
	refresh(s, NULL, 0, 0, 0, &p, &finished);
	assert_int_equal(p.total, 60);
	assert_int_equal(p.done, 60);
	assert_int_equal(p.failed, 0);
	assert_int_equal(p.unchanged, 0);
	assert_int_equal(p.new_items, 180);
	assert_int_equal(finished, 60);
	/* All on one host: at most 4 at once, but more than one. */
	assert_in_range(stat_of("max_inflight"), 2, REFRESH_MAX_HOST);
	get_feed(s, "/feeds/7.xml", &f);
	assert_string_equal(f.title, "Feed 7");
	assert_int_equal(f.nitems, 3);
	assert_int_equal(f.nunread, 3);
	assert_int_equal(f.status, 200);
	assert_null(f.error);
	assert_string_equal(f.etag, "\"feed-7-rev-0\"");
	assert_string_equal(f.last_modified, "Mon, 01 Jan 2024 00:00:00 GMT");
	store_feed_free(&f);
	get_feed(s, "/feeds/60.xml?lm", &f);
	assert_null(f.etag);
	assert_non_null(f.last_modified);
	store_feed_free(&f);
	before = items_text(s, &n);
	assert_int_equal(n, 180);

	/* Again: every feed answers 304 and nothing changes. */
	refresh(s, NULL, 0, 0, 0, &p, &finished);
	assert_int_equal(p.done, 60);
	assert_int_equal(p.unchanged, 60);
	assert_int_equal(p.new_items, 0);
	assert_int_equal(p.failed, 0);
	assert_int_equal(stat_of("not_modified"), 60);
	after = items_text(s, &n2);
	assert_string_equal(before, after);
	get_feed(s, "/feeds/7.xml", &f);
	assert_int_equal(f.status, 304);
	assert_string_equal(f.title, "Feed 7");
	assert_string_equal(f.etag, "\"feed-7-rev-0\"");
	store_feed_free(&f);
	free(before);
	free(after);
	store_close(s);
}

static void
test_changes_merged(void **state)
{
	struct store		*s = open_store();
	struct refresh_progress	 p;
	struct store_item	*v;
	char			*cause = NULL, *text;
	int64_t			 ids[3];
	size_t			 n, i, unread;

	ids[0] = add(s, "/feeds/1.xml");
	ids[1] = add(s, "/feeds/2.xml");
	ids[2] = add(s, "/feeds/3.xml?lm");
	refresh(s, NULL, 0, 0, 0, &p, NULL);
	assert_int_equal(p.new_items, 9);
	/* Read one item of the first feed; a change must not unread it. */
	if (store_item_list(s, ids[0], 0, &v, &n, &cause) != 0)
		fail_msg("%s", cause);
	for (i = 0; i < n; i++)
		if (strstr(v[i].title, "(rev 0)") != NULL &&
		    store_item_mark(s, v[i].id, 0, &cause) != 0)
			fail_msg("%s", cause);
	store_items_free(v, n);

	set_rev(1);
	refresh(s, ids, 2, 0, 0, &p, NULL);
	assert_int_equal(p.total, 2);
	assert_int_equal(p.new_items, 2);
	assert_int_equal(p.unchanged, 0);
	text = items_text(s, &n);
	assert_int_equal(n, 11);
	assert_non_null(strstr(text, "feed-1-item-1|Item 1 of feed 1 "
	    "(rev 1)|0\n"));
	assert_non_null(strstr(text, "feed-1-item-4|Item 4 of feed 1|1\n"));
	assert_null(strstr(text, "feed-1-item-1|Item 1 of feed 1 (rev 0)"));
	/* The third was not asked for. */
	assert_non_null(strstr(text, "feed-3-item-1|Item 1 of feed 3 "
	    "(rev 0)|1\n"));
	free(text);
	if (store_unread(s, 0, &unread, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(unread, 10);
	store_close(s);
}

static void
test_moved_and_gone(void **state)
{
	struct store		*s = open_store();
	struct refresh_progress	 p;
	struct store_feed	 f;
	char			*cause = NULL, *u;
	int64_t			 gone, again;

	add(s, "/moved-feed");
	add(s, "/moved-temp");
	gone = add(s, "/gone");
	refresh(s, NULL, 0, 0, 0, &p, NULL);
	assert_int_equal(p.done, 3);
	assert_int_equal(p.failed, 1);
	/* A 301 moves the subscription; a 302 does not. */
	get_feed(s, "/feeds/1.xml", &f);
	assert_int_equal(f.nitems, 3);
	assert_null(f.error);
	store_feed_free(&f);
	u = testserver_url("/moved-feed");
	assert_int_equal(store_feed_get(s, u, &f, &cause), -1);
	free(cause);
	cause = NULL;
	free(u);
	get_feed(s, "/moved-temp", &f);
	assert_string_equal(f.title, "Feed 2");
	store_feed_free(&f);
	/* A 410 marks the feed gone, with its error. */
	get_feed(s, "/gone", &f);
	assert_true(f.gone);
	assert_int_equal(f.status, 410);
	u = testserver_url("/gone: HTTP 410 Gone");
	assert_string_equal(f.error, u);
	free(u);
	store_feed_free(&f);

	/* A gone feed is left out of a refresh of all, not of itself. */
	refresh(s, NULL, 0, 0, 0, &p, NULL);
	assert_int_equal(p.total, 2);
	refresh(s, &gone, 1, 0, 0, &p, NULL);
	assert_int_equal(p.total, 1);
	assert_int_equal(p.failed, 1);

	/* A move onto a feed subscribed already: it stays, and says so. */
	again = add(s, "/moved-feed");
	refresh(s, &again, 1, 0, 0, &p, NULL);
	assert_int_equal(p.failed, 1);
	get_feed(s, "/moved-feed", &f);
	u = xprintf("%s/moved-feed: moved to %s/feeds/1.xml, which is "
	    "subscribed already", testserver_base(), testserver_base());
	assert_string_equal(f.error, u);
	free(u);
	store_feed_free(&f);
	store_close(s);
}

/* One feed that fails, and the message its error must start with. */
static const struct fault {
	const char	*path;
	const char	*error;		/* after "BASE PATH: " */
	size_t		 items;
} faults[] = {
	{ "/status/404", "HTTP 404 Not Found", 0 },
	{ "/page", "not a feed", 0 },
	{ "/not-feed.xml", "not a feed", 0 },
	{ "/empty-feed", "empty document, not a feed", 0 },
	{ "/big-feed", "100000 items; only the first 10000 were kept",
	    REFRESH_MAX_ITEMS },
	{ "/reset-feed", "", 0 },
	{ "/pdf", "not an HTML page", 0 },
};

static void
test_faults(void **state)
{
	struct store		*s = open_store();
	struct refresh_progress	 p;
	struct store_feed	 f;
	char			*want, path[64];
	size_t			 i;
	int			 k;

	for (k = 1; k <= 5; k++) {
		snprintf(path, sizeof path, "/feeds/%d.xml", k);
		add(s, path);
	}
	for (i = 0; i < nitems(faults); i++)
		add(s, faults[i].path);
	refresh(s, NULL, 0, 0, 0, &p, NULL);
	assert_int_equal(p.done, 5 + nitems(faults));
	assert_int_equal(p.failed, nitems(faults));
	assert_int_equal(p.new_items, 15 + REFRESH_MAX_ITEMS);
	for (k = 1; k <= 5; k++) {
		snprintf(path, sizeof path, "/feeds/%d.xml", k);
		get_feed(s, path, &f);
		assert_null(f.error);
		assert_int_equal(f.nitems, 3);
		store_feed_free(&f);
	}
	for (i = 0; i < nitems(faults); i++) {
		print_message("%s\n", faults[i].path);
		get_feed(s, faults[i].path, &f);
		assert_non_null(f.error);
		want = xprintf("%s%s: %s", testserver_base(), faults[i].path,
		    faults[i].error);
		if (strncmp(f.error, want, strlen(want)) != 0)
			fail_msg("%s: error \"%s\", wanted \"%s...\"",
			    faults[i].path, f.error, want);
		assert_null(strchr(f.error, '\n'));
		assert_int_equal(f.nitems, faults[i].items);
		free(want);
		store_feed_free(&f);
	}
	store_close(s);
}

/* A feed that stalls holds back no other on its host. */
static void
test_stall(void **state)
{
	struct store		*s = open_store();
	struct refresh_opts	 o;
	struct fetch_opts	 fo;
	struct refresh		*r;
	struct refresh_progress	 p;
	const int64_t		*ids;
	int64_t			 stall, good, order[2];
	char			*cause = NULL;
	size_t			 n, i, k = 0;
	int			 rc;

	stall = add(s, "/stall");
	good = add(s, "/feeds/1.xml");
	fetch_opts_default(&fo);
	fo.stall_time = 2;
	memset(&o, 0, sizeof o);
	o.fetch = &fo;
	if (refresh_start(s, NULL, 0, &o, &r, &cause) != 0)
		fail_msg("%s", cause);
	do {
		if ((rc = refresh_step(r, 50, &cause)) == -1)
			fail_msg("%s", cause);
		ids = refresh_finished(r, &n);
		for (i = 0; i < n && k < 2; i++)
			order[k++] = ids[i];
	} while (rc == 1);
	refresh_progress(r, &p);
	assert_int_equal(k, 2);
	assert_true(order[0] == good && order[1] == stall);
	assert_int_equal(p.failed, 1);
	assert_non_null(strstr(refresh_error(r, stall), "transfer stalled"));
	assert_null(refresh_error(r, good));
	refresh_free(r);
	store_close(s);
}

static void
test_limits(void **state)
{
	struct store		*s = open_store();
	struct refresh_progress	 p;
	char			 path[64];
	int64_t			 bad = 999;
	struct refresh		*r;
	char			*cause = NULL;
	int			 k;

	for (k = 1; k <= 10; k++) {
		snprintf(path, sizeof path, "/feeds/%d.xml", k);
		add(s, path);
	}
	refresh(s, NULL, 0, 8, 1, &p, NULL);
	assert_int_equal(p.done, 10);
	assert_int_equal(p.new_items, 30);
	assert_int_equal(stat_of("max_inflight"), 1);
	/* An id that is no feed. */
	assert_int_equal(refresh_start(s, &bad, 1, NULL, &r, &cause), -1);
	assert_non_null(strstr(cause, "no feed 999"));
	free(cause);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_many_then_not_modified,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_merged, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_moved_and_gone, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_faults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
		/* Last: the server's handler of /stall stays in flight for a
		 * minute, and would count in max_inflight. */
		cmocka_unit_test_setup_teardown(test_stall, setup, teardown),
	};

	return cmocka_run_group_tests(tests, server_start, server_stop);
}
