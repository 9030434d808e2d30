/* refresh.c: many feeds fetched at once through one curl multi handle,
 * each parsed as its transfer ends and merged into the library. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "buf.h"
#include "feed.h"
#include "feed_read.h"
#include "fetch.h"
#include "refresh.h"
#include "store.h"
#include "url.h"
#include "util.h"

/* What a feed goes through. */
enum refresh_state {
	REFRESH_WAITING,	/* for a free slot (or its host's) */
	REFRESH_RUNNING,	/* in the multi handle */
	REFRESH_ARRIVED,	/* its transfer ended; to be stored */
	REFRESH_DONE,
};

struct refresh_feed {
	int64_t			 id;
	char			*url;
	char			*etag;
	char			*last_modified;
	enum refresh_state	 state;
	struct fetch_xfer	*x;
	char			*host;		/* of the hop in flight */
	int			 rc;		/* the transfer's end */
	struct fetch_result	 res;
	char			*error;		/* why it failed, or NULL */
	size_t			 added;		/* new items */
};

/* Transfers in flight to one host. */
struct refresh_host {
	char	*name;
	int	 n;
};

struct refresh {
	struct store		*s;
	struct fetch_opts	 fo;
	int			 max_total;
	int			 max_host;
	CURLM			*m;
	struct refresh_feed	*feeds;
	size_t			 nfeeds;
	size_t			*waiting;	/* indices, in order */
	size_t			 nwaiting, waiting_cap;
	size_t			*arrived;
	size_t			 narrived, arrived_cap;
	struct refresh_host	*hosts;
	size_t			 nhosts, hosts_cap;
	int			 running;
	struct refresh_progress	 p;
	int64_t			*finished;	/* since refresh_finished() */
	size_t			 nfinished, finished_cap;
	int64_t			*given;		/* the previous list */
	size_t			 given_cap;
};

/* Counts a transfer to host in (d 1) or out (d -1); returns how many are
 * in flight there now. */
static int
refresh_host(struct refresh *r, const char *host, int d)
{
	size_t	i;

	for (i = 0; i < r->nhosts; i++)
		if (strcmp(r->hosts[i].name, host) == 0)
			break;
	if (i == r->nhosts) {
		r->hosts = xgrowarray(r->hosts, &r->hosts_cap, r->nhosts + 1,
		    sizeof *r->hosts);
		r->hosts[i].name = xstrdup(host);
		r->hosts[i].n = 0;
		r->nhosts++;
	}
	r->hosts[i].n += d;
	return r->hosts[i].n;
}

/* Makes f done, with its error (the caller's, now f's) if it failed. */
static void
refresh_arrive(struct refresh *r, size_t i, int rc, char *error)
{
	struct refresh_feed	*f = &r->feeds[i];

	f->rc = rc;
	f->error = error;
	f->state = REFRESH_ARRIVED;
	r->arrived = xgrowarray(r->arrived, &r->arrived_cap, r->narrived + 1,
	    sizeof *r->arrived);
	r->arrived[r->narrived++] = i;
}

/* Puts f's transfer into the multi handle. Returns 0, or -1 and *cause
 * when the multi handle fails (nothing can go on). */
static int
refresh_add(struct refresh *r, size_t i, char **cause)
{
	struct refresh_feed	*f = &r->feeds[i];
	CURL			*h = fetch_xfer_handle(f->x);
	CURLcode		 cc;
	CURLMcode		 mc;

	/* The feed's index says which feed a finished handle was. No
	 * CURLOPT_PIPEWAIT: with it, libcurl 7.88 holds a transfer back
	 * while an HTTP/1.1 connection to its host stalls. */
	if ((cc = curl_easy_setopt(h, CURLOPT_PRIVATE,
	    (void *)(uintptr_t)i)) != CURLE_OK) {
		refresh_arrive(r, i, REEL_EXIT_FAILURE, xprintf(
		    _("%s: libcurl: %s"), f->url, curl_easy_strerror(cc)));
		return 0;
	}
	if ((mc = curl_multi_add_handle(r->m, h)) != CURLM_OK) {
		*cause = xprintf(_("libcurl: %s"), curl_multi_strerror(mc));
		return -1;
	}
	f->state = REFRESH_RUNNING;
	r->running++;
	refresh_host(r, f->host, 1);
	return 0;
}

