/* refresh_bg.c: refresh.c's steps run on a thread of their own. The
 * thread owns its library connection and its refresh; what it shares
 * with the caller (the progress, the feeds finished, whether to stop) is
 * under one mutex, and each step it writes a byte into a pipe whose other
 * end the caller's loop polls beside the keys. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fetch.h"
#include "refresh.h"
#include "refresh_bg.h"
#include "settings.h"
#include "store.h"
#include "util.h"

/* ms a step waits for the network at most: how soon a cancel is seen. */
#define REFRESH_BG_STEP_MS	100

struct refresh_bg {
	pthread_t		 thread;
	int			 pipe[2];	/* [0] the caller's end */
	char			*path;
	int64_t			*ids;		/* NULL: every feed */
	size_t			 nids;
	struct fetch_opts	 fo;
	int			 max_total;	/* the settings', read */
	int			 max_host;	/* by the caller's thread */

	pthread_mutex_t		 lock;		/* over what follows */
	int			 cancel;
	int			 running;
	struct refresh_progress	 p;
	int64_t			*finished;
	size_t			 nfinished, finished_cap;
	char			*error;
};

/* Tells the caller's loop there is news; a full pipe has news already. */
static void
refresh_bg_wake(struct refresh_bg *b)
{
	ssize_t	n;

	do
		n = write(b->pipe[1], "", 1);
	while (n == -1 && errno == EINTR);
}

static int
refresh_bg_cancelled(struct refresh_bg *b)
{
	int	c;

	pthread_mutex_lock(&b->lock);
	c = b->cancel;
	pthread_mutex_unlock(&b->lock);
	return c;
}

/* Publishes where r is and which feeds it finished. */
static void
refresh_bg_publish(struct refresh_bg *b, struct refresh *r)
{
	const int64_t	*ids;
	size_t		 n;

	ids = refresh_finished(r, &n);
	pthread_mutex_lock(&b->lock);
	refresh_progress(r, &b->p);
	if (n > 0) {
		b->finished = xgrowarray(b->finished, &b->finished_cap,
		    b->nfinished + n, sizeof *b->finished);
		memcpy(b->finished + b->nfinished, ids, n * sizeof *ids);
		b->nfinished += n;
	}
	pthread_mutex_unlock(&b->lock);
	refresh_bg_wake(b);
}

static void *
refresh_bg_main(void *arg)
{
	struct refresh_bg	*b = arg;
	struct refresh_opts	 ro;
	struct refresh		*r = NULL;
	struct store		*st = NULL;
	char			*cause = NULL;
	int			 rc = -1;

	memset(&ro, 0, sizeof ro);
	ro.fetch = &b->fo;
	ro.max_total = b->max_total;
	ro.max_host = b->max_host;
	if (store_open(b->path, 0, &st, &cause) == 0 &&
	    refresh_start(st, b->ids, b->nids, &ro, &r, &cause) == 0) {
		refresh_bg_publish(b, r);
		do {
			rc = refresh_step(r, REFRESH_BG_STEP_MS, &cause);
			refresh_bg_publish(b, r);
		} while (rc == 1 && !refresh_bg_cancelled(b));
	}
	refresh_free(r);
	store_close(st);
	pthread_mutex_lock(&b->lock);
	b->running = 0;
	b->error = rc == -1 ? cause : NULL;
	pthread_mutex_unlock(&b->lock);
	if (rc != -1)
		free(cause);
	refresh_bg_wake(b);
	return NULL;
}

static void
refresh_bg_close(struct refresh_bg *b)
{
	if (b->pipe[0] != -1)
		close(b->pipe[0]);
	if (b->pipe[1] != -1)
		close(b->pipe[1]);
	pthread_mutex_destroy(&b->lock);
	free(b->path);
	free(b->ids);
	free(b->finished);
	free(b->error);
	free(b);
}

int
refresh_bg_start(const char *path, const int64_t *ids, size_t n,
    const struct fetch_opts *fo, struct refresh_bg **bp, char **cause)
{
	struct refresh_bg	*b;
	sigset_t		 all, old;
	int			 i, e;

	/* libcurl's global start is not for two threads at once. */
	if (fetch_global_init(cause) != 0)
		return -1;
	b = xcalloc(1, sizeof *b);
	b->pipe[0] = b->pipe[1] = -1;
	pthread_mutex_init(&b->lock, NULL);
	b->path = xstrdup(path);
	if (ids != NULL) {
		b->ids = xreallocarray(NULL, n > 0 ? n : 1, sizeof *ids);
		memcpy(b->ids, ids, n * sizeof *ids);
		b->nids = n;
	}
	b->fo = *fo;
	b->max_total = (int)settings_int(SET_REFRESH_TOTAL);
	b->max_host = (int)settings_int(SET_REFRESH_PER_HOST);
	b->fo.progress = NULL;
	b->fo.arg = NULL;
	if (pipe(b->pipe) == -1) {
		*cause = xprintf(_("cannot refresh: %s"), strerror(errno));
		refresh_bg_close(b);
		return -1;
	}
	for (i = 0; i < 2; i++)
		if (fcntl(b->pipe[i], F_SETFL, O_NONBLOCK) == -1 ||
		    fcntl(b->pipe[i], F_SETFD, FD_CLOEXEC) == -1) {
			*cause = xprintf(_("cannot refresh: %s"),
			    strerror(errno));
			refresh_bg_close(b);
			return -1;
		}
	b->running = 1;
	/* The signals stay the screen's: the thread takes none. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	e = pthread_create(&b->thread, NULL, refresh_bg_main, b);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (e != 0) {
		*cause = xprintf(_("cannot refresh: %s"), strerror(e));
		refresh_bg_close(b);
		return -1;
	}
	*bp = b;
	return 0;
}

int
refresh_bg_fd(const struct refresh_bg *b)
{
	return b->pipe[0];
}

int
refresh_bg_poll(struct refresh_bg *b, struct refresh_progress *p,
    char **cause)
{
	char	drain[64];
	int	rc;

	while (read(b->pipe[0], drain, sizeof drain) > 0)
		continue;
	pthread_mutex_lock(&b->lock);
	*p = b->p;
	if (b->running)
		rc = 1;
	else if (b->error != NULL) {
		*cause = xstrdup(b->error);
		rc = -1;
	} else
		rc = 0;
	pthread_mutex_unlock(&b->lock);
	return rc;
}

int64_t *
refresh_bg_finished(struct refresh_bg *b, size_t *n)
{
	int64_t	*ids;

	pthread_mutex_lock(&b->lock);
	ids = b->finished;
	*n = b->nfinished;
	b->finished = NULL;
	b->nfinished = b->finished_cap = 0;
	pthread_mutex_unlock(&b->lock);
	return ids;
}

void
refresh_bg_free(struct refresh_bg *b)
{
	if (b == NULL)
		return;
	pthread_mutex_lock(&b->lock);
	b->cancel = 1;
	pthread_mutex_unlock(&b->lock);
	pthread_join(b->thread, NULL);
	refresh_bg_close(b);
}
