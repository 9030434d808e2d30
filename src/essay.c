/* essay.c: an essay opened for reading, from the web, a file or the
 * library: loaded, kept in the library, and where its reader stopped. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "essay.h"
#include "extract_fragment.h"
#include "pipeline.h"
#include "render.h"
#include "store.h"
#include "url.h"
#include "util.h"

/* The plain text of d, for the library's search: render_text's plain
 * format. Allocated. */
static char *
essay_text(const struct doc *d)
{
	FILE	*f;
	char	*s = NULL;
	size_t	 len = 0;

	/* Only memory can fail a stream in memory. */
	if ((f = open_memstream(&s, &len)) == NULL)
		fatal(_("out of memory"));
	if (render(f, d, RENDER_PLAIN, 0) != 0 || fclose(f) != 0)
		fatal(_("out of memory"));
	return s;
}

int
essay_put(struct store *st, const struct doc *d, char **fragment,
    const char *requested, int64_t *id, char **cause)
{
	struct store_doc	 sd;

	memset(&sd, 0, sizeof sd);
	sd.url = d->url;
	sd.title = d->title;
	sd.byline = d->byline;
	sd.site = d->site;
	sd.published = d->published;
	sd.lang = d->lang;
	sd.dir = d->dir;
	sd.excerpt = d->excerpt;
	sd.image = d->image;
	sd.content = *fragment;
	*fragment = NULL;
	sd.text = essay_text(d);
	return store_doc_put_take(st, &sd, requested, id, cause);
}

static char *
essay_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

struct doc *
essay_doc(const struct store_doc *sd, char **cause)
{
	struct doc	*m, *d;

	/* The metadata as the library has it: extract_fragment_doc() sets
	 * them as a page's. */
	m = doc_new(sd->url);
	m->title = essay_dup(sd->title);
	m->byline = essay_dup(sd->byline);
	m->site = essay_dup(sd->site);
	m->published = essay_dup(sd->published);
	m->lang = essay_dup(sd->lang);
	m->dir = essay_dup(sd->dir);
	m->excerpt = essay_dup(sd->excerpt);
	m->image = essay_dup(sd->image);
	d = extract_fragment_doc(sd->content, strlen(sd->content), m, cause);
	doc_free(m);
	return d;
}

/* Fills e from the library's row: the document built again and where
 * its reader was. */
static int
essay_from(struct essay *e, const struct store_doc *sd, char **cause)
{
	if ((e->doc = essay_doc(sd, cause)) == NULL)
		return -1;
	e->id = sd->id;
	e->pos = sd->pos;
	e->read = sd->read;
	e->finished = sd->finished;
	return 0;
}

int
essay_open_kept(struct store *st, const char *url, int64_t id,
    struct essay *e, char **cause)
{
	struct store_doc	sd;
	int			rc;

	memset(e, 0, sizeof *e);
	if (url != NULL)
		rc = store_doc_get(st, url, &sd, cause);
	else
		rc = store_doc_get_id(st, id, &sd, cause);
	if (rc != 0)
		return rc;
	rc = essay_from(e, &sd, cause);
	store_doc_free(&sd);
	return rc;
}

/* The copy st keeps of what, in place of a page the network did not
 * give: 0, or -1 when there is none (or it cannot be read). */
static int
essay_offline(struct store *st, const char *what, struct essay *e)
{
	struct store_doc	 sd;
	char			*cause = NULL;
	int			 rc;

	if ((rc = store_doc_get(st, what, &sd, &cause)) != 0) {
		free(cause);
		return -1;
	}
	if (essay_from(e, &sd, &cause) != 0) {
		free(cause);
		store_doc_free(&sd);
		return -1;
	}
	e->offline = sd.fetched;
	store_doc_free(&sd);
	return 0;
}

/* Keeps e's document and reads back where its reader was (an essay kept
 * before keeps its place). */
static void
essay_keep(struct store *st, const char *what, char **fragment,
    struct essay *e)
{
	struct store_doc	 sd;
	const char		*requested = NULL;
	int64_t			 id;

	if (url_is_web(what) && strcmp(what, e->doc->url) != 0)
		requested = what;
	if (essay_put(st, e->doc, fragment, requested, &id,
	    &e->trouble) != 0)
		return;
	e->id = id;
	/* Its place, not the copy just kept, which can be megabytes
	 * (issue 14); and the pages SQLite cached in writing it go. */
	store_release(st);
	if (store_doc_meta_id(st, id, &sd, &e->trouble) != 0)
		return;
	e->pos = sd.pos;
	e->read = sd.read;
	e->finished = sd.finished;
	store_doc_free(&sd);
}

int
essay_load(struct store *st, const char *what, const struct fetch_opts *fo,
    struct essay *e, char **cause)
{
	const char	*name = what;
	char		*path = NULL, *fragment = NULL;
	int		 rc, keep;

	memset(e, 0, sizeof *e);
	keep = st != NULL && strcmp(what, "-") != 0;
	/* A file is kept under its absolute name: its links resolve to
	 * absolute paths too, so that the kept copy needs no base. */
	if (keep && url_scheme_len(what) == 0 &&
	    (path = realpath(what, NULL)) != NULL)
		name = path;
	rc = pipeline_load_fragment(name, fo, &e->doc, keep ? &fragment :
	    NULL, cause);
	free(path);
	if (rc == REEL_EXIT_NETWORK && st != NULL &&
	    essay_offline(st, what, e) == 0) {
		free(*cause);
		*cause = NULL;
		return REEL_EXIT_OK;
	}
	if (rc != REEL_EXIT_OK)
		return rc;
	if (keep)
		essay_keep(st, what, &fragment, e);
	free(fragment);
	return REEL_EXIT_OK;
}

void
essay_free(struct essay *e)
{
	doc_free(e->doc);
	free(e->trouble);
	memset(e, 0, sizeof *e);
}
