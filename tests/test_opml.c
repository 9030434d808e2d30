/* test_opml.c: OPML lists read (tags from nesting, includes from files
 * and from tests/httpd.py on 127.0.0.1, cycles, broken outlines) and
 * written back byte for byte. Files live in a directory of the test's own,
 * which is also HOME and every XDG directory while it runs. */
#include <config.h>

#include <ftw.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "fetch.h"
#include "opml.h"
#include "util.h"

#include "testhome.h"
#include "testserver.h"

static const char *dir;	/* the test's home, from testhome_enter() */

/* Writes text to dir/name; returns the path (the caller frees it). */
static char *
put(const char *name, const char *text)
{
	char	*path = xprintf("%s/%s", dir, name);
	FILE	*f;

	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	return path;
}

static struct opml *
parse(const char *text)
{
	struct opml	*o;
	char		*cause = NULL;

	assert_int_equal(opml_parse(text, strlen(text), "list.opml", NULL,
	    &o, &cause), 0);
	assert_null(cause);
	return o;
}

static const struct opml_sub *
find(const struct opml *o, const char *url)
{
	size_t	i;

	for (i = 0; i < o->nsubs; i++)
		if (strcmp(o->subs[i].url, url) == 0)
			return &o->subs[i];
	fail_msg("%s is not in the list", url);
	return NULL;
}

/* Does some warning hold every one of the strings (NULL-terminated)? */
static int
warned(const struct opml *o, ...)
{
	va_list		 ap;
	const char	*s;
	size_t		 i;
	int		 all;

	for (i = 0; i < o->nwarnings; i++) {
		all = 1;
		va_start(ap, o);
		while ((s = va_arg(ap, const char *)) != NULL)
			if (strstr(o->warnings[i], s) == NULL)
				all = 0;
		va_end(ap);
		if (all)
			return 1;
	}
	return 0;
}

static void
test_tags_from_nesting(void **state)
{
	struct opml		*o;
	const struct opml_sub	*s;

	o = parse("<?xml version=\"1.0\"?>\n"
	    "<opml version=\"1.0\"><head><title>Film blogs</title></head>\n"
	    "<body>\n"
	    "<outline text=\"Loose\" type=\"rss\" "
	    "xmlUrl=\"https://loose.example/feed\"/>\n"
	    "<outline text=\"Criticism\">\n"
	    "  <outline text=\"Japan\">\n"
	    "    <outline type=\"rss\" text=\"Ozu notes\" title=\"Ozu Notes\" "
	    "xmlUrl=\"https://ozu.example/rss\" "
	    "htmlUrl=\"https://ozu.example/\"/>\n"
	    "  </outline>\n"
	    "  <outline text=\"Bright Lights\" xmlurl=\"https://bl.example/a\"/>\n"
	    "</outline>\n"
	    "<outline title=\"Essays\">\n"
	    "  <outline xmlUrl=\"https://ozu.example/rss\" text=\"again\"/>\n"
	    "</outline>\n"
	    "</body></opml>\n");
	assert_string_equal(o->title, "Film blogs");
	assert_int_equal(o->nsubs, 3);
	s = find(o, "https://loose.example/feed");
	assert_int_equal(s->ntags, 0);
	assert_string_equal(s->title, "Loose");
	/* Titles before text; both levels of nesting are tags; the second
	 * mention adds its tag to the first, and keeps the first title. */
	s = find(o, "https://ozu.example/rss");
	assert_string_equal(s->title, "Ozu Notes");
	assert_string_equal(s->html_url, "https://ozu.example/");
	assert_int_equal(s->ntags, 3);
	assert_string_equal(s->tags[0], "Criticism");
	assert_string_equal(s->tags[1], "Japan");
	assert_string_equal(s->tags[2], "Essays");
	/* xmlUrl's case is not checked by every exporter. */
	s = find(o, "https://bl.example/a");
	assert_int_equal(s->ntags, 1);
	assert_int_equal(o->nwarnings, 0);
	opml_free(o);
}

