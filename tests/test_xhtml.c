/* test_xhtml.c: remote text written into XHTML: escaped, sanitized, and
 * read back by libxml2 as it was meant. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/parser.h>

#include "buf.h"
#include "util.h"
#include "xhtml.h"

static const struct {
	const char	*in;
	const char	*text;		/* as character data */
	const char	*attr;		/* as an attribute's value */
} cases[] = {
	{ "plain words", "plain words", "plain words" },
	{ "a & b < c > d \"e\"", "a &amp; b &lt; c &gt; d \"e\"",
	    "a &amp; b &lt; c &gt; d &quot;e&quot;" },
	/* An escape sequence is made visible, as everywhere. */
	{ "\x1b[2J", "\xe2\x90\x9b[2J", "\xe2\x90\x9b[2J" },
	/* Tab and newline stay in text; an attribute needs references. */
	{ "a\tb\nc", "a\tb\nc", "a&#9;b&#10;c" },
	/* A carriage return is kept for the reader to decide. */
	{ "a\r\nb\r", "a&#13;\nb&#13;", "a&#13;&#10;b&#13;" },
	/* C1 controls, invalid UTF-8 and U+FFFF, which XML cannot hold. */
	{ "\xc2\x9b" "x\xe9\xef\xbf\xbf", "\xef\xbf\xbd" "x\xef\xbf\xbd"
	    "\xef\xbf\xbd", "\xef\xbf\xbd" "x\xef\xbf\xbd\xef\xbf\xbd" },
	/* Bidi overrides go; other text stays as it is. */
	{ "caf\xc3\xa9 \xe2\x80\xae" "gnp", "caf\xc3\xa9 gnp",
	    "caf\xc3\xa9 gnp" },
	{ "", "", "" },
};

static void
test_escaped(void **state)
{
	struct buf	b = BUF_INIT;
	size_t		i;
	char		*want;

	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		xhtml_text(&b, cases[i].in, strlen(cases[i].in));
		assert_string_equal(buf_str(&b), cases[i].text);
		buf_reset(&b);
		xhtml_attr(&b, "alt", cases[i].in);
		want = xprintf(" alt=\"%s\"", cases[i].attr);
		assert_string_equal(buf_str(&b), want);
		free(want);
	}
	buf_free(&b);
}

/* What libxml2 reads back is the sanitized text, a carriage return and
 * white space in attributes included. */
static void
test_parsed_back(void **state)
{
	struct buf	 b = BUF_INIT;
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	xmlChar		*text, *alt;
	const char	*in = "a & <b>\r\n\tc \x1b \"q\"";

	buf_adds(&b, "<p xmlns=\"" XHTML_NS "\"");
	xhtml_attr(&b, "alt", in);
	buf_addc(&b, '>');
	xhtml_text(&b, in, strlen(in));
	buf_adds(&b, "</p>");
	doc = xmlReadMemory(b.data, (int)b.len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	text = xmlNodeGetContent(root);
	alt = xmlGetProp(root, BAD_CAST "alt");
	assert_string_equal((char *)text,
	    "a & <b>\r\n\tc \xe2\x90\x9b \"q\"");
	assert_string_equal((char *)alt, "a & <b>\r\n\tc \xe2\x90\x9b \"q\"");
	xmlFree(text);
	xmlFree(alt);
	xmlFreeDoc(doc);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_escaped),
		cmocka_unit_test(test_parsed_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
