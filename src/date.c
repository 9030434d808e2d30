/* date.c: the dates pages and feeds carry, read as written (ISO 8601 /
 * RFC 3339, RFC 822 / 2822 and the ways feeds break them) and moved to UTC. */
#include <config.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "util.h"

/* Days from 0001-01-01 to 1970-01-01, proleptic Gregorian calendar. */
#define DATE_EPOCH_DAYS	719162
/* Days in 400, 100, 4 and 1 Gregorian years. */
#define DATE_DAYS_400Y	146097
#define DATE_DAYS_100Y	36524
#define DATE_DAYS_4Y	1461
#define DATE_DAYS_1Y	365
/* The widest offset in use (Kiribati); beyond it an offset is a typo. */
#define DATE_OFFSET_MAX	(14 * 60)

/* Zone names RFC 822 defines (and UTC, which feeds write as often): the
 * only names whose meaning is not in doubt. Minutes east of UTC. */
static const struct date_zone {
	const char	*name;
	int		 offset;
	int		 plus;		/* an offset may follow: "GMT+0100" */
} date_zones[] = {
	{ "UT", 0, 1 },
	{ "UTC", 0, 1 },
	{ "GMT", 0, 1 },
	{ "Z", 0, 0 },
	{ "EST", -5 * 60, 0 },
	{ "EDT", -4 * 60, 0 },
	{ "CST", -6 * 60, 0 },
	{ "CDT", -5 * 60, 0 },
	{ "MST", -7 * 60, 0 },
	{ "MDT", -6 * 60, 0 },
	{ "PST", -8 * 60, 0 },
	{ "PDT", -7 * 60, 0 },
};

static const char *const date_months[] = { "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october",
    "november", "december" };

static int
date_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static int
date_isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static const char *
date_skip(const char *p, const char *also)
{
	while (*p != '\0' && (date_isspace((unsigned char)*p) ||
	    strchr(also, *p) != NULL))
		p++;
	return p;
}

/* Reads a number of min to max digits at *pp and moves past it; a longer
 * run of digits is no such number. Returns 0, or -1 leaving *pp. */
static int
date_number(const char **pp, int min, int max, int *out)
{
	const char	*p = *pp;
	int		 n, v = 0;

	for (n = 0; date_isdigit((unsigned char)p[n]); n++) {
		if (n == max)
			return -1;
		v = v * 10 + (p[n] - '0');
	}
	if (n < min)
		return -1;
	*out = v;
	*pp = p + n;
	return 0;
}

/* Reads exactly n digits at *pp, whatever follows them (ISO 8601's basic
 * format runs its numbers together). Returns 0, or -1 leaving *pp. */
static int
date_fixed(const char **pp, int n, int *out)
{
	const char	*p = *pp;
	int		 i, v = 0;

	for (i = 0; i < n; i++) {
		if (!date_isdigit((unsigned char)p[i]))
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	*out = v;
	*pp = p + n;
	return 0;
}

static size_t
date_word(const char *p)
{
	size_t	n;

	for (n = 0; ascii_isalpha((unsigned char)p[n]); n++)
		;
	return n;
}

/* A month's name at *pp, full or cut to three letters or more ("Sep",
 * "Sept", "sept."), any case. Returns 1-12 and moves past it, or 0. */
static int
date_month(const char **pp)
{
	const char	*p = *pp;
	size_t		 n = date_word(p), i, k;

	if (n < 3)
		return 0;
	for (i = 0; i < nitems(date_months); i++) {
		if (n > strlen(date_months[i]))
			continue;
		for (k = 0; k < n; k++) {
			if (ascii_lower((unsigned char)p[k]) !=
			    date_months[i][k])
				break;
		}
		if (k == n) {
			*pp = p + n + (p[n] == '.');
			return (int)i + 1;
		}
	}
	return 0;
}

static int
date_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
date_mdays(int64_t y, int m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };

	return m == 2 && date_leap(y) ? 29 : days[m - 1];
}

/* Does a time of day start at p ("10:00", "0:0:1")? A date followed by
 * one has it, or is no date; anything else after a date is other text. */
static int
date_clock_ahead(const char *p)
{
	return date_isdigit((unsigned char)p[0]) && (p[1] == ':' ||
	    (date_isdigit((unsigned char)p[1]) && p[2] == ':'));
}

/* The length of "am", "pm", "a.m." or "p.m." (any case) at p, or 0;
 * *pm tells which. */
