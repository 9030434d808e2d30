/* test_date.c: dates as feeds and pages write them, read into UTC, and the
 * calendar arithmetic under them. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "util.h"

/* Dates as they come, and the instant each names (NULL: no date). From
 * the feedparser corpus's feeds, the readability and trafilatura corpora's
 * pages, and the variants feeds in the wild carry. */
static const struct {
	const char	*in;
	const char	*utc;
} cases[] = {
	/* The feedparser corpus: Atom, RSS and Dublin Core dates. */
	{ "2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z" },
	{ "2002-09-28T20:01:19Z", "2002-09-28T20:01:19Z" },
	{ "Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z" },
	{ "Sat, 28 Sep 2002 21:00:02 GMT", "2002-09-28T21:00:02Z" },
	{ "Wed, 01 Dec 2010 19:48:21 GMT", "2010-12-01T19:48:21Z" },
	{ "Fri, 25 Dec 2009 03:30:22 +0000", "2009-12-25T03:30:22Z" },
	{ "2009-12-08T16:59:02.544-08:00", "2009-12-09T00:59:02Z" },
	{ "2004-06-02T19:07:55-04:00", "2004-06-02T23:07:55Z" },
	/* W3C-DTF in dcterms:valid, no seconds. */
	{ "2002-10-13T09:00+01:00", "2002-10-13T08:00:00Z" },
	{ "2002-10-17T17:00+01:00", "2002-10-17T16:00:00Z" },

	/* RFC 822 zones: numeric, named, military, unknown. */
	{ "Sat, 07 Sep 2002 00:00:01 -0800", "2002-09-07T08:00:01Z" },
	{ "Mon, 05 Jun 2017 10:00:00 +0530", "2017-06-05T04:30:00Z" },
	{ "Sat, 07 Sep 2002 00:00:01 UT", "2002-09-07T00:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 EST", "2002-09-07T05:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 EDT", "2002-09-07T04:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 CST", "2002-09-07T06:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 CDT", "2002-09-07T05:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 MST", "2002-09-07T07:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 MDT", "2002-09-07T06:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 PST", "2002-09-07T08:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 PDT", "2002-09-07T07:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 Z", "2002-09-07T00:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 A", "2002-09-07T00:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 CEST", "2002-09-07T00:00:01Z" },

	/* RFC 822 written loosely. */
	{ "07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z" },
	{ "Sat, 07 Sep 02 00:00:01 GMT", "2002-09-07T00:00:01Z" },
	{ "Tue, 10 Jun 97 04:00:00 GMT", "1997-06-10T04:00:00Z" },
	{ "Sat, 07 Sep 2002 00:00 GMT", "2002-09-07T00:00:00Z" },
	{ "Sun, 7 Sep 2002 0:0:1 GMT", "2002-09-07T00:00:01Z" },
	{ "Sat 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z" },
	{ "Sat,07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z" },
	{ "Sat.,  07  Sep  2002  00:00:01  GMT", "2002-09-07T00:00:01Z" },
	{ "Sam, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z" },
	{ "Thurs, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Sat, 07 sep 2002 00:00:01 gmt", "2002-09-07T00:00:01Z" },
	{ "Saturday, 07 September 2002 00:00:01 GMT",
	    "2002-09-07T00:00:01Z" },
	{ "Sunday, 07-Sep-02 00:00:01 GMT", "2002-09-07T00:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 +0200 (CEST)", "2002-09-06T22:00:01Z" },
	{ "Sat, 07 Sep 2002 00:00:01 GMT+0100", "2002-09-06T23:00:01Z" },
	{ "Mon Jun 05 2017 10:00:00 GMT+0200 (Central European Summer Time)",
	    "2017-06-05T08:00:00Z" },

	/* ISO 8601 and RFC 3339. */
	{ "2003-12-31T10:14:55.123456-08:00", "2003-12-31T18:14:55Z" },
	{ "2003-12-31t10:14:55z", "2003-12-31T10:14:55Z" },
	{ "2003-12-31 10:14:55Z", "2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14Z", "2003-12-31T10:14:00Z" },
	{ "2003-12-31T10:14:55+01", "2003-12-31T09:14:55Z" },
	{ "2003-12-31T10:14:55+0100", "2003-12-31T09:14:55Z" },
	{ "2003-12-31T23:30:00-05:00", "2004-01-01T04:30:00Z" },
	{ "2003-12-31", "2003-12-31T00:00:00Z" },
	{ "2003-12", "2003-12-01T00:00:00Z" },
	{ "20031231T101455Z", "2003-12-31T10:14:55Z" },
	{ "2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z" },

	/* Pages' metadata: the readability and trafilatura corpora. */
	{ "2024-12-06T22:00:40.000Z", "2024-12-06T22:00:40Z" },
	{ "2021-11-01T10:52:50+0100", "2021-11-01T09:52:50Z" },
	{ "2019-04-28 06:01:07", "2019-04-28T06:01:07Z" },
	{ "2018-04-05T06:00", "2018-04-05T06:00:00Z" },
	{ "2017-11-24T18:42:20.314667", "2017-11-24T18:42:20Z" },
	{ "2017-11-03 03:01:00.000000", "2017-11-03T03:01:00Z" },
	{ "2022-01-27T12:45:36.270+01", "2022-01-27T11:45:36Z" },
	{ "2022-05-04T03:00:00 UTC", "2022-05-04T03:00:00Z" },
	{ "2020-06-09T14:32:00+05:30", "2020-06-09T09:02:00Z" },
	{ "2023-12-20T20:09:56.0000000Z", "2023-12-20T20:09:56Z" },
	{ "2019-12-30T05:03-0500", "2019-12-30T10:03:00Z" },
	{ "2023-11-08T21:24:10.336533-05:00", "2023-11-09T02:24:10Z" },
	{ "2022-05-04-0305:49:00-10800", "2022-05-04T00:00:00Z" },
	{ "2024-06-25", "2024-06-25T00:00:00Z" },

	/* Dates in words, as pages write them. */
	{ "June 5, 2017", "2017-06-05T00:00:00Z" },
	{ "5 June 2017", "2017-06-05T00:00:00Z" },
	{ "Jun 5 2017 10:00", "2017-06-05T10:00:00Z" },
	{ "June 5th, 2017", "2017-06-05T00:00:00Z" },
	{ "Sept. 7, 2002", "2002-09-07T00:00:00Z" },
	{ "June 5, 2017 at 10:00 pm", "2017-06-05T22:00:00Z" },
	{ "Feb 29, 2020", "2020-02-29T00:00:00Z" },

	/* No date. */
	{ "2017-02-30", NULL },
	{ "31 February 2017", NULL },
	{ "Feb 29, 2019", NULL },
	{ "2017-13-01", NULL },
	{ "2017-06-05T25:00:00Z", NULL },
	{ "2017-06-05T24:00:00Z", NULL },
	{ "Sat, 07 Sep 2002 25:00:01 GMT", NULL },
	{ "Sat, 07 Sep 2002 00:00:01 +2500", NULL },
	{ "2017-06-05T", NULL },
	{ "", NULL },
	{ "no date", NULL },
	{ "PT15M", NULL },
	{ "10/05/2022 05:22 pm", NULL },
	{ "10.12.2022, 07:00:03", NULL },
	{ "2023-1-26", NULL },
	{ "Mon Oct 11 14:57:21 CEST 2021", NULL },
	{ "2003", NULL },
	{ "0999-12-31", NULL },
	{ "10000-01-01", NULL },
};

