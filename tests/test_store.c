/* test_store.c: the library on a real SQLite file in a temporary
 * XDG_DATA_HOME: schema and modes, feeds, merging items, essays and
 * positions, search, refused and migrated files, two writers at once. */
#include <config.h>

#include <ftw.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store.h"
#include "util.h"

#define NOBODY		65534	/* who runs the permission tests when root */

static char	 tmpdir[] = "/tmp/reel-test-store.XXXXXX";

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static int
setup(void **state)
{
	char	*v;

	if (mkdtemp(tmpdir) == NULL)
		return -1;
	v = xprintf("%s/home", tmpdir);
	if (mkdir(v, 0700) != 0 || setenv("HOME", v, 1) != 0)
		return -1;
	free(v);
	v = xprintf("%s/data", tmpdir);
	if (setenv("XDG_DATA_HOME", v, 1) != 0)
		return -1;
	free(v);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_STATE_HOME");
	unsetenv("XDG_CACHE_HOME");
	return 0;
}

static int
teardown(void **state)
{
	store_test_steps(NULL, 0);
	store_test_version(0);
	/* A test that failed half-way may have left a directory 0500. */
	if (nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
		return -1;
	strcpy(tmpdir, "/tmp/reel-test-store.XXXXXX");
	return 0;
}

static char *
tmp(const char *rest)
{
	return xprintf("%s/%s", tmpdir, rest);
}

static struct store *
open_default(void)
{
	struct store	*s = NULL;
	char		*cause = NULL;

	if (store_open(NULL, 0, &s, &cause) != 0)
		fail_msg("store_open: %s", cause);
	return s;
}

static char *
slurp(const char *path, size_t *len)
{
	char	*data, *cause = NULL;

	if (read_file(path, 64 << 20, &data, len, &cause) != 0)
		fail_msg("%s", cause);
	return data;
}

/* A big-endian field of the database header of a closed library. */
static uint32_t
header_u32(const char *path, size_t off)
{
	unsigned char	*p;
	char		*data;
	size_t		 len;
	uint32_t	 v;

	data = slurp(path, &len);
	assert_true(len >= 100);
	p = (unsigned char *)data + off;
	v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
	    p[3];
	free(data);
	return v;
}

static void
assert_mode(const char *path, mode_t want)
{
	struct stat	st;

	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, want);
}

/* The default file: made 0600 in a directory made 0700, the newest
 * version with reel's application id; opened again as it is. */
static void
test_create(void **state)
{
	struct store		*s;
	struct store_feed	*fv;
	char			*db = tmp("data/reel/library.db"), *dir, *cause;
	size_t			 n;

	s = open_default();
	assert_string_equal(store_path(s), db);
	assert_int_equal(store_feed_list(s, 0, &fv, &n, &cause), 0);
	assert_int_equal(n, 0);
	store_feeds_free(fv, n);
	store_close(s);
	assert_mode(db, 0600);
	dir = tmp("data/reel");
	assert_mode(dir, 0700);
	free(dir);
	dir = tmp("data");
	assert_mode(dir, 0700);
	free(dir);
	assert_int_equal(header_u32(db, 60), STORE_VERSION);
	assert_int_equal(header_u32(db, 68), 0x7265656c);
	/* WAL mode is kept in the file (read and write versions 2). */
	assert_int_equal(header_u32(db, 16) & 0xffff, 0x0202);

	s = open_default();
	store_close(s);
	assert_mode(db, 0600);
	free(db);
}

static void
check_tags(const struct store_feed *f, const char *const *want)
{
	size_t	i;

	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < f->ntags);
		assert_string_equal(f->tags[i], want[i]);
	}
	assert_int_equal(f->ntags, i);
	assert_null(f->tags[i]);
}

