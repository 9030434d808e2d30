/* cmd_bookmark.c: the bookmarks' commands: essays bookmarked, listed,
 * removed, tagged, exported and imported, and the library searched. */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json.h>

#include "bookmark.h"
#include "buf.h"
#include "cmd.h"
#include "cmd_bookmark.h"
#include "cmd_feed.h"
#include "date.h"
#include "doc.h"
#include "essay.h"
#include "fetch.h"
#include "fetch_many.h"
#include "pipeline.h"
#include "progress.h"
#include "store.h"
#include "url.h"
#include "util.h"
#include "width.h"

/* Transfers of an import in flight, in all and to one host: as many as
 * a refresh of feeds. */
#define CMD_IMPORT_MAX_TOTAL	16
#define CMD_IMPORT_MAX_HOST	4
/* How long an import's step waits for the network, in milliseconds: the
 * progress bar is redrawn at least this often. */
#define CMD_STEP_MS		100
/* The largest bookmark file read. */
#define CMD_MAX_FILE		(64UL * 1024 * 1024)
/* Hits "reel search" shows, the most relevant first. */
#define CMD_MAX_HITS		50

/* The tags of -t: each value split at its commas (a comma separates
 * tags in a Netscape file, so none is in a tag). NULL-terminated; free
 * with cmd_tags_free(). NULL when no -t was given. */
static char **
cmd_tags(const char *const *given)
{
	char		**v;
	const char	 *p, *comma;
	size_t		  n = 0, len;

	if (given == NULL || given[0] == NULL)
		return NULL;
	v = xcalloc(1, sizeof *v);
	for (; *given != NULL; given++) {
		for (p = *given; p != NULL; p = comma != NULL ? comma + 1 :
		    NULL) {
			comma = strchr(p, ',');
			len = comma != NULL ? (size_t)(comma - p) : strlen(p);
			v = xreallocarray(v, n + 2, sizeof *v);
			v[n++] = xstrndup(p, len);
			v[n] = NULL;
		}
	}
	return v;
}

static void
cmd_tags_free(char **v)
{
	char	**p;

	if (v == NULL)
		return;
	for (p = v; *p != NULL; p++)
		free(*p);
	free(v);
}

/* The name the library knows what by: a file by its absolute path
 * (symbolic links resolved), as the pager keeps it; a URL as given.
 * Allocated. */
static char *
cmd_name(const char *what)
{
	char	*path;

	if (url_scheme_len(what) == 0 && (path = realpath(what, NULL)) !=
	    NULL)
		return path;
	return xstrdup(what);
}

/* Keeps doc (its fragment) and bookmarks it with in, all in one
 * transaction: a bookmark reported done is there whole, or not at all.
 * requested may be NULL. Returns 0 new, 1 edited, -1 and *cause. */
static int
cmd_keep(struct store *s, const struct doc *d, char **fragment,
    const char *requested, int64_t kept, const struct store_bookmark_in *in,
    int64_t *id, char **cause)
{
	char	*ignore = NULL;
	int64_t	 doc = kept;
	int	 rc;

	if (store_begin(s, cause) != 0)
		return -1;
	if (d != NULL && essay_put(s, d, fragment, requested, &doc,
	    cause) != 0)
		goto fail;
	if ((rc = store_bookmark_put(s, doc, in, id, cause)) == -1)
		goto fail;
	if (store_commit(s, cause) != 0)
		return -1;
	return rc;

fail:
	(void)store_rollback(s, &ignore);
	free(ignore);
	return -1;
}