static void
test_parse_utc(void **state)
{
	struct date	 d;
	char		*s;
	size_t		 i;

	(void)state;
	assert_true(nitems(cases) >= 60);
	for (i = 0; i < nitems(cases); i++) {
		if (cases[i].utc == NULL) {
			if (date_parse(cases[i].in, &d) != -1)
				fail_msg("\"%s\" read as a date", cases[i].in);
			continue;
		}
		if (date_parse(cases[i].in, &d) != 0)
			fail_msg("\"%s\" not read", cases[i].in);
		s = date_rfc3339(date_utc(&d));
		if (strcmp(s, cases[i].utc) != 0)
			fail_msg("\"%s\": %s, not %s", cases[i].in, s,
			    cases[i].utc);
		free(s);
	}
}

/* What a page's metadata shows: the date at the precision and in the zone
 * it was written in. */
static void
test_iso(void **state)
{
	static const char *const isos[][2] = {
		{ "2024-12-06T22:00:40.000Z", "2024-12-06T22:00:40Z" },
		{ "2017-06-05", "2017-06-05" },
		{ "2019-02-28 14:05", "2019-02-28T14:05:00" },
		{ "2019-02-28T14:05:09-0500", "2019-02-28T14:05:09-05:00" },
		{ "2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00" },
		{ "2022-01-27T12:45:36.270+01", "2022-01-27T12:45:36+01:00" },
		{ "2020-06-09T14:32:00+05:30", "2020-06-09T14:32:00+05:30" },
		{ "2020-07-10T14:15:42+00:00", "2020-07-10T14:15:42Z" },
		{ "2020-07-10T14:15:42-00:00", "2020-07-10T14:15:42Z" },
		{ "2022-05-04T03:00:00 UTC", "2022-05-04T03:00:00Z" },
		{ "2017-11-03 03:01:00.000000", "2017-11-03T03:01:00" },
		{ "2022-05-04-0305:49:00-10800", "2022-05-04" },
		{ "2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z" },
		{ "Mon, 05 Jun 2017 10:00:00 GMT", "2017-06-05T10:00:00Z" },
		{ "Sat, 07 Sep 2002 00:00:01 PDT", "2002-09-07T00:00:01-07:00" },
		{ "Sat, 07 Sep 2002 00:00:01 CEST", "2002-09-07T00:00:01" },
		{ "Sat, 07 Sep 02", "2002-09-07" },
		{ "June 5, 2017", "2017-06-05" },
		{ "June 5, 2017 10:00 a.m.", "2017-06-05T10:00:00" },
		{ "June 5, 2017 12:30 am", "2017-06-05T00:30:00" },
		{ "June 5, 2017 12:30 PM", "2017-06-05T12:30:00" },
		{ "2003-12", "2003-12-01" },
		{ "  2017-06-05T10:00:00Z\n", "2017-06-05T10:00:00Z" },
	};
	struct date	 d;
	char		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(isos); i++) {
		if (date_parse(isos[i][0], &d) != 0)
			fail_msg("\"%s\" not read", isos[i][0]);
		s = date_iso(&d);
		if (strcmp(s, isos[i][1]) != 0)
			fail_msg("\"%s\": %s, not %s", isos[i][0], s,
			    isos[i][1]);
		free(s);
	}
	/* The parts as written, before UTC. */
	assert_int_equal(date_parse("Sat, 07 Sep 2002 00:00:01 -0800", &d), 0);
	assert_int_equal(d.year, 2002);
	assert_int_equal(d.month, 9);
	assert_int_equal(d.day, 7);
	assert_int_equal(d.sec, 1);
	assert_int_equal(d.offset, -480);
	assert_int_equal(d.flags, DATE_HAS_TIME | DATE_HAS_ZONE);
	assert_int_equal(date_parse("June 5, 2017", &d), 0);
	assert_int_equal(d.flags, 0);
	/* Twelve-hour clocks have no hour 0 or 13. */
	assert_int_equal(date_parse("June 5, 2017 13:00 pm", &d), -1);
	assert_int_equal(date_parse("June 5, 2017 0:30 am", &d), -1);
}