static size_t
date_meridiem(const char *p, int *pm)
{
	int	c = ascii_lower((unsigned char)p[0]);
	size_t	n;

	if (c != 'a' && c != 'p')
		return 0;
	*pm = c == 'p';
	if (ascii_lower((unsigned char)p[1]) == 'm')
		n = 2;
	else if (p[1] == '.' && ascii_lower((unsigned char)p[2]) == 'm' &&
	    p[3] == '.')
		n = 4;
	else
		return 0;
	return ascii_isalpha((unsigned char)p[n]) ? 0 : n;
}

/* Reads "H:MM[:SS[.fff]]" (one or two digits each, as RFC 822 dates in
 * feeds have them) and the "am" or "pm" of a twelve-hour clock after it,
 * as pages write it. Returns 0, or -1. */
static int
date_clock(const char **pp, struct date *d)
{
	const char	*p = *pp, *q;
	size_t		 n;
	int		 pm;

	if (date_number(&p, 1, 2, &d->hour) == -1 || *p++ != ':' ||
	    date_number(&p, 1, 2, &d->min) == -1)
		return -1;
	if (*p == ':') {
		p++;
		if (date_number(&p, 1, 2, &d->sec) == -1)
			return -1;
	}
	if ((*p == '.' || *p == ',') && date_isdigit((unsigned char)p[1]))
		for (p++; date_isdigit((unsigned char)*p); p++)
			;
	q = date_skip(p, "");
	if ((n = date_meridiem(q, &pm)) != 0) {
		if (d->hour < 1 || d->hour > 12)
			return -1;
		d->hour = d->hour % 12 + (pm ? 12 : 0);
		p = q + n;
	}
	d->flags |= DATE_HAS_TIME;
	*pp = p;
	return 0;
}

/* Reads a numeric offset at *pp, "+hhmm", "+hh:mm" or "+hh" (one digit
 * will do: "GMT+8"), into d. Returns 0, or -1 for an offset that cannot
 * be. */
static int
date_offset(const char **pp, struct date *d)
{
	const char	*q = *pp + 1;
	int		 sign = **pp == '-' ? -1 : 1, hh, mm = 0;

	if (date_number(&q, 4, 4, &hh) == 0) {
		mm = hh % 100;
		hh /= 100;
	} else if (date_number(&q, 1, 2, &hh) == 0) {
		if (*q == ':' && date_isdigit((unsigned char)q[1])) {
			q++;
			if (date_number(&q, 2, 2, &mm) == -1)
				return -1;
		}
	} else
		return -1;
	if (mm > 59 || hh * 60 + mm > DATE_OFFSET_MAX)
		return -1;
	d->offset = sign * (hh * 60 + mm);
	d->flags |= DATE_HAS_ZONE;
	*pp = q;
	return 0;
}

/* Reads the zone after a time: a numeric offset, "Z", a name of RFC 822's
 * (an offset may follow UT, UTC and GMT: "GMT+0100" is one hour east), or
 * one of its military letters. Those letters are taken as UTC, as RFC
 * 2822 (4.3) asks: RFC 822 gave them the wrong signs, so no one knows
 * what a sender meant. An unknown name ("CEST") leaves d without a zone.
 * Returns 0, or -1 for an offset that cannot be. */
static int
date_zone(const char **pp, struct date *d)
{
	const char	*p = date_skip(*pp, "");
	size_t		 n = date_word(p), i;

	if ((*p == '+' || *p == '-') && date_isdigit((unsigned char)p[1])) {
		if (date_offset(&p, d) == -1)
			return -1;
		*pp = p;
		return 0;
	}
	if (n == 0)
		return 0;
	for (i = 0; i < nitems(date_zones); i++) {
		if (strlen(date_zones[i].name) == n &&
		    strncasecmp(p, date_zones[i].name, n) == 0)
			break;
	}
	if (i == nitems(date_zones)) {
		/* J is the one letter the military zones leave out. */
		if (n != 1 || *p < 'A' || *p > 'Z' || *p == 'J')
			return 0;
		d->offset = 0;
		d->flags |= DATE_HAS_ZONE;
		*pp = p + 1;
		return 0;
	}
	p += n;
	d->offset = date_zones[i].offset;
	d->flags |= DATE_HAS_ZONE;
	if (date_zones[i].plus && (*p == '+' || *p == '-') &&
	    date_isdigit((unsigned char)p[1]) && date_offset(&p, d) == -1)
		return -1;
	*pp = p;
	return 0;
}

/* Does a time end at p, as a word ends? A comment may follow ("+0200
 * (CEST)"), or a list's separator (dcterms:valid's ';'), not more of it. */
static int
date_end(const char *p)
{
	return *p == '\0' || date_isspace((unsigned char)*p) ||
	    strchr("(),;.", *p) != NULL;
}