static void
test_broken_outlines(void **state)
{
	struct opml	*o;
	char		*cause = NULL;

	o = parse("<opml version=\"2.0\"><body>\n"
	    "<outline text=\"No address\" type=\"rss\"/>\n"
	    "<outline text=\"Fine\" xmlUrl=\"https://fine.example/feed\"/>\n"
	    "<outline text=\"Script\" xmlUrl=\"javascript:alert(1)\"/>\n"
	    "<outline text=\"Open\">\n"
	    "  <outline text=\"Inside\" xmlUrl=\"https://in.example/f\">\n"
	    "</outline>\n"
	    "<item/>\n"
	    "</body></opml>\n");
	/* Each trouble named with its line; what is fine is kept. */
	assert_true(warned(o, "list.opml:2:", "No address", "xmlUrl", NULL));
	assert_true(warned(o, "list.opml:4:", "Script", NULL));
	assert_true(warned(o, "list.opml:8:", "<item>", NULL));
	/* Bad nesting: libxml2's complaint, with its line. */
	assert_true(warned(o, "list.opml: line ", NULL));
	find(o, "https://fine.example/feed");
	assert_int_equal(find(o, "https://in.example/f")->ntags, 1);
	assert_int_equal(o->nsubs, 2);
	opml_free(o);
	/* Not OPML at all, and nothing at all: errors, not lists. */
	assert_int_equal(opml_parse("<rss/>", 6, "x.xml", NULL, &o, &cause),
	    REEL_EXIT_FAILURE);
	assert_non_null(strstr(cause, "x.xml: not OPML"));
	free(cause);
	assert_int_equal(opml_parse("", 0, "empty.opml", NULL, &o, &cause),
	    REEL_EXIT_FAILURE);
	assert_non_null(strstr(cause, "empty.opml"));
	free(cause);
}

static void
test_escapes_sanitized(void **state)
{
	struct opml		*o;
	const struct opml_sub	*s;

	/* An escape is not XML, but it is kept for what it is (its Control
	 * Picture); a C1 CSI and a bidi override go through sanitize. */
	o = parse("<opml><body><outline text=\"Clear\x1b[2J&#x202E;s\" "
	    "xmlUrl=\" https://e.example/f \"><outline text=\"x&#x9b;31m\" "
	    "xmlUrl=\"https://e.example/g\"/></outline></body></opml>");
	s = find(o, "https://e.example/f");
	assert_string_equal(s->title, "Clear\xe2\x90\x9b[2Js");
	s = find(o, "https://e.example/g");
	assert_string_equal(s->tags[0], "Clear\xe2\x90\x9b[2Js");
	assert_null(strstr(s->title, "\xc2\x9b"));
	assert_true(warned(o, "list.opml:", "control characters", NULL));
	opml_free(o);
}

static void
test_round_trip(void **state)
{
	struct opml	*o, *back;
	struct opml_sub	*s;
	char		*first, *second, *cause = NULL;
	size_t		 len1, len2;

	o = opml_new();
	s = opml_add(o, "https://b.example/feed?a=1&b=2", "B & \"quotes\" <b>",
	    "https://b.example/");
	opml_add_tag(s, "Essays");
	opml_add_tag(s, "Japan");
	opml_add_tag(s, "Essays");
	s = opml_add(o, "https://a.example/feed", "Écrits sur le cinéma", NULL);
	opml_add_tag(s, "Japan");
	opml_add(o, "https://z.example/feed", NULL, NULL);
	opml_add(o, "https://y.example/feed", "A first", NULL);
	/* The same URL twice is one feed. */
	assert_ptr_equal(opml_add(o, "https://y.example/feed", "other", NULL),
	    &o->subs[3]);
	first = opml_write(o, &len1);
	/* One outline per tag, the feed with two tags under both; untagged
	 * feeds first; every level sorted; everything escaped. */
	assert_string_equal(first,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "  <head>\n"
	    "    <title>reel</title>\n"
	    "  </head>\n"
	    "  <body>\n"
	    "    <outline type=\"rss\" text=\"A first\" title=\"A first\" "
	    "xmlUrl=\"https://y.example/feed\"/>\n"
	    "    <outline type=\"rss\" text=\"https://z.example/feed\" "
	    "xmlUrl=\"https://z.example/feed\"/>\n"
	    "    <outline text=\"Essays\" title=\"Essays\">\n"
	    "      <outline type=\"rss\" text=\"B &amp; &quot;quotes&quot; "
	    "&lt;b&gt;\" title=\"B &amp; &quot;quotes&quot; &lt;b&gt;\" "
	    "xmlUrl=\"https://b.example/feed?a=1&amp;b=2\" "
	    "htmlUrl=\"https://b.example/\"/>\n"
	    "    </outline>\n"
	    "    <outline text=\"Japan\" title=\"Japan\">\n"
	    "      <outline type=\"rss\" text=\"B &amp; &quot;quotes&quot; "
	    "&lt;b&gt;\" title=\"B &amp; &quot;quotes&quot; &lt;b&gt;\" "
	    "xmlUrl=\"https://b.example/feed?a=1&amp;b=2\" "
	    "htmlUrl=\"https://b.example/\"/>\n"
	    "      <outline type=\"rss\" text=\"Écrits sur le cinéma\" "
	    "title=\"Écrits sur le cinéma\" "
	    "xmlUrl=\"https://a.example/feed\"/>\n"
	    "    </outline>\n"
	    "  </body>\n"
	    "</opml>\n");
	assert_int_equal(len1, strlen(first));
	/* Read back and written again: the same bytes. */
	assert_int_equal(opml_parse(first, len1, "first.opml", NULL, &back,
	    &cause), 0);
	assert_int_equal(back->nsubs, 4);
	assert_int_equal(back->nwarnings, 0);
	assert_null(find(back, "https://z.example/feed")->title);
	second = opml_write(back, &len2);
	assert_int_equal(len1, len2);
	assert_string_equal(first, second);
	free(first);
	free(second);
	opml_free(o);
	opml_free(back);
}

