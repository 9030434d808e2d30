/* fetch_many.c: many transfers through one curl multi handle, bounded in
 * all and per host; what the refresh of feeds and the import of bookmarks
 * share. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>


#include "curl_dl.h"
#include "fetch.h"
#include "fetch_many.h"
#include "url.h"
#include "util.h"

/* Where a transfer is. */
enum fetch_many_state {
	FETCH_MANY_WAITING,	/* for a free slot (or its host's) */
	FETCH_MANY_RUNNING,	/* in the multi handle */
	FETCH_MANY_ENDED,	/* handed to fetch_many_next(), or about to
				   be */
};

struct fetch_many_xfer {
	char			*url;
	char			*etag;
	char			*last_modified;
	enum fetch_many_state	 state;
	struct fetch_xfer	*x;
	char			*host;	/* of the hop in flight */
};

/* Transfers in flight to one host. */
struct fetch_many_host {
	char	*name;
	int	 n;
};

struct fetch_many {
	struct fetch_opts	 fo;
	int			 max_total;
	int			 max_host;
	CURLM			*m;
	struct fetch_many_xfer	*xfers;
	size_t			 nxfers, xfers_cap;
	size_t			*waiting;	/* indices, in order */
	size_t			 nwaiting, waiting_cap;
	struct fetch_many_done	*ended;		/* not yet taken */
	size_t			 nended, ended_cap, ended_next;
	struct fetch_many_host	*hosts;
	size_t			 nhosts, hosts_cap;
	int			 running;
};

int
fetch_many_new(const struct fetch_opts *fo, int max_total, int max_host,
    struct fetch_many **mp, char **cause)
{
	struct fetch_many	*m;
	CURLMcode		 mc;

	*mp = NULL;
	m = xcalloc(1, sizeof *m);
	if (fo != NULL)
		m->fo = *fo;
	else
		fetch_opts_default(&m->fo);
	m->fo.progress = NULL;
	m->max_total = max_total > 0 ? max_total : 1;
	m->max_host = max_host > 0 ? max_host : 1;
	if (fetch_global_init(cause) != 0)
		goto fail;
	if ((m->m = curl_dl.multi_init()) == NULL) {
		*cause = xstrdup(_("cannot initialise libcurl"));
		goto fail;
	}
	/* libcurl's own limits as a second fence behind ours; HTTP/2
	 * streams share a connection. */
	if ((mc = curl_dl.multi_setopt(m->m, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)m->max_total)) != CURLM_OK ||
	    (mc = curl_dl.multi_setopt(m->m, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)m->max_host)) != CURLM_OK ||
	    (mc = curl_dl.multi_setopt(m->m, CURLMOPT_MAXCONNECTS,
	    (long)m->max_total)) != CURLM_OK ||
	    (mc = curl_dl.multi_setopt(m->m, CURLMOPT_PIPELINING,
	    CURLPIPE_MULTIPLEX)) != CURLM_OK) {
		*cause = xprintf(_("libcurl: %s"), curl_dl.multi_strerror(mc));
		goto fail;
	}
	*mp = m;
	return 0;

fail:
	fetch_many_free(m);
	return -1;
}

static char *
fetch_many_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

size_t
fetch_many_add(struct fetch_many *m, const char *url, const char *etag,
    const char *last_modified)
{
	struct fetch_many_xfer	*t;

	m->xfers = xgrowarray(m->xfers, &m->xfers_cap, m->nxfers + 1,
	    sizeof *m->xfers);
	t = &m->xfers[m->nxfers];
	memset(t, 0, sizeof *t);
	t->url = xstrdup(url);
	t->etag = fetch_many_dup(etag);
	t->last_modified = fetch_many_dup(last_modified);
	m->waiting = xgrowarray(m->waiting, &m->waiting_cap, m->nwaiting + 1,
	    sizeof *m->waiting);
	m->waiting[m->nwaiting++] = m->nxfers;
	return m->nxfers++;
}

/* Counts a transfer to host in (d 1) or out (d -1); returns how many are
 * in flight there now. */
static int
fetch_many_host(struct fetch_many *m, const char *host, int d)
{
	size_t	i;

	for (i = 0; i < m->nhosts; i++)
		if (strcmp(m->hosts[i].name, host) == 0)
			break;
	if (i == m->nhosts) {
		m->hosts = xgrowarray(m->hosts, &m->hosts_cap, m->nhosts + 1,
		    sizeof *m->hosts);
		m->hosts[i].name = xstrdup(host);
		m->hosts[i].n = 0;
		m->nhosts++;
	}
	m->hosts[i].n += d;
	return m->hosts[i].n;
}

