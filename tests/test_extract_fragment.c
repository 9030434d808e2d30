/* test_extract_fragment.c: the content an extraction chose, written as
 * the library keeps it, and the document built again from it: the same
 * document, with no base, no scoring and no clutter pass. */
#include <config.h>

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/tree.h>

#include "buf.h"
#include "clean.h"
#include "doc.h"
#include "extract.h"
#include "extract_build.h"
#include "extract_dom.h"
#include "extract_fragment.h"
#include "extract_int.h"
#include "pipeline.h"
#include "render.h"
#include "util.h"

/* Paragraphs of prose, long enough and with enough commas to read as an
 * essay to the scorer. */
#define PROSE "<p>The camera holds on the empty street for a long time, " \
	"longer than any trailer would allow, and the waiting becomes the " \
	"subject of the scene, with the light changing slowly on the " \
	"walls.</p><p>When the car finally turns the corner, the film has " \
	"already taught us to listen for it, so the sound arrives before " \
	"the image, and the cut, when it comes, feels like a held breath " \
	"let go.</p>"

static char *
json(const struct doc *d)
{
	FILE	*f;
	char	*s = NULL;
	size_t	 len;

	if ((f = open_memstream(&s, &len)) == NULL)
		fail_msg("open_memstream: %s", strerror(errno));
	assert_int_equal(render(f, d, RENDER_JSON, 80), 0);
	assert_int_equal(fclose(f), 0);
	return s;
}

/* The document built from fragment, with d's metadata, is d. */
static void
assert_same(const struct doc *d, const char *fragment)
{
	struct doc	*kept;
	char		*cause = NULL, *a, *b;

	kept = extract_fragment_doc(fragment, strlen(fragment), d, &cause);
	if (kept == NULL)
		fail_msg("%s", cause);
	a = json(d);
	b = json(kept);
	assert_string_equal(b, a);
	free(a);
	free(b);
	doc_free(kept);
}

static const struct {
	const char	*body;
	const char	*url;
	const char	*has[4];	/* in the fragment */
	const char	*not[4];	/* nowhere in it */
} cases[] = {
	/* Links and images resolved against the page; no attribute but
	 * those the builder reads. */
	{ "<p>See <a href=\"../other.html#n2\" class=\"x\" "
	    "onclick=\"steal()\">the other piece</a> too.</p>",
	    "https://example.org/dir/page.html",
	    { "<div xmlns=\"http://www.w3.org/1999/xhtml\">",
	    "<a href=\"https://example.org/other.html#n2\">the other piece</a>",
	    NULL }, { "onclick", "class=", "../other" } },
	{ "<p>A <a href=\"javascript:steal()\">script</a> is no link.</p>",
	    "https://example.org/", { "<a>script</a>" }, { "javascript" } },
	{ "<figure><img data-src=\"/stills/rope.jpg\" alt=\"Rope &amp; "
	    "reel\" class=\"lazy wp-image\"><figcaption>The set of "
	    "Rope</figcaption></figure>", "https://example.org/a/",
	    { "<img src=\"https://example.org/stills/rope.jpg\" "
	    "alt=\"Rope &amp; reel\"/>", "<figcaption>The set of Rope",
	    NULL }, { "data-src", "lazy" } },
	/* An address that leads nowhere reel goes: a picture without one,
	 * still with its caption. */
	{ "<figure><img src=\"ftp://example.org/still.png\" alt=\"A still\">"
	    "<figcaption>Caption</figcaption></figure>",
	    "https://example.org/", { "src=\"about:invalid\"" }, { "ftp:" } },
	/* An emoji drawn as a picture is a word of the text. */
	{ "<p>Yes <img class=\"wp-smiley Emoji\" alt=\"\xf0\x9f\x98\x80\" "
	    "src=\"/e.png\"> indeed.</p>", "https://example.org/",
	    { "class=\"emoji\"" }, { "wp-smiley" } },
	/* Lists keep their numbers. */
	{ "<ol start=\"3\" reversed><li>Three</li><li value=\"9\">Nine</li>"
	    "</ol>", "https://example.org/",
	    { "<ol start=\"3\" reversed=\"\">", "<li value=\"9\">Nine</li>" },
	    { NULL } },
	/* Text escaped and sanitized; comments gone. */
	{ "<p>Tom &amp; Jerry &lt;3 \x1b[2J<!-- a note --></p>",
	    "https://example.org/",
	    { "Tom &amp; Jerry &lt;3 \xe2\x90\x9b[2J" }, { "note", "\x1b" } },
	{ "<pre>  indented\n\tand tabbed</pre>", "https://example.org/",
	    { "<pre>  indented\n\tand tabbed</pre>" }, { NULL } },
	/* A file's links are absolute paths, written so that they read
	 * back as the same path ("%", "#", "?" and spaces encoded). */
	{ "<p>The <a href=\"notes%20100%25.html#n1\">notes</a> and "
	    "<a href=\"../q%3Fa.html\">more</a>.</p>",
	    "/home/reader/essays/page.html",
	    { "href=\"/home/reader/essays/notes%20100%25.html#n1\"",
	    "href=\"/home/reader/q%3Fa.html\"" }, { NULL } },
	/* A data table: rows, a header, a caption. */
	{ "<table><caption>Takes</caption><thead><tr><th>Film</th>"
	    "<th>Take</th></tr></thead><tr><td>Rope</td><td>10 min</td></tr>"
	    "</table>", "https://example.org/", { "<th>Film</th>" },
	    { NULL } },
};