static void
test_feeds(void **state)
{
	static const char *const tags1[] = { "Film", "film", " essays ", "",
	    "FILM", NULL };
	static const char *const tags2[] = { "zines", NULL };
	static const char *const tags3[] = { "Essays", "cinema", "CINEMA",
	    NULL };
	static const char *const want1[] = { "essays", "Film", NULL };
	static const char *const want3[] = { "cinema", "Essays", NULL };
	static const char *const none[] = { NULL };
	struct store		*s = open_default();
	struct store_feed	*fv, f;
	int64_t			 a, b, c, again;
	char			*cause = NULL;
	size_t			 n;

	assert_int_equal(store_feed_add(s, "https://b.example/feed",
	    "Zeta Reviews", tags1, &a, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://a.example/atom", NULL,
	    tags2, &b, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://c.example/rss",
	    "alpha essays", NULL, &c, &cause), 0);
	assert_true(a != b && b != c && a != c);

	/* Already subscribed: 1, the same id, a message naming the URL. */
	assert_int_equal(store_feed_add(s, "https://b.example/feed", "Other",
	    NULL, &again, &cause), 1);
	assert_int_equal(again, a);
	assert_string_equal(cause, "https://b.example/feed: already "
	    "subscribed");
	free(cause);
	cause = NULL;

	/* By position: the order of subscription. */
	assert_int_equal(store_feed_list(s, 0, &fv, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(fv[0].id, a);
	assert_int_equal(fv[1].id, b);
	assert_int_equal(fv[2].id, c);
	assert_true(fv[0].position < fv[1].position &&
	    fv[1].position < fv[2].position);
	assert_string_equal(fv[0].title, "Zeta Reviews");
	assert_null(fv[1].title);
	check_tags(&fv[0], want1);
	check_tags(&fv[1], tags2);
	check_tags(&fv[2], none);
	assert_null(fv[0].error);
	assert_int_equal(fv[0].gone, 0);
	assert_true(fv[0].added > 0);
	store_feeds_free(fv, n);

	/* By title, case ignored; a feed without one by its URL. */
	assert_int_equal(store_feed_list(s, STORE_BY_TITLE, &fv, &n, &cause),
	    0);
	assert_int_equal(n, 3);
	assert_int_equal(fv[0].id, c);		/* alpha essays */
	assert_int_equal(fv[1].id, b);		/* https://a.example */
	assert_int_equal(fv[2].id, a);		/* Zeta Reviews */
	store_feeds_free(fv, n);

	/* Tags replaced; case-insensitive, one of each. */
	assert_int_equal(store_feed_tags(s, a, tags3, &cause), 0);
	assert_int_equal(store_feed_get(s, "https://b.example/feed", &f,
	    &cause), 0);
	assert_int_equal(f.id, a);
	check_tags(&f, want3);
	store_feed_free(&f);
	assert_int_equal(store_feed_tags(s, a, NULL, &cause), 0);
	assert_int_equal(store_feed_get(s, "https://b.example/feed", &f,
	    &cause), 0);
	check_tags(&f, none);
	store_feed_free(&f);
	assert_int_equal(store_feed_tags(s, 9999, tags3, &cause), -1);
	assert_non_null(strstr(cause, "9999"));
	free(cause);

	/* Removed by URL; a second time is an error naming it. */
	assert_int_equal(store_feed_remove(s, "https://a.example/atom",
	    &cause), 0);
	assert_int_equal(store_feed_remove(s, "https://a.example/atom",
	    &cause), -1);
	assert_string_equal(cause, "https://a.example/atom: not subscribed");
	free(cause);
	assert_int_equal(store_feed_get(s, "https://a.example/atom", &f,
	    &cause), -1);
	assert_string_equal(cause, "https://a.example/atom: not subscribed");
	free(cause);
	assert_int_equal(store_feed_list(s, 0, &fv, &n, &cause), 0);
	assert_int_equal(n, 2);
	store_feeds_free(fv, n);
	store_close(s);
}

/* After a refresh: validators, status and error, a 301's new URL, 410. */
static void
test_feed_link(void **state)
{
	struct store		*s = open_default();
	struct store_feed	 f;
	int64_t			 id;
	char			*cause = NULL;

	assert_int_equal(store_feed_add(s, "http://a.example/feed", NULL,
	    NULL, &id, &cause), 0);
	assert_int_equal(store_feed_link(s, id, "http://a.example/\x1b",
	    &cause), 0);
	assert_int_equal(store_feed_get(s, "http://a.example/feed", &f,
	    &cause), 0);
	/* Remote text: an escape is shown, never sent. */
	assert_string_equal(f.link, "http://a.example/\xe2\x90\x9b");
	store_feed_free(&f);
	assert_int_equal(store_feed_link(s, id, NULL, &cause), 0);
	assert_int_equal(store_feed_get(s, "http://a.example/feed", &f,
	    &cause), 0);
	assert_null(f.link);
	store_feed_free(&f);
	assert_int_equal(store_feed_link(s, id + 1, "http://x/", &cause), -1);
	assert_non_null(strstr(cause, "no feed"));
	free(cause);
	store_close(s);
}

static void
test_feed_update(void **state)
{
	struct store		*s = open_default();
	struct store_refresh	 r;
	struct store_feed	 f;
	int64_t			 a, b;
	char			*cause = NULL;

	assert_int_equal(store_feed_add(s, "http://old.example/feed", "Mine",
	    NULL, &a, &cause), 0);
	assert_int_equal(store_feed_add(s, "http://other.example/feed", NULL,
	    NULL, &b, &cause), 0);
	memset(&r, 0, sizeof r);
	r.fetched = 1;
	r.title = "Theirs";
	r.link = "http://old.example/";
	r.description = "Essays\non film";
	r.etag = "\"abc\"";
	r.last_modified = "Mon, 01 Jun 2026 10:00:00 GMT";
	r.status = 200;
	r.checked = 1780000000;
	assert_int_equal(store_feed_update(s, a, &r, &cause), 0);
	assert_int_equal(store_feed_get(s, "http://old.example/feed", &f,
	    &cause), 0);
	assert_string_equal(f.title, "Theirs");
	assert_string_equal(f.link, "http://old.example/");
	assert_string_equal(f.description, "Essays\non film");
	assert_string_equal(f.etag, "\"abc\"");
	assert_string_equal(f.last_modified, "Mon, 01 Jun 2026 10:00:00 GMT");
	assert_int_equal(f.status, 200);
	assert_int_equal(f.checked, 1780000000);
	assert_null(f.error);
	store_feed_free(&f);

	/* A 304 keeps what the body said; an error is kept as text. */
	memset(&r, 0, sizeof r);
	r.status = 304;
	assert_int_equal(store_feed_update(s, a, &r, &cause), 0);
	memset(&r, 0, sizeof r);
	r.status = 500;
	r.error = "http://old.example/feed: HTTP 500 Internal Server Error";
	assert_int_equal(store_feed_update(s, a, &r, &cause), 0);
	assert_int_equal(store_feed_get(s, "http://old.example/feed", &f,
	    &cause), 0);
	assert_string_equal(f.title, "Theirs");
	assert_string_equal(f.etag, "\"abc\"");
	assert_int_equal(f.status, 500);
	assert_string_equal(f.error, r.error);
	assert_true(f.checked > 0);
	store_feed_free(&f);

	/* A 301 to a URL another feed has: refused, nothing changed. */
	memset(&r, 0, sizeof r);
	r.url = "http://other.example/feed";
	r.status = 301;
	assert_int_equal(store_feed_update(s, a, &r, &cause), -1);
	assert_non_null(strstr(cause, "http://other.example/feed"));
	free(cause);
	assert_int_equal(store_feed_get(s, "http://old.example/feed", &f,
	    &cause), 0);
	assert_int_equal(f.status, 500);
	store_feed_free(&f);

	/* A 301 to a new URL, and the error is gone with a good fetch. */
	r.url = "https://new.example/feed";
	r.status = 200;
	r.fetched = 1;
	assert_int_equal(store_feed_update(s, a, &r, &cause), 0);
	assert_int_equal(store_feed_get(s, "http://old.example/feed", &f,
	    &cause), -1);
	free(cause);
	assert_int_equal(store_feed_get(s, "https://new.example/feed", &f,
	    &cause), 0);
	assert_int_equal(f.id, a);
	assert_null(f.error);
	assert_null(f.etag);		/* the new body came without one */
	assert_string_equal(f.title, "Theirs");
	store_feed_free(&f);

	/* 410 Gone. */
	memset(&r, 0, sizeof r);
	r.status = 410;
	r.gone = 1;
	r.error = "https://new.example/feed: HTTP 410 Gone";
	assert_int_equal(store_feed_update(s, a, &r, &cause), 0);
	assert_int_equal(store_feed_get(s, "https://new.example/feed", &f,
	    &cause), 0);
	assert_int_equal(f.gone, 1);
	store_feed_free(&f);
	store_close(s);
}

static const struct store_item_in items1[] = {
	{ .guid = "urn:3", .link = "https://f.example/3", .title = "Third",
	  .authors = "Ann Author", .published = 1700000300,
	  .summary = "<p>three</p>" },
	{ .guid = "urn:2", .link = "https://f.example/2", .title = "Second",
	  .published = 1700000200, .summary = "<p>two</p>",
	  .enclosure_url = "https://f.example/2.mp3",
	  .enclosure_type = "audio/mpeg", .enclosure_length = 12345 },
	{ .guid = "urn:1", .link = "https://f.example/1", .title = "First",
	  .published = 1700000100, .summary = "<p>one</p>" },
	/* No guid: the link is its id. */
	{ .link = "https://f.example/0", .title = "Zeroth",
	  .published = 1700000000 },
	/* Neither guid nor link: a hash of title and summary. */
	{ .title = "Linkless", .summary = "a note", .published = 1690000000 },
};

static void
merge(struct store *s, int64_t feed, const struct store_item_in *in,
    size_t n, size_t added, size_t updated)
{
	struct store_merged	 m = { 0, 0 };
	char			*cause = NULL;

	if (store_merge(s, feed, in, n, &m, &cause) != 0)
		fail_msg("store_merge: %s", cause);
	assert_int_equal(m.added, added);
	assert_int_equal(m.updated, updated);
}

static void
test_merge(void **state)
{
	struct store		*s = open_default();
	struct store_item_in	 changed[nitems(items1)];
	struct store_merged	 m = { 0, 0 };
	struct store_item	*iv, it;
	struct store_feed	*fv;
	int64_t			 feed, other;
	char			*cause = NULL;
	size_t			 n, unread;

	assert_int_equal(store_feed_add(s, "https://f.example/feed", "F",
	    NULL, &feed, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://g.example/feed", NULL,
	    NULL, &other, &cause), 0);
	merge(s, feed, items1, nitems(items1), 5, 0);
	/* Twice: nothing new, nothing changed. */
	merge(s, feed, items1, nitems(items1), 0, 0);
	/* The same items in another feed are that feed's. */
	merge(s, other, items1, 2, 2, 0);

	assert_int_equal(store_item_list(s, feed, 0, &iv, &n, &cause), 0);
	assert_int_equal(n, 5);
	assert_string_equal(iv[0].title, "Third");
	assert_string_equal(iv[0].authors, "Ann Author");
	assert_string_equal(iv[0].feed_title, "F");
	assert_int_equal(iv[0].date, 1700000300);
	assert_int_equal(iv[0].unread, 1);
	assert_null(iv[0].summary);		/* lists are light */
	assert_string_equal(iv[1].title, "Second");
	assert_string_equal(iv[2].title, "First");
	assert_string_equal(iv[3].guid, "https://f.example/0");
	assert_string_equal(iv[4].title, "Linkless");
	assert_true(strncmp(iv[4].guid, "hash:", 5) == 0);

	/* Read one, then change it and another: updated, read state kept. */
	assert_int_equal(store_item_mark(s, iv[1].id, 0, &cause), 0);
	memcpy(changed, items1, sizeof changed);
	changed[1].title = "Second, revised";
	changed[1].updated = 1700000900;
	changed[2].content = "<p>the whole first one</p>";
	changed[2].link = "https://f.example/first";
	merge(s, feed, changed, nitems(changed), 0, 2);
	assert_int_equal(store_item_get(s, iv[1].id, &it, &cause), 0);
	assert_string_equal(it.title, "Second, revised");
	assert_int_equal(it.updated, 1700000900);
	assert_int_equal(it.published, 1700000200);
	assert_int_equal(it.date, 1700000200);
	assert_int_equal(it.unread, 0);
	assert_string_equal(it.summary, "<p>two</p>");
	assert_string_equal(it.enclosure_url, "https://f.example/2.mp3");
	assert_string_equal(it.enclosure_type, "audio/mpeg");
	assert_int_equal(it.enclosure_length, 12345);
	assert_true(it.first_seen > 0);
	store_item_free(&it);
	assert_int_equal(store_item_get(s, iv[2].id, &it, &cause), 0);
	assert_string_equal(it.content, "<p>the whole first one</p>");
	assert_string_equal(it.link, "https://f.example/first");
	assert_int_equal(it.unread, 1);
	store_item_free(&it);
	store_items_free(iv, n);

	/* Unread only, counts, and marking a whole feed read. */
	assert_int_equal(store_item_list(s, feed, STORE_UNREAD, &iv, &n,
	    &cause), 0);
	assert_int_equal(n, 4);
	store_items_free(iv, n);
	assert_int_equal(store_unread(s, feed, &unread, &cause), 0);
	assert_int_equal(unread, 4);
	assert_int_equal(store_unread(s, 0, &unread, &cause), 0);
	assert_int_equal(unread, 6);
	assert_int_equal(store_feed_list(s, 0, &fv, &n, &cause), 0);
	assert_int_equal(fv[0].nitems, 5);
	assert_int_equal(fv[0].nunread, 4);
	assert_int_equal(fv[1].nitems, 2);
	assert_int_equal(fv[1].nunread, 2);
	store_feeds_free(fv, n);
	assert_int_equal(store_feed_read(s, feed, &cause), 0);
	assert_int_equal(store_unread(s, feed, &unread, &cause), 0);
	assert_int_equal(unread, 0);
	assert_int_equal(store_unread(s, 0, &unread, &cause), 0);
	assert_int_equal(unread, 2);
	assert_int_equal(store_feed_read(s, 0, &cause), 0);
	assert_int_equal(store_unread(s, 0, &unread, &cause), 0);
	assert_int_equal(unread, 0);

	/* Every feed's items, newest first, across feeds. */
	assert_int_equal(store_item_list(s, 0, 0, &iv, &n, &cause), 0);
	assert_int_equal(n, 7);
	assert_int_equal(iv[0].date, 1700000300);
	assert_int_equal(iv[1].date, 1700000300);
	assert_int_equal(iv[6].date, 1690000000);
	store_items_free(iv, n);

	/* A feed that does not exist takes no items. */
	assert_int_equal(store_merge(s, 4242, items1, 1, &m, &cause), -1);
	assert_non_null(strstr(cause, "4242"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_item_mark(s, 4242, 1, &cause), -1);
	free(cause);
	store_close(s);
}

/* Items of one date keep the feed's order; items without a date sort
 * by when they were first seen; remote text is sanitized. */
static void
test_merge_order_and_text(void **state)
{
	static const struct store_item_in same[] = {
		{ .guid = "a", .title = "Top of the feed",
		  .published = 1700000000 },
		{ .guid = "b", .title = "Middle", .published = 1700000000 },
		{ .guid = "c", .title = "Bottom", .published = 1700000000 },
		{ .guid = "d", .title = "Evil\x1b[2J title\x9b",
		  .authors = "Ann\tB.", .summary = "line\nline\x07" },
		/* feed.h's "not given": as unknown as 0. */
		{ .guid = "e", .title = "No date", .published = INT64_MIN,
		  .updated = INT64_MIN, .enclosure_url = "https://f.example/e",
		  .enclosure_length = -1 },
	};
	struct store		*s = open_default();
	struct store_item	*iv, it;
	int64_t			 feed;
	char			*cause = NULL;
	size_t			 n;

	assert_int_equal(store_feed_add(s, "https://f.example/feed", NULL,
	    NULL, &feed, &cause), 0);
	merge(s, feed, same, nitems(same), 5, 0);
	assert_int_equal(store_item_list(s, feed, 0, &iv, &n, &cause), 0);
	assert_int_equal(n, 5);
	/* The undated ones were first seen now, after 2023, in the feed's
	 * order. */
	assert_string_equal(iv[0].guid, "d");
	assert_true(iv[0].date > 1700000000);
	assert_int_equal(iv[0].published, 0);
	assert_string_equal(iv[0].feed_title, "https://f.example/feed");
	assert_string_equal(iv[1].guid, "e");
	assert_int_equal(iv[1].date, iv[0].date);
	assert_int_equal(iv[1].published, 0);
	assert_int_equal(iv[1].updated, 0);
	assert_int_equal(store_item_get(s, iv[1].id, &it, &cause), 0);
	assert_int_equal(it.enclosure_length, 0);
	assert_string_equal(it.enclosure_url, "https://f.example/e");
	store_item_free(&it);
	assert_string_equal(iv[2].title, "Top of the feed");
	assert_string_equal(iv[3].title, "Middle");
	assert_string_equal(iv[4].title, "Bottom");
	assert_string_equal(iv[0].title,
	    "Evil\xe2\x90\x9b[2J title\xef\xbf\xbd");
	assert_string_equal(iv[0].authors, "Ann B.");
	assert_int_equal(store_item_get(s, iv[0].id, &it, &cause), 0);
	assert_string_equal(it.summary, "line\nline\xe2\x90\x87");
	store_item_free(&it);
	/* Sanitized the same way each time: merged again, unchanged. */
	merge(s, feed, same, nitems(same), 0, 0);
	store_items_free(iv, n);
	store_close(s);
}

/* Removing a feed removes its items and tags. */
static void
test_cascade(void **state)
{
	static const char *const tags[] = { "gone", NULL };
	struct store		*s = open_default();
	struct store_item	*iv, it;
	int64_t			 feed, keep, id;
	char			*cause = NULL;
	size_t			 n;

	assert_int_equal(store_feed_add(s, "https://f.example/feed", NULL,
	    tags, &feed, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://k.example/feed", NULL,
	    NULL, &keep, &cause), 0);
	merge(s, feed, items1, nitems(items1), 5, 0);
	merge(s, keep, items1, 1, 1, 0);
	assert_int_equal(store_item_list(s, feed, 0, &iv, &n, &cause), 0);
	id = iv[0].id;
	store_items_free(iv, n);
	assert_int_equal(store_feed_remove(s, "https://f.example/feed",
	    &cause), 0);
	assert_int_equal(store_item_list(s, 0, 0, &iv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(iv[0].feed, keep);
	store_items_free(iv, n);
	assert_int_equal(store_item_get(s, id, &it, &cause), -1);
	free(cause);
	/* Subscribed again: no old item, no old tag comes back. */
	assert_int_equal(store_feed_add(s, "https://f.example/feed", NULL,
	    NULL, &feed, &cause), 0);
	assert_int_equal(store_item_list(s, feed, 0, &iv, &n, &cause), 0);
	assert_int_equal(n, 0);
	free(iv);
	merge(s, feed, items1, nitems(items1), 5, 0);
	store_close(s);
}

static void
test_docs(void **state)
{
	struct store		*s = open_default();
	struct store_doc	 d, got, *dv;
	struct store_pos	 pos = { 3, 41, 1207 };
	int64_t			 id, id2, other;
	char			*cause = NULL;
	size_t			 n;

	memset(&d, 0, sizeof d);
	d.url = "https://essays.example/2026/long-take";
	d.title = "The Long Take";
	d.byline = "Ann Author";
	d.site = "Essays";
	d.published = "2026-06-05";
	d.lang = "en";
	d.dir = "ltr";
	d.excerpt = "On shots that do not cut.";
	d.image = "https://essays.example/take.jpg";
	d.content = "<div><p>A shot that does not cut.</p></div>";
	d.text = "A shot that does not cut.";
	assert_int_equal(store_doc_put(s, &d, "https://t.example/abc", &id,
	    &cause), 0);

	/* By the URL asked for, and by the final one. */
	assert_int_equal(store_doc_get(s, "https://t.example/abc", &got,
	    &cause), 0);
	assert_int_equal(got.id, id);
	assert_string_equal(got.url, d.url);
	assert_string_equal(got.title, "The Long Take");
	assert_string_equal(got.byline, "Ann Author");
	assert_string_equal(got.site, "Essays");
	assert_string_equal(got.published, "2026-06-05");
	assert_string_equal(got.lang, "en");
	assert_string_equal(got.dir, "ltr");
	assert_string_equal(got.excerpt, d.excerpt);
	assert_string_equal(got.image, d.image);
	assert_string_equal(got.content, d.content);
	assert_string_equal(got.text, d.text);
	assert_true(got.fetched > 0);
	assert_int_equal(got.read, 0);
	store_doc_free(&got);
	assert_int_equal(store_doc_get(s, d.url, &got, &cause), 0);
	assert_int_equal(got.id, id);
	store_doc_free(&got);
	assert_int_equal(store_doc_get(s, "https://nowhere.example/", &got,
	    &cause), 1);
	/* By its id, everything in it. */
	assert_int_equal(store_doc_get_id(s, id, &got, &cause), 0);
	assert_int_equal(got.id, id);
	assert_string_equal(got.url, d.url);
	assert_string_equal(got.title, "The Long Take");
	assert_string_equal(got.content, d.content);
	assert_string_equal(got.text, d.text);
	store_doc_free(&got);
	assert_int_equal(store_doc_get_id(s, id + 1000, &got, &cause), 1);
	/* Without the copy and its text. */
	assert_int_equal(store_doc_meta_id(s, id, &got, &cause), 0);
	assert_int_equal(got.id, id);
	assert_string_equal(got.title, "The Long Take");
	assert_null(got.content);
	assert_null(got.text);
	store_doc_free(&got);
	assert_int_equal(store_doc_meta_id(s, id + 1000, &got, &cause), 1);

	/* Where the reader is, read back. */
	assert_int_equal(store_doc_pos(s, id, &pos, 0, &cause), 0);
	assert_int_equal(store_doc_get(s, d.url, &got, &cause), 0);
	assert_int_equal(got.pos.section, 3);
	assert_int_equal(got.pos.block, 41);
	assert_int_equal(got.pos.offset, 1207);
	assert_true(got.read > 0);
	assert_int_equal(got.finished, 0);
	store_doc_free(&got);
	assert_int_equal(store_doc_meta_id(s, id, &got, &cause), 0);
	assert_int_equal(got.pos.block, 41);
	assert_true(got.read > 0);
	store_doc_free(&got);

	/* Put again from another URL, with a new text: one document, its
	 * position kept, both URLs lead to it. */
	d.title = "The Long Take, revised";
	d.text = "A shot that does not cut, revised.";
	assert_int_equal(store_doc_put(s, &d, "https://feeds.example/x?id=7",
	    &id2, &cause), 0);
	assert_int_equal(id2, id);
	assert_int_equal(store_doc_get(s, "https://feeds.example/x?id=7",
	    &got, &cause), 0);
	assert_int_equal(got.id, id);
	assert_string_equal(got.title, "The Long Take, revised");
	assert_int_equal(got.pos.block, 41);
	store_doc_free(&got);
	assert_int_equal(store_doc_get(s, "https://t.example/abc", &got,
	    &cause), 0);
	assert_int_equal(got.id, id);
	store_doc_free(&got);

	/* "Continue reading": opened, not finished, last read first. */
	memset(&d, 0, sizeof d);
	d.url = "https://essays.example/montage";
	d.title = "Montage";
	d.content = "<p>x</p>";
	d.text = "x";
	assert_int_equal(store_doc_put(s, &d, NULL, &other, &cause), 0);
	assert_int_equal(store_doc_unfinished(s, &dv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(dv[0].id, id);
	assert_null(dv[0].text);
	assert_int_equal(dv[0].pos.offset, 1207);
	store_docs_free(dv, n);
	assert_int_equal(store_doc_pos(s, other, &pos, 0, &cause), 0);
	assert_int_equal(store_doc_unfinished(s, &dv, &n, &cause), 0);
	assert_int_equal(n, 2);
	store_docs_free(dv, n);
	assert_int_equal(store_doc_pos(s, id, &pos, 1, &cause), 0);
	assert_int_equal(store_doc_unfinished(s, &dv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(dv[0].id, other);
	store_docs_free(dv, n);

	assert_int_equal(store_doc_pos(s, 999, &pos, 0, &cause), -1);
	free(cause);
	cause = NULL;
	d.url = NULL;
	assert_int_equal(store_doc_put(s, &d, NULL, NULL, &cause), -1);
	free(cause);
	store_close(s);
}

static void
put_doc(struct store *s, const char *url, const char *title,
    const char *byline, const char *text, int64_t *id)
{
	struct store_doc	 d;
	char			*cause = NULL;

	memset(&d, 0, sizeof d);
	d.url = (char *)url;
	d.title = (char *)title;
	d.byline = (char *)byline;
	d.content = (char *)text;
	d.text = (char *)text;
	if (store_doc_put(s, &d, NULL, id, &cause) != 0)
		fail_msg("store_doc_put: %s", cause);
}

/* The hits of query, by URL, in order; NULL-terminated. */
static void
expect_hits(struct store *s, const char *query, const char *const *want)
{
	struct store_hit	*hv;
	char			*cause = NULL;
	size_t			 n, i;

	if (store_search(s, query, 0, &hv, &n, &cause) != 0)
		fail_msg("store_search %s: %s", query, cause);
	for (i = 0; want[i] != NULL; i++) {
		if (i >= n)
			fail_msg("%s: %zu hits, wanted %s next", query, n,
			    want[i]);
		if (strcmp(hv[i].url, want[i]) != 0)
			fail_msg("%s: hit %zu is %s, wanted %s", query, i,
			    hv[i].url, want[i]);
	}
	if (n != i)
		fail_msg("%s: %zu hits, wanted %zu", query, n, i);
	store_hits_free(hv, n);
}

static void
test_search(void **state)
{
	static const char *const cafe[] = { "u:cafe", NULL };
	static const char *const cinem[] = { "u:cinema", "u:montage", NULL };
	static const char *const phrase[] = { "u:take", NULL };
	static const char *const take[] = { "u:take", "u:apart", NULL };
	static const char *const montage[] = { "u:montage", "u:apart",
	    "u:cinema", NULL };
	static const char *const author[] = { "u:apart", NULL };
	static const char *const none[] = { NULL };
	struct store		*s = open_default();
	struct store_hit	*hv;
	char			*cause = NULL;
	int64_t			 id;
	size_t			 n, len;

	put_doc(s, "u:cafe", "Café Society", NULL,
	    "Talk in a Parisian café after the screening.", &id);
	put_doc(s, "u:cinema", "Slow Cinema", NULL,
	    "Cinematic time; montage is rare here, but montage happens.",
	    &id);
	put_doc(s, "u:take", "One Shot", NULL,
	    "The long take holds the actors in one space.", &id);
	put_doc(s, "u:apart", "Apart", "Agnès Montage",
	    "A long night and a take that was cut; montage, montage, montage "
	    "and more montage everywhere in montage.", &id);
	put_doc(s, "u:montage", "Montage", NULL,
	    "The cut makes meaning in cinematography.", &id);

	/* Diacritics removed both ways. */
	expect_hits(s, "cafe", cafe);
	expect_hits(s, "CAFÉ", cafe);
	expect_hits(s, "parisian", cafe);
	/* A prefix. */
	expect_hits(s, "cinem*", cinem + 0);
	/* A phrase, and its words apart. */
	expect_hits(s, "\"long take\"", phrase);
	expect_hits(s, "long take", take);
	/* A title match first, though the text says it more often; then
	 * the author (agnes, without its accent). */
	expect_hits(s, "montage", montage);
	expect_hits(s, "agnes", author);
	expect_hits(s, "nothing-like-this", none);
	expect_hits(s, "   ", none);

	/* What FTS5 cannot parse is searched as words. */
	expect_hits(s, "long-take", phrase);
	expect_hits(s, "take\"", take);

	/* The snippet is one line with what matched marked. */
	assert_int_equal(store_search(s, "montage", 1, &hv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_true(hv[0].in_title);
	assert_string_equal(hv[0].title, "Montage");
	assert_int_equal(hv[0].nmarks, 0);
	store_hits_free(hv, n);
	assert_int_equal(store_search(s, "cafe", 0, &hv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_true(hv[0].in_title);
	assert_int_equal(hv[0].nmarks, 1);
	len = hv[0].marks[0].end - hv[0].marks[0].start;
	assert_int_equal(len, strlen("café"));
	assert_memory_equal(hv[0].snippet + hv[0].marks[0].start, "café",
	    len);
	assert_null(strchr(hv[0].snippet, '\x01'));
	store_hits_free(hv, n);

	/* Changed text is searched as it is now. */
	put_doc(s, "u:cafe", "Bistro Society", NULL, "Talk in a bistro.", &id);
	expect_hits(s, "cafe", none);
	expect_hits(s, "bistro", cafe);
	store_close(s);
}

/* Files reel must not touch: a newer version, not a database, cut
 * short, another program's. Each is refused with a message naming it and
 * left byte for byte as it was. */
static void
expect_refused(const char *db, int flags, const char *what)
{
	struct store	*s = NULL;
	char		*before, *after, *cause = NULL, *wal;
	size_t		 blen, alen;

	before = slurp(db, &blen);
	assert_int_equal(store_open(NULL, flags, &s, &cause), -1);
	assert_null(s);
	if (strncmp(cause, db, strlen(db)) != 0 || strstr(cause, what) ==
	    NULL || strchr(cause, '\n') != NULL)
		fail_msg("wanted \"%s: ...%s...\", got \"%s\"", db, what,
		    cause);
	free(cause);
	after = slurp(db, &alen);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	free(before);
	free(after);
	wal = xprintf("%s-wal", db);
	assert_int_equal(access(wal, F_OK), -1);
	free(wal);
}

static void
test_newer_refused(void **state)
{
	static const char *const steps[] = {
		"CREATE TABLE future (id INTEGER PRIMARY KEY, note TEXT);",
	};
	struct store	*s;
	char		*db = tmp("data/reel/library.db"), *version;
	int64_t		 id;
	char		*cause = NULL;

	store_test_steps(steps, nitems(steps));
	s = open_default();
	assert_int_equal(store_feed_add(s, "https://f.example/", NULL, NULL,
	    &id, &cause), 0);
	store_close(s);
	assert_int_equal(header_u32(db, 60), STORE_VERSION + 1);
	store_test_steps(NULL, 0);
	expect_refused(db, 0, "newer");
	version = xprintf("version %d,", STORE_VERSION + 1);
	expect_refused(db, STORE_CHECK, version);
	free(version);
	free(db);
}

static void
write_file(const char *path, const void *data, size_t len)
{
	int	fd;

	assert_true((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >=
	    0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static void
test_garbage_refused(void **state)
{
	struct store	*s;
	char		*db = tmp("data/reel/library.db"), *data, *p;
	char		 junk[8192];
	int64_t		 id;
	char		*cause = NULL;
	size_t		 len, i;

	/* A library first, for its directory. */
	s = open_default();
	store_close(s);

	/* Text. */
	for (i = 0; i < sizeof junk; i++)
		junk[i] = "not a database at all\n"[i % 22];
	write_file(db, junk, sizeof junk);
	expect_refused(db, 0, "file is not a database");
	/* A header, then nothing. */
	write_file(db, "SQLite format 3", 16);
	expect_refused(db, 0, "not a database");

	/* A real library cut in half. */
	assert_int_equal(unlink(db), 0);
	s = open_default();
	for (i = 0; i < 40; i++) {
		p = xprintf("https://f.example/%zu/%.*s", i, 300, junk);
		assert_int_equal(store_feed_add(s, p, NULL, NULL, &id, &cause),
		    0);
		free(p);
	}
	store_close(s);
	data = slurp(db, &len);
	assert_true(len > 8192);
	write_file(db, data, len / 2);
	expect_refused(db, 0, "malformed");

	/* A page overwritten (the last, rows of a feed, not the schema's):
	 * PRAGMA quick_check finds it. */
	memset(data + len - 4096, 'x', 2048);
	write_file(db, data, len);
	expect_refused(db, STORE_CHECK, "damaged");
	free(data);

	/* Another program's database (its application id not reel's). */
	assert_int_equal(unlink(db), 0);
	s = open_default();
	store_close(s);
	data = slurp(db, &len);
	data[68] = 'a';
	write_file(db, data, len);
	expect_refused(db, 0, "not a reel library");
	free(data);
	free(db);
}

/* An older library is copied beside itself, then migrated one step
 * per transaction: a failing step leaves the file at the version before
 * it, whole, and the next open goes on from there. */
static void
test_migrate(void **state)
{
	static const char *const good[] = {
		"ALTER TABLE feeds ADD COLUMN note TEXT;"
		"CREATE TABLE future (document INTEGER PRIMARY KEY"
		" REFERENCES documents (id) ON DELETE CASCADE, note TEXT);",
		"CREATE INDEX future_note ON future (note);",
	};
	static const char *const bad[] = {
		"ALTER TABLE feeds ADD COLUMN note TEXT;"
		"CREATE TABLE future (document INTEGER PRIMARY KEY"
		" REFERENCES documents (id) ON DELETE CASCADE, note TEXT);",
		"CREATE TABLE fine (x); CREATE TABLE broken (;",
	};
	struct store		*s;
	struct store_feed	*fv;
	char			*db = tmp("data/reel/library.db");
	char			*bak1, *bak2, *bak3, *name;
	char			*cause = NULL;
	int64_t			 id;
	size_t			 n;

	name = xprintf("data/reel/library.db.v%d.bak", STORE_VERSION);
	bak1 = tmp(name);
	free(name);
	name = xprintf("data/reel/library.db.v%d.bak", STORE_VERSION + 1);
	bak2 = tmp(name);
	free(name);
	name = xprintf("data/reel/library.db.v%d.bak", STORE_VERSION + 2);
	bak3 = tmp(name);
	free(name);

	s = open_default();
	assert_int_equal(store_feed_add(s, "https://f.example/", "Kept",
	    NULL, &id, &cause), 0);
	merge(s, id, items1, nitems(items1), 5, 0);
	store_close(s);
	/* Nothing to migrate, no backup. */
	s = open_default();
	store_close(s);
	assert_int_equal(access(bak1, F_OK), -1);

	store_test_steps(bad, nitems(bad));
	assert_int_equal(store_open(NULL, 0, &s, &cause), -1);
	if (strstr(cause, db) == NULL || strstr(cause, "syntax error") ==
	    NULL)
		fail_msg("%s", cause);
	free(cause);
	cause = NULL;
	assert_int_equal(header_u32(db, 60), STORE_VERSION + 1);
	assert_mode(bak1, 0600);
	assert_int_equal(header_u32(bak1, 60), STORE_VERSION);

	store_test_steps(good, nitems(good));
	s = open_default();
	assert_int_equal(store_feed_list(s, 0, &fv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(fv[0].title, "Kept");
	assert_int_equal(fv[0].nitems, 5);
	store_feeds_free(fv, n);
	store_close(s);
	assert_int_equal(header_u32(db, 60), STORE_VERSION + 2);
	assert_int_equal(header_u32(bak2, 60), STORE_VERSION + 1);
	s = open_default();
	store_close(s);
	assert_int_equal(access(bak3, F_OK), -1);

	/* The first backup is a library of this reel's version. */
	store_test_steps(NULL, 0);
	assert_int_equal(store_open(bak1, 0, &s, &cause), 0);
	assert_int_equal(store_feed_list(s, 0, &fv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(fv[0].nitems, 5);
	store_feeds_free(fv, n);
	store_close(s);
	free(db);
	free(bak1);
	free(bak2);
	free(bak3);
}

/* Runs sql on the library file beside the store, as another program. */
static void
raw_exec(const char *db, const char *sql)
{
	sqlite3	*c;
	char	*msg = NULL;

	assert_int_equal(sqlite3_open(db, &c), SQLITE_OK);
	if (sqlite3_exec(c, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	assert_int_equal(sqlite3_close(c), SQLITE_OK);
}

/* Saving the place writes no row of the essay's own: the text and the
 * copy are not read and written again, and the full-text index (whose
 * triggers are on the essays' rows) does not hear of it. */
static void
test_place_apart(void **state)
{
	struct store		*s = open_default();
	struct store_doc	 got;
	struct store_pos	 pos = { 2, 9, 31 };
	char			*cause = NULL;
	int64_t			 id;

	put_doc(s, "u:apart", "Apart", NULL, "The long take and the cut.",
	    &id);
	/* From now on, any write of the essay's row fails. */
	raw_exec(store_path(s), "CREATE TRIGGER untouched BEFORE UPDATE"
	    " ON documents BEGIN SELECT RAISE(ABORT, 'the essay was written');"
	    " END");
	if (store_doc_pos(s, id, &pos, 1, &cause) != 0)
		fail_msg("store_doc_pos: %s", cause);
	assert_int_equal(store_doc_get(s, "u:apart", &got, &cause), 0);
	assert_int_equal(got.pos.section, 2);
	assert_int_equal(got.pos.block, 9);
	assert_int_equal(got.pos.offset, 31);
	assert_true(got.read > 0);
	assert_int_equal(got.finished, 1);
	assert_string_equal(got.text, "The long take and the cut.");
	store_doc_free(&got);
	/* The trigger does stop a write of the essay (the test can fail). */
	memset(&got, 0, sizeof got);
	got.url = "u:apart";
	got.text = "Changed.";
	got.content = "<p>Changed.</p>";
	assert_int_equal(store_doc_put(s, &got, NULL, NULL, &cause), -1);
	assert_non_null(strstr(cause, "the essay was written"));
	free(cause);
	cause = NULL;
	/* An essay put again keeps its place, and it is still searched. */
	raw_exec(store_path(s), "DROP TRIGGER untouched");
	put_doc(s, "u:apart", "Apart", NULL, "The long take, revised.", &id);
	assert_int_equal(store_doc_meta_id(s, id, &got, &cause), 0);
	assert_int_equal(got.pos.block, 9);
	assert_int_equal(got.finished, 1);
	store_doc_free(&got);
	expect_hits(s, "revised", (const char *const[]){ "u:apart", NULL });
	store_close(s);
}

/* A library of version 2, where the place was in the essay's row, made
 * by the steps of that version and filled as that reel filled it. */
static void
make_v2(const char *db)
{
	struct store	*s;

	store_test_version(2);
	s = open_default();
	store_close(s);
	store_test_version(0);
	assert_int_equal(header_u32(db, 60), 2);
	raw_exec(db,
	    "INSERT INTO documents (id, url, title, site, fetched,"
	    " pos_section, pos_block, pos_offset, read_at, finished, text,"
	    " content) VALUES"
	    " (1, 'u:half', 'Half Read', 'one.example', 1700000000, 3, 41,"
	    "  1207, 1700000300, 0, 'Montage, and the reader stopped.',"
	    "  '<p>Montage, and the reader stopped.</p>'),"
	    " (2, 'u:done', 'Done', NULL, 1700000000, 2, 5, 0, 1700000200, 1,"
	    "  'Read to its end.', '<p>Read to its end.</p>'),"
	    " (3, 'u:never', 'Never Read', NULL, 1700000000, 0, 0, 0, NULL,"
	    "  0, 'Kept, never opened.', '<p>Kept, never opened.</p>');"
	    "INSERT INTO document_urls (url, document) VALUES ('u:half', 1),"
	    " ('u:half-alias', 1), ('u:done', 2), ('u:never', 3);"
	    "INSERT INTO bookmarks (id, document, added, last_read) VALUES"
	    " (10, 1, 1600000000, 1700000300), (11, 3, 1600000100, NULL);");
}

/* From version 2: every place, time read and end seen survives in the
 * readings, the lists read them as before, and the bookmarks' last
 * reading follows a place written after the migration. */
static void
test_migrate_place(void **state)
{
	struct store		*s;
	struct store_doc	 got, *dv;
	struct store_bookmark	*bv;
	struct store_pos	 pos = { 1, 2, 3 };
	sqlite3			*c;
	sqlite3_stmt		*st = NULL;
	char			*db = tmp("data/reel/library.db");
	char			*bak = tmp("data/reel/library.db.v2.bak");
	char			*cause = NULL;
	int64_t			 id;
	size_t			 n;

	make_v2(db);
	s = open_default();
	assert_int_equal(header_u32(bak, 60), 2);

	assert_int_equal(store_doc_get(s, "u:half-alias", &got, &cause), 0);
	assert_int_equal(got.id, 1);
	assert_int_equal(got.pos.section, 3);
	assert_int_equal(got.pos.block, 41);
	assert_int_equal(got.pos.offset, 1207);
	assert_int_equal(got.read, 1700000300);
	assert_int_equal(got.finished, 0);
	assert_string_equal(got.text, "Montage, and the reader stopped.");
	store_doc_free(&got);
	assert_int_equal(store_doc_meta_id(s, 2, &got, &cause), 0);
	assert_int_equal(got.pos.section, 2);
	assert_int_equal(got.pos.block, 5);
	assert_int_equal(got.read, 1700000200);
	assert_int_equal(got.finished, 1);
	store_doc_free(&got);
	assert_int_equal(store_doc_get_id(s, 3, &got, &cause), 0);
	assert_int_equal(got.pos.block, 0);
	assert_int_equal(got.read, 0);
	assert_int_equal(got.finished, 0);
	store_doc_free(&got);

	assert_int_equal(store_doc_unfinished(s, &dv, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(dv[0].id, 1);
	assert_int_equal(dv[0].pos.offset, 1207);
	store_docs_free(dv, n);
	assert_int_equal(store_bookmark_list(s, STORE_BM_READ, NULL, NULL,
	    &bv, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(bv[0].id, 10);
	assert_int_equal(bv[0].read, 1700000300);
	assert_int_equal(bv[0].pos.block, 41);
	assert_int_equal(bv[1].id, 11);
	assert_int_equal(bv[1].read, 0);
	store_bookmarks_free(bv, n);
	expect_hits(s, "montage", (const char *const[]){ "u:half", NULL });

	/* Read now: first among the unfinished and the bookmarks. */
	assert_int_equal(store_doc_pos(s, 3, &pos, 0, &cause), 0);
	assert_int_equal(store_doc_unfinished(s, &dv, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(dv[0].id, 3);
	assert_int_equal(dv[1].id, 1);
	store_docs_free(dv, n);
	assert_int_equal(store_bookmark_list(s, STORE_BM_READ, NULL, NULL,
	    &bv, &n, &cause), 0);
	assert_int_equal(bv[0].id, 11);
	assert_true(bv[0].read > 1700000300);
	assert_int_equal(bv[0].pos.offset, 3);
	store_bookmarks_free(bv, n);
	/* An essay kept after the migration has a place to save. */
	put_doc(s, "u:new", "New", NULL, "Kept after.", &id);
	assert_int_equal(store_doc_pos(s, id, &pos, 1, &cause), 0);
	store_close(s);

	/* The place has one home: the essay's row lost its columns. */
	assert_int_equal(sqlite3_open(db, &c), SQLITE_OK);
	assert_int_not_equal(sqlite3_prepare_v2(c,
	    "SELECT pos_block FROM documents", -1, &st, NULL), SQLITE_OK);
	assert_null(st);
	assert_int_equal(sqlite3_close(c), SQLITE_OK);
	free(db);
	free(bak);
}

/* Since version 4 the store keeps the full-text index itself, each step
 * a statement of its own (issue 14: inside the essay's INSERT, SQLite
 * held its record, a copy of its text and the index's terms at once).
 * An essay indexed by version 3's triggers is searched as it is after it
 * is put again, changed or not; a new one is found; the index agrees
 * with the essays; and an essay put with its texts taken gives them
 * back freed. */
static void
test_index_kept(void **state)
{
	static const char *const one[] = { "u:one", NULL };
	static const char *const two[] = { "u:two", NULL };
	static const char *const none[] = { NULL };
	struct store		*s;
	struct store_doc	 d;
	char			*db = tmp("data/reel/library.db");
	char			*cause = NULL;
	int64_t			 id;

	store_test_version(3);
	s = open_default();
	put_doc(s, "u:one", "One", NULL, "Jump cuts in the first reel.", &id);
	store_close(s);
	store_test_version(0);
	assert_int_equal(header_u32(db, 60), 3);

	s = open_default();
	expect_hits(s, "jump", one);
	put_doc(s, "u:one", "One", NULL, "Dissolves in the second reel.",
	    &id);
	expect_hits(s, "jump", none);
	expect_hits(s, "dissolves", one);
	/* The same words again: the entry stays as it is. */
	put_doc(s, "u:one", "One", NULL, "Dissolves in the second reel.",
	    &id);
	expect_hits(s, "dissolves", one);
	expect_hits(s, "reel", one);

	memset(&d, 0, sizeof d);
	d.url = (char *)"u:two";
	d.title = (char *)"Two";
	d.content = xstrdup("<p>Wipes and irises.</p>");
	d.text = xstrdup("Wipes and irises.");
	assert_int_equal(store_doc_put_take(s, &d, NULL, &id, &cause), 0);
	assert_null(d.content);
	assert_null(d.text);
	expect_hits(s, "irises", two);
	/* Taken on failure too. */
	d.url = NULL;
	d.content = xstrdup("<p>x</p>");
	d.text = xstrdup("x");
	assert_int_equal(store_doc_put_take(s, &d, NULL, &id, &cause), -1);
	assert_null(d.content);
	assert_null(d.text);
	free(cause);
	store_close(s);
	assert_int_equal(header_u32(db, 60), STORE_VERSION);

	raw_exec(db, "INSERT INTO documents_fts (documents_fts)"
	    " VALUES ('integrity-check')");
	free(db);
}

/* A transaction of the caller's: all of it, or none of it. */
static void
test_batch(void **state)
{
	struct store		*s = open_default();
	struct store_merged	 m = { 0, 0 };
	struct store_item	*iv;
	int64_t			 a, b;
	char			*cause = NULL;
	size_t			 n;

	assert_int_equal(store_feed_add(s, "https://a.example/", NULL, NULL,
	    &a, &cause), 0);
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_begin(s, &cause), -1);
	free(cause);
	cause = NULL;
	merge(s, a, items1, 3, 3, 0);
	/* A failed step inside a batch leaves the batch as it was. */
	assert_int_equal(store_merge(s, 777, items1, 3, &m, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_feed_add(s, "https://b.example/", NULL, NULL,
	    &b, &cause), 0);
	merge(s, b, items1, 2, 2, 0);
	assert_int_equal(store_rollback(s, &cause), 0);
	assert_int_equal(store_item_list(s, 0, 0, &iv, &n, &cause), 0);
	assert_int_equal(n, 0);
	free(iv);
	assert_int_equal(store_commit(s, &cause), -1);
	free(cause);
	cause = NULL;

	assert_int_equal(store_begin(s, &cause), 0);
	merge(s, a, items1, 3, 3, 0);
	assert_int_equal(store_commit(s, &cause), 0);
	store_close(s);
	s = open_default();
	assert_int_equal(store_item_list(s, 0, 0, &iv, &n, &cause), 0);
	assert_int_equal(n, 3);
	store_items_free(iv, n);
	/* Closed with a batch open: rolled back. */
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_feed_read(s, 0, &cause), 0);
	store_close(s);
	s = open_default();
	assert_int_equal(store_item_list(s, 0, STORE_UNREAD, &iv, &n, &cause),
	    0);
	assert_int_equal(n, 3);
	store_items_free(iv, n);
	store_close(s);
}

#define WRITER_BATCHES	30
#define WRITER_ITEMS	10
#define WRITER_DOCS	150

/* One process: merges WRITER_BATCHES batches of items into feed, each a
 * transaction, reading the list between them. Exits non-zero on error. */
static void
writer_items(int64_t feed)
{
	struct store_item_in	 in[WRITER_ITEMS];
	struct store_merged	 m = { 0, 0 };
	struct store_item	*iv;
	struct store		*s;
	char			*cause = NULL, *guids[WRITER_ITEMS];
	size_t			 b, i, n;

	if (store_open(NULL, 0, &s, &cause) != 0)
		goto fail;
	for (b = 0; b < WRITER_BATCHES; b++) {
		memset(in, 0, sizeof in);
		for (i = 0; i < WRITER_ITEMS; i++) {
			guids[i] = xprintf("urn:%zu:%zu", b, i);
			in[i].guid = guids[i];
			in[i].title = guids[i];
			in[i].published = 1700000000 + (int64_t)(b * 100 + i);
		}
		if (store_begin(s, &cause) != 0 ||
		    store_merge(s, feed, in, WRITER_ITEMS, &m, &cause) != 0 ||
		    store_commit(s, &cause) != 0)
			goto fail;
		for (i = 0; i < WRITER_ITEMS; i++)
			free(guids[i]);
		if (store_item_list(s, feed, 0, &iv, &n, &cause) != 0)
			goto fail;
		store_items_free(iv, n);
		if (n != m.added)
			_exit(3);
	}
	store_close(s);
	_exit(m.added == WRITER_BATCHES * WRITER_ITEMS ? 0 : 4);
fail:
	fprintf(stderr, "items writer: %s\n", cause);
	_exit(2);
}

/* The other: puts WRITER_DOCS essays, reads each back and saves a
 * position in it, each its own transaction. */
static void
writer_docs(void)
{
	struct store_doc	 d, got;
	struct store_pos	 pos = { 1, 2, 3 };
	struct store		*s;
	char			*cause = NULL, *url, *req;
	int64_t			 id;
	size_t			 i;

	if (store_open(NULL, 0, &s, &cause) != 0)
		goto fail;
	for (i = 0; i < WRITER_DOCS; i++) {
		memset(&d, 0, sizeof d);
		url = xprintf("https://d.example/%zu", i);
		req = xprintf("https://r.example/%zu", i);
		d.url = url;
		d.title = url;
		d.content = "<p>essay</p>";
		d.text = "essay";
		if (store_doc_put(s, &d, req, &id, &cause) != 0 ||
		    store_doc_get(s, req, &got, &cause) != 0)
			goto fail;
		if (got.id != id)
			_exit(3);
		store_doc_free(&got);
		pos.block = i;
		if (store_doc_pos(s, id, &pos, 0, &cause) != 0)
			goto fail;
		free(url);
		free(req);
	}
	store_close(s);
	_exit(0);
fail:
	fprintf(stderr, "documents writer: %s\n", cause);
	_exit(2);
}

static void
test_two_processes(void **state)
{
	struct store		*s = open_default();
	struct store_doc	*dv;
	struct store_feed	 f;
	pid_t			 pids[2];
	int64_t			 feed;
	char			*cause = NULL, c;
	size_t			 i, n;
	int			 status, gate[2];

	assert_int_equal(store_feed_add(s, "https://f.example/", NULL, NULL,
	    &feed, &cause), 0);
	store_close(s);
	/* Both start when the gate closes, each with its own store. */
	assert_int_equal(pipe(gate), 0);
	for (i = 0; i < 2; i++) {
		assert_true((pids[i] = fork()) != -1);
		if (pids[i] == 0) {
			close(gate[1]);
			if (read(gate[0], &c, 1) != 0)
				_exit(5);
			if (i == 0)
				writer_items(feed);
			writer_docs();
		}
	}
	close(gate[0]);
	close(gate[1]);
	for (i = 0; i < 2; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	s = open_default();
	assert_int_equal(store_feed_get(s, "https://f.example/", &f, &cause),
	    0);
	assert_int_equal(f.nitems, WRITER_BATCHES * WRITER_ITEMS);
	assert_int_equal(f.nunread, WRITER_BATCHES * WRITER_ITEMS);
	store_feed_free(&f);
	assert_int_equal(store_doc_unfinished(s, &dv, &n, &cause), 0);
	assert_int_equal(n, WRITER_DOCS);
	store_docs_free(dv, n);
	store_close(s);
}

/* Runs fn in a child that is not root (root reads and writes whatever
 * the modes say), owning the test's directory; returns its exit status. */
static int
as_user(void (*fn)(void))
{
	char	*cmd;
	pid_t	 pid;
	int	 status;

	if (geteuid() == 0) {
		cmd = xprintf("chown -R %d:%d '%s'", NOBODY, NOBODY, tmpdir);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	}
	assert_true((pid = fork()) != -1);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(NOBODY) != 0 ||
		    setuid(NOBODY) != 0))
			_exit(90);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* In the child: store_open() must fail with a message that starts with
 * the file's name and holds want. */
static int
child_refused(const char *want)
{
	struct store	*s = NULL;
	char		*db = tmp("data/reel/library.db"), *cause = NULL;
	int		 ok;

	if (store_open(NULL, 0, &s, &cause) == 0) {
		fprintf(stderr, "opened, wanted %s\n", want);
		return 0;
	}
	ok = strncmp(cause, db, strlen(db)) == 0 && strstr(cause, want) !=
	    NULL;
	if (!ok)
		fprintf(stderr, "got \"%s\", wanted \"%s\"\n", cause, want);
	free(cause);
	free(db);
	return ok;
}

static void
child_new_in_readonly(void)
{
	char	*dir = tmp("data/reel"), *data = tmp("data");

	if (mkdir(data, 0700) != 0 || mkdir(dir, 0500) != 0)
		_exit(91);
	free(data);
	free(dir);
	_exit(child_refused("Permission denied") ? 0 : 1);
}

static void
child_old_in_readonly(void)
{
	struct store	*s;
	char		*dir = tmp("data/reel"), *cause = NULL;

	if (store_open(NULL, 0, &s, &cause) != 0)
		_exit(92);
	store_close(s);
	if (chmod(dir, 0500) != 0)
		_exit(93);
	free(dir);
	_exit(child_refused("cannot write in its directory") ? 0 : 1);
}

static void
child_unreadable(void)
{
	struct store	*s;
	char		*db = tmp("data/reel/library.db"), *cause = NULL;

	if (store_open(NULL, 0, &s, &cause) != 0)
		_exit(92);
	store_close(s);
	if (chmod(db, 0) != 0)
		_exit(93);
	free(db);
	_exit(child_refused("Permission denied") ? 0 : 1);
}

static void
child_readonly_file(void)
{
	struct store	*s;
	char		*db = tmp("data/reel/library.db"), *cause = NULL;

	if (store_open(NULL, 0, &s, &cause) != 0)
		_exit(92);
	store_close(s);
	if (chmod(db, 0400) != 0)
		_exit(93);
	free(db);
	_exit(child_refused("Permission denied") ? 0 : 1);
}

static void
test_permissions(void **state)
{
	char	*dir;

	assert_int_equal(as_user(child_new_in_readonly), 0);
	dir = tmp("data/reel");
	assert_int_equal(rmdir(dir), 0);
	free(dir);
	assert_int_equal(as_user(child_old_in_readonly), 0);
	teardown(state);
	setup(state);
	assert_int_equal(as_user(child_unreadable), 0);
	teardown(state);
	setup(state);
	assert_int_equal(as_user(child_readonly_file), 0);
}

/* No HOME and no XDG_DATA_HOME: no default library, a message. */
static void
test_no_place(void **state)
{
	struct store	*s = NULL;
	char		*cause = NULL, *db = tmp("lib.db");

	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	assert_int_equal(store_open(NULL, 0, &s, &cause), -1);
	assert_non_null(strstr(cause, "XDG_DATA_HOME"));
	free(cause);
	/* A path of the caller's needs neither. */
	assert_int_equal(store_open(db, 0, &s, &cause), 0);
	assert_string_equal(store_path(s), db);
	store_close(s);
	assert_mode(db, 0600);
	free(db);
}

/* Feeds keep the order they were added in, within a batch (where the
 * last position is looked up once: importing 50,000 feeds looked it up
 * for each, over the whole table) and after it; one already there, or
 * one rolled back, takes no position. */
static void
test_feed_positions(void **state)
{
	struct store		*s = open_default();
	struct store_feed	*fv;
	char			*cause = NULL;
	int64_t			 id;
	size_t			 n, i;

	assert_int_equal(store_feed_add(s, "https://one.example/", NULL,
	    NULL, &id, &cause), 0);
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://two.example/", NULL,
	    NULL, &id, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://one.example/", NULL,
	    NULL, &id, &cause), 1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_feed_add(s, "https://three.example/", NULL,
	    NULL, &id, &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://gone.example/", NULL,
	    NULL, &id, &cause), 0);
	assert_int_equal(store_rollback(s, &cause), 0);
	assert_int_equal(store_feed_add(s, "https://four.example/", NULL,
	    NULL, &id, &cause), 0);
	assert_int_equal(store_feed_list(s, 0, &fv, &n, &cause), 0);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		assert_int_equal(fv[i].position, (int64_t)i + 1);
	assert_string_equal(fv[0].url, "https://one.example/");
	assert_string_equal(fv[1].url, "https://two.example/");
	assert_string_equal(fv[2].url, "https://three.example/");
	assert_string_equal(fv[3].url, "https://four.example/");
	store_feeds_free(fv, n);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_create, setup, teardown),
		cmocka_unit_test_setup_teardown(test_feeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_feed_positions, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_feed_link, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_feed_update, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_order_and_text,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_cascade, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_docs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_garbage_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_place_apart, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_index_kept, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_place, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_batch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_processes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_permissions, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_place, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