/* Transfer i ended: kept for fetch_many_next(), its transfer freed. The
 * error (or the result in res) is now the record's. */
static void
fetch_many_end(struct fetch_many *m, size_t i, int rc,
    struct fetch_result *res, char *error)
{
	struct fetch_many_xfer	*t = &m->xfers[i];
	struct fetch_many_done	*d;

	m->ended = xgrowarray(m->ended, &m->ended_cap, m->nended + 1,
	    sizeof *m->ended);
	d = &m->ended[m->nended++];
	memset(d, 0, sizeof *d);
	d->id = i;
	d->rc = rc;
	d->error = error;
	if (res != NULL)
		d->res = *res;
	d->status = t->x != NULL ? fetch_xfer_status(t->x) : 0;
	if (rc == 0 && d->res.status != 0)
		d->status = d->res.status;
	t->state = FETCH_MANY_ENDED;
	fetch_xfer_free(t->x);
	t->x = NULL;
}

/* Puts transfer i into the multi handle. Returns 0, or -1 and *cause
 * when the multi handle fails (nothing can go on). */
static int
fetch_many_start(struct fetch_many *m, size_t i, char **cause)
{
	struct fetch_many_xfer	*t = &m->xfers[i];
	CURL			*h = fetch_xfer_handle(t->x);
	CURLcode		 cc;
	CURLMcode		 mc;

	/* The index says which transfer a finished handle was. No
	 * CURLOPT_PIPEWAIT: with it, libcurl 7.88 holds a transfer back
	 * while an HTTP/1.1 connection to its host stalls. */
	if ((cc = curl_dl.easy_setopt(h, CURLOPT_PRIVATE,
	    (void *)(uintptr_t)i)) != CURLE_OK) {
		fetch_many_end(m, i, REEL_EXIT_FAILURE, NULL, xprintf(
		    _("%s: libcurl: %s"), t->url, curl_dl.easy_strerror(cc)));
		return 0;
	}
	if ((mc = curl_dl.multi_add_handle(m->m, h)) != CURLM_OK) {
		*cause = xprintf(_("libcurl: %s"), curl_dl.multi_strerror(mc));
		return -1;
	}
	t->state = FETCH_MANY_RUNNING;
	m->running++;
	fetch_many_host(m, t->host, 1);
	return 0;
}

/* Starts the waiting transfers that the limits let start, in their
 * order; one whose host is busy lets those after it go first. */
static int
fetch_many_schedule(struct fetch_many *m, char **cause)
{
	struct fetch_many_xfer	*t;
	size_t			 i, j, kept = 0;
	char			*error;
	int			 rc;

	for (j = 0; j < m->nwaiting; j++) {
		i = m->waiting[j];
		t = &m->xfers[i];
		if (m->running >= m->max_total) {
			m->waiting[kept++] = i;
			continue;
		}
		if (t->x == NULL) {
			if ((rc = fetch_xfer_new(t->url, &m->fo, t->etag,
			    t->last_modified, &t->x, &error)) != 0) {
				fetch_many_end(m, i, rc, NULL, error);
				continue;
			}
		}
		if (t->host == NULL && (t->host = url_host(
		    fetch_xfer_url(t->x))) == NULL)
			t->host = xstrdup("");
		if (fetch_many_host(m, t->host, 0) >= m->max_host) {
			m->waiting[kept++] = i;
			continue;
		}
		if (fetch_many_start(m, i, cause) != 0) {
			/* What is left waits for fetch_many_free(). */
			memmove(m->waiting + kept, m->waiting + j,
			    (m->nwaiting - j) * sizeof *m->waiting);
			m->nwaiting = kept + m->nwaiting - j;
			return -1;
		}
	}
	m->nwaiting = kept;
	return 0;
}

/* A transfer's hop ended with code: it ends, or waits again for its
 * next hop (which may be to another host). */
