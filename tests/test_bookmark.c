/* test_bookmark.c: bookmark files: Netscape files as Firefox, Chrome and
 * Pinboard-like services write them, reel's JSON, lists of URLs, and
 * what reel writes (read back where a reader exists). */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bookmark.h"
#include "buf.h"
#include "util.h"

static struct bookmark_file *
parse(const char *s)
{
	struct bookmark_file	*f = NULL;
	char			*cause = NULL;

	if (bookmark_parse(s, strlen(s), &f, &cause) != 0)
		fail_msg("bookmark_parse: %s", cause);
	return f;
}

static void
assert_tags(const struct bookmark *b, const char *const *want)
{
	size_t	i;

	for (i = 0; want[i] != NULL; i++) {
		if (i >= b->ntags)
			fail_msg("%s: tag %zu (%s) missing", b->url, i,
			    want[i]);
		assert_string_equal(b->tags[i], want[i]);
	}
	assert_int_equal(b->ntags, i);
	if (b->ntags > 0)
		assert_null(b->tags[b->ntags]);
}

/* A browser's export: the toolbar names no tag, folders do; TAGS,
 * ADD_DATE, entities, a note, markup in a title, links that are no
 * web pages. */
static void
test_netscape_firefox(void **state)
{
	static const char file[] =
	    "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
	    "<!-- This is an automatically generated file. <A HREF=\"http://"
	    "comment.example/\">no</A> -->\n"
	    "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
	    "charset=UTF-8\">\n"
	    "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks Menu</H1>\n"
	    "<DL><p>\n"
	    "    <DT><H3 ADD_DATE=\"1\" PERSONAL_TOOLBAR_FOLDER=\"true\">"
	    "Bookmarks Toolbar</H3>\n"
	    "    <DL><p>\n"
	    "        <DT><A HREF=\"https://a.example/one?x=1&amp;y=2\" "
	    "ADD_DATE=\"1700000000\" TAGS=\"film, Essays\">Caf&eacute; "
	    "<b>society</b> &amp; film</A>\n"
	    "        <DD>A note &lt;with&gt; words\n"
	    "        spread over lines\n"
	    "        <DT><A HREF=\"place:sort=8\">Recent</A>\n"
	    "    </DL><p>\n"
	    "    <DT><H3>Cinema</H3>\n"
	    "    <DL><p>\n"
	    "        <DT><H3>Noir</H3>\n"
	    "        <DL><p>\n"
	    "            <DT><a href='http://b.example/' add_date=1600000000"
	    "000000>B</a>\n"
	    "        </DL><p>\n"
	    "        <DT><A HREF=\"javascript:alert(1)\">bad</A>\n"
	    "        <DT><A HREF=\"https://c.example/\" TAGS=\"cinema\">C</A>\n"
	    "    </DL><p>\n"
	    "    <DT><A HREF=\"https://d.example/\">D</A>\n"
	    "    <DT><A HREF=\"https://a.example/one?x=1&amp;y=2\" "
	    "TAGS=\"again\">Once more</A>\n"
	    "</DL><p>\n";
	static const char *const t0[] = { "film", "Essays", "again", NULL };
	static const char *const t1[] = { "Cinema", "Noir", NULL };
	static const char *const t2[] = { "cinema", NULL };
	static const char *const none[] = { NULL };
	struct bookmark_file	*f = parse(file);

	assert_string_equal(f->kind, "Netscape");
	assert_int_equal(f->n, 4);
	assert_string_equal(f->v[0].url, "https://a.example/one?x=1&y=2");
	assert_string_equal(f->v[0].title, "Café society & film");
	assert_string_equal(f->v[0].note,
	    "A note <with> words spread over lines");
	assert_int_equal(f->v[0].added, 1700000000);
	assert_tags(&f->v[0], t0);
	assert_string_equal(f->v[1].url, "http://b.example/");
	/* Microseconds, as Chrome writes them. */
	assert_int_equal(f->v[1].added, 1600000000);
	assert_null(f->v[1].note);
	assert_tags(&f->v[1], t1);
	assert_string_equal(f->v[2].url, "https://c.example/");
	assert_tags(&f->v[2], t2);
	assert_string_equal(f->v[3].title, "D");
	assert_int_equal(f->v[3].added, 0);
	assert_tags(&f->v[3], none);
	assert_int_equal(f->nwarnings, 1);
	assert_non_null(strstr(f->warnings[0], "2 links"));
	bookmark_file_free(f);
}

/* Not even a doctype: a page of links is a bookmark file too. Cut short
 * in a tag, it reads what it can. */