/* Starts the waiting feeds that the limits let start, in their order;
 * one whose host is busy lets those after it go first. */
static int
refresh_schedule(struct refresh *r, char **cause)
{
	struct refresh_feed	*f;
	size_t			 i, j, kept = 0;
	char			*error;
	int			 rc;

	for (j = 0; j < r->nwaiting; j++) {
		i = r->waiting[j];
		f = &r->feeds[i];
		if (r->running >= r->max_total) {
			r->waiting[kept++] = i;
			continue;
		}
		if (f->x == NULL) {
			if ((rc = fetch_xfer_new(f->url, &r->fo, f->etag,
			    f->last_modified, &f->x, &error)) != 0) {
				refresh_arrive(r, i, rc, error);
				continue;
			}
		}
		if (f->host == NULL && (f->host = url_host(
		    fetch_xfer_url(f->x))) == NULL)
			f->host = xstrdup("");
		if (refresh_host(r, f->host, 0) >= r->max_host) {
			r->waiting[kept++] = i;
			continue;
		}
		if (refresh_add(r, i, cause) != 0) {
			/* What is left waits for refresh_free(). */
			memmove(r->waiting + kept, r->waiting + j,
			    (r->nwaiting - j) * sizeof *r->waiting);
			r->nwaiting = kept + r->nwaiting - j;
			return -1;
		}
	}
	r->nwaiting = kept;
	return 0;
}

/* A transfer ended with code: f arrives, or waits again for its next
 * hop (which may be to another host). */
static void
refresh_ended(struct refresh *r, size_t i, CURLcode code)
{
	struct refresh_feed	*f = &r->feeds[i];
	char			*error;
	int			 rc, again;

	refresh_host(r, f->host, -1);
	r->running--;
	free(f->host);
	f->host = NULL;
	rc = fetch_xfer_done(f->x, (int)code, &again, &f->res, &error);
	if (rc == 0 && again) {
		/* First in the queue: it was started before the others. */
		r->waiting = xgrowarray(r->waiting, &r->waiting_cap,
		    r->nwaiting + 1, sizeof *r->waiting);
		memmove(r->waiting + 1, r->waiting,
		    r->nwaiting * sizeof *r->waiting);
		r->waiting[0] = i;
		r->nwaiting++;
		f->state = REFRESH_WAITING;
		return;
	}
	refresh_arrive(r, i, rc, rc != 0 ? error : NULL);
}

