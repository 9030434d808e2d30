/* test_clean.c: tidy's repair and the libxml2 tree built from it; on every
 * page of the Readability corpus, no word of the page is lost. */
#include <config.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <cmocka.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "clean.h"
#include "doc.h"
#include "pipeline.h"
#include "render.h"
#include "util.h"

#define FFFD	"\xef\xbf\xbd"

/* Elements whose text is never shown: left out on both sides. */
static const char *skipped[] = { "script", "style", "template" };

/* Inline elements: their edges do not separate words ("<b>a</b>b" is
 * one word, as a browser shows it); every other element's edges do. */
static const char *inline_elements[] = {
	"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code",
	"data", "del", "dfn", "em", "font", "i", "ins", "kbd", "label",
	"mark", "nobr", "q", "s", "samp", "small", "span", "strike",
	"strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
};

static int
name_in(const char **list, size_t n, const xmlChar *name)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (xmlStrcasecmp(name, (const xmlChar *)list[i]) == 0)
			return 1;
	}
	return 0;
}

/* Appends the text a reader sees under n to out, a space at the edges of
 * non-inline elements. Recursive: test pages are not deep. */
static void
visible_text(xmlNodePtr n, struct buf *out)
{
	int	block;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				buf_adds(out, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (name_in(skipped, nitems(skipped), n->name))
			continue;
		block = !name_in(inline_elements, nitems(inline_elements),
		    n->name);
		if (block)
			buf_addc(out, ' ');
		visible_text(n->children, out);
		if (block)
			buf_addc(out, ' ');
	}
}

/* Does the tree hold a node of this type anywhere? */
static int
has_node_type(xmlNodePtr n, xmlElementType type)
{
	for (; n != NULL; n = n->next) {
		if (n->type == type || has_node_type(n->children, type))
			return 1;
	}
	return 0;
}

static int
tree_depth(xmlNodePtr n)
{
	int	d, max = 0;

	for (; n != NULL; n = n->next) {
		if ((d = 1 + tree_depth(n->children)) > max)
			max = d;
	}
	return max;
}

/* The first element called name, in document order. */
static xmlNodePtr
find_element(xmlNodePtr n, const char *name)
{
	xmlNodePtr	found;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(n->name, (const xmlChar *)name) == 0)
			return n;
		if ((found = find_element(n->children, name)) != NULL)
			return found;
	}
	return NULL;
}

static xmlDocPtr
parse_ok(const char *html, size_t len)
{
	xmlDocPtr	 d;
	char		*cause = NULL;

	d = clean_parse(html, len, &cause);
	if (d == NULL)
		fail_msg("clean_parse: %s", cause);
	assert_null(cause);
	return d;
}

/* The visible text of html after cleaning, white space collapsed. */
static char *
cleaned_text(const char *html, size_t len)
{
	xmlDocPtr	 d = parse_ok(html, len);
	struct buf	 raw = BUF_INIT, out = BUF_INIT;
	size_t		 i;
	int		 space = 0;

	visible_text(xmlDocGetRootElement(d), &raw);
	xmlFreeDoc(d);
	for (i = 0; i < raw.len; i++) {
		if (raw.data[i] == ' ' || raw.data[i] == '\n' ||
		    raw.data[i] == '\t' || raw.data[i] == '\r') {
			space = out.len > 0;
			continue;
		}
		if (space)
			buf_addc(&out, ' ');
		space = 0;
		buf_addc(&out, raw.data[i]);
	}
	buf_free(&raw);
	return buf_detach(&out, NULL);
}

static void
test_malformed_markup(void **state)
{
	const char	*html = "<p>one<p>two</div> <b>bold <i>both</b> "
	    "italic</i><ul><li>first<li>second</ul><table><tr>stray"
	    "<td>cell</table>";
	xmlDocPtr	 d = parse_ok(html, strlen(html));
	xmlNodePtr	 p, body;
	char		*text;

	body = find_element(xmlDocGetRootElement(d), "body");
	assert_non_null(body);
	assert_non_null(find_element(xmlDocGetRootElement(d), "head"));
	/* <p> inside <p> becomes two paragraphs, siblings. */
	p = find_element(body, "p");
	assert_non_null(p);
	assert_null(find_element(p->children, "p"));
	xmlFreeDoc(d);

	text = cleaned_text(html, strlen(html));
	/* Tidy moves the stray table text before the table: moved, kept. */
	assert_string_equal(text,
	    "one two bold both italic first second stray cell");
	free(text);
}

static void
test_entities_are_text(void **state)
{
	const char	*html = "<p title=\"caf&eacute; &amp; co\">a &amp; b "
	    "&eacute; &#x1F3AC; &foo; &lt;tag&gt;</p>";
	xmlDocPtr	 d = parse_ok(html, strlen(html));
	xmlNodePtr	 p;
	xmlChar		*title;

	p = find_element(xmlDocGetRootElement(d), "p");
	assert_non_null(p);
	assert_non_null(p->children);
	assert_int_equal(p->children->type, XML_TEXT_NODE);
	/* An undefined entity stays as the text it was. */
	assert_string_equal((const char *)p->children->content,
	    "a & b \xc3\xa9 \xf0\x9f\x8e\xac &foo; <tag>");
	title = xmlGetProp(p, (const xmlChar *)"title");
	assert_string_equal((const char *)title, "caf\xc3\xa9 & co");
	xmlFree(title);
	assert_false(has_node_type(d->children, XML_ENTITY_REF_NODE));
	assert_false(has_node_type(d->children, XML_ENTITY_DECL));
	assert_null(d->intSubset);
	xmlFreeDoc(d);
}

