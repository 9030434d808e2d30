/* pipeline.c: fetch, decode, clean, extract. */
#include <config.h>

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "charset.h"
#include "clean.h"
#include "doc.h"
#include "extract.h"
#include "extract_build.h"
#include "extract_clutter.h"
#include "extract_fragment.h"
#include "fetch.h"
#include "pipeline.h"
#include "sanitize.h"
#include "sections.h"
#include "url.h"
#include "util.h"
#include "xhtml.h"

/* At most this many closing invitations are dropped from a text (a page
 * may lose more: a "Read more:" line and its links). */
#define PIPELINE_CTA_MAX	3
/* A page at least this long gives its memory back once it is read. */
#define PIPELINE_TRIM		((size_t)1 << 20)

/* A plain-text essay: paragraphs are separated by blank lines, or, when
 * there is no blank line at all, each line is one (as in a text saved from
 * a web page). Lines inside a paragraph are joined. A closing invitation
 * ("Interested in more? Click here") goes, as from a page. The fragment
 * (when frag is not NULL) holds the paragraphs as <p> elements, which
 * extract_fragment_doc() builds as this does. */
static struct doc *
pipeline_text(const char *s, size_t len, const char *url, struct buf *frag)
{
	struct doc	*d = doc_new(url);
	struct buf	*paras = NULL;
	const char	*end = s + len, *line, *eol, *p;
	size_t		 n = 0, cap = 0, keep, i, total = 0, words;
	int		 blank_lines = 0, in_para = 0, blank;

	for (p = s; p < end && !blank_lines; p = eol + (eol < end)) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		for (line = p; line < eol && (*line == ' ' || *line == '\t' ||
		    *line == '\r'); line++)
			;
		blank_lines = line == eol && p != s && eol != end;
	}
	for (p = s; p < end; p = eol + (eol < end)) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		for (line = p; line < eol && (*line == ' ' || *line == '\t' ||
		    *line == '\r'); line++)
			;
		blank = line == eol;
		if (blank || !blank_lines || !in_para)
			in_para = 0;
		if (blank)
			continue;
		if (!in_para) {
			paras = xgrowarray(paras, &cap, n + 1, sizeof *paras);
			buf_init(&paras[n++]);
		}
		in_para = 1;
		buf_addc(&paras[n - 1], ' ');
		buf_add(&paras[n - 1], p, (size_t)(eol - p));
		total += (size_t)(eol - p) + 1;
	}
	/* What stays must be more than what goes. */
	for (keep = n; keep > 0 && n - keep < PIPELINE_CTA_MAX; keep--) {
		words = doc_count_words(buf_str(&paras[keep - 1]),
		    paras[keep - 1].len);
		if (!extract_clutter_invitation(buf_str(&paras[keep - 1]), words,
		    0) || total <= 2 * paras[keep - 1].len)
			break;
		total -= paras[keep - 1].len;
	}
	if (frag != NULL)
		buf_adds(frag, "<div xmlns=\"" XHTML_NS "\">");
	for (i = 0; i < n; i++) {
		if (i < keep) {
			doc_begin(d, DOC_PARAGRAPH, 0);
			doc_text(d, paras[i].data, paras[i].len);
			doc_end(d);
		}
		if (i < keep && frag != NULL) {
			buf_adds(frag, "<p>");
			xhtml_text(frag, paras[i].data, paras[i].len);
			buf_adds(frag, "</p>");
		}
		buf_free(&paras[i]);
	}
	if (frag != NULL)
		buf_adds(frag, "</div>");
	free(paras);
	doc_finish(d);
	sections_find(d);
	return d;
}

struct doc *
pipeline_page(const char *data, size_t len, const char *type,
    const char *http_charset, const char *url, char **cause)
{
	return pipeline_page_fragment(data, len, type, http_charset, url,
	    NULL, cause);
}

/* Returns NULL with *cause naming the page and saying why (why is
 * taken). */