static void
test_netscape_loose(void **state)
{
	struct bookmark_file	*f;

	f = parse("\xef\xbb\xbf<html><body><dl><dt><a href=\"https://x.example/"
	    "\">X</a><dt><a href=\"https://y.example/\">Y");
	assert_string_equal(f->kind, "Netscape");
	assert_int_equal(f->n, 2);
	assert_string_equal(f->v[1].url, "https://y.example/");
	assert_string_equal(f->v[1].title, "Y");
	bookmark_file_free(f);
	f = parse("<DL><DT><A HREF=\"https://x.example/\" TAGS=\"a");
	assert_int_equal(f->n, 1);
	bookmark_file_free(f);
	/* A link whose </A> is missing ends where the next entry starts. */
	f = parse("<DL><DT><A HREF=\"https://x.example/\">X<DT><A HREF=\""
	    "https://z.example/\">Z</A></DL>");
	assert_int_equal(f->n, 2);
	assert_string_equal(f->v[0].title, "X");
	assert_string_equal(f->v[1].title, "Z");
	bookmark_file_free(f);
	/* An A without HREF, an empty title. */
	f = parse("<DL><DT><A NAME=\"x\">no</A><DT><A HREF=\"https://e.example/"
	    "\"></A></DL>");
	assert_int_equal(f->n, 1);
	assert_null(f->v[0].title);
	bookmark_file_free(f);
	/* An attribute with no name at the very end (fuzz_bmimport: the
	 * scanner stepped past the end). */
	f = parse("<DL><DT><A =");
	assert_int_equal(f->n, 0);
	bookmark_file_free(f);
	f = parse("<DL><DT><A = =x HREF=\"https://x.example/\">X</A>");
	assert_int_equal(f->n, 1);
	assert_string_equal(f->v[0].title, "X");
	bookmark_file_free(f);
}

static void
test_urls(void **state)
{
	struct bookmark_file	*f;

	f = parse("# my reading list\n"
	    "https://a.example/1\r\n"
	    "\n"
	    "   http://b.example/2   \n"
	    "ftp://c.example/3\n"
	    "not a url \x1b[31m\n"
	    "https://a.example/1\n"
	    "https://last.example/");
	assert_string_equal(f->kind, "URL list");
	assert_int_equal(f->n, 3);
	assert_string_equal(f->v[0].url, "https://a.example/1");
	assert_string_equal(f->v[1].url, "http://b.example/2");
	assert_string_equal(f->v[2].url, "https://last.example/");
	assert_int_equal(f->nwarnings, 2);
	assert_string_equal(f->warnings[0],
	    "line 5: not an http or https URL: ftp://c.example/3");
	/* The escape is shown, not sent. */
	assert_string_equal(f->warnings[1],
	    "line 6: not an http or https URL: not a url \xe2\x90\x9b[31m");
	bookmark_file_free(f);

	f = parse("");
	assert_int_equal(f->n, 0);
	bookmark_file_free(f);
}

static void
test_json(void **state)
{
	static const char *const t0[] = { "a", "B", NULL };
	struct bookmark_file	*f;
	char			*cause = NULL;

	f = parse("[ {\"url\": \"https://j.example/\", \"title\": \"J\","
	    " \"tags\": [\"a\", \"B\", \"A\", 3], \"note\": \"n\\nm\","
	    " \"added\": \"2024-01-02T03:04:05Z\","
	    " \"quotes\": [{\"block\": 3, \"text\": \"q\"},"
	    " {\"block\": -1, \"text\": \"bad\"}, {\"text\": \"no block\"}]},"
	    " {\"title\": \"no url\"}, 7,"
	    " {\"url\": \"mailto:x@example.org\"} ]");
	assert_string_equal(f->kind, "JSON");
	assert_int_equal(f->n, 1);
	assert_string_equal(f->v[0].title, "J");
	assert_string_equal(f->v[0].note, "n\nm");
	assert_int_equal(f->v[0].added, 1704164645);
	assert_tags(&f->v[0], t0);
	assert_int_equal(f->v[0].nquotes, 1);
	assert_int_equal(f->v[0].quotes[0].block, 3);
	assert_string_equal(f->v[0].quotes[0].text, "q");
	assert_int_equal(f->nwarnings, 3);
	assert_string_equal(f->warnings[0], "entry 2: no \"url\"");
	assert_string_equal(f->warnings[1], "entry 3: no \"url\"");
	assert_non_null(strstr(f->warnings[2], "entry 4: not an http"));
	bookmark_file_free(f);

	assert_int_equal(bookmark_parse("[{\"url\": ", 9, &f, &cause), -1);
	assert_non_null(strstr(cause, "JSON: "));
	free(cause);
	cause = NULL;
	assert_int_equal(bookmark_parse("{\"url\": \"https://x.example/\"}",
	    29, &f, &cause), -1);
	assert_non_null(strstr(cause, "not reel's bookmarks"));
	free(cause);
	cause = NULL;
	assert_int_equal(bookmark_parse("binary\0stuff", 12, &f, &cause), -1);
	assert_non_null(strstr(cause, "not a bookmark file"));
	free(cause);
}

