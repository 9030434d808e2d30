/* fuzz_bmimport.c: libFuzzer target: any bytes read as a file for `reel
 * bookmark import` (a Netscape bookmark file, reel's JSON, a list of
 * URLs). Nothing crashes, leaks or hangs; every bookmark's URL is an http
 * or https URL and every string is clean; and the bookmarks written as
 * reel's JSON and as a Netscape file read back as the same bookmarks. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bookmark.h"
#include "buf.h"
#include "sanitize.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_bm_str(const char *what, const char *s, int flags)
{
	if (s != NULL && (!utf8_valid(s, strlen(s)) ||
	    !sanitize_is_clean(s, strlen(s), flags))) {
		fprintf(stderr, "%s not clean: \"%s\"\n", what, s);
		abort();
	}
}

static void
fuzz_bm_check(const struct bookmark_file *f)
{
	const struct bookmark	*b;
	size_t			 i, j, k;

	for (i = 0; i < f->n; i++) {
		b = &f->v[i];
		if (strncasecmp(b->url, "http://", 7) != 0 &&
		    strncasecmp(b->url, "https://", 8) != 0) {
			fprintf(stderr, "not a web URL: \"%s\"\n", b->url);
			abort();
		}
		fuzz_bm_str("url", b->url, 0);
		fuzz_bm_str("title", b->title, 0);
		fuzz_bm_str("note", b->note, SANITIZE_PRE);
		for (j = 0; j < b->ntags; j++) {
			fuzz_bm_str("tag", b->tags[j], 0);
			/* A tag is never empty, never twice (case ignored). */
			if (b->tags[j][0] == '\0')
				abort();
			for (k = 0; k < j; k++)
				if (strcasecmp(b->tags[j], b->tags[k]) == 0)
					abort();
		}
		if (b->ntags > 0 && b->tags[b->ntags] != NULL)
			abort();
		for (j = 0; j < b->nquotes; j++)
			fuzz_bm_str("quote", b->quotes[j].text, SANITIZE_PRE);
		/* The same URL is one bookmark. */
		for (j = 0; j < i; j++)
			if (strcmp(f->v[j].url, b->url) == 0)
				abort();
	}
	for (i = 0; i < f->nwarnings; i++)
		fuzz_bm_str("warning", f->warnings[i], 0);
}

/* f written in fmt and read again; aborts if it does not read. */
static struct bookmark_file *
fuzz_bm_again(const struct bookmark_file *f, enum bookmark_format fmt)
{
	struct bookmark_file	*g;
	struct buf		 out = BUF_INIT;
	char			*cause = NULL;
	size_t			 i;

	bookmark_format_begin(&out, fmt);
	for (i = 0; i < f->n; i++)
		bookmark_format_one(&out, fmt, &f->v[i], i);
	bookmark_format_end(&out, fmt, f->n);
	if (bookmark_parse(buf_str(&out), out.len, &g, &cause) != 0) {
		fprintf(stderr, "what was written does not read: %s\n%s\n",
		    cause, buf_str(&out));
		abort();
	}
	buf_free(&out);
	fuzz_bm_check(g);
	if (g->n != f->n) {
		fprintf(stderr, "%zu bookmarks written, %zu read\n", f->n,
		    g->n);
		abort();
	}
	for (i = 0; i < f->n; i++) {
		if (strcmp(f->v[i].url, g->v[i].url) != 0) {
			fprintf(stderr, "\"%s\" written, \"%s\" read\n",
			    f->v[i].url, g->v[i].url);
			abort();
		}
	}
	return g;
}

static int
fuzz_bm_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
fuzz_bm_differ(const char *what, size_t i, const char *a, const char *b)
{
	fprintf(stderr, "bookmark %zu: %s \"%s\" written, \"%s\" read\n", i,
	    what, a != NULL ? a : "(null)", b != NULL ? b : "(null)");
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct bookmark_file	*f = NULL, *g;
	const struct bookmark	*a, *b;
	char			*cause = NULL;
	size_t			 i, j;

	if (bookmark_parse((const char *)data, len, &f, &cause) != 0) {
		if (cause == NULL || f != NULL)
			abort();
		fuzz_bm_str("error", cause, 0);
		free(cause);
		return 0;
	}
	fuzz_bm_check(f);

	/* reel's JSON keeps every field. */
	g = fuzz_bm_again(f, BOOKMARK_JSON);
	for (i = 0; i < f->n; i++) {
		a = &f->v[i];
		b = &g->v[i];
		if (!fuzz_bm_same(a->title, b->title))
			fuzz_bm_differ("title", i, a->title, b->title);
		if (!fuzz_bm_same(a->note, b->note))
			fuzz_bm_differ("note", i, a->note, b->note);
		if (a->added != b->added || a->ntags != b->ntags ||
		    a->nquotes != b->nquotes)
			abort();
		for (j = 0; j < a->ntags; j++)
			if (strcmp(a->tags[j], b->tags[j]) != 0)
				fuzz_bm_differ("tag", i, a->tags[j],
				    b->tags[j]);
		for (j = 0; j < a->nquotes; j++)
			if (a->quotes[j].block != b->quotes[j].block ||
			    strcmp(a->quotes[j].text, b->quotes[j].text) != 0)
				fuzz_bm_differ("quote", i, a->quotes[j].text,
				    b->quotes[j].text);
	}
	bookmark_file_free(g);

	/* A Netscape file keeps the URLs of any; of a Netscape file, its
	 * titles (the URL for none), notes and dates too. */
	g = fuzz_bm_again(f, BOOKMARK_HTML);
	if (strcmp(f->kind, "Netscape") == 0) {
		for (i = 0; i < f->n; i++) {
			a = &f->v[i];
			b = &g->v[i];
			if (!fuzz_bm_same(a->title != NULL ? a->title :
			    a->url, b->title))
				fuzz_bm_differ("title", i, a->title, b->title);
			if (!fuzz_bm_same(a->note, b->note))
				fuzz_bm_differ("note", i, a->note, b->note);
			if (a->added != b->added)
				abort();
		}
	}
	bookmark_file_free(g);
	bookmark_file_free(f);
	return 0;
}