static void
test_cases(void **state)
{
	struct doc	*d;
	char		*html, *frag = NULL, *cause = NULL;
	size_t		 i, j;

	for (i = 0; i < nitems(cases); i++) {
		html = xprintf("<html><head><title>Long takes</title></head>"
		    "<body><article><h1>Long takes</h1>%s%s%s</article>"
		    "</body></html>", PROSE, cases[i].body, PROSE);
		d = pipeline_page_fragment(html, strlen(html), "text/html",
		    NULL, cases[i].url, &frag, &cause);
		if (d == NULL)
			fail_msg("case %zu: %s", i, cause);
		for (j = 0; j < nitems(cases[i].has) && cases[i].has[j]; j++)
			if (strstr(frag, cases[i].has[j]) == NULL)
				fail_msg("case %zu: no %s in %s", i,
				    cases[i].has[j], frag);
		for (j = 0; j < nitems(cases[i].not) && cases[i].not[j]; j++)
			if (strstr(frag, cases[i].not[j]) != NULL)
				fail_msg("case %zu: %s in %s", i,
				    cases[i].not[j], frag);
		assert_same(d, frag);
		free(frag);
		doc_free(d);
		free(html);
	}
}

/* Nodes a clutter pass leaves side by side: a blank text with a
 * non-breaking space, skipped between blocks, stays apart from the text
 * after it; an element whose name XML cannot hold is a <span>. */
static void
test_tree_surgery(void **state)
{
	struct extract	*e;
	struct doc	*d;
	struct buf	 frag = BUF_INIT;
	xmlDocPtr	 tree;
	xmlNodePtr	 odd;
	char		*html, *cause = NULL;
	size_t		 i;
	const char	*texts[] = { "\xc2\xa0", "Word after a space.", " ",
	    "Another." };

	html = xprintf("<html><body><article>%s</article></body></html>",
	    PROSE);
	tree = clean_parse(html, strlen(html), &cause);
	assert_non_null(tree);
	e = extract_select(tree, "https://example.org/", &cause);
	assert_non_null(e);
	for (i = 0; i < nitems(texts); i++)
		extract_dom_append(e->x.article,
		    xmlNewDocText(tree, BAD_CAST texts[i]));
	odd = xmlNewDocNode(tree, NULL, BAD_CAST "o:p", NULL);
	extract_dom_append(odd, xmlNewDocText(tree, BAD_CAST "Odd."));
	extract_dom_append(e->x.article, odd);
	d = extract_build(e);
	extract_fragment_write(e, &frag);
	assert_non_null(strstr(buf_str(&frag),
	    "\xc2\xa0<!---->Word after a space. Another."));
	assert_non_null(strstr(buf_str(&frag), "<span>Odd.</span>"));
	assert_same(d, buf_str(&frag));
	doc_free(d);
	buf_free(&frag);
	extract_free(e);
	xmlFreeDoc(tree);
	free(html);
}

/* What is not a fragment of reel's is refused with a message. */
static void
test_refused(void **state)
{
	static const char	*bad[] = {
		"<div><p>unclosed</div>",
		"<p>no div</p>",
		"",
		"<div>\xef\xbf\xbf</div>",
	};
	struct doc		*m = doc_new("https://example.org/kept");
	char			*cause;
	size_t			 i;

	for (i = 0; i < nitems(bad); i++) {
		cause = NULL;
		assert_null(extract_fragment_doc(bad[i], strlen(bad[i]), m,
		    &cause));
		assert_non_null(cause);
		assert_non_null(strstr(cause, "https://example.org/kept: the "
		    "kept copy cannot be read: "));
		assert_null(strchr(cause, '\n'));
		free(cause);
	}
	doc_free(m);
}

/* The metadata come from the caller, the blocks from the fragment. */
static void
test_metadata(void **state)
{
	struct doc	*m = doc_new("https://example.org/essay");
	struct doc	*d;
	const char	*frag = "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<h2>1. Rope</h2><p>Ten <em>minutes</em>.</p></div>";
	char		*cause = NULL;

	m->title = xstrdup("Long Takes");
	m->byline = xstrdup("Nadia Okafor");
	m->lang = xstrdup("en");
	d = extract_fragment_doc(frag, strlen(frag), m, &cause);
	assert_non_null(d);
	assert_string_equal(d->url, "https://example.org/essay");
	assert_string_equal(d->title, "Long Takes");
	assert_string_equal(d->byline, "Nadia Okafor");
	assert_string_equal(d->lang, "en");
	assert_null(d->site);
	assert_int_equal(d->nblocks, 2);
	assert_int_equal(d->blocks[0].type, DOC_HEADING);
	assert_string_equal(d->blocks[1].text, "Ten minutes.");
	assert_int_equal(d->blocks[1].nspans, 1);
	assert_int_equal(d->nsections, 1);
	assert_string_equal(d->sections[0].label, "1");
	assert_int_equal(d->word_count, 4);
	doc_free(d);
	doc_free(m);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_tree_surgery),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_metadata),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