/* The time and zone that may follow a date. A time of day is optional
 * unless the date says one comes (ISO 8601's "T"); once begun it must be
 * whole. Returns 0, or -1. */
static int
date_time(const char *p, int required, struct date *d)
{
	if (!required && !date_clock_ahead(p))
		return 0;
	if (date_clock(&p, d) == -1 || date_zone(&p, d) == -1)
		return -1;
	return date_end(p) ? 0 : -1;
}

/* ISO 8601 as pages and feeds write it: "2003-12-31T10:14:55.123-08:00"
 * and its kin (a space or "t" for the "T", no seconds, "+hhmm" or "+hh",
 * "/" between the numbers), "2003-12-31", "2003-12" (the 1st, as
 * feedparser reads it) and the basic "20031231T101455Z". */
static int
date_iso8601(const char *p, struct date *d)
{
	const char	*q;
	char		 sep;

	if (date_fixed(&p, 4, &d->year) == -1)
		return -1;
	if (*p != '-' && *p != '/') {
		/* The basic format, "YYYYMMDDThhmm[ss]": eight digits alone
		 * are more often a number than a date. */
		if (date_fixed(&p, 2, &d->month) == -1 ||
		    date_number(&p, 2, 2, &d->day) == -1 ||
		    (*p != 'T' && *p != 't'))
			return -1;
		p++;
		if (date_fixed(&p, 2, &d->hour) == -1 ||
		    date_fixed(&p, 2, &d->min) == -1)
			return -1;
		if (date_isdigit((unsigned char)*p) &&
		    date_number(&p, 2, 2, &d->sec) == -1)
			return -1;
		if ((*p == '.' || *p == ',') && date_isdigit((unsigned char)p[1]))
			for (p++; date_isdigit((unsigned char)*p); p++)
				;
		d->flags |= DATE_HAS_TIME;
		return date_zone(&p, d) == 0 && date_end(p) ? 0 : -1;
	}
	sep = *p++;
	if (date_number(&p, 2, 2, &d->month) == -1)
		return -1;
	if (*p != sep) {
		/* Year and month alone: nothing may follow. */
		d->day = 1;
		return sep == '-' && *date_skip(p, "") == '\0' ? 0 : -1;
	}
	p++;
	if (date_number(&p, 2, 2, &d->day) == -1)
		return -1;
	if (*p == 'T' || *p == 't')
		return date_time(p + 1, 1, d);
	q = date_skip(p, "");
	return q != p ? date_time(q, 0, d) : 0;
}

/* The length of an ordinal's ending ("5th", "1st") at p, or 0. */
static size_t
date_ordinal(const char *p)
{
	static const char *const ends[] = { "st", "nd", "rd", "th" };
	size_t			 i;

	if (date_word(p) != 2)
		return 0;
	for (i = 0; i < nitems(ends); i++) {
		if (strncasecmp(p, ends[i], 2) == 0)
			return 2;
	}
	return 0;
}

/* Dates in words: RFC 822 and its variants ("Sat, 07 Sep 2002 00:00:01
 * GMT", "Sunday, 07-Sep-02 ..."), and what pages write ("June 5, 2017",
 * "5th June 2017", "Jun 5 2017 10:00"). A leading word that is no month
 * is the day's name, in whatever language or spelling, and is skipped:
 * it says nothing the date does not. */
static int
date_words(const char *p, struct date *d)
{
	const char	*q = p;

	if (!date_isdigit((unsigned char)*p) && date_month(&q) == 0) {
		while (*p != '\0' && !date_isspace((unsigned char)*p) &&
		    !date_isdigit((unsigned char)*p) && *p != ',')
			p++;
		p = date_skip(p, ",");
	}
	q = p;
	if ((d->month = date_month(&q)) != 0) {
		p = date_skip(q, ".");
		if (date_number(&p, 1, 2, &d->day) == -1)
			return -1;
		p = date_skip(p + date_ordinal(p), ",");
		if (date_number(&p, 4, 4, &d->year) == -1)
			return -1;
	} else {
		if (date_number(&p, 1, 2, &d->day) == -1)
			return -1;
		p = date_skip(p + date_ordinal(p), "-.");
		if ((d->month = date_month(&p)) == 0)
			return -1;
		p = date_skip(p, "-,.");
		q = p;
		if (date_number(&p, 4, 4, &d->year) == -1) {
			/* RFC 2822 (4.3): a two-digit year below 50 is in
			 * the 2000s. */
			if (date_number(&q, 2, 2, &d->year) == -1)
				return -1;
			d->year += d->year < 50 ? 2000 : 1900;
			p = q;
		}
	}
	if (!date_end(p))
		return -1;		/* "20p02", "02:00" */
	q = date_skip(p, ",");
	if (strncasecmp(q, "at", 2) == 0 && date_isspace((unsigned char)q[2]))
		q = date_skip(q + 2, "");
	return q != p ? date_time(q, 0, d) : 0;
}

