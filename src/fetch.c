/* fetch.c: placeholder until the libcurl fetcher lands: files only. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "util.h"

void
fetch_opts_default(struct fetch_opts *o)
{
	memset(o, 0, sizeof *o);
	o->connect_timeout = FETCH_CONNECT_TIMEOUT;
	o->timeout = FETCH_TIMEOUT;
	o->stall_time = FETCH_STALL_TIME;
	o->stall_speed = FETCH_STALL_SPEED;
	o->max_size = FETCH_MAX_SIZE;
	o->max_redirects = FETCH_MAX_REDIRECTS;
}

int
fetch_is_url(const char *s)
{
	return strprefix_ci(s, "http://") || strprefix_ci(s, "https://");
}

int
fetch(const char *what, const struct fetch_opts *o, struct fetch_result *r,
    char **cause)
{
	memset(r, 0, sizeof *r);
	if (fetch_is_url(what)) {
		*cause = xprintf("%s: not yet", what);
		return REEL_EXIT_NETWORK;
	}
	if (read_file(what, o->max_size, &r->data, &r->len, cause) != 0)
		return REEL_EXIT_FAILURE;
	r->url = xstrdup(what);
	return 0;
}

void
fetch_result_free(struct fetch_result *r)
{
	free(r->data);
	free(r->url);
	free(r->type);
	free(r->charset);
	memset(r, 0, sizeof *r);
}
