/* cmd_feed.c: the library's commands: feeds added, removed, listed,
 * imported, exported and refreshed, items listed, a feed parsed. */
#include <config.h>

#include <sys/ioctl.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json.h>

#include "buf.h"
#include "cmd.h"
#include "cmd_feed.h"
#include "date.h"
#include "discover.h"
#include "feed.h"
#include "feed_read.h"
#include "feed_dump.h"
#include "fetch.h"
#include "opml.h"
#include "progress.h"
#include "refresh.h"
#include "settings.h"
#include "store.h"
#include "url.h"
#include "util.h"

/* How long a refresh step waits for the network, in milliseconds: the
 * progress bar is redrawn at least this often. */
#define CMD_STEP_MS		100

/* Finds the id of the feed subscribed as url. */
static int
cmd_feed_id(struct store *s, const char *url, int64_t *id)
{
	struct store_feed	 f;
	char			*cause = NULL;

	if (store_feed_get(s, url, &f, &cause) != 0)
		return cmd_fail(cause, -1);
	*id = f.id;
	store_feed_free(&f);
	return 0;
}

/* The progress bar: the share done, then the counts. */
static void
cmd_progress_draw(struct progress *pg, const struct refresh_progress *p)
{
	struct buf	b = BUF_INIT;

	/* TRANSLATORS: the progress of "reel feed refresh" in three
	 * parts, one after the other on one line: feeds done of all,
	 * then items new so far, then feeds failed so far; the count
	 * in the first part is that of all feeds. */
	buf_printf(&b, ngettext_(" %zu/%zu feed", " %zu/%zu feeds",
	    p->total), p->done, p->total);
	/* TRANSLATORS: the second part of the progress line. */
	buf_printf(&b, ngettext_(", %zu new item", ", %zu new items",
	    p->new_items), p->new_items);
	/* TRANSLATORS: the third part of the progress line: how many
	 * feeds failed so far. */
	buf_printf(&b, ngettext_(", %zu failed", ", %zu failed", p->failed),
	    p->failed);
	progress_draw(pg, p->done, p->total, buf_str(&b));
	buf_free(&b);
}

/* Prints the errors of the feeds that finished since the last call. */
static void
cmd_progress_errors(struct progress *cp, struct refresh *r)
{
	const int64_t	*ids;
	const char	*error;
	size_t		 i, n;

	ids = refresh_finished(r, &n);
	for (i = 0; i < n; i++) {
		if ((error = refresh_error(r, ids[i])) == NULL)
			continue;
		progress_clear(cp);
		warnx_("%s", error);
	}
}

/* Refreshes the n feeds of ids (every feed when ids is NULL), showing
 * its progress on a terminal and a summary line anyway (unless quiet).
 * Returns an exit status: 1 when a feed failed. */
static int
cmd_refresh(struct store *s, const int64_t *ids, size_t n,
    const struct fetch_opts *fo, int quiet, struct refresh_progress *out)
{
	struct refresh_opts	 ro;
	struct refresh		*r;
	struct refresh_progress	 p;
	struct progress		 cp;
	char			*cause = NULL;
	int			 rc;

	memset(&ro, 0, sizeof ro);
	ro.fetch = fo;
	ro.max_total = (int)settings_int(SET_REFRESH_TOTAL);
	ro.max_host = (int)settings_int(SET_REFRESH_PER_HOST);
	progress_init(&cp, stdout, !quiet && isatty(STDOUT_FILENO));
	if (refresh_start(s, ids, n, &ro, &r, &cause) != 0)
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	do {
		rc = refresh_step(r, CMD_STEP_MS, &cause);
		cmd_progress_errors(&cp, r);
		refresh_progress(r, &p);
		if (rc >= 0)
			cmd_progress_draw(&cp, &p);
	} while (rc == 1);
	progress_end(&cp);
	refresh_free(r);
	if (rc != 0)
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	if (!quiet) {
		/* TRANSLATORS: the summary of "reel feed refresh" in four
		 * parts on one line: feeds refreshed, then new items,
		 * then feeds unchanged, then feeds failed. */
		printf(ngettext_("%zu feed refreshed", "%zu feeds refreshed",
		    p.total), p.total);
		/* TRANSLATORS: the second part of the summary. */
		printf(ngettext_(": %zu new item", ": %zu new items",
		    p.new_items), p.new_items);
		/* TRANSLATORS: the third part of the summary: feeds
		 * that had nothing new. */
		printf(ngettext_(", %zu unchanged", ", %zu unchanged",
		    p.unchanged), p.unchanged);
		/* TRANSLATORS: the last part of the summary: feeds that
		 * failed. */
		printf(ngettext_(", %zu failed\n", ", %zu failed\n",
		    p.failed), p.failed);
	}
	if (out != NULL)
		*out = p;
	return p.failed > 0 ? REEL_EXIT_FAILURE : REEL_EXIT_OK;
}

