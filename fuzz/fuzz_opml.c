/* fuzz_opml.c: libFuzzer target: any bytes read as an OPML subscription
 * list. Nothing crashes or leaks, every feed URL is a web URL and every
 * string is clean; what is read, written and read again is the same
 * list. Includes are not fetched: the progress callback cancels every
 * transfer, so a list that names one only gets a warning. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "fuzz.h"
#include "opml.h"
#include "sanitize.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_opml_cancel(void *arg, size_t now, size_t total)
{
	return 1;
}

static void
fuzz_opml_check(const struct opml *o)
{
	size_t	i, j;

	if (o->title != NULL && !sanitize_is_clean(o->title,
	    strlen(o->title), 0))
		abort();
	for (i = 0; i < o->nsubs; i++) {
		fuzz_url(o->subs[i].url);
		fuzz_url(o->subs[i].html_url);
		if (o->subs[i].title != NULL &&
		    !sanitize_is_clean(o->subs[i].title,
		    strlen(o->subs[i].title), 0))
			abort();
		for (j = 0; j < o->subs[i].ntags; j++)
			if (!sanitize_is_clean(o->subs[i].tags[j],
			    strlen(o->subs[i].tags[j]), 0))
				abort();
	}
	for (i = 0; i < o->nwarnings; i++)
		if (!sanitize_is_clean(o->warnings[i],
		    strlen(o->warnings[i]), 0))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct fetch_opts	 fo;
	struct opml		*o = NULL, *back = NULL;
	char			*cause = NULL, *out;
	size_t			 outlen;

	fetch_opts_default(&fo);
	fo.max_size = 4096;
	fo.connect_timeout = 1;
	fo.timeout = 1;
	fo.progress = fuzz_opml_cancel;
	if (opml_parse((const char *)data, len,
	    "https://example.org/subs.opml", &fo, &o, &cause) != 0) {
		if (cause == NULL || o != NULL)
			abort();
		free(cause);
		return 0;
	}
	fuzz_opml_check(o);
	/* Written and read back: the same feeds. */
	out = opml_write(o, &outlen);
	if (opml_parse(out, outlen, "-", &fo, &back, &cause) != 0)
		abort();
	if (back->nsubs != o->nsubs)
		abort();
	free(out);
	opml_free(back);
	opml_free(o);
	return 0;
}