static void
fetch_many_hop(struct fetch_many *m, size_t i, CURLcode code)
{
	struct fetch_many_xfer	*t = &m->xfers[i];
	struct fetch_result	 res;
	char			*error = NULL;
	int			 rc, again;

	fetch_many_host(m, t->host, -1);
	m->running--;
	free(t->host);
	t->host = NULL;
	memset(&res, 0, sizeof res);
	rc = fetch_xfer_done(t->x, (int)code, &again, &res, &error);
	if (rc == 0 && again) {
		/* First in the queue: it was started before the others. */
		m->waiting = xgrowarray(m->waiting, &m->waiting_cap,
		    m->nwaiting + 1, sizeof *m->waiting);
		memmove(m->waiting + 1, m->waiting,
		    m->nwaiting * sizeof *m->waiting);
		m->waiting[0] = i;
		m->nwaiting++;
		t->state = FETCH_MANY_WAITING;
		return;
	}
	fetch_many_end(m, i, rc, rc == 0 ? &res : NULL, rc != 0 ? error :
	    NULL);
}

/* Ends the transfers libcurl says are over. */
static int
fetch_many_collect(struct fetch_many *m, char **cause)
{
	CURLMsg		*msg;
	CURL		*h;
	CURLMcode	 mc;
	CURLcode	 code;
	void		*priv;
	int		 left;

	while ((msg = curl_dl.multi_info_read(m->m, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		h = msg->easy_handle;
		code = msg->data.result;
		if (curl_dl.easy_getinfo(h, CURLINFO_PRIVATE, &priv) !=
		    CURLE_OK) {
			*cause = xstrdup(_("libcurl: a transfer of no "
			    "request"));
			return -1;
		}
		/* msg is invalid once its handle leaves the multi, and the
		 * handle is freed when its transfer ends. */
		if ((mc = curl_dl.multi_remove_handle(m->m, h)) != CURLM_OK) {
			*cause = xprintf(_("libcurl: %s"),
			    curl_dl.multi_strerror(mc));
			return -1;
		}
		fetch_many_hop(m, (size_t)(uintptr_t)priv, code);
	}
	return 0;
}

/* Runs the transfers, and ends those that are over. */
static int
fetch_many_perform(struct fetch_many *m, char **cause)
{
	CURLMcode	mc;
	int		still;

	if ((mc = curl_dl.multi_perform(m->m, &still)) != CURLM_OK) {
		*cause = xprintf(_("libcurl: %s"), curl_dl.multi_strerror(mc));
		return -1;
	}
	return fetch_many_collect(m, cause);
}

int
fetch_many_step(struct fetch_many *m, int ms, char **cause)
{
	CURLMcode	mc;
	size_t		ended = m->nended - m->ended_next;

	*cause = NULL;
	if (fetch_many_schedule(m, cause) != 0)
		return -1;
	if (m->running > 0) {
		if (fetch_many_perform(m, cause) != 0)
			return -1;
		if (m->nended - m->ended_next == ended && ms > 0) {
			if ((mc = curl_dl.multi_poll(m->m, NULL, 0, ms,
			    NULL)) != CURLM_OK) {
				*cause = xprintf(_("libcurl: %s"),
				    curl_dl.multi_strerror(mc));
				return -1;
			}
			if (fetch_many_perform(m, cause) != 0)
				return -1;
		}
		/* The slots freed are filled before the caller works on
		 * what ended. */
		if (fetch_many_schedule(m, cause) != 0 ||
		    fetch_many_perform(m, cause) != 0)
			return -1;
	}
	return m->running > 0 || m->nwaiting > 0;
}

int
fetch_many_next(struct fetch_many *m, struct fetch_many_done *d)
{
	if (m->ended_next == m->nended) {
		/* All taken: the space is used again. */
		m->nended = m->ended_next = 0;
		return 0;
	}
	*d = m->ended[m->ended_next++];
	return 1;
}

void
fetch_many_free(struct fetch_many *m)
{
	struct fetch_many_xfer	*t;
	size_t			 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nxfers; i++) {
		t = &m->xfers[i];
		/* Removing cannot fail for a handle the multi holds. */
		if (t->state == FETCH_MANY_RUNNING)
			(void)curl_dl.multi_remove_handle(m->m,
			    fetch_xfer_handle(t->x));
		fetch_xfer_free(t->x);
		free(t->url);
		free(t->etag);
		free(t->last_modified);
		free(t->host);
	}
	for (i = m->ended_next; i < m->nended; i++) {
		fetch_result_free(&m->ended[i].res);
		free(m->ended[i].error);
	}
	if (m->m != NULL)
		(void)curl_dl.multi_cleanup(m->m);
	for (i = 0; i < m->nhosts; i++)
		free(m->hosts[i].name);
	free(m->hosts);
	free(m->xfers);
	free(m->waiting);
	free(m->ended);
	free(m);
}