static void
test_includes_and_cycles(void **state)
{
	struct opml	*o;
	char		*a, *cause = NULL, *top;

	a = put("a.opml", "<opml><body>\n"
	    "<outline text=\"A feed\" xmlUrl=\"https://a.example/f\"/>\n"
	    "<outline text=\"From B\" type=\"include\" url=\"sub/b.opml\"/>\n"
	    "</body></opml>\n");
	free(put("sub/b.opml", "<opml><body>\n"
	    "<outline text=\"B feed\" xmlUrl=\"https://b.example/f\"/>\n"
	    "<outline text=\"Back\" type=\"include\" url=\"../a.opml\"/>\n"
	    "<outline text=\"Gone\" type=\"include\" url=\"missing.opml\"/>\n"
	    "</body></opml>\n"));
	assert_int_equal(opml_load(a, NULL, &o, &cause), 0);
	/* B's feed came in under the include's name. */
	assert_int_equal(find(o, "https://b.example/f")->ntags, 1);
	assert_string_equal(find(o, "https://b.example/f")->tags[0],
	    "From B");
	find(o, "https://a.example/f");
	assert_int_equal(o->nsubs, 2);
	/* B's way back to A is a cycle: named with its line, not followed;
	 * an include that is not there is named too. */
	assert_true(warned(o, "b.opml:3:", "include cycle", "a.opml -> ",
	    "b.opml -> ", NULL));
	assert_true(warned(o, "b.opml:4:", "missing.opml", NULL));
	assert_int_equal(o->nwarnings, 2);
	opml_free(o);
	/* A list that includes itself. */
	top = put("self.opml", "<opml><body><outline type=\"include\" "
	    "url=\"self.opml\"/></body></opml>");
	assert_int_equal(opml_load(top, NULL, &o, &cause), 0);
	assert_true(warned(o, "self.opml:1:", "include cycle", NULL));
	opml_free(o);
	free(top);
	free(a);
	/* A list that cannot be read is an error. */
	top = xprintf("%s/none.opml", dir);
	assert_int_equal(opml_load(top, NULL, &o, &cause), REEL_EXIT_FAILURE);
	assert_non_null(strstr(cause, top));
	free(cause);
	free(top);
}

static void
test_include_over_http(void **state)
{
	struct opml	*o;
	char		*top, *cause = NULL, *text;

	/* The server's /list.opml holds one feed and includes /list.opml
	 * again, a cycle through a URL. */
	text = xprintf("<opml><body><outline text=\"Remote\" type=\"include\" "
	    "url=\"http://127.0.0.1:%d/list.opml\"/></body></opml>",
	    testserver_port());
	top = put("http.opml", text);
	free(text);
	assert_int_equal(opml_load(top, NULL, &o, &cause), 0);
	assert_string_equal(find(o, "https://remote.example/feed")->tags[0],
	    "Remote");
	assert_true(warned(o, "/list.opml:", "include cycle", NULL));
	opml_free(o);
	free(top);
}