int
cmd_feed_refresh(const struct cmd_feed_args *a)
{
	struct store	*s;
	int64_t		*ids = NULL;
	int		 i, rc;

	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	if (a->argc > 0) {
		ids = xreallocarray(NULL, a->argc, sizeof *ids);
		for (i = 0; i < a->argc; i++) {
			if (cmd_feed_id(s, a->argv[i], &ids[i]) != 0) {
				free(ids);
				store_close(s);
				return REEL_EXIT_FAILURE;
			}
		}
	}
	rc = cmd_refresh(s, ids, a->argc, a->fetch, 0, NULL);
	free(ids);
	store_close(s);
	if (cmd_flush() != 0)
		rc = REEL_EXIT_FAILURE;
	return rc;
}

/* The body at url fetched as a feed may be, and parsed. Returns 0 and
 * *fp, or an exit status; a page that is not a feed comes back in r with
 * *fp NULL and its reason in *why. */
static int
cmd_fetch_feed(const char *url, const struct fetch_opts *fo,
    struct fetch_result *r, struct feed **fp, char **why)
{
	struct fetch_opts	 o = *fo;
	char			*cause;
	int			 rc;

	*fp = NULL;
	*why = NULL;
	o.accept_xml = 1;
	if ((rc = fetch(url, &o, r, &cause)) != 0)
		return cmd_fail(cause, rc);
	if (feed_parse(r->data, r->len, r->content_type, r->url, fp,
	    why) != 0)
		*fp = NULL;
	return 0;
}

/* What to subscribe to for url: url itself when it is a feed (where it
 * moved for good, if it did), else the first feed the page advertises.
 * Returns 0 and *feed, or an exit status. */
static int
cmd_find_feed(const char *url, const struct fetch_opts *fo, char **feed)
{
	struct fetch_result	 r, r2;
	struct discover		*d = NULL;
	struct discover_feed	*df;
	struct feed		*f;
	char			*why, *cause;
	int			 rc;

	*feed = NULL;
	if ((rc = cmd_fetch_feed(url, fo, &r, &f, &why)) != 0)
		return rc;
	if (f != NULL) {
		*feed = xstrdup(r.moved != NULL ? r.moved : url);
		goto out;
	}
	if (r.type == NULL || (strcmp(r.type, "text/html") != 0 &&
	    strcmp(r.type, "application/xhtml+xml") != 0)) {
		rc = cmd_fail(why, REEL_EXIT_FAILURE);
		why = NULL;
		goto out;
	}
	if (discover_feeds(r.data, r.len, r.charset, r.url, &d,
	    &cause) != 0) {
		rc = cmd_fail(cause, REEL_EXIT_FAILURE);
		goto out;
	}
	if (d->nfeeds == 0) {
		warnx_(_("%s: an HTML page that advertises no feed"),
		    url_name(r.url));
		rc = REEL_EXIT_FAILURE;
		goto out;
	}
	df = &d->feeds[0];
	if (df->title != NULL)
		/* TRANSLATORS: the page, the number of feeds it names,
		 * the feed taken, its kind (RSS, Atom...) and title. */
		printf(ngettext_("%s advertises %zu feed; taking %s (%s, "
		    "\"%s\")\n", "%s advertises %zu feeds; taking the first, "
		    "%s (%s, \"%s\")\n", d->nfeeds), r.url, d->nfeeds,
		    df->url, df->kind, df->title);
	else
		printf(ngettext_("%s advertises %zu feed; taking %s (%s)\n",
		    "%s advertises %zu feeds; taking the first, %s (%s)\n",
		    d->nfeeds), r.url, d->nfeeds, df->url, df->kind);
	/* The feed must be one itself. */
	free(why);
	if ((rc = cmd_fetch_feed(df->url, fo, &r2, &f, &why)) != 0)
		goto out;
	if (f == NULL)
		rc = cmd_fail(why, REEL_EXIT_FAILURE);
	else
		*feed = xstrdup(r2.moved != NULL ? r2.moved : df->url);
	why = NULL;
	fetch_result_free(&r2);
out:
	free(why);
	feed_free(f);
	discover_free(d);
	fetch_result_free(&r);
#ifdef HAVE_MALLOC_TRIM
	/* The feed is fetched and parsed again to subscribe to it: what the
	 * first parse of a large one left free in the middle of the heap
	 * goes back to the system rather than under the second (issue 14:
	 * 100,000 items took 138 MB, not 125). */
	(void)malloc_trim(0);
#endif
	return rc;
}