/* Reads s (white space around it allowed) into d. Returns 0, or -1 when
 * s holds no date of years 1000 to 9999; d is then undefined. */
int
date_parse(const char *s, struct date *d)
{
	const char	*p = date_skip(s, "");
	int		 r;

	memset(d, 0, sizeof *d);
	if (date_isdigit((unsigned char)p[0]) &&
	    date_isdigit((unsigned char)p[1]) &&
	    date_isdigit((unsigned char)p[2]) &&
	    date_isdigit((unsigned char)p[3]))
		r = date_iso8601(p, d);
	else
		r = date_words(p, d);
	/* 60 seconds: a leap second, as RFC 3339 allows. */
	if (r == -1 || d->year < 1000 || d->year > 9999 || d->month < 1 ||
	    d->month > 12 || d->day < 1 ||
	    d->day > date_mdays(d->year, d->month) || d->hour > 23 ||
	    d->min > 59 || d->sec > 60)
		return -1;
	return 0;
}

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar in
 * years 1 and later. */
static int64_t
date_days(int y, int m, int d)
{
	int64_t	days, before = (int64_t)y - 1;
	int	i;

	days = before * 365 + before / 4 - before / 100 + before / 400;
	for (i = 1; i < m; i++)
		days += date_mdays(y, i);
	return days + d - 1 - DATE_EPOCH_DAYS;
}

/* Returns the seconds from the epoch to d, a date as date_parse fills
 * it: no zone is UTC, no time is midnight. */
int64_t
date_utc(const struct date *d)
{
	int64_t	t;

	t = date_days(d->year, d->month, d->day) * 86400 +
	    d->hour * 3600 + d->min * 60 + d->sec;
	if (d->flags & DATE_HAS_ZONE)
		t -= (int64_t)d->offset * 60;
	return t;
}

/* Takes whole periods of size days out of the days *n, at most limit - 1
 * of them: the last period of a cycle is a day longer than the others
 * (it ends in a leap year), so its last day is not a period of its own.
 * Returns how many were taken. */
static int64_t
date_cycles(int64_t *n, int64_t size, int64_t limit)
{
	int64_t	k = *n / size;

	if (k > limit - 1)
		k = limit - 1;
	*n -= k * size;
	return k;
}

/* Writes t as "YYYY-MM-DDTHH:MM:SSZ"; the caller frees it. A zone may
 * move a date just outside the years date_parse reads ("0999-12-31"). */
char *
date_rfc3339(int64_t t)
{
	int64_t	days, secs, n, q, y;
	int	m, yday;

	/* Floored division: the seconds of a day are never negative. */
	days = t / 86400;
	secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	n = days + DATE_EPOCH_DAYS;
	q = n / DATE_DAYS_400Y;
	n %= DATE_DAYS_400Y;
	if (n < 0) {
		n += DATE_DAYS_400Y;
		q--;
	}
	y = 1 + q * 400;
	y += 100 * date_cycles(&n, DATE_DAYS_100Y, 4);
	y += 4 * date_cycles(&n, DATE_DAYS_4Y, 25);
	y += date_cycles(&n, DATE_DAYS_1Y, 4);
	yday = (int)n;
	for (m = 1; m < 12 && yday >= date_mdays(y, m); m++)
		yday -= date_mdays(y, m);
	return xprintf("%04" PRId64 "-%02d-%02dT%02d:%02d:%02dZ", y, m,
	    yday + 1, (int)(secs / 3600), (int)(secs / 60 % 60),
	    (int)(secs % 60));
}

/* Writes d at the precision it was given (the day, or the second) and in
 * its own zone ("Z" for UTC), or without one; the caller frees it. */
char *
date_iso(const struct date *d)
{
	int	off;

	if (!(d->flags & DATE_HAS_TIME))
		return xprintf("%04d-%02d-%02d", d->year, d->month, d->day);
	if (!(d->flags & DATE_HAS_ZONE))
		return xprintf("%04d-%02d-%02dT%02d:%02d:%02d", d->year,
		    d->month, d->day, d->hour, d->min, d->sec);
	if (d->offset == 0)
		return xprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", d->year,
		    d->month, d->day, d->hour, d->min, d->sec);
	off = abs(d->offset);
	return xprintf("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d->year,
	    d->month, d->day, d->hour, d->min, d->sec,
	    d->offset < 0 ? '-' : '+', off / 60, off % 60);
}