/* date_utc at the edges of the calendar: the epoch, leap days, past
 * 2038, and the ends of the years reel reads. */
static void
test_utc_edges(void **state)
{
	static const struct {
		struct date	 d;
		int64_t		 t;
		const char	*utc;
	} edges[] = {
		{ { 1970, 1, 1, 0, 0, 0, 0, DATE_HAS_TIME }, 0,
		    "1970-01-01T00:00:00Z" },
		{ { 1969, 12, 31, 23, 59, 59, 0, DATE_HAS_TIME }, -1,
		    "1969-12-31T23:59:59Z" },
		{ { 2000, 2, 29, 0, 0, 0, 0, 0 }, 951782400,
		    "2000-02-29T00:00:00Z" },
		{ { 1600, 2, 29, 12, 0, 0, 0, DATE_HAS_TIME }, -11670955200,
		    "1600-02-29T12:00:00Z" },
		{ { 2100, 3, 1, 0, 0, 0, 0, 0 }, 4107542400,
		    "2100-03-01T00:00:00Z" },
		{ { 2038, 1, 19, 3, 14, 7, 0, DATE_HAS_TIME }, 2147483647,
		    "2038-01-19T03:14:07Z" },
		{ { 2038, 1, 19, 3, 14, 8, 0, DATE_HAS_TIME }, 2147483648,
		    "2038-01-19T03:14:08Z" },
		{ { 9999, 12, 31, 23, 59, 59, 0, DATE_HAS_TIME },
		    253402300799, "9999-12-31T23:59:59Z" },
		{ { 1000, 1, 1, 0, 0, 0, 0, 0 }, -30610224000,
		    "1000-01-01T00:00:00Z" },
		/* Zones may carry a date past either end. */
		{ { 1000, 1, 1, 0, 0, 0, 14 * 60, DATE_HAS_TIME |
		    DATE_HAS_ZONE }, -30610274400, "0999-12-31T10:00:00Z" },
		{ { 9999, 12, 31, 23, 0, 0, -60, DATE_HAS_TIME |
		    DATE_HAS_ZONE }, 253402300800, "10000-01-01T00:00:00Z" },
		/* An offset without DATE_HAS_ZONE is not one. */
		{ { 1970, 1, 1, 0, 0, 0, 60, DATE_HAS_TIME }, 0,
		    "1970-01-01T00:00:00Z" },
	};
	char	*s;
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(edges); i++) {
		assert_int_equal(date_utc(&edges[i].d), edges[i].t);
		s = date_rfc3339(edges[i].t);
		assert_string_equal(s, edges[i].utc);
		free(s);
	}
}