/* Moves the transfers libcurl says are over to the arrived. */
static int
refresh_collect(struct refresh *r, char **cause)
{
	CURLMsg		*msg;
	CURL		*h;
	CURLMcode	 mc;
	void		*priv;
	int		 left;

	while ((msg = curl_multi_info_read(r->m, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		h = msg->easy_handle;
		if (curl_easy_getinfo(h, CURLINFO_PRIVATE, &priv) !=
		    CURLE_OK) {
			*cause = xstrdup(_("libcurl: a transfer without its "
			    "feed"));
			return -1;
		}
		/* msg is invalid once its handle leaves the multi. */
		refresh_ended(r, (size_t)(uintptr_t)priv, msg->data.result);
		if ((mc = curl_multi_remove_handle(r->m, h)) != CURLM_OK) {
			*cause = xprintf(_("libcurl: %s"),
			    curl_multi_strerror(mc));
			return -1;
		}
	}
	return 0;
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
		f->error = xprintf(_("%s: %zu items; only the first %d were "
		    "kept"), f->res.url, fd->nitems, REFRESH_MAX_ITEMS);
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
	if (sr.status == 0 && f->x != NULL)
		sr.status = fetch_xfer_status(f->x);
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
		fetch_xfer_free(f->x);
		f->x = NULL;
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
	size_t			 nf, i, j;
	CURLMcode		 mc;

	*rp = NULL;
	if (store_feed_list(s, 0, &fv, &nf, cause) != 0)
		return -1;
	r = xcalloc(1, sizeof *r);
	r->s = s;
	if (o != NULL && o->fetch != NULL)
		r->fo = *o->fetch;
	else
		fetch_opts_default(&r->fo);
	r->fo.progress = NULL;
	r->fo.accept_xml = 1;
	r->max_total = o != NULL && o->max_total > 0 ? o->max_total :
	    REFRESH_MAX_TOTAL;
	r->max_host = o != NULL && o->max_host > 0 ? o->max_host :
	    REFRESH_MAX_HOST;
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
		f->etag = fv[j].etag != NULL ? xstrdup(fv[j].etag) : NULL;
		f->last_modified = fv[j].last_modified != NULL ?
		    xstrdup(fv[j].last_modified) : NULL;
		r->waiting = xgrowarray(r->waiting, &r->waiting_cap,
		    r->nwaiting + 1, sizeof *r->waiting);
		r->waiting[r->nwaiting++] = r->nfeeds - 1;
	}
	r->p.total = r->nfeeds;
	if (fetch_global_init(cause) != 0)
		goto fail;
	if ((r->m = curl_multi_init()) == NULL) {
		*cause = xstrdup(_("cannot initialise libcurl"));
		goto fail;
	}
	/* libcurl's own limits as a second fence behind ours; HTTP/2
	 * streams share a connection. */
	if ((mc = curl_multi_setopt(r->m, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)r->max_total)) != CURLM_OK ||
	    (mc = curl_multi_setopt(r->m, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)r->max_host)) != CURLM_OK ||
	    (mc = curl_multi_setopt(r->m, CURLMOPT_MAXCONNECTS,
	    (long)r->max_total)) != CURLM_OK ||
	    (mc = curl_multi_setopt(r->m, CURLMOPT_PIPELINING,
	    CURLPIPE_MULTIPLEX)) != CURLM_OK) {
		*cause = xprintf(_("libcurl: %s"), curl_multi_strerror(mc));
		goto fail;
	}
	store_feeds_free(fv, nf);
	*rp = r;
	return 0;

fail:
	store_feeds_free(fv, nf);
	refresh_free(r);
	return -1;
}

/* Runs the transfers, and collects those that ended. */
static int
refresh_perform(struct refresh *r, char **cause)
{
	CURLMcode	mc;
	int		still;

	if ((mc = curl_multi_perform(r->m, &still)) != CURLM_OK) {
		*cause = xprintf(_("libcurl: %s"), curl_multi_strerror(mc));
		return -1;
	}
	return refresh_collect(r, cause);
}

int
refresh_step(struct refresh *r, int ms, char **cause)
{
	CURLMcode	mc;

	*cause = NULL;
	if (refresh_schedule(r, cause) != 0)
		return -1;
	if (r->running > 0) {
		if (refresh_perform(r, cause) != 0)
			return -1;
		if (r->narrived == 0 && ms > 0) {
			if ((mc = curl_multi_poll(r->m, NULL, 0, ms,
			    NULL)) != CURLM_OK) {
				*cause = xprintf(_("libcurl: %s"),
				    curl_multi_strerror(mc));
				return -1;
			}
			if (refresh_perform(r, cause) != 0)
				return -1;
		}
		/* The slots freed are filled before the parsing. */
		if (refresh_schedule(r, cause) != 0 ||
		    refresh_perform(r, cause) != 0)
			return -1;
	}
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
	for (i = 0; i < r->nfeeds; i++) {
		f = &r->feeds[i];
		/* Removing cannot fail for a handle the multi holds. */
		if (f->state == REFRESH_RUNNING)
			(void)curl_multi_remove_handle(r->m,
			    fetch_xfer_handle(f->x));
		fetch_xfer_free(f->x);
		fetch_result_free(&f->res);
		free(f->url);
		free(f->etag);
		free(f->last_modified);
		free(f->host);
		free(f->error);
	}
	if (r->m != NULL)
		(void)curl_multi_cleanup(r->m);
	for (i = 0; i < r->nhosts; i++)
		free(r->hosts[i].name);
	free(r->hosts);
	free(r->feeds);
	free(r->waiting);
	free(r->arrived);
	free(r->finished);
	free(r->given);
	free(r);
}