/* A browser's file holds the titles pages gave, and a JSON file
 * anything: every string read is sanitized, every URL as a request names
 * it, so no escape sequence reaches the library or the terminal. */
static void
test_hostile(void **state)
{
	static const char *const t0[] = { "\xe2\x90\x87x", "a\xe2\x90\x9b[2Jb",
	    NULL };
	static const char *const t1[] = { "\xef\xbf\xbd" "1", NULL };
	struct bookmark_file	*f;

	f = parse("<DL><DT><H3>a\x1b[2Jb</H3><DL>"
	    "<DT><A HREF=\"https://x.example/a b\x1b]0;t\x07\" TAGS=\"\x07x\">"
	    "T\x1b]0;title\x07\xc2\x9b" "31m\x08</A>"
	    "<DD>n\x1b]52;c;aGk=\x07\r\n\xe2\x80\xaeo"
	    "</DL></DL>");
	assert_int_equal(f->n, 1);
	assert_string_equal(f->v[0].url,
	    "https://x.example/a%20b%E2%90%9B%5D0;t%E2%90%87");
	assert_string_equal(f->v[0].title,
	    "T\xe2\x90\x9b]0;title\xe2\x90\x87\xef\xbf\xbd" "31m\xe2\x90\x88");
	assert_string_equal(f->v[0].note,
	    "n\xe2\x90\x9b]52;c;aGk=\xe2\x90\x87 o");
	assert_tags(&f->v[0], t0);
	bookmark_file_free(f);

	f = parse("[{\"url\": \"https://j.example/\","
	    " \"title\": \"J\\u001b]2;x\\u0007\","
	    " \"note\": \"a\\nb\\u009b\","
	    " \"tags\": [\"\\u0085" "1\"],"
	    " \"quotes\": [{\"block\": 1, \"text\": \"q\\u001bc\\n\"}]}]");
	assert_int_equal(f->n, 1);
	assert_string_equal(f->v[0].title, "J\xe2\x90\x9b]2;x\xe2\x90\x87");
	/* A note and a quote keep their lines. */
	assert_string_equal(f->v[0].note, "a\nb\xef\xbf\xbd");
	assert_tags(&f->v[0], t1);
	assert_string_equal(f->v[0].quotes[0].text, "q\xe2\x90\x9b" "c\n");
	bookmark_file_free(f);
}

/* A bookmark with everything, and one with nothing but its URL. */
static void
sample(struct bookmark *full, struct bookmark *bare)
{
	static char *tags[] = { (char *)"film", (char *)"a \"q\" & <b>",
	    NULL };
	static struct bookmark_quote quotes[] = {
		{ 2, (char *)"He said \"cut\".\nThen\tsilence." },
		{ 9, (char *)"Last" },
	};

	memset(full, 0, sizeof *full);
	full->url = (char *)"https://w.example/essay?a=1&b=2";
	full->title = (char *)"Tom & Jerry <3 \"cinema\"";
	full->author = (char *)"Ann Writer";
	full->site = (char *)"w.example";
	full->published = (char *)"2023-04-05";
	full->note = (char *)"line one\nline two";
	full->tags = tags;
	full->ntags = 2;
	full->added = 1700000000;
	full->read = 1700000500;
	full->quotes = quotes;
	full->nquotes = 2;
	full->text = (char *)"Title\n\nThe text.";
	memset(bare, 0, sizeof *bare);
	bare->url = (char *)"https://bare.example/";
}

static char *
write_all(enum bookmark_format fmt, const struct bookmark *v, size_t n)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	bookmark_format_begin(&b, fmt);
	for (i = 0; i < n; i++)
		bookmark_format_one(&b, fmt, &v[i], i);
	bookmark_format_end(&b, fmt, n);
	return buf_detach(&b, NULL);
}