static void
test_fifty_thousand(void **state)
{
	struct buf	 b = BUF_INIT;
	struct opml	*o;
	char		*cause = NULL, *out;
	size_t		 i;

	buf_adds(&b, "<opml version=\"2.0\"><body>\n");
	for (i = 0; i < 50000; i++) {
		if (i % 1000 == 0)
			buf_printf(&b, "%s<outline text=\"Group %zu\">\n",
			    i > 0 ? "</outline>\n" : "", i / 1000);
		buf_printf(&b, "<outline type=\"rss\" text=\"Feed %zu\" "
		    "xmlUrl=\"https://f%zu.example/rss\"/>\n", i, i);
	}
	buf_adds(&b, "</outline>\n</body></opml>\n");
	assert_int_equal(opml_parse(b.data, b.len, "big.opml", NULL, &o,
	    &cause), 0);
	assert_int_equal(o->nsubs, 50000);
	assert_int_equal(o->nwarnings, 0);
	assert_string_equal(find(o, "https://f49999.example/rss")->tags[0],
	    "Group 49");
	out = opml_write(o, NULL);
	assert_non_null(strstr(out, "xmlUrl=\"https://f12345.example/rss\""));
	free(out);
	opml_free(o);
	buf_free(&b);
}

static int
setup(void **state)
{
	char	*init_cause = NULL;

	char	*sub;

	if ((dir = testhome_enter("opml")) == NULL)
		return -1;
	sub = xprintf("%s/sub", dir);
	if (mkdir(sub, 0700) != 0)
		return -1;
	free(sub);
	if (fetch_global_init(&init_cause) != 0) {
		fprintf(stderr, "%s\n", init_cause);
		free(init_cause);
		return -1;
	}
	return testserver_start(60, NULL);
}

static int
teardown(void **state)
{
	testserver_stop();
	fetch_global_cleanup();
	return testhome_leave();
}

/* A list without tags is written and read back (fuzz_opml: qsort() was
 * given a NULL array of no tag pairs, which UBSan reports). */
static void
test_write_untagged(void **state)
{
	struct opml	*o, *back = NULL;
	char		*out, *cause = NULL;
	size_t		 len;

	o = opml_new();
	opml_add(o, "https://example.org/untagged.xml", "Untagged", NULL);
	out = opml_write(o, &len);
	assert_non_null(strstr(out,
	    "xmlUrl=\"https://example.org/untagged.xml\""));
	assert_int_equal(opml_parse(out, len, "-", NULL, &back, &cause), 0);
	assert_int_equal(back->nsubs, 1);
	assert_int_equal(back->subs[0].ntags, 0);
	free(out);
	opml_free(back);
	opml_free(o);
}

/* A feed's htmlUrl may reach a browser: only a web URL is kept, a
 * relative one resolved against the feed (fuzz_opml kept "https:/x"
 * and would have kept javascript:). */
static void
test_html_url_web_only(void **state)
{
	struct opml	*o;

	o = parse("<opml version=\"2.0\"><body>"
	    "<outline xmlUrl=\"https://a.example/f\" htmlUrl=\"javascript:x()\"/>"
	    "<outline xmlUrl=\"https://b.example/f\" htmlUrl=\"file:///etc/passwd\"/>"
	    "<outline xmlUrl=\"https://c.example/f\" htmlUrl=\"https:/c.example/\"/>"
	    "<outline xmlUrl=\"https://d.example/f\" htmlUrl=\"data:text/html,x\"/>"
	    "<outline xmlUrl=\"https://e.example/blog/f\" htmlUrl=\"../\"/>"
	    "</body></opml>");
	assert_int_equal(o->nsubs, 5);
	assert_null(find(o, "https://a.example/f")->html_url);
	assert_null(find(o, "https://b.example/f")->html_url);
	assert_null(find(o, "https://c.example/f")->html_url);
	assert_null(find(o, "https://d.example/f")->html_url);
	assert_string_equal(find(o, "https://e.example/blog/f")->html_url,
	    "https://e.example/");
	opml_free(o);
}

/* Two titles in the head: the first is the list's, the second is not
 * leaked (fuzz_opml; LeakSanitizer and valgrind see it). */
static void
test_two_titles(void **state)
{
	struct opml	*o;

	o = parse("<opml version=\"2.0\"><head><title> First </title>"
	    "<title>Second</title></head><body>"
	    "<outline xmlUrl=\"https://a.example/f\"/></body></opml>");
	assert_string_equal(o->title, "First");
	opml_free(o);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_tags_from_nesting),
		cmocka_unit_test(test_broken_outlines),
		cmocka_unit_test(test_escapes_sanitized),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_includes_and_cycles),
		cmocka_unit_test(test_include_over_http),
		cmocka_unit_test(test_fifty_thousand),
		cmocka_unit_test(test_write_untagged),
		cmocka_unit_test(test_html_url_web_only),
		cmocka_unit_test(test_two_titles),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