static void
test_svg_and_math_decoded(void **state)
{
	/* Tidy keeps the text of <svg> and <math> as written; the tree
	 * holds it decoded like any other text. */
	const char	*html = "<p>If <math><mi>&alpha;</mi><mo>&lt;</mo>"
	    "<mtext>&nbsp;for &#x3b2;&#946; &bogus; &amp</mtext></math> "
	    "<svg><text>a &amp; b</text></svg> &amp; c</p>";
	char		*text = cleaned_text(html, strlen(html));

	assert_string_equal(text, "If \xce\xb1 < \xc2\xa0" "for \xce\xb2"
	    "\xce\xb2 &bogus; & a & b & c");
	free(text);
}

static void
test_doctype_loads_nothing(void **state)
{
	/* A DTD and an external entity: nothing is fetched or expanded. */
	const char	*html = "<!DOCTYPE html SYSTEM "
	    "\"http://127.0.0.1:9/x.dtd\" [<!ENTITY e SYSTEM "
	    "\"file:///etc/passwd\">]><p>x &e; y</p>";
	char		*text = cleaned_text(html, strlen(html));

	assert_null(strstr(text, "root:"));
	assert_non_null(strstr(text, "x &e; y"));
	free(text);
}

static void
test_nul_byte(void **state)
{
	static const char	 html[] = "<p>before\0after</p><p>the last "
	    "words</p>";
	char			*text;

	/* The NUL is dropped as a browser does; the page goes on. */
	text = cleaned_text(html, sizeof html - 1);
	assert_string_equal(text, "beforeafter the last words");
	free(text);
}

/* Texts after a long one (longer than the buffer kept between text
 * nodes) come out whole and alone, however the buffer was given back. */
static void
test_text_after_long_text(void **state)
{
	struct buf	 b = BUF_INIT, want = BUF_INIT;
	char		*text;
	size_t		 i;

	buf_adds(&b, "<p>first</p><p>");
	for (i = 0; i < 3000; i++) {
		buf_adds(&b, "long ");
		buf_adds(&want, i == 0 ? "long" : " long");
	}
	buf_adds(&b, "</p><p>short</p><p>x</p><p>the last words</p>");
	text = cleaned_text(b.data, b.len);
	buf_free(&b);
	b = (struct buf)BUF_INIT;
	buf_adds(&b, "first ");
	buf_add(&b, want.data, want.len);
	buf_adds(&b, " short x the last words");
	assert_string_equal(text, buf_str(&b));
	free(text);
	buf_free(&b);
	buf_free(&want);
}

static void
test_empty_input(void **state)
{
	xmlDocPtr	d = parse_ok("", 0);
	xmlNodePtr	root = xmlDocGetRootElement(d);

	assert_non_null(root);
	assert_string_equal((const char *)root->name, "html");
	assert_non_null(find_element(root, "head"));
	assert_non_null(find_element(root, "body"));
	xmlFreeDoc(d);
}

static void
test_huge_attribute(void **state)
{
	size_t		 n = 1 << 20, i;
	struct buf	 b = BUF_INIT;
	xmlDocPtr	 d;
	xmlNodePtr	 img;
	xmlChar		*alt;

	buf_adds(&b, "<p>Before <img alt=\"");
	for (i = 0; i < n; i++)
		buf_addc(&b, (char)('a' + i % 26));
	buf_adds(&b, "\"> after.</p>");
	d = parse_ok(b.data, b.len);
	img = find_element(xmlDocGetRootElement(d), "img");
	assert_non_null(img);
	alt = xmlGetProp(img, (const xmlChar *)"alt");
	assert_non_null(alt);
	assert_int_equal(strlen((const char *)alt), n);
	assert_memory_equal(alt, b.data + strlen("<p>Before <img alt=\""), n);
	xmlFree(alt);
	xmlFreeDoc(d);
	buf_free(&b);
}

static void
test_template_and_custom_elements(void **state)
{
	const char	*html = "<template><p>inert</p></template>"
	    "<my-widget data-Kind=\"Quote\">Widget text</my-widget>"
	    "<amp-img src=\"still.jpg\" alt=\"A still\"></amp-img>"
	    "<DIV CLASS=\"Lead\">Shown</DIV>";
	xmlDocPtr	 d = parse_ok(html, strlen(html));
	xmlNodePtr	 root = xmlDocGetRootElement(d), n;
	xmlChar		*v;
	char		*text;

	assert_non_null(find_element(root, "template"));
	n = find_element(root, "my-widget");
	assert_non_null(n);
	v = xmlGetProp(n, (const xmlChar *)"data-kind");
	assert_string_equal((const char *)v, "Quote");
	xmlFree(v);
	n = find_element(root, "amp-img");
	assert_non_null(n);
	v = xmlGetProp(n, (const xmlChar *)"src");
	assert_string_equal((const char *)v, "still.jpg");
	xmlFree(v);
	/* Names are lower case; values keep their case. */
	n = find_element(root, "div");
	assert_non_null(n);
	v = xmlGetProp(n, (const xmlChar *)"class");
	assert_string_equal((const char *)v, "Lead");
	xmlFree(v);
	xmlFreeDoc(d);

	text = cleaned_text(html, strlen(html));
	assert_string_equal(text, "Widget text Shown");
	free(text);
}