int
cmd_feed_add(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_feed	 f;
	char			*url, *feed = NULL, *cause = NULL;
	int64_t			 id;
	int			 rc;

	if (!url_is_web(a->argv[0]) ||
	    (url = url_absolute(a->argv[0], NULL)) == NULL) {
		warnx_(_("%s: a feed is subscribed by its http or https URL"),
		    a->argv[0]);
		return REEL_EXIT_USAGE;
	}
	if ((rc = cmd_find_feed(url, a->fetch, &feed)) != 0) {
		free(url);
		return rc;
	}
	free(url);
	if (cmd_open(&s) != 0) {
		free(feed);
		return REEL_EXIT_FAILURE;
	}
	if ((rc = store_feed_add(s, feed, NULL, a->tags, &id, &cause)) != 0) {
		store_close(s);
		free(feed);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	/* Its items at once; a failure now is kept as its error, and the
	 * subscription stays. */
	rc = cmd_refresh(s, &id, 1, a->fetch, 1, NULL);
	if (store_feed_get(s, feed, &f, &cause) != 0)
		rc = cmd_fail(cause, REEL_EXIT_FAILURE);
	else {
		printf(ngettext_("Subscribed to %s <%s>: %zu item\n",
		    "Subscribed to %s <%s>: %zu items\n", f.nitems),
		    f.title != NULL ? f.title : f.url, f.url, f.nitems);
		store_feed_free(&f);
	}
	store_close(s);
	free(feed);
	if (cmd_flush() != 0)
		rc = REEL_EXIT_FAILURE;
	return rc;
}

int
cmd_feed_rm(const struct cmd_feed_args *a)
{
	struct store	*s;
	char		*cause = NULL;
	int		 i, rc = REEL_EXIT_OK;

	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	for (i = 0; i < a->argc; i++)
		if (store_feed_remove(s, a->argv[i], &cause) != 0)
			rc = cmd_fail(cause, REEL_EXIT_FAILURE);
	store_close(s);
	return rc;
}

/* t as RFC 3339, or JSON's null for 0. */
static json_object *
cmd_json_time(int64_t t)
{
	json_object	*o;
	char		*s;

	if (t == 0)
		return NULL;
	s = date_rfc3339(t);
	o = json_object_new_string(s);
	free(s);
	return o;
}

static json_object *
cmd_json_str(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

/* Adds key to o; fatal() when json-c has no memory. */
static void
cmd_json_add(json_object *o, const char *key, json_object *v)
{
	if (json_object_object_add(o, key, v) != 0)
		fatal(_("out of memory"));
}

/* Prints one element of a JSON array written an element at a time. */
static void
cmd_json_print(json_object *o, size_t i)
{
	const char	*s;

	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_SPACED |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s == NULL)
		fatal(_("out of memory"));
	printf("%s  %s", i > 0 ? ",\n" : "", s);
	json_object_put(o);
}

static json_object *
cmd_feed_json(const struct store_feed *f)
{
	json_object	*o, *tags;
	size_t		 i;

	if ((o = json_object_new_object()) == NULL ||
	    (tags = json_object_new_array()) == NULL)
		fatal(_("out of memory"));
	cmd_json_add(o, "url", json_object_new_string(f->url));
	cmd_json_add(o, "title", cmd_json_str(f->title));
	cmd_json_add(o, "link", cmd_json_str(f->link));
	for (i = 0; i < f->ntags; i++)
		if (json_object_array_add(tags,
		    json_object_new_string(f->tags[i])) != 0)
			fatal(_("out of memory"));
	cmd_json_add(o, "tags", tags);
	cmd_json_add(o, "items", json_object_new_int64((int64_t)f->nitems));
	cmd_json_add(o, "unread",
	    json_object_new_int64((int64_t)f->nunread));
	cmd_json_add(o, "error", cmd_json_str(f->error));
	cmd_json_add(o, "status", json_object_new_int64(f->status));
	cmd_json_add(o, "checked", cmd_json_time(f->checked));
	cmd_json_add(o, "gone", json_object_new_boolean(f->gone));
	return o;
}

int
cmd_feed_ls(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_feed	*fv, *f;
	char			*cause = NULL;
	size_t			 n, i, j;

	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	if (store_feed_list(s, 0, &fv, &n, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	if (a->json)
		fputs("[\n", stdout);
	for (i = 0; i < n; i++) {
		f = &fv[i];
		if (a->json) {
			cmd_json_print(cmd_feed_json(f), i);
			continue;
		}
		printf("%6zu  %s", f->nunread, f->title != NULL ? f->title :
		    f->url);
		if (f->ntags > 0) {
			fputs(" [", stdout);
			for (j = 0; j < f->ntags; j++)
				printf("%s%s", j > 0 ? ", " : "", f->tags[j]);
			fputc(']', stdout);
		}
		printf(" <%s>", f->url);
		if (f->gone)
			/* TRANSLATORS: "reel feed ls": the feed's URL is
			 * gone for good (HTTP 410). */
			fputs(_(" (gone)"), stdout);
		if (f->error != NULL)
			/* TRANSLATORS: "reel feed ls": the last error of
			 * the feed's refresh follows. */
			printf(_(" error: %s"), f->error);
		fputc('\n', stdout);
	}
	if (a->json)
		fputs(n > 0 ? "\n]\n" : "]\n", stdout);
	store_feeds_free(fv, n);
	store_close(s);
	return cmd_flush();
}

static json_object *
cmd_item_json(const struct store_item *it, const char *url)
{
	json_object	*o;

	if ((o = json_object_new_object()) == NULL)
		fatal(_("out of memory"));
	cmd_json_add(o, "id", json_object_new_int64(it->id));
	cmd_json_add(o, "feed", json_object_new_string(url));
	cmd_json_add(o, "feed_title", cmd_json_str(it->feed_title));
	cmd_json_add(o, "guid", cmd_json_str(it->guid));
	cmd_json_add(o, "title", cmd_json_str(it->title));
	cmd_json_add(o, "link", cmd_json_str(it->link));
	cmd_json_add(o, "authors", cmd_json_str(it->authors));
	cmd_json_add(o, "published", cmd_json_time(it->published));
	cmd_json_add(o, "updated", cmd_json_time(it->updated));
	cmd_json_add(o, "date", cmd_json_time(it->date));
	cmd_json_add(o, "unread", json_object_new_boolean(it->unread));
	return o;
}

/* The URL of feed id among the n of fv. */
static const char *
cmd_feed_url(const struct store_feed *fv, size_t n, int64_t id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (fv[i].id == id)
			return fv[i].url;
	return "";
}

int
cmd_item_ls(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_item	*iv, *it;
	struct store_feed	*fv = NULL;
	const char		*title;
	char			*cause = NULL, *date;
	int64_t			 feed = 0;
	size_t			 n, nf = 0, i;

	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	if (a->argc > 0 && cmd_feed_id(s, a->argv[0], &feed) != 0) {
		store_close(s);
		return REEL_EXIT_FAILURE;
	}
	if ((a->json && store_feed_list(s, 0, &fv, &nf, &cause) != 0) ||
	    store_item_list(s, feed, a->unread ? STORE_UNREAD : 0, &iv, &n,
	    &cause) != 0) {
		store_feeds_free(fv, nf);
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	if (a->json)
		fputs("[\n", stdout);
	for (i = 0; i < n; i++) {
		it = &iv[i];
		if (a->json) {
			cmd_json_print(cmd_item_json(it, cmd_feed_url(fv, nf,
			    it->feed)), i);
			continue;
		}
		date = settings_date(it->date, 0);
		if ((title = it->title) == NULL && (title = it->link) == NULL)
			/* TRANSLATORS: an item with neither title
			 * nor link, in "reel item ls". */
			title = _("(untitled)");
		/* The day (date-format) is enough in a list; a star marks
		 * the unread. */
		printf("%c %s  %s  (%s)\n", it->unread ? '*' : ' ', date,
		    title, it->feed_title);
		free(date);
	}
	if (a->json)
		fputs(n > 0 ? "\n]\n" : "]\n", stdout);
	store_items_free(iv, n);
	store_feeds_free(fv, nf);
	store_close(s);
	return cmd_flush();
}

int
cmd_feed_import(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_feed	 f;
	struct opml		*o;
	struct opml_sub		*sub;
	const char		**tags;
	char			*cause = NULL;
	int64_t			 id;
	size_t			 i, j, added = 0, known = 0;
	int			 rc;

	if ((rc = opml_load(a->argv[0], a->fetch, &o, &cause)) != 0)
		return cmd_fail(cause, rc);
	for (i = 0; i < o->nwarnings; i++)
		warnx_("%s", o->warnings[i]);
	if (cmd_open(&s) != 0) {
		opml_free(o);
		return REEL_EXIT_FAILURE;
	}
	if (store_begin(s, &cause) != 0)
		goto fail;
	for (i = 0; i < o->nsubs; i++) {
		sub = &o->subs[i];
		tags = xcalloc(sub->ntags + 1, sizeof *tags);
		for (j = 0; j < sub->ntags; j++)
			tags[j] = sub->tags[j];
		rc = store_feed_add(s, sub->url, sub->title, tags, &id,
		    &cause);
		free(tags);
		if (rc == 0) {
			added++;
			if (sub->html_url != NULL && store_feed_link(s, id,
			    sub->html_url, &cause) != 0)
				goto fail;
			continue;
		}
		if (rc != 1)
			goto fail;
		/* Known already: it keeps its tags and gains the list's. */
		free(cause);
		cause = NULL;
		known++;
		if (store_feed_get(s, sub->url, &f, &cause) != 0)
			goto fail;
		tags = xcalloc(f.ntags + sub->ntags + 1, sizeof *tags);
		for (j = 0; j < f.ntags; j++)
			tags[j] = f.tags[j];
		for (j = 0; j < sub->ntags; j++)
			tags[f.ntags + j] = sub->tags[j];
		rc = store_feed_tags(s, f.id, tags, &cause);
		free(tags);
		store_feed_free(&f);
		if (rc != 0)
			goto fail;
	}
	if (store_commit(s, &cause) != 0)
		goto fail;
	printf(ngettext_("%zu feed subscribed from %s", "%zu feeds "
	    "subscribed from %s", added), added, url_name(a->argv[0]));
	printf(ngettext_(" (%zu was already)\n", " (%zu were already)\n",
	    known), known);
	store_close(s);
	opml_free(o);
	return cmd_flush();

fail:
	warnx_("%s", cause);
	free(cause);
	cause = NULL;
	(void)store_rollback(s, &cause);
	free(cause);
	store_close(s);
	opml_free(o);
	return REEL_EXIT_FAILURE;
}

int
cmd_feed_export(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_feed	*fv;
	struct opml		*o;
	struct opml_sub		*sub;
	char			*cause = NULL, *out;
	size_t			 n, i, j, len;

	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	if (store_feed_list(s, 0, &fv, &n, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	o = opml_new();
	for (i = 0; i < n; i++) {
		if ((sub = opml_add(o, fv[i].url, fv[i].title,
		    fv[i].link)) == NULL)
			continue;
		for (j = 0; j < fv[i].ntags; j++)
			opml_add_tag(sub, fv[i].tags[j]);
	}
	out = opml_write(o, &len);
	fwrite(out, 1, len, stdout);
	free(out);
	opml_free(o);
	store_feeds_free(fv, n);
	store_close(s);
	return cmd_flush();
}

int
cmd_feed_parse(const struct cmd_feed_args *a)
{
	struct fetch_opts	 o = *a->fetch;
	struct fetch_result	 r;
	struct feed		*f;
	char			*cause;
	int			 rc;

	o.accept_xml = 1;
	if ((rc = fetch(a->argv[0], &o, &r, &cause)) != 0)
		return cmd_fail(cause, rc);
	/* What the server said the body is; a file's type is a guess. */
	if (feed_parse(r.data, r.len, r.status != 0 ? r.content_type : NULL,
	    r.url, &f, &cause) != 0) {
		rc = cmd_fail(cause, REEL_EXIT_FAILURE);
	} else {
		if (f->bozo)
			warnx_(_("%s: an ill-formed feed, read as far as it "
			    "goes: %s"), url_name(r.url), f->bozo_message);
		if (feed_dump(stdout, f, 0) != 0 || fflush(stdout) != 0) {
			warnx_(_("standard output: %s"), strerror(errno));
			rc = REEL_EXIT_FAILURE;
		}
		feed_free(f);
	}
	fetch_result_free(&r);
	return rc;
}
