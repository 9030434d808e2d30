/* refresh.c: many feeds fetched at once (fetch_many.c's one curl multi
 * handle), each parsed as its transfer ends and merged into the
 * library. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "feed.h"
#include "feed_read.h"
#include "fetch.h"
#include "fetch_many.h"
#include "refresh.h"
#include "store.h"
#include "util.h"

/* What a feed goes through. */
enum refresh_state {
	REFRESH_FETCHING,	/* its transfer waits or runs */
	REFRESH_ARRIVED,	/* its transfer ended; to be stored */
	REFRESH_DONE,
};

struct refresh_feed {
	int64_t			 id;
	char			*url;
	enum refresh_state	 state;
	int			 rc;		/* the transfer's end */
	long			 status;	/* its last HTTP status */
	struct fetch_result	 res;
	char			*error;		/* why it failed, or NULL */
	size_t			 added;		/* new items */
};

struct refresh {
	struct store		*s;
	struct fetch_many	*fm;		/* the feeds' transfers, each
						   one's id its index */
	struct refresh_feed	*feeds;
	size_t			 nfeeds;
	size_t			*arrived;
	size_t			 narrived, arrived_cap;
	struct refresh_progress	 p;
	int64_t			*finished;	/* since refresh_finished() */
	size_t			 nfinished, finished_cap;
	int64_t			*given;		/* the previous list */
	size_t			 given_cap;
};

/* Takes the transfers that ended: their feeds arrive, to be stored. */
static void
refresh_take(struct refresh *r)
{
	struct fetch_many_done	 d;
	struct refresh_feed	*f;

	while (fetch_many_next(r->fm, &d)) {
		f = &r->feeds[d.id];
		f->rc = d.rc;
		f->status = d.status;
		f->res = d.res;
		f->error = d.error;
		f->state = REFRESH_ARRIVED;
		r->arrived = xgrowarray(r->arrived, &r->arrived_cap,
		    r->narrived + 1, sizeof *r->arrived);
		r->arrived[r->narrived++] = d.id;
	}
}

/* The authors of an item as one display string, or NULL. */
static char *
refresh_authors(const struct feed_item *it)
{
	struct buf	 b = BUF_INIT;
	const char	*name;
	size_t		 i;

	for (i = 0; i < it->nauthors; i++) {
		if ((name = it->authors[i].name) == NULL &&
		    (name = it->authors[i].email) == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, name);
	}
	return b.len > 0 ? buf_detach(&b, NULL) : NULL;
}

/* The parsed items as the store takes them: pointers into the feed, and
 * the authors' names joined (what *authors holds, n strings, to free). */
static struct store_item_in *
refresh_items(const struct feed *fd, size_t n, char ***authors)
{
	struct store_item_in	*v;
	const struct feed_item	*it;
	size_t			 i;

	v = xcalloc(n + 1, sizeof *v);
	*authors = xcalloc(n + 1, sizeof **authors);
	for (i = 0; i < n; i++) {
		it = &fd->items[i];
		v[i].guid = it->id;
		v[i].link = it->link;
		v[i].title = it->title.value;
		v[i].authors = (*authors)[i] = refresh_authors(it);
		v[i].published = it->published != FEED_NO_DATE ?
		    it->published : it->created;
		v[i].updated = it->updated;
		v[i].summary = it->summary.value;
		v[i].content = it->content.value;
		if (it->nenclosures > 0) {
			v[i].enclosure_url = it->enclosures[0].url;
			v[i].enclosure_type = it->enclosures[0].type;
			v[i].enclosure_length = it->enclosures[0].length;
		} else
			v[i].enclosure_length = FEED_NO_LENGTH;
		v[i].thumbnail = it->thumbnail;
	}
	return v;
}

/* A feed whose body came: parsed (before the batch, so that the other
 * reel waits less for the write lock). Returns the feed, or NULL and the
 * feed's error in f->error. */
