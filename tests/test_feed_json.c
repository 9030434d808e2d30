/* test_feed_json.c: JSON Feed 1.0 and 1.1 read into the feed model:
 * authors and author, content_html and content_text, summaries, dates,
 * attachments, tags, images, relative URLs, escapes, and what is not a
 * JSON Feed. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "feed.h"
#include "feed_read.h"
#include "util.h"

/* 2017-06-05T08:00:00Z */
#define JUNE_5_2017_8H	INT64_C(1496649600)

static struct feed *
parse(const char *text, const char *type)
{
	struct feed	*f;
	char		*cause = NULL;

	if (feed_parse(text, strlen(text), type, "https://j.example/feed.json",
	    &f, &cause) != 0)
		fail_msg("not parsed: %s", cause);
	return f;
}

static void
test_version_1_1(void **state)
{
	struct feed		*f;
	struct feed_item	*it;

	f = parse("{\"version\": \"https://jsonfeed.org/version/1.1\",\n"
	    " \"title\": \"Film Notes\", \"home_page_url\": \"/\",\n"
	    " \"feed_url\": \"https://j.example/feed.json\",\n"
	    " \"description\": \"Notes <on> film\", \"language\": \"de\",\n"
	    " \"icon\": \"/icon.png\", \"favicon\": \"/fav.ico\",\n"
	    " \"authors\": [{\"name\": \"Lotte\", \"url\": \"/lotte\"},"
	    " {\"name\": \"Fritz\", \"url\": \"mailto:fritz@j.example\"}],\n"
	    " \"items\": [{\"id\": \"1\", \"url\": \"posts/1\",\n"
	    "   \"external_url\": \"https://elsewhere.example/\",\n"
	    "   \"title\": \"Metropolis\", \"content_html\": \"<p>Hi</p>\",\n"
	    "   \"content_text\": \"Hi\", \"summary\": \"A <short> one\",\n"
	    "   \"image\": \"img/1.jpg\", \"banner_image\": \"img/b.jpg\",\n"
	    "   \"date_published\": \"2017-06-05T10:00:00+02:00\",\n"
	    "   \"date_modified\": \"2017-06-06T08:00:00Z\",\n"
	    "   \"tags\": [\"silent\", \"Lang\", \"silent\", 3],\n"
	    "   \"attachments\": [{\"url\": \"a/1.mp3\", \"mime_type\":"
	    " \"audio/mpeg\", \"size_in_bytes\": 1234},"
	    " {\"mime_type\": \"x/none\"}]},\n"
	    "  {\"id\": 42, \"content_text\": \"Line one\\nline <two>\"}]}\n",
	    "application/feed+json");
	assert_string_equal(f->version, "json11");
	assert_string_equal(f->encoding, "utf-8");
	assert_false(f->bozo);
	assert_string_equal(f->title.value, "Film Notes");
	assert_string_equal(f->link, "https://j.example/");
	assert_int_equal(f->nlinks, 2);
	assert_string_equal(f->links[1].rel, "self");
	/* JSON Feed's description is text: escaped into HTML. */
	assert_string_equal(f->description.value, "Notes &lt;on&gt; film");
	assert_string_equal(f->language, "de");
	assert_string_equal(f->image, "https://j.example/icon.png");
	assert_int_equal(f->nauthors, 2);
	assert_string_equal(f->authors[0].uri, "https://j.example/lotte");
	assert_string_equal(f->authors[1].email, "fritz@j.example");
	assert_int_equal(f->nitems, 2);
	it = &f->items[0];
	assert_string_equal(it->id, "1");
	assert_string_equal(it->link, "https://j.example/posts/1");
	assert_string_equal(it->title.value, "Metropolis");
	/* HTML content wins over text content. */
	assert_string_equal(it->content.value, "<p>Hi</p>");
	assert_int_equal(it->content.type, FEED_HTML);
	assert_string_equal(it->summary.value, "A &lt;short&gt; one");
	assert_string_equal(it->thumbnail, "https://j.example/img/1.jpg");
	assert_true(it->published == JUNE_5_2017_8H);
	assert_true(it->updated == JUNE_5_2017_8H + 86400);
	assert_int_equal(it->ncategories, 2);
	assert_string_equal(it->categories[1], "Lang");
	/* The items have no authors of their own. */
	assert_int_equal(it->nauthors, 0);
	/* An attachment without a URL is no enclosure. */
	assert_int_equal(it->nenclosures, 1);
	assert_string_equal(it->enclosures[0].url, "https://j.example/a/1.mp3");
	assert_string_equal(it->enclosures[0].type, "audio/mpeg");
	assert_true(it->enclosures[0].length == 1234);
	/* A numeric id, and text content with its line break kept. */
	it = &f->items[1];
	assert_string_equal(it->id, "42");
	assert_string_equal(it->content.value, "Line one<br>\nline &lt;two&gt;");
	assert_int_equal(it->content.type, FEED_TEXT);
	assert_null(it->title.value);
	assert_true(it->published == FEED_NO_DATE);
	feed_free(f);
}