static void
test_write_html(void **state)
{
	static const char *const t0[] = { "film", "a \"q\" & <b>", NULL };
	static const char *const none[] = { NULL };
	struct bookmark		 v[2];
	struct bookmark_file	*f;
	char			*s;

	sample(&v[0], &v[1]);
	s = write_all(BOOKMARK_HTML, v, 2);
	assert_non_null(strstr(s, "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"));
	assert_non_null(strstr(s, "<DT><A HREF=\"https://w.example/essay?a=1"
	    "&amp;b=2\" ADD_DATE=\"1700000000\" LAST_VISIT=\"1700000500\" "
	    "TAGS=\"film,a &quot;q&quot; &amp; &lt;b&gt;\">Tom &amp; Jerry "
	    "&lt;3 &quot;cinema&quot;</A>\n    <DD>line one line two\n"));
	assert_non_null(strstr(s, "<DT><A HREF=\"https://bare.example/\">"
	    "https://bare.example/</A>\n</DL><p>\n"));
	/* Read back: the same bookmarks. */
	f = parse(s);
	assert_int_equal(f->n, 2);
	assert_string_equal(f->v[0].url, v[0].url);
	assert_string_equal(f->v[0].title, v[0].title);
	assert_string_equal(f->v[0].note, "line one line two");
	assert_int_equal(f->v[0].added, v[0].added);
	assert_tags(&f->v[0], t0);
	assert_tags(&f->v[1], none);
	bookmark_file_free(f);
	free(s);
	s = write_all(BOOKMARK_HTML, v, 0);
	f = parse(s);
	assert_int_equal(f->n, 0);
	bookmark_file_free(f);
	free(s);
}

static void
test_write_json(void **state)
{
	static const char *const t0[] = { "film", "a \"q\" & <b>", NULL };
	struct bookmark		 v[2];
	struct bookmark_file	*f;
	char			*s;

	sample(&v[0], &v[1]);
	s = write_all(BOOKMARK_JSON, v, 2);
	assert_non_null(strstr(s, "\"added\": \"2023-11-14T22:13:20Z\""));
	assert_non_null(strstr(s, "\"author\": \"Ann Writer\""));
	assert_non_null(strstr(s, "\"url\": \"https://bare.example/\", "
	    "\"title\": null"));
	assert_null(strstr(s, "The text."));
	f = parse(s);
	assert_int_equal(f->n, 2);
	assert_string_equal(f->v[0].title, v[0].title);
	assert_string_equal(f->v[0].note, v[0].note);
	assert_int_equal(f->v[0].added, v[0].added);
	assert_tags(&f->v[0], t0);
	assert_int_equal(f->v[0].nquotes, 2);
	assert_int_equal(f->v[0].quotes[1].block, 9);
	assert_string_equal(f->v[0].quotes[0].text, v[0].quotes[0].text);
	bookmark_file_free(f);
	free(s);
	s = write_all(BOOKMARK_JSON, v, 0);
	assert_string_equal(s, "[]\n");
	free(s);
}

static void
test_write_markdown(void **state)
{
	struct bookmark	 v[2];
	char		*s;

	sample(&v[0], &v[1]);
	s = write_all(BOOKMARK_MARKDOWN, v, 2);
	assert_string_equal(s,
	    "---\n"
	    "title: \"Tom & Jerry <3 \\\"cinema\\\"\"\n"
	    "author: \"Ann Writer\"\n"
	    "site: \"w.example\"\n"
	    "url: \"https://w.example/essay?a=1&b=2\"\n"
	    "date: \"2023-04-05\"\n"
	    "added: \"2023-11-14T22:13:20Z\"\n"
	    "tags: [\"film\", \"a \\\"q\\\" & <b>\"]\n"
	    "note: \"line one\\nline two\"\n"
	    "quotes:\n"
	    "  - \"He said \\\"cut\\\".\\nThen\\tsilence.\"\n"
	    "  - \"Last\"\n"
	    "---\n"
	    "\n"
	    "Title\n\nThe text.\n"
	    "\n"
	    "---\n"
	    "title: null\n"
	    "author: null\n"
	    "site: null\n"
	    "url: \"https://bare.example/\"\n"
	    "date: null\n"
	    "added: null\n"
	    "tags: []\n"
	    "note: null\n"
	    "quotes: []\n"
	    "---\n");
	free(s);
}

static void
test_format_names(void **state)
{
	assert_int_equal(bookmark_format_parse("html"), BOOKMARK_HTML);
	assert_int_equal(bookmark_format_parse("markdown"), BOOKMARK_MARKDOWN);
	assert_int_equal(bookmark_format_parse("json"), BOOKMARK_JSON);
	assert_int_equal(bookmark_format_parse("HTML"), -1);
	assert_int_equal(bookmark_format_parse("md"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_netscape_firefox),
		cmocka_unit_test(test_netscape_loose),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_write_html),
		cmocka_unit_test(test_write_json),
		cmocka_unit_test(test_write_markdown),
		cmocka_unit_test(test_format_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