static struct feed *
refresh_parse(struct refresh_feed *f)
{
	struct feed	*fd;
	char		*type, *cause;

	type = f->res.content_type;
	if (feed_parse(f->res.data, f->res.len, type, f->res.url, &fd,
	    &cause) != 0) {
		f->error = cause;
		return NULL;
	}
	if (fd->nitems > REFRESH_MAX_ITEMS)
		/* TRANSLATORS: the feed's URL, how many items it has,
		 * and how many of them were kept (always more than one). */
		f->error = xprintf(ngettext_("%s: %zu item; only the first %d "
		    "were kept", "%s: %zu items; only the first %d were kept",
		    fd->nitems), f->res.url, fd->nitems, REFRESH_MAX_ITEMS);
	return fd;
}

/* Writes what f's refresh learnt: its items and its state. Returns 0, or
 * -1 and *cause when the library fails. */
static int
refresh_store(struct refresh *r, struct refresh_feed *f, struct feed *fd,
    char **cause)
{
	struct store_refresh	 sr;
	struct store_item_in	*items;
	struct store_merged	 m = { 0, 0 };
	char			**authors, *why, *moved;
	size_t			 i, n;
	int			 rc;

	memset(&sr, 0, sizeof sr);
	sr.status = f->res.status;
	if (sr.status == 0)
		sr.status = f->status;
	sr.url = f->res.moved;
	sr.gone = f->rc == REEL_EXIT_HTTP && sr.status == 410;
	if (fd != NULL) {
		n = fd->nitems < REFRESH_MAX_ITEMS ? fd->nitems :
		    REFRESH_MAX_ITEMS;
		items = refresh_items(fd, n, &authors);
		rc = store_merge(r->s, f->id, items, n, &m, cause);
		for (i = 0; i < n; i++)
			free(authors[i]);
		free(authors);
		free(items);
		if (rc != 0)
			return -1;
		f->added = m.added;
		sr.fetched = 1;
		sr.title = fd->title.value;
		sr.link = fd->link;
		sr.description = fd->description.value;
		sr.etag = f->res.etag;
		sr.last_modified = f->res.last_modified;
	}
	sr.error = f->error;
	if (store_feed_update(r->s, f->id, &sr, &why) == 0)
		return 0;
	if (sr.url == NULL) {
		*cause = why;
		return -1;
	}
	/* A feed may move where another one is already: it stays where it
	 * was, and says so. */
	free(why);
	moved = xprintf(_("%s: moved to %s, which is subscribed already"),
	    f->url, sr.url);
	if (f->error == NULL)
		f->error = moved;
	else
		free(moved);
	sr.error = f->error;
	sr.url = NULL;
	return store_feed_update(r->s, f->id, &sr, cause);
}

/* Parses the feeds that arrived and stores them, in one transaction.
 * Returns 0, or -1 and *cause when the library fails. */
static int
refresh_flush(struct refresh *r, char **cause)
{
	struct refresh_feed	 *f;
	struct feed		**parsed;
	char			 *ignore = NULL;
	size_t			  i, n = r->narrived;
	int			  rc;

	if (n == 0)
		return 0;
	parsed = xcalloc(n, sizeof *parsed);
	for (i = 0; i < n; i++) {
		f = &r->feeds[r->arrived[i]];
		if (f->rc == 0 && f->res.status != 304)
			parsed[i] = refresh_parse(f);
		/* The body is not read again: it need not stay beside the
		 * feeds parsed after it and the store's work. */
		free(f->res.data);
		f->res.data = NULL;
		f->res.len = 0;
	}
	if ((rc = store_begin(r->s, cause)) == 0) {
		for (i = 0; i < n && rc == 0; i++)
			rc = refresh_store(r, &r->feeds[r->arrived[i]],
			    parsed[i], cause);
		if (rc != 0) {
			(void)store_rollback(r->s, &ignore);
			free(ignore);
		} else
			rc = store_commit(r->s, cause);
	}
	for (i = 0; i < n; i++)
		feed_free(parsed[i]);
	free(parsed);
	if (rc != 0)
		return -1;
	for (i = 0; i < n; i++) {
		f = &r->feeds[r->arrived[i]];
		f->state = REFRESH_DONE;
		r->p.done++;
		r->p.new_items += f->added;
		if (f->error != NULL)
			r->p.failed++;
		else if (f->res.status == 304)
			r->p.unchanged++;
		r->finished = xgrowarray(r->finished, &r->finished_cap,
		    r->nfinished + 1, sizeof *r->finished);
		r->finished[r->nfinished++] = f->id;
		fetch_result_free(&f->res);
	}
	r->narrived = 0;
	return 0;
}