static void
test_version_1_0(void **state)
{
	struct feed	*f;

	/* Version 1.0's single author, on the feed and on an item; the
	 * banner stands in for a missing image; no type needed. */
	f = parse("  {\"version\": \"https://jsonfeed.org/version/1\", "
	    "\"title\": \"Old\", \"author\": {\"name\": \"Solo\"}, "
	    "\"items\": [{\"id\": \"a\", \"author\": {\"name\": \"Guest\", "
	    "\"url\": \"https://g.example/\"}, \"banner_image\": "
	    "\"https://j.example/b.jpg\"}]}", NULL);
	assert_string_equal(f->version, "json10");
	assert_string_equal(f->authors[0].name, "Solo");
	assert_string_equal(f->items[0].authors[0].name, "Guest");
	assert_string_equal(f->items[0].authors[0].uri, "https://g.example/");
	assert_string_equal(f->items[0].thumbnail, "https://j.example/b.jpg");
	feed_free(f);
}

static void
test_escapes_sanitized(void **state)
{
	struct feed	*f;

	/* JSON can carry every control character; none reaches the model
	 * as itself. */
	f = parse("{\"version\": \"https://jsonfeed.org/version/1.1\", "
	    "\"title\": \"T\\u001b[2J\\u202eitle\\u0000\", \"items\": [{\"id\": "
	    "\"\\u009b31m\", \"title\": \"\\u0007Bell\", \"content_html\": "
	    "\"<p>\\u001b]0;owned\\u0007</p>\", \"tags\": [\"\\u001b[1m\"], "
	    "\"authors\": [{\"name\": \"\\u001bEve\"}]}]}", NULL);
	assert_string_equal(f->title.value,
	    "T\xe2\x90\x9b[2Jitle\xe2\x90\x80");
	assert_null(strchr(f->items[0].id, '\x1b'));
	assert_null(strstr(f->items[0].id, "\xc2\x9b"));
	assert_string_equal(f->items[0].title.value, "\xe2\x90\x87" "Bell");
	assert_string_equal(f->items[0].content.value,
	    "<p>\xe2\x90\x9b]0;owned\xe2\x90\x87</p>");
	assert_string_equal(f->items[0].categories[0], "\xe2\x90\x9b[1m");
	assert_string_equal(f->items[0].authors[0].name, "\xe2\x90\x9b" "Eve");
	feed_free(f);
	/* The other fields, each with an escape, a bidi override and a C1
	 * CSI: none comes through as itself. */
	f = parse("{\"version\": \"https://jsonfeed.org/version/1.1\", "
	    "\"description\": \"E\\u001b[2J\\u202e\\u009b\", "
	    "\"language\": \"E\\u001b[2J\\u202e\\u009b\", "
	    "\"items\": [{\"id\": \"x\", "
	    "\"summary\": \"E\\u001b[2J\\u202e\\u009b\", "
	    "\"content_text\": \"E\\u001b[2J\\u202e\\u009b\", "
	    "\"attachments\": [{\"url\": \"/a\", "
	    "\"mime_type\": \"E\\u001b[2J\\u202e\\u009b\"}]}]}", NULL);
	assert_string_equal(f->description.value, "E\xe2\x90\x9b[2J\xe2\x80\xba");
	assert_string_equal(f->language, "E\xe2\x90\x9b[2J\xe2\x80\xba");
	assert_string_equal(f->items[0].summary.value,
	    "E\xe2\x90\x9b[2J\xe2\x80\xba");
	assert_string_equal(f->items[0].content.value,
	    "E\xe2\x90\x9b[2J\xe2\x80\xba");
	assert_string_equal(f->items[0].enclosures[0].type,
	    "E\xe2\x90\x9b[2J\xe2\x80\xba");
	feed_free(f);
}

static void
test_not_json_feeds(void **state)
{
	static const struct {
		const char	*text;
		const char	*type;
		const char	*error;
	} cases[] = {
		{ "{\"version\": \"https://jsonfeed.org/version/1.1\", ",
		  NULL, "bad JSON" },
		{ "{\"a\": 1}", NULL, "not a feed" },
		{ "[1, 2]", "application/json", "not a feed" },
		{ "{\"version\": \"https://example.org/other\"}", NULL,
		  "not a feed" },
	};
	struct feed	*f;
	char		*cause;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		cause = NULL;
		assert_int_equal(feed_parse(cases[i].text,
		    strlen(cases[i].text), cases[i].type, "x.json", &f,
		    &cause), -1);
		if (strstr(cause, cases[i].error) == NULL ||
		    strstr(cause, "x.json") == NULL)
			fail_msg("%s: %s", cases[i].text, cause);
		free(cause);
	}
	/* A feed with trailing bytes or without items is read, flagged. */
	f = parse("{\"version\": \"https://jsonfeed.org/version/1.1\", "
	    "\"title\": \"T\"} trailing", NULL);
	assert_true(f->bozo);
	assert_int_equal(f->nitems, 0);
	feed_free(f);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_version_1_1),
		cmocka_unit_test(test_version_1_0),
		cmocka_unit_test(test_escapes_sanitized),
		cmocka_unit_test(test_not_json_feeds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