int
cmd_bookmark_add(const struct cmd_feed_args *a)
{
	struct store			*s;
	struct store_bookmark		 b;
	struct store_bookmark_in	 in;
	struct store_doc		 sd;
	struct doc			*d = NULL;
	const char			*what = a->argv[0], *requested = NULL;
	char				*name, *fragment = NULL;
	char				*cause = NULL, *ignore = NULL;
	char				**tags;
	int64_t				 id, kept = 0;
	int				 rc;

	if (strcmp(what, "-") == 0) {
		warnx_(_("standard input cannot be bookmarked: it has no "
		    "name to find it again by"));
		return REEL_EXIT_USAGE;
	}
	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	name = cmd_name(what);
	rc = pipeline_load_fragment(name, a->fetch, &d, &fragment, &cause);
	if (rc == REEL_EXIT_NETWORK && store_doc_get(s, what, &sd,
	    &ignore) == 0) {
		/* Offline: the copy the library keeps is bookmarked. */
		warnx_(_("%s; bookmarking the copy the library keeps"),
		    cause);
		kept = sd.id;
		store_doc_free(&sd);
		free(cause);
		cause = NULL;
		rc = 0;
	}
	free(ignore);
	if (rc != 0) {
		free(name);
		store_close(s);
		return cmd_fail(cause, rc);
	}
	if (d != NULL && url_is_web(what) && strcmp(what, d->url) != 0)
		requested = what;
	tags = cmd_tags(a->tags);
	in.tags = (const char *const *)tags;
	in.note = a->note;
	in.added = 0;
	rc = cmd_keep(s, d, &fragment, requested, kept, &in, &id, &cause);
	cmd_tags_free(tags);
	doc_free(d);
	free(fragment);
	free(name);
	if (rc == -1) {
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	if (store_bookmark_get_id(s, id, &b, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	/* TRANSLATORS: the essay's title and URL. */
	printf(rc == 0 ? _("Bookmarked %s <%s>\n") :
	    _("Bookmark updated: %s <%s>\n"), b.title != NULL ? b.title :
	    b.url, b.url);
	store_bookmark_free(&b);
	store_close(s);
	return cmd_flush();
}

/* A bookmark as bookmark.c writes it; its quotes (and its essay's text
 * when text) read from the library. The strings are borrowed from sb,
 * but for quotes and text: free with cmd_bm_free(). */
static int
cmd_bm(struct store *s, const struct store_bookmark *sb, int text,
    struct bookmark *b, char **cause)
{
	struct store_quote	*qv;
	struct store_doc	 sd;
	size_t			 n, i;
	int			 rc;

	memset(b, 0, sizeof *b);
	if (store_quote_list(s, sb->id, &qv, &n, cause) != 0)
		return -1;
	b->url = sb->url;
	b->title = sb->title;
	b->author = sb->byline;
	b->site = sb->site;
	b->published = sb->published;
	b->note = sb->note;
	b->tags = sb->tags;
	b->ntags = sb->ntags;
	b->added = sb->added;
	b->read = sb->read;
	b->quotes = xcalloc(n + 1, sizeof *b->quotes);
	b->nquotes = n;
	for (i = 0; i < n; i++) {
		b->quotes[i].block = qv[i].block;
		b->quotes[i].text = qv[i].text;
		qv[i].text = NULL;
	}
	store_quotes_free(qv, n);
	if (text) {
		if ((rc = store_doc_get_id(s, sb->doc, &sd, cause)) != 0) {
			if (rc == 1)
				*cause = xprintf(_("%s: no essay %lld"),
				    store_path(s), (long long)sb->doc);
			for (i = 0; i < n; i++)
				free(b->quotes[i].text);
			free(b->quotes);
			return -1;
		}
		b->text = sd.text != NULL ? xstrdup(sd.text) : NULL;
		store_doc_free(&sd);
	}
	return 0;
}

static void
cmd_bm_free(struct bookmark *b)
{
	size_t	i;

	for (i = 0; i < b->nquotes; i++)
		free(b->quotes[i].text);
	free(b->quotes);
	free(b->text);
}

/* Writes the bookmarks of v in fmt to standard output, one at a time,
 * the last of v first when reversed. */
static int
cmd_write(struct store *s, const struct store_bookmark *v, size_t n,
    enum bookmark_format fmt, int reversed)
{
	struct bookmark	 b;
	struct buf	 out = BUF_INIT;
	char		*cause = NULL;
	size_t		 i;

	bookmark_format_begin(&out, fmt);
	for (i = 0; i < n; i++) {
		if (cmd_bm(s, &v[reversed ? n - 1 - i : i],
		    fmt == BOOKMARK_MARKDOWN, &b,
		    &cause) != 0) {
			buf_free(&out);
			return cmd_fail(cause, REEL_EXIT_FAILURE);
		}
		bookmark_format_one(&out, fmt, &b, i);
		cmd_bm_free(&b);
		fwrite(out.data, 1, out.len, stdout);
		buf_reset(&out);
	}
	bookmark_format_end(&out, fmt, n);
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
	return cmd_flush();
}

int
cmd_bookmark_ls(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_bookmark	*v, *b;
	const char		*tag = NULL;
	char			*cause = NULL, *date;
	size_t			 n, i, j;
	int			 rc;

	if (a->tags != NULL && a->tags[0] != NULL) {
		if (a->tags[1] != NULL) {
			warnx_(_("'reel bookmark ls' takes one -t TAG"));
			return REEL_EXIT_USAGE;
		}
		tag = a->tags[0];
	}
	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	if (store_bookmark_list(s, STORE_BM_ADDED, tag, a->query, &v, &n,
	    &cause) != 0) {
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	if (a->json)
		rc = cmd_write(s, v, n, BOOKMARK_JSON, 0);
	else {
		for (i = 0; i < n; i++) {
			b = &v[i];
			date = date_rfc3339(b->added);
			printf("%.10s  %s", date, b->title != NULL ?
			    b->title : b->url);
			free(date);
			if (b->ntags > 0) {
				fputs(" [", stdout);
				for (j = 0; j < b->ntags; j++)
					printf("%s%s", j > 0 ? ", " : "",
					    b->tags[j]);
				fputc(']', stdout);
			}
			printf(" <%s>\n", b->url);
		}
		rc = cmd_flush();
	}
	store_bookmarks_free(v, n);
	store_close(s);
	return rc;
}

/* The bookmark of url, or a message saying there is none. */
static int
cmd_find(struct store *s, const char *url, struct store_bookmark *b)
{
	char	*name = cmd_name(url), *cause = NULL;
	int	 rc;

	rc = store_bookmark_get(s, name, b, &cause);
	free(name);
	if (rc == 1) {
		warnx_(_("%s: not bookmarked"), url);
		return -1;
	}
	if (rc != 0)
		return cmd_fail(cause, -1);
	return 0;
}

int
cmd_bookmark_rm(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_bookmark	 b;
	char			*cause = NULL;
	int			 i, rc = REEL_EXIT_OK;

	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	for (i = 0; i < a->argc; i++) {
		if (cmd_find(s, a->argv[i], &b) != 0) {
			rc = REEL_EXIT_FAILURE;
			continue;
		}
		if (store_bookmark_remove(s, b.id, &cause) != 0)
			rc = cmd_fail(cause, REEL_EXIT_FAILURE);
		store_bookmark_free(&b);
	}
	store_close(s);
	return rc;
}

int
cmd_bookmark_tag(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_bookmark	 b;
	const char		**add, **del;
	const char		*arg;
	char			*cause = NULL;
	size_t			 nadd = 0, ndel = 0;
	int			 i, rc = REEL_EXIT_OK;

	add = xcalloc((size_t)a->argc, sizeof *add);
	del = xcalloc((size_t)a->argc, sizeof *del);
	for (i = 1; i < a->argc; i++) {
		arg = a->argv[i];
		if (*arg == '-')
			del[ndel++] = arg + 1;
		else
			add[nadd++] = *arg == '+' ? arg + 1 : arg;
	}
	if (cmd_open(&s) != 0) {
		free(add);
		free(del);
		return REEL_EXIT_FAILURE;
	}
	if (cmd_find(s, a->argv[0], &b) != 0)
		rc = REEL_EXIT_FAILURE;
	else {
		if (store_bookmark_tag(s, b.id, add, del, &cause) != 0)
			rc = cmd_fail(cause, REEL_EXIT_FAILURE);
		store_bookmark_free(&b);
	}
	if (rc == REEL_EXIT_OK && cmd_find(s, a->argv[0], &b) == 0) {
		printf("%s", b.title != NULL ? b.title : b.url);
		for (i = 0; (size_t)i < b.ntags; i++)
			printf("%s%s", i > 0 ? ", " : " [", b.tags[i]);
		printf("%s\n", b.ntags > 0 ? "]" : "");
		store_bookmark_free(&b);
		rc = cmd_flush();
	}
	store_close(s);
	free(add);
	free(del);
	return rc;
}

int
cmd_bookmark_export(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_bookmark	*v;
	char			*cause = NULL;
	size_t			 n;
	int			 fmt = BOOKMARK_HTML, rc;

	if (a->format != NULL && (fmt = bookmark_format_parse(a->format)) ==
	    -1) {
		warnx_(_("unknown format '%s' (html, markdown or json)"),
		    a->format);
		return REEL_EXIT_USAGE;
	}
	if (cmd_open(&s) != 0)
		return REEL_EXIT_FAILURE;
	/* Written oldest first: a file read back (or by a browser) adds
	 * them in the order they were made. */
	if (store_bookmark_list(s, STORE_BM_ADDED, NULL, NULL, &v, &n,
	    &cause) != 0) {
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	rc = cmd_write(s, v, n, (enum bookmark_format)fmt, 1);
	store_bookmarks_free(v, n);
	store_close(s);
	return rc;
}

/*
 * Import.
 */

/* The progress bar of an import: the share done, then the counts. */
static void
cmd_bar_draw(struct progress *bar, size_t done, size_t total, size_t added,
    size_t failed)
{
	char	*text;

	/* TRANSLATORS: the progress of "reel bookmark import": essays done
	 * of all, bookmarked so far, failed so far. */
	text = xprintf(_(" %zu/%zu essays, %zu bookmarked, %zu failed"), done,
	    total, added, failed);
	progress_draw(bar, done, total, text);
	free(text);
}

/* An import under way. */
struct cmd_import {
	struct store		*s;
	struct bookmark_file	*f;
	struct fetch_many	*fm;
	size_t			*which;	/* transfer id -> entry */
	size_t			 total;	/* essays to fetch */
	size_t			 done;
	size_t			 added;
	size_t			 known;	/* bookmarked already */
	char			**failures;
	size_t			 nfailures;
};

static void
cmd_import_failed(struct cmd_import *im, char *why)
{
	im->failures = xreallocarray(im->failures, im->nfailures + 1,
	    sizeof *im->failures);
	im->failures[im->nfailures++] = why;
}

/* The file's quotes of b, kept for bookmark id (they name paragraphs of
 * the essay as it was; the library keeps their text as the file gives
 * it). */
static int
cmd_import_quotes(struct cmd_import *im, const struct bookmark *b,
    int64_t id, char **cause)
{
	size_t	i;

	for (i = 0; i < b->nquotes; i++)
		if (store_quote_add(im->s, id, b->quotes[i].block,
		    b->quotes[i].text, cause) == -1)
			return -1;
	return 0;
}

/* Entries already bookmarked: only the file's tags are added (nothing
 * when they are there), nothing fetched. Returns 0 or -1 and *cause. */
static int
cmd_import_known(struct cmd_import *im, char **cause)
{
	struct store_bookmark	 sb;
	struct bookmark		*b;
	size_t			 i;
	int			 rc;

	im->which = xcalloc(im->f->n + 1, sizeof *im->which);
	for (i = 0; i < im->f->n; i++) {
		b = &im->f->v[i];
		if ((rc = store_bookmark_get(im->s, b->url, &sb, cause)) ==
		    -1)
			return -1;
		if (rc == 0) {
			rc = store_bookmark_tag(im->s, sb.id,
			    (const char *const *)b->tags, NULL, cause);
			store_bookmark_free(&sb);
			if (rc != 0)
				return -1;
			im->known++;
			continue;
		}
		im->which[fetch_many_add(im->fm, b->url, NULL, NULL)] = i;
		im->total++;
	}
	return 0;
}

/* Stores the essays that arrived, in one transaction. Returns 0, or -1
 * and *cause when the library cannot be written (the import cannot go
 * on). */
static int
cmd_import_take(struct cmd_import *im, char **cause)
{
	struct fetch_many_done		 d;
	struct store_bookmark_in	 in;
	struct bookmark			*b;
	struct doc			*doc;
	char				*fragment, *why = NULL;
	char				*ignore = NULL;
	int64_t				 docid = 0, id = 0;
	int				 open = 0, rc;

	while (fetch_many_next(im->fm, &d)) {
		im->done++;
		b = &im->f->v[im->which[d.id]];
		if (d.rc != 0) {
			cmd_import_failed(im, d.error);
			continue;
		}
		doc = pipeline_page_fragment(d.res.data, d.res.len,
		    d.res.type, d.res.charset, d.res.url, &fragment, &why);
		if (doc == NULL) {
			cmd_import_failed(im, why);
			why = NULL;
			fetch_result_free(&d.res);
			continue;
		}
		in.tags = (const char *const *)b->tags;
		in.note = b->note;
		in.added = b->added;
		if (!open && store_begin(im->s, cause) != 0)
			rc = -1;
		else {
			open = 1;
			rc = essay_put(im->s, doc, &fragment,
			    strcmp(b->url, doc->url) != 0 ? b->url : NULL,
			    &docid, cause);
			if (rc == 0)
				rc = store_bookmark_put(im->s, docid, &in, &id,
				    cause);
			if (rc == 0)
				im->added++;
			else if (rc == 1) {
				/* Two URLs of the file led to one essay. */
				im->known++;
				rc = 0;
			}
			if (rc == 0)
				rc = cmd_import_quotes(im, b, id, cause);
		}
		doc_free(doc);
		free(fragment);
		fetch_result_free(&d.res);
		if (rc != 0) {
			if (open)
				(void)store_rollback(im->s, &ignore);
			free(ignore);
			return -1;
		}
	}
	if (open && store_commit(im->s, cause) != 0)
		return -1;
	return 0;
}

static void
cmd_import_free(struct cmd_import *im)
{
	size_t	i;

	fetch_many_free(im->fm);
	bookmark_file_free(im->f);
	for (i = 0; i < im->nfailures; i++)
		free(im->failures[i]);
	free(im->failures);
	free(im->which);
	store_close(im->s);
}

int
cmd_bookmark_import(const struct cmd_feed_args *a)
{
	struct cmd_import	 im;
	struct progress		 bar;
	struct fetch_opts	 fo;
	const char		*file = a->argv[0];
	char			*data, *cause = NULL;
	size_t			 len, i;
	int			 rc;

	memset(&im, 0, sizeof im);
	progress_init(&bar, stdout, isatty(STDOUT_FILENO));
	if (read_file(file, CMD_MAX_FILE, &data, &len, &cause) != 0)
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	rc = bookmark_parse(data, len, &im.f, &cause);
	free(data);
	if (rc != 0) {
		warnx_("%s: %s", file, cause);
		free(cause);
		return REEL_EXIT_FAILURE;
	}
	for (i = 0; i < im.f->nwarnings; i++)
		warnx_("%s: %s", file, im.f->warnings[i]);
	if (cmd_open(&im.s) != 0) {
		cmd_import_free(&im);
		return REEL_EXIT_FAILURE;
	}
	fo = *a->fetch;
	if (fetch_many_new(&fo, CMD_IMPORT_MAX_TOTAL, CMD_IMPORT_MAX_HOST,
	    &im.fm, &cause) != 0 || cmd_import_known(&im, &cause) != 0)
		goto fail;
	do {
		if ((rc = fetch_many_step(im.fm, CMD_STEP_MS, &cause)) == -1 ||
		    cmd_import_take(&im, &cause) != 0)
			goto fail;
		cmd_bar_draw(&bar, im.done, im.total, im.added,
		    im.nfailures);
	} while (rc == 1);
	progress_end(&bar);
	/* TRANSLATORS: the summary of "reel bookmark import": the file's
	 * kind ("Netscape", "JSON", "URL list") and name, then the counts. */
	printf(_("%s file %s: %zu bookmarked, %zu already there, %zu "
	    "failed\n"), im.f->kind, file, im.added, im.known, im.nfailures);
	rc = cmd_flush();
	for (i = 0; i < im.nfailures; i++)
		warnx_("%s", im.failures[i]);
	if (im.nfailures > 0)
		rc = REEL_EXIT_FAILURE;
	cmd_import_free(&im);
	return rc;

fail:
	progress_end(&bar);
	warnx_("%s", cause);
	free(cause);
	cmd_import_free(&im);
	return REEL_EXIT_FAILURE;
}

/*
 * Search.
 */

/* The marks of a hit on standard output: bold on a terminal, else
 * guillemets (brackets where the locale has no guillemet). */
static void
cmd_hit_marks(int tty, const char **on, const char **off)
{
	if (tty) {
		*on = "\033[1m";
		*off = "\033[22m";
	} else if (width_utf8_locale()) {
		*on = "\xc2\xab";
		*off = "\xc2\xbb";
	} else {
		*on = "[";
		*off = "]";
	}
}

/* The day of a hit: as the page gave it, else when it was kept. */
static char *
cmd_hit_date(const struct store_hit *h)
{
	struct date	d;
	char		*s;

	if (h->published != NULL && date_parse(h->published, &d) == 0)
		return xprintf("%04d-%02d-%02d", d.year, d.month, d.day);
	if (h->fetched == 0)
		return xstrdup("");
	s = date_rfc3339(h->fetched);
	s[10] = '\0';
	return s;
}

static json_object *
cmd_json(json_object *v)
{
	if (v == NULL)
		fatal(_("out of memory"));
	return v;
}

static void
cmd_json_add(json_object *o, const char *key, json_object *v)
{
	if (json_object_object_add(o, key, v) != 0)
		fatal(_("out of memory"));
}

static json_object *
cmd_json_str(const char *s)
{
	return s != NULL ? cmd_json(json_object_new_string(s)) : NULL;
}

static json_object *
cmd_hit_json(const struct store_hit *h)
{
	json_object	*o, *marks, *m;
	char		*t = NULL;
	size_t		 i;

	o = cmd_json(json_object_new_object());
	marks = cmd_json(json_object_new_array());
	cmd_json_add(o, "url", cmd_json_str(h->url));
	cmd_json_add(o, "title", cmd_json_str(h->title));
	cmd_json_add(o, "author", cmd_json_str(h->byline));
	cmd_json_add(o, "site", cmd_json_str(h->site));
	cmd_json_add(o, "published", cmd_json_str(h->published));
	if (h->fetched != 0)
		t = date_rfc3339(h->fetched);
	cmd_json_add(o, "kept", cmd_json_str(t));
	free(t);
	cmd_json_add(o, "bookmarked", cmd_json(json_object_new_boolean(
	    h->bookmarked)));
	cmd_json_add(o, "in_title", cmd_json(json_object_new_boolean(
	    h->in_title)));
	cmd_json_add(o, "snippet", cmd_json_str(h->snippet));
	for (i = 0; i < h->nmarks; i++) {
		m = cmd_json(json_object_new_array());
		if (json_object_array_add(m, cmd_json(json_object_new_int64(
		    (int64_t)h->marks[i].start))) != 0 ||
		    json_object_array_add(m, cmd_json(json_object_new_int64(
		    (int64_t)h->marks[i].end))) != 0 ||
		    json_object_array_add(marks, m) != 0)
			fatal(_("out of memory"));
	}
	/* Byte offsets into the snippet, [start, end). */
	cmd_json_add(o, "marks", marks);
	return o;
}

static void
cmd_hit_print(const struct store_hit *h, const char *on, const char *off)
{
	char	*date = cmd_hit_date(h);
	size_t	 i, at = 0;

	printf("%s%s\n", h->bookmarked ? "* " : "  ", h->title != NULL ?
	    h->title : h->url);
	printf("    %s%s%s\n", h->site != NULL ? h->site : url_name(h->url),
	    *date != '\0' ? ", " : "", date);
	fputs("    ", stdout);
	for (i = 0; i < h->nmarks; i++) {
		fwrite(h->snippet + at, 1, h->marks[i].start - at, stdout);
		fputs(on, stdout);
		fwrite(h->snippet + h->marks[i].start, 1, h->marks[i].end -
		    h->marks[i].start, stdout);
		fputs(off, stdout);
		at = h->marks[i].end;
	}
	printf("%s\n    <%s>\n", h->snippet + at, h->url);
	free(date);
}

int
cmd_bookmark_search(const struct cmd_feed_args *a)
{
	struct store		*s;
	struct store_hit	*hv;
	struct buf		 q = BUF_INIT;
	const char		*on, *off, *js;
	json_object		*o;
	char			*cause = NULL;
	size_t			 n, i;
	int			 j, rc;

	for (j = 0; j < a->argc; j++)
		buf_printf(&q, "%s%s", j > 0 ? " " : "", a->argv[j]);
	if (cmd_open(&s) != 0) {
		buf_free(&q);
		return REEL_EXIT_FAILURE;
	}
	rc = store_search(s, buf_str(&q), CMD_MAX_HITS, &hv, &n, &cause);
	buf_free(&q);
	if (rc != 0) {
		store_close(s);
		return cmd_fail(cause, REEL_EXIT_FAILURE);
	}
	cmd_hit_marks(isatty(STDOUT_FILENO), &on, &off);
	if (a->json)
		fputs("[", stdout);
	for (i = 0; i < n; i++) {
		if (!a->json) {
			cmd_hit_print(&hv[i], on, off);
			continue;
		}
		o = cmd_hit_json(&hv[i]);
		js = json_object_to_json_string_ext(o,
		    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
		if (js == NULL)
			fatal(_("out of memory"));
		printf("%s%s", i > 0 ? ",\n  " : "\n  ", js);
		json_object_put(o);
	}
	if (a->json)
		fputs(n > 0 ? "\n]\n" : "]\n", stdout);
	store_hits_free(hv, n);
	store_close(s);
	return cmd_flush();
}