static void
test_json_ld_intact(void **state)
{
	const char	*json = "{\"@context\":\"https://schema.org\","
	    "\"headline\":\"Tom &amp; Jerry <b>\",\"x\":\"a<b && c>d\"}";
	struct buf	 b = BUF_INIT;
	xmlDocPtr	 d;
	xmlNodePtr	 script;
	xmlChar		*text;

	buf_printf(&b, "<html><head><script type=\"application/ld+json\">"
	    "%s</script></head><body><p>Body.</p></body></html>", json);
	d = parse_ok(b.data, b.len);
	script = find_element(xmlDocGetRootElement(d), "script");
	assert_non_null(script);
	text = xmlNodeGetContent(script);
	assert_string_equal((const char *)text, json);
	xmlFree(text);
	xmlFreeDoc(d);
	buf_free(&b);
}

static void
test_comments_left_out(void **state)
{
	const char	*html = "<p>one<!-- a comment -->two</p>";
	xmlDocPtr	 d = parse_ok(html, strlen(html));
	xmlNodePtr	 p = find_element(xmlDocGetRootElement(d), "p");

	/* As a browser shows it: one word, in one text node. */
	assert_false(has_node_type(d->children, XML_COMMENT_NODE));
	assert_non_null(p->children);
	assert_null(p->children->next);
	assert_string_equal((const char *)p->children->content, "onetwo");
	xmlFreeDoc(d);
}

static void
test_deep_nesting(void **state)
{
	/* Deep for tidy (up to 5,000 levels) yet within the budget: each is
	 * parsed, the tree kept to a depth any recursive walk can take, and
	 * the text kept. */
	static const struct {
		const char	*tag;
		int		 n;
	} deep[] = {
		{ "<table><tr><td>", 1000 },
		{ "<td><p><li>", 1000 },
		{ "<b><div></b>", 3000 },
		{ "<div>", 4000 },
	};
	/* Beyond it, refused with a reason, quickly. */
	static const struct {
		const char	*tag;
		int		 n;
	} too_deep[] = {
		{ "<div>", 200000 },
		{ "<font size=2>", 5000 },
		{ "<span><!-- </span> -->", 5000 },
		{ "<table><tr><td>", 3000 },
		{ "<div></span>", 5000 },
	};
	struct buf	 b = BUF_INIT;
	xmlDocPtr	 d;
	xmlChar		*content;
	char		*text, *cause = NULL;
	size_t		 i;
	int		 j;

	for (i = 0; i < nitems(deep); i++) {
		buf_reset(&b);
		for (j = 0; j < deep[i].n; j++)
			buf_adds(&b, deep[i].tag);
		buf_adds(&b, "deep text");
		d = parse_ok(b.data, b.len);
		assert_true(tree_depth(d->children) <= 258);
		xmlFreeDoc(d);
		text = cleaned_text(b.data, b.len);
		assert_string_equal(text, "deep text");
		free(text);
	}
	for (i = 0; i < nitems(too_deep); i++) {
		buf_reset(&b);
		for (j = 0; j < too_deep[i].n; j++)
			buf_adds(&b, too_deep[i].tag);
		buf_adds(&b, "too deep");
		d = clean_parse(b.data, b.len, &cause);
		assert_null(d);
		assert_non_null(cause);
		assert_string_equal(cause, "the page nests more than 4096 "
		    "elements");
		free(cause);
		cause = NULL;
	}

	/* Paragraphs too deep for the tree lose their elements, not the
	 * space between them: libxml2 would merge "one." and "two.". */
	buf_reset(&b);
	for (j = 0; j < 300; j++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "<p>one.</p><p>two.</p>");
	d = parse_ok(b.data, b.len);
	content = xmlNodeGetContent(xmlDocGetRootElement(d));
	assert_non_null(content);
	assert_non_null(strstr((const char *)content, "two."));
	assert_null(strstr((const char *)content, "one.two."));
	xmlFree(content);
	xmlFreeDoc(d);

	/* Closed, void and self-closing elements, and those a sibling
	 * closes, do not count: a long flat page is fine. */
	buf_reset(&b);
	for (j = 0; j < 20000; j++)
		buf_adds(&b, "<div><span>x</span></div><li>item<p>para "
		    "<a href=\"#\">link<br><img src=\"x.png\"><i/>");
	buf_adds(&b, "<script>if (a <b) { \"<div>\" }</script>");
	d = parse_ok(b.data, b.len);
	xmlFreeDoc(d);
	buf_free(&b);
}