static struct doc *
pipeline_fail(const char *url, char *why, char **cause)
{
	const char	*name;
	char		*safe;

	/* The name may be remote (a redirect target) or a hostile file
	 * name: it reaches the terminal only sanitized. */
	name = url_name(url != NULL ? url : "-");
	safe = sanitize(name, strlen(name), 0);
	*cause = xprintf("%s: %s", safe, why);
	free(safe);
	free(why);
	return NULL;
}

/* pipeline_page_fragment() once the page is UTF-8: takes utf8. Each
 * stage is freed as soon as the next has what it needs (the page once
 * tidy has read it, tidy's tree as it is copied, the tree as the
 * document is built), so that a long page is held at most twice. */
static struct doc *
pipeline_utf8(char *utf8, size_t utf8len, const char *type, const char *url,
    char **fragment, char **cause)
{
	struct doc	*d;
	struct extract	*e;
	struct buf	 frag = BUF_INIT;
	xmlDocPtr	 tree;
	char		*why = NULL;

	if (type != NULL && strcmp(type, "text/plain") == 0) {
		d = pipeline_text(utf8, utf8len, url,
		    fragment != NULL ? &frag : NULL);
		free(utf8);
	} else {
		if ((tree = clean_parse_take(utf8, utf8len, &why)) == NULL)
			return pipeline_fail(url, why, cause);
		if ((e = extract_select(tree, url, &why)) == NULL) {
			xmlFreeDoc(tree);
			return pipeline_fail(url, why, cause);
		}
		if (fragment != NULL)
			extract_fragment_write(e, &frag);
		d = extract_build_free(e);
		extract_free(e);
		d = extract_build_finish(d);
		xmlFreeDoc(tree);
#ifdef HAVE_MALLOC_TRIM
		/* The tree of a long page leaves the heap full of holes
		 * that the layout's arrays, too large for them, never
		 * fill: they go back to the system (issue 14: a page of
		 * 200,000 paragraphs took 170 MB to lay out, not 119). */
		if (utf8len >= PIPELINE_TRIM)
			(void)malloc_trim(0);
#endif
	}
	if (d->nblocks == 0) {
		/* Nothing but a title, or an empty text: say so rather
		 * than show nothing. */
		doc_free(d);
		buf_free(&frag);
		return pipeline_fail(url,
		    xstrdup(_("no text to read in the page")), cause);
	}
	if (fragment != NULL)
		*fragment = buf_detach(&frag, NULL);
	return d;
}

struct doc *
pipeline_page_fragment(const char *data, size_t len, const char *type,
    const char *http_charset, const char *url, char **fragment,
    char **cause)
{
	char	*utf8, *why = NULL;
	size_t	 utf8len;

	if (charset_decode(data, len, http_charset, &utf8, &utf8len,
	    &why) != 0)
		return pipeline_fail(url, why, cause);
	return pipeline_utf8(utf8, utf8len, type, url, fragment, cause);
}

int
pipeline_load(const char *what, const struct fetch_opts *opts,
    struct doc **dp, char **cause)
{
	return pipeline_load_fragment(what, opts, dp, NULL, cause);
}

int
pipeline_load_fragment(const char *what, const struct fetch_opts *opts,
    struct doc **dp, char **fragment, char **cause)
{
	struct fetch_result	 res;
	int			 rc;
	char			*utf8, *why = NULL;
	size_t			 utf8len;

	if ((rc = fetch(what, opts, &res, cause)) != 0)
		return rc;
	/* The body goes as soon as it is decoded. */
	if (charset_decode(res.data, res.len, res.charset, &utf8, &utf8len,
	    &why) != 0)
		*dp = pipeline_fail(res.url, why, cause);
	else {
		free(res.data);
		res.data = NULL;
		res.len = 0;
		*dp = pipeline_utf8(utf8, utf8len, res.type, res.url,
		    fragment, cause);
	}
	fetch_result_free(&res);
	return *dp != NULL ? REEL_EXIT_OK : REEL_EXIT_FAILURE;
}