int
refresh_start(struct store *s, const int64_t *ids, size_t n,
    const struct refresh_opts *o, struct refresh **rp, char **cause)
{
	struct refresh		*r;
	struct refresh_feed	*f;
	struct store_feed	*fv;
	struct fetch_opts	 fo;
	size_t			 nf, i, j;

	*rp = NULL;
	if (store_feed_list(s, 0, &fv, &nf, cause) != 0)
		return -1;
	r = xcalloc(1, sizeof *r);
	r->s = s;
	if (o != NULL && o->fetch != NULL)
		fo = *o->fetch;
	else
		fetch_opts_default(&fo);
	fo.accept_xml = 1;
	if (fetch_many_new(&fo, o != NULL && o->max_total > 0 ?
	    o->max_total : REFRESH_MAX_TOTAL, o != NULL && o->max_host > 0 ?
	    o->max_host : REFRESH_MAX_HOST, &r->fm, cause) != 0)
		goto fail;
	r->feeds = xcalloc(ids != NULL ? n + 1 : nf + 1, sizeof *r->feeds);
	for (i = 0; i < (ids != NULL ? n : nf); i++) {
		if (ids != NULL) {
			for (j = 0; j < nf && fv[j].id != ids[i]; j++)
				/* nothing */;
			if (j == nf) {
				*cause = xprintf(_("%s: no feed %lld"),
				    store_path(s), (long long)ids[i]);
				goto fail;
			}
		} else if (fv[i].gone)
			/* It said so; only asking for it by name asks
			 * again. */
			continue;
		else
			j = i;
		f = &r->feeds[r->nfeeds++];
		f->id = fv[j].id;
		f->url = xstrdup(fv[j].url);
		/* Its index in the feeds is its transfer's id. */
		(void)fetch_many_add(r->fm, fv[j].url, fv[j].etag,
		    fv[j].last_modified);
	}
	r->p.total = r->nfeeds;
	store_feeds_free(fv, nf);
	*rp = r;
	return 0;

fail:
	store_feeds_free(fv, nf);
	refresh_free(r);
	return -1;
}

int
refresh_step(struct refresh *r, int ms, char **cause)
{
	*cause = NULL;
	if (fetch_many_step(r->fm, ms, cause) == -1)
		return -1;
	refresh_take(r);
	if (refresh_flush(r, cause) != 0)
		return -1;
	return r->p.done < r->p.total;
}

void
refresh_progress(const struct refresh *r, struct refresh_progress *p)
{
	*p = r->p;
}

const int64_t *
refresh_finished(struct refresh *r, size_t *n)
{
	r->given = xgrowarray(r->given, &r->given_cap, r->nfinished + 1,
	    sizeof *r->given);
	if (r->nfinished > 0)
		memcpy(r->given, r->finished,
		    r->nfinished * sizeof *r->given);
	*n = r->nfinished;
	r->nfinished = 0;
	return r->given;
}

const char *
refresh_error(const struct refresh *r, int64_t id)
{
	size_t	i;

	for (i = 0; i < r->nfeeds; i++)
		if (r->feeds[i].id == id)
			return r->feeds[i].error;
	return NULL;
}

void
refresh_free(struct refresh *r)
{
	struct refresh_feed	*f;
	size_t			 i;

	if (r == NULL)
		return;
	fetch_many_free(r->fm);
	for (i = 0; i < r->nfeeds; i++) {
		f = &r->feeds[i];
		fetch_result_free(&f->res);
		free(f->url);
		free(f->error);
	}
	free(r->feeds);
	free(r->arrived);
	free(r->finished);
	free(r->given);
	free(r);
}