/* Every day from 1000-01-01 to 9999-12-31 is one day after the one
 * before, and reads back as itself. */
static void
test_utc_every_day(void **state)
{
	struct date	 d, back;
	int64_t		 t, prev;
	char		*s, want[32];
	int		 mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int		 leap;

	(void)state;
	memset(&d, 0, sizeof d);
	prev = date_utc(&(struct date){ 999, 12, 31, 0, 0, 0, 0, 0 });
	for (d.year = 1000; d.year <= 9999; d.year++) {
		leap = (d.year % 4 == 0 && d.year % 100 != 0) ||
		    d.year % 400 == 0;
		for (d.month = 1; d.month <= 12; d.month++) {
			for (d.day = 1; d.day <= mdays[d.month - 1] +
			    (d.month == 2 && leap); d.day++) {
				t = date_utc(&d);
				assert_true(t == prev + 86400);
				prev = t;
				if (d.day != 1 && d.day < 28)
					continue;
				s = date_rfc3339(t);
				snprintf(want, sizeof want,
				    "%04d-%02d-%02dT00:00:00Z", d.year,
				    d.month, d.day);
				assert_string_equal(s, want);
				assert_int_equal(date_parse(s, &back), 0);
				assert_true(date_utc(&back) == t);
				free(s);
			}
		}
	}
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_parse_utc),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_utc_edges),
		cmocka_unit_test(test_utc_every_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