/* The value of attribute name of the first element called elem. */
static char *
attr_of(xmlDocPtr d, const char *elem, const char *name)
{
	xmlNodePtr	 n = find_element(xmlDocGetRootElement(d), elem);
	xmlChar		*v;
	char		*s;

	if (n == NULL)
		fail_msg("no <%s>", elem);
	if ((v = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		fail_msg("<%s> has no %s", elem, name);
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The text of the first element called elem. */
static char *
text_of(xmlDocPtr d, const char *elem)
{
	xmlNodePtr	 n = find_element(xmlDocGetRootElement(d), elem);
	xmlChar		*v;
	char		*s;

	if (n == NULL)
		fail_msg("no <%s>", elem);
	v = xmlNodeGetContent(n);
	s = xstrdup(v != NULL ? (const char *)v : "");
	xmlFree(v);
	return s;
}

static void
assert_attr(xmlDocPtr d, const char *elem, const char *name,
    const char *want)
{
	char	*v = attr_of(d, elem, name);

	assert_string_equal(v, want);
	free(v);
}

static void
assert_text(xmlDocPtr d, const char *elem, const char *want)
{
	char	*v = text_of(d, elem);

	assert_string_equal(v, want);
	free(v);
}

static void
test_nul_reference(void **state)
{
	/*
	 * HTML reads a reference to U+0000, or past U+10FFFF, as U+FFFD.
	 * Tidy reads a NUL (and past U+10FFFF, the value modulo 2^32): the
	 * text stopped there ("a") and so did attribute values.
	 */
	static const char	 html[] = "<p title=\"t&#0;u\" "
	    "data-x='&#x0000;v' data-y=w&#0 data-z=\"&#4294967296;\">"
	    "a&#0;b and more text, &#x0;c&#00;d &#0e &#4294967296;f "
	    "&#x110000;g &#x100000000;h</p><pre>i&#0;j</pre>"
	    "<textarea>k&#0;l</textarea><img alt=\"m&#0;n\" src=x.png>"
	    "<a href=\"o&#0;p\">q</a>";
	xmlDocPtr		 d = parse_ok(html, sizeof html - 1);

	assert_text(d, "p", "a" FFFD "b and more text, " FFFD "c" FFFD "d "
	    FFFD "e " FFFD "f " FFFD "g " FFFD "h");
	assert_attr(d, "p", "title", "t" FFFD "u");
	assert_attr(d, "p", "data-x", FFFD "v");
	assert_attr(d, "p", "data-y", "w" FFFD);
	assert_attr(d, "p", "data-z", FFFD);
	assert_text(d, "pre", "i" FFFD "j");
	/* Raw text: the pre-pass copies it unread, tidy decodes it. */
	assert_text(d, "textarea", "k" FFFD "l");
	assert_attr(d, "img", "alt", "m" FFFD "n");
	assert_attr(d, "a", "href", "o" FFFD "p");
	xmlFreeDoc(d);
}

static void
test_controls_kept(void **state)
{
	/* Tidy drops every C0 control but ESC (and DEL); they are the
	 * sanitizer's to show. A form feed separates words. */
	static const char	 html[] = "<p title=\"a\x1b[31mb\x07\" "
	    "alt=c\x08" "d>e\x1b" "f\x07g\x08h\x0bi\x0cj\x1f" "k\x7fl m\x01n"
	    "&#27;o</p><pre>p\x01q\x0c</pre><textarea>r\x02s</textarea>"
	    "<svg><text x=\"\x03\">t\x04u</text></svg>";
	xmlDocPtr		 d = parse_ok(html, sizeof html - 1);
	struct doc		*doc;
	char			*out, *cause = NULL;
	size_t			 len;
	FILE			*f;

	assert_text(d, "p", "e\x1b" "f\x07g\x08h\x0bi\x0cj\x1f" "k\x7fl "
	    "m\x01n\x1bo");
	assert_attr(d, "p", "title", "a\x1b[31mb\x07");
	assert_attr(d, "p", "alt", "c\x08" "d");
	assert_text(d, "pre", "p\x01q\x0c");
	assert_text(d, "textarea", "r\x02s");
	assert_text(d, "text", "t\x04u");
	assert_attr(d, "text", "x", "\x03");
	xmlFreeDoc(d);

	/* And on to the dump, where the sanitizer shows them. */
	doc = pipeline_page(html, sizeof html - 1, "text/html", NULL,
	    "file:///controls.html", &cause);
	if (doc == NULL)
		fail_msg("pipeline_page: %s", cause);
	if ((f = open_memstream(&out, &len)) == NULL)
		fail_msg("open_memstream failed");
	assert_int_equal(render(f, doc, RENDER_PLAIN, 0), 0);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(out, "e\xe2\x90\x9b" "f\xe2\x90\x87g"
	    "\xe2\x90\x88h i j\xe2\x90\x9fk\xe2\x90\xa1l m\xe2\x90\x81n"
	    "\xe2\x90\x9bo"));
	free(out);
	doc_free(doc);
}

static void
test_pre_tabs(void **state)
{
	/* Tidy expands tabs to spaces unless told to keep them; in <pre>
	 * they are the layout's. Elsewhere they are white space. */
	static const char	 html[] = "<html><head><title>Tabs</title>"
	    "</head><body><article><h1>Tabs</h1><p>A table of takes, as "
	    "the editor typed it, with a tab between the columns so that "
	    "they line up in a terminal as they did on her screen.</p>"
	    "<pre>take\tlength\n1\t0:42\n2\t\t1:07</pre><p>Outside "
	    "preformatted\ttext a tab is only\t white space between "
	    "words, and the paragraph reads as any other does.</p>"
	    "</article></body></html>";
	xmlDocPtr		 d = parse_ok(html, sizeof html - 1);
	struct doc		*doc;
	char			*out, *cause = NULL;
	size_t			 len;
	FILE			*f;

	assert_text(d, "pre", "take\tlength\n1\t0:42\n2\t\t1:07");
	xmlFreeDoc(d);

	doc = pipeline_page(html, sizeof html - 1, "text/html", NULL,
	    "file:///tabs.html", &cause);
	if (doc == NULL)
		fail_msg("pipeline_page: %s", cause);
	if ((f = open_memstream(&out, &len)) == NULL)
		fail_msg("open_memstream failed");
	assert_int_equal(render(f, doc, RENDER_PLAIN, 0), 0);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(out, "take\tlength\n1\t0:42\n2\t\t1:07"));
	assert_non_null(strstr(out, "Outside preformatted text a tab is "
	    "only white space"));
	free(out);
	doc_free(doc);
}

static void
test_svg_references(void **state)
{
	/* In <svg>, where tidy leaves named references as written, they
	 * are decoded as elsewhere; a numeric one is never a NUL. */
	static const char	 html[] = "<p><svg><text>a&#0;b&#xd800;c"
	    "&#1114112;d&#65;e&#x42;f&#67g&# 68;h&#x0x45;i&#;j&#x;k"
	    "&eacute;l&bogus;m&lt;n</text></svg></p>";
	char			*text = cleaned_text(html, sizeof html - 1);

	assert_string_equal(text, "a" FFFD "b" FFFD "c" FFFD "dAeBfCg&# 68;h"
	    FFFD "x45;i&#;j&#x;k\xc3\xa9l&bogus;m<n");
	free(text);
}

/* Builds n copies of s, then "end", and parses them; returns the cause
 * of a refusal, or NULL if the page was parsed. */
static char *
parse_repeated(const char *s, size_t n)
{
	struct buf	 b = BUF_INIT;
	xmlDocPtr	 d;
	char		*cause = NULL;
	size_t		 i;

	for (i = 0; i < n; i++)
		buf_adds(&b, s);
	buf_adds(&b, "end");
	if ((d = clean_parse(b.data, b.len, &cause)) != NULL) {
		assert_null(cause);
		xmlFreeDoc(d);
	} else
		assert_non_null(cause);
	buf_free(&b);
	return cause;
}

static void
test_budgets(void **state)
{
	/* Pages that cost tidy tens of seconds or gigabytes are refused,
	 * with a reason, before or while tidy reads them. */
	static const struct {
		const char	*s;
		size_t		 n;
		const char	*cause;
	} refused[] = {
		/* 30 s and 2.65 GB for a million */
		{ "<a href=x>", 130000, "the page has more than 250000 "
		    "elements and attributes" },
		/* 55 s for 30,000: tidy makes <ul> and <table> */
		{ "<td><p><li>", 30000, "the page nests more than 4096 "
		    "elements" },
		/* 48 s for 2,000: each <div> holds every <font> again */
		{ "<font><div>", 2000, "the page nests more than 4096 "
		    "elements" },
		{ "<p><font>x", 1000, "the page has more than 250000 "
		    "elements and attributes" },
		/* 5 s for a million */
		{ "&bogus; ", 110000, "the page has more than 100000 faults "
		    "to repair" },
		/* what the pre-pass does not see, tidy's depth shows */
		{ "<form></table><table><dt><title>", 20000, "the page nests "
		    "elements too deeply to repair" },
	};
	struct buf	 b = BUF_INIT;
	char		*cause;
	size_t		 i;

	for (i = 0; i < nitems(refused); i++) {
		cause = parse_repeated(refused[i].s, refused[i].n);
		if (cause == NULL)
			fail_msg("\"%s\" x %zu: parsed", refused[i].s,
			    refused[i].n);
		assert_string_equal(cause, refused[i].cause);
		free(cause);
	}

	/* One element with more attributes than any page needs: tidy
	 * checks each against the others, and 300,000 take it minutes. */
	buf_adds(&b, "<p");
	for (i = 0; i < 1100; i++)
		buf_printf(&b, " data-a%zu=\"%zu\"", i, i);
	buf_adds(&b, ">text");
	cause = parse_repeated(b.data, 1);
	assert_non_null(cause);
	assert_string_equal(cause, "an element of the page has more than "
	    "1024 attributes");
	free(cause);
	buf_free(&b);

	/* Within the budgets, large pages are read. */
	assert_null(parse_repeated("<p class=\"para\">Some words <a "
	    "href=\"#n\">a link</a>, <b>bold</b> and <br> more.</p>",
	    20000));
	assert_null(parse_repeated("<font size=2><p>x</font>", 20000));
	assert_null(parse_repeated("<tr><td><font>x</td></tr>", 20000));
}

static void
test_repair_then_tree(void **state)
{
	const char	*html = "<h2>Title</h2><p>Text</p>";
	struct clean	*c;
	xmlDocPtr	 d1, d2;
	char		*cause = NULL;

	c = clean_repair(html, strlen(html), &cause);
	assert_non_null(c);
	/* The repaired page can give more than one tree. */
	d1 = clean_tree(c, &cause);
	d2 = clean_tree(c, &cause);
	assert_non_null(d1);
	assert_non_null(d2);
	assert_null(cause);
	assert_non_null(find_element(xmlDocGetRootElement(d2), "h2"));
	clean_free(c);
	xmlFreeDoc(d1);
	xmlFreeDoc(d2);
	clean_free(NULL);
}

/* The pre-pass: what tidy is given, byte for byte. */
static const struct {
	const char	*in;
	const char	*out;
} strip_cases[] = {
	{ "", "" },
	/* A doctype before all else stays (after a BOM, white space, an
	 * XML declaration or a comment); any other "<!...>" is a comment,
	 * as HTML5 reads it: tidy took a late "<!D" for a doctype and
	 * recursed without end (fuzz_layout). */
	{ "\xef\xbb\xbf <?xml version=\"1.0\"?><!-- c --><!DOCTYPE html><p>x",
	  "\xef\xbb\xbf <!DOCTYPE html><p>x" },
	{ "<button <div><!D y><head<<s", "<button <div><head<<s" },
	{ "<p>x</p><!DOCTYPE html><!ELEMENT p ANY>y",
	  "<p>x</p>y" },
	/* A script's body goes, its tags stay; JSON-LD stays whole. */
	{ "<head><script>var s = \"<p>no</p>\";</script><script type=\" "
	    "Application/LD+JSON; charset=utf-8\">{\n  \"name\": \"a  <b>"
	    " &amp; c\"\n}</script></head>",
	  "<head><script></script><script type=\" Application/LD+JSON; "
	    "charset=utf-8\">{\n  \"name\": \"a  <b> &amp; c\"\n}</script>"
	    "</head>" },
	{ "<script type=application/ld+json>{}</script><script "
	    "type=\"application/ld+jsonx\">{}</script>",
	  "<script type=application/ld+json>{}</script><script "
	    "type=\"application/ld+jsonx\"></script>" },
	/* "<script>" in a value or a comment opens nothing. */
	{ "<p title=\"<script>\">one</p><img alt='a > <script> b'>two",
	  "<p title=\"<script>\">one</p><img alt='a > <script> b'>two" },
	{ "<!-- <script> -->three</script>", "three</script>" },
	/* A '>' in a quoted value does not end the tag. */
	{ "<div title=\"x>y\"><script data-x='>' type=\"application/"
	    "ld+json\">{\"k\": 1}</script><script>z</script></div>",
	  "<div title=\"x>y\"><script data-x='>' type=\"application/"
	    "ld+json\">{\"k\": 1}</script><script></script></div>" },
	/* Only "</script" and a white space, '/' or '>' ends a script. */
	{ "<script>a(\"</scripty>\"); b(\"</script\")</SCRIPT >after",
	  "<script></SCRIPT >after" },
	{ "<script>x</script\t/>after", "<script></script\t/>after" },
	/* Upper case tags. */
	{ "<SCRIPT TYPE=\"text/javascript\">x</SCRIPT><STYLE>p{}</STYLE>"
	    "<Style media=all>q{}</sTyLe>text",
	  "<SCRIPT TYPE=\"text/javascript\"></SCRIPT><STYLE></STYLE>"
	    "<Style media=all></sTyLe>text" },
	/* What never ends runs to the end of the page. */
	{ "<p>a</p><script>var x = \"<p>b</p>", "<p>a</p><script>" },
	{ "a<!-- b <p>c</p>", "a" },
	{ "<style>p { color: red }", "<style>" },
	{ "<p>d<script type=\"application/ld+json", "<p>d<script "
	    "type=\"application/ld+json" },
	/* Comments, the odd ones too. */
	{ "<!-- only a comment -->", "" },
	{ "<!-->a<!--->b<!-- c --!>d<!-- e -- f --->g<!---->h",
	  "abdgh" },
	/* Kept where, gone, it would make "<script>" or "&amp;". */
	{ "x <<!-- -->script>y &amp<!-- -->; z",
	  "x <<!-- -->script>y &amp<!-- -->; z" },
	/* Raw text is copied unread. */
	{ "<title>T <script>t</script> <!-- u --></title><textarea>"
	    "<script>v</script></textarea><xmp><!-- w --></xmp>",
	  "<title>T <script>t</script> <!-- u --></title><textarea>"
	    "<script>v</script></textarea><xmp><!-- w --></xmp>" },
	{ "<plaintext><script>x</script><!-- y -->",
	  "<plaintext><script>x</script><!-- y -->" },
	/* Empty, as tidy and libxml2 read them. */
	{ "<script src=\"a.js\"/>kept<style/>too",
	  "<script src=\"a.js\"/>kept<style/>too" },
	/* Not tags: the text stays. */
	{ "a < b <script>c</script>d <3 </ <script>e</script>",
	  "a < b <script></script>d <3 </ <script>e</script>" },
	{ "<![CDATA[ <script> ]]>f<?x <script> ?>g",
	  "<![CDATA[ <script> ]]>f ?>g" },
	/* A processing instruction is a comment to its first '>', quotes
	 * or not: tidy 5.6 leaked the attributes of an "<?xml" whose
	 * quote ran to the end of the page (fuzz_layout). In <svg>, one
	 * that might hold a script's end tag stays. */
	{ "<p>x</p><?xml a=\"1> <p>y</p><?xml b='2", "<p>x</p> <p>y</p>" },
	{ "<svg><?xml a=\"1><?x </script>?></svg>",
	  "<svg><?x </script>?></svg>" },
	{ "x <<?x?>p> &amp<?xml a=\"1", "x <<!---->p> &amp<!---->" },
	/* In <svg> and <math>: a path's geometry goes, nothing else. */
	{ "<svg viewBox=\"0 0 9 9\"><path d=\"M0 0L9 9\"/><path D='M1'/>"
	    "<path d=M2/><script>k</script><style>s</style><!-- c -->"
	    "<svg><text>T</text></svg><script/>u</svg><script>v</script>",
	  "<svg viewBox=\"0 0 9 9\"><path d=\"\"/><path D=''/>"
	    "<path d=M2/><script>k</script><style>s</style><!-- c -->"
	    "<svg><text>T</text></svg><script/>u</svg><script></script>" },
	{ "<math><mi d=\"x\">x</mi></math><svg/><script>y</script>",
	  "<math><mi d=\"x\">x</mi></math><svg/><script></script>" },
	/* Controls tidy drops become references; references tidy reads as
	 * a NUL, or modulo 2^32, become U+FFFD: in text, attribute values
	 * and raw text, not in scripts, comments or CDATA. */
	{ "a\x01" "b\x1b" "c<p title=\"d\x02" "e\" alt=f\x1f>g&#0;h&#x0i"
	    "&#1114112;j&#65;k&#x;l&#4294967296m</p>",
	  "a&#1;b\x1b" "c<p title=\"d&#2;e\" alt=f&#31;>g" FFFD "h" FFFD "i"
	    FFFD "j&#65;k&#x;l" FFFD "m</p>" },
	{ "a\fb\vc \f\t d<pre>\f\x01 \t</pre><textarea>e\x01&#0;"
	    "</textarea>",
	  "a&#12;b&#11;c d<pre>&#12;&#1; \t</pre><textarea>e&#1;" FFFD
	    "</textarea>" },
	{ "<script type=application/ld+json>\x01&#0;</script><![CDATA["
	    "\x02&#0;]]><!-- \x03 -->",
	  "<script type=application/ld+json>\x01&#0;</script><![CDATA["
	    "\x02&#0;]]>" },
	{ "<svg><path d=\"M0\x01\"/><text x=\"&#0;\">\x01</text></svg>",
	  "<svg><path d=\"\"/><text x=\"" FFFD "\">&#1;</text></svg>" },
	/* White space: one of a run, but in <pre> and raw text. */
	{ "<p>a  \n\t b</p>\n\n<PRE>  x\n\n  y</PRE>  <p>c \r\n d</p>"
	    "<pre><b>  e</b>\n</pre>\n <textarea>  f\n  g</textarea>",
	  "<p>a b</p>\n<PRE>  x\n\n  y</PRE> <p>c d</p>"
	    "<pre><b>  e</b>\n</pre>\n<textarea>  f\n  g</textarea>" },
};

static void
test_strip(void **state)
{
	char	*out;
	size_t	 i, len;

	for (i = 0; i < nitems(strip_cases); i++) {
		out = clean_strip(strip_cases[i].in, strlen(strip_cases[i].in),
		    &len);
		if (len != strlen(strip_cases[i].out) ||
		    memcmp(out, strip_cases[i].out, len) != 0)
			fail_msg("case %zu: got \"%.*s\"", i, (int)len, out);
		free(out);
	}
}

static void
test_strip_keeps_text(void **state)
{
	/* Tidy reads the markup in <title> and <textarea> (test_strip
	 * shows the pre-pass hands it over as it is); the words stay. */
	static const char	 html[] = "<html><head><title>A title"
	    "</title><script>document.write(\"<p>no</p>\")"
	    "</script><style>p:before { content: \"no\" }</style></head>"
	    "<body><p title=\"<script>\">One <!-- <script> -->two</p>"
	    "<script>if (a < b) { c = \"<p>no</p>\"; }</script>"
	    "<p>three<SCRIPT>no</SCRIPT >four</p><textarea><script>five"
	    "</script></textarea><script>no</scripty>no</script>six "
	    "<<!-- -->script>seven<!-- never ends <p>no</p>";
	xmlDocPtr		 d;
	xmlNodePtr		 script;
	char			*text;

	text = cleaned_text(html, sizeof html - 1);
	assert_string_equal(text, "A title One two threefour five six "
	    "<script>seven");
	free(text);
	/* The scripts are there, empty. */
	d = parse_ok(html, sizeof html - 1);
	script = find_element(xmlDocGetRootElement(d), "script");
	assert_non_null(script);
	assert_null(script->children);
	xmlFreeDoc(d);

	d = parse_ok("<!-- x -->", 10);
	assert_non_null(find_element(xmlDocGetRootElement(d), "body"));
	xmlFreeDoc(d);
}

/* Splits text into words at white space (pointers into text, which is
 * changed); returns the number. A no-break space counts as white space,
 * so U+00A0 becomes a space first: it separates words without being one,
 * and tidy turns it into a plain space inside <pre>. */
static size_t
split_words(char *text, char ***words)
{
	size_t	 n = 0, cap = 0;
	char	*s, *save = NULL;

	*words = NULL;
	for (s = text; (s = strstr(s, "\xc2\xa0")) != NULL; s += 2)
		s[0] = s[1] = ' ';
	for (s = strtok_r(text, " \t\n\r\f\v", &save); s != NULL;
	    s = strtok_r(NULL, " \t\n\r\f\v", &save)) {
		if (n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			*words = xreallocarray(*words, cap, sizeof **words);
		}
		(*words)[n++] = s;
	}
	return n;
}

static int
word_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Words of raw missing from clean (as multisets), listed in lost. Returns
 * the number missing. */
static size_t
lost_words(char *raw, char *clean, struct buf *lost)
{
	char	**rw, **cw;
	size_t	  nr, nc, i = 0, j = 0, missing = 0;
	int	  c;

	nr = split_words(raw, &rw);
	nc = split_words(clean, &cw);
	qsort(rw, nr, sizeof *rw, word_cmp);
	qsort(cw, nc, sizeof *cw, word_cmp);
	while (i < nr) {
		c = j < nc ? strcmp(rw[i], cw[j]) : -1;
		if (c == 0) {
			i++;
			j++;
		} else if (c > 0)
			j++;
		else {
			if (missing++ < 20)
				buf_printf(lost, " \"%s\"", rw[i]);
			i++;
		}
	}
	free(rw);
	free(cw);
	return missing;
}

static void
test_corpus_loses_no_text(void **state)
{
	const char	*corpus = getenv("REEL_CORPUS");
	char		*dir, *path, *html, *cause = NULL;
	struct dirent	*de;
	struct stat	 sb;
	DIR		*dp;
	size_t		 len, pages = 0, failed = 0, missing;
	xmlDocPtr	 raw, clean;
	struct buf	 rt, ct, lost;

	if (corpus == NULL || *corpus == '\0')
		fail_msg("REEL_CORPUS is not set");
	dir = xprintf("%s/readability", corpus);
	if ((dp = opendir(dir)) == NULL)
		fail_msg("%s: cannot open the corpus", dir);
	while ((de = readdir(dp)) != NULL) {
		path = xprintf("%s/%s/source.html", dir, de->d_name);
		/* Case folders only; LICENSE.md and NOTICE sit beside. */
		if (de->d_name[0] == '.' || stat(path, &sb) != 0) {
			free(path);
			continue;
		}
		if (read_file(path, SIZE_MAX / 2, &html, &len, &cause) != 0)
			fail_msg("%s", cause);
		pages++;
		raw = htmlReadMemory(html, (int)len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NONET |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
		assert_non_null(raw);
		if ((clean = clean_parse(html, len, &cause)) == NULL)
			fail_msg("%s: %s", path, cause);
		buf_init(&rt);
		buf_init(&ct);
		buf_init(&lost);
		visible_text(xmlDocGetRootElement(raw), &rt);
		visible_text(xmlDocGetRootElement(clean), &ct);
		if (rt.data != NULL && ct.data != NULL &&
		    (missing = lost_words(rt.data, ct.data, &lost)) > 0) {
			print_error("%s: %zu word(s) lost:%s\n", de->d_name,
			    missing, buf_str(&lost));
			failed++;
		} else if (rt.len > 0 && ct.len == 0) {
			print_error("%s: all text lost\n", de->d_name);
			failed++;
		}
		buf_free(&rt);
		buf_free(&ct);
		buf_free(&lost);
		xmlFreeDoc(raw);
		xmlFreeDoc(clean);
		free(html);
		free(path);
	}
	closedir(dp);
	free(dir);
	print_message("%zu pages compared, %zu lost text\n", pages, failed);
	assert_true(pages >= 100);
	assert_int_equal(failed, 0);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_malformed_markup),
		cmocka_unit_test(test_text_after_long_text),
		cmocka_unit_test(test_entities_are_text),
		cmocka_unit_test(test_svg_and_math_decoded),
		cmocka_unit_test(test_doctype_loads_nothing),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_huge_attribute),
		cmocka_unit_test(test_template_and_custom_elements),
		cmocka_unit_test(test_json_ld_intact),
		cmocka_unit_test(test_comments_left_out),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_nul_reference),
		cmocka_unit_test(test_controls_kept),
		cmocka_unit_test(test_pre_tabs),
		cmocka_unit_test(test_svg_references),
		cmocka_unit_test(test_budgets),
		cmocka_unit_test(test_repair_then_tree),
		cmocka_unit_test(test_strip),
		cmocka_unit_test(test_strip_keeps_text),
		cmocka_unit_test(test_corpus_loses_no_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
