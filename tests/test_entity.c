/* test_entity.c: character references left in text, with the five names
 * of XML and with all of HTML's. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "entity.h"
#include "util.h"

static char *
decode(const char *s, int names)
{
	struct buf	b = BUF_INIT;

	buf_adds(&b, ">");	/* appended, not replaced */
	entity_decode(&b, s, strlen(s), names);
	return buf_detach(&b, NULL);
}

static void
test_numbers(void **state)
{
	static const struct {
		const char	*in, *out;
	} cases[] = {
		{ "&#65;&#x42;&#X43;", "ABC" },
		{ "caf&#233; &#x2014; x", "caf\xc3\xa9 \xe2\x80\x94 x" },
		{ "&#0; &#xD800; &#x110000; &#99999999999999999999;",
		  "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd" },
		/* Not references: stay as written. */
		{ "&#; &#x; &#65 &# 65; &#-65; &#6a;", "&#; &#x; &#65 &# 65; "
		  "&#-65; &#6a;" },
		{ "AT&T & more", "AT&T & more" },
		{ "&", "&" },
	};
	size_t	i;
	char	*s;

	for (i = 0; i < nitems(cases); i++) {
		s = decode(cases[i].in, ENTITY_BASIC);
		assert_string_equal(s + 1, cases[i].out);
		assert_int_equal(s[0], '>');
		free(s);
	}
}

static void
test_names(void **state)
{
	char	*s;

	s = decode("&lt;b&gt; &amp;amp; &quot;&apos; &eacute; &nosuch;",
	    ENTITY_BASIC);
	assert_string_equal(s, "><b> &amp; \"' &eacute; &nosuch;");
	free(s);
	s = decode("&lt;b&gt; &eacute;&mdash;&nbsp; &nosuch; &amp",
	    ENTITY_HTML);
	assert_string_equal(s, "><b> \xc3\xa9\xe2\x80\x94\xc2\xa0 &nosuch; "
	    "&amp");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
