/* date.h: the dates pages and feeds carry (ISO 8601 / RFC 3339, RFC 822 /
 * 1123 / 2822 and their broken variants, "June 5, 2017"), read into their
 * parts and into UTC, and written back as RFC 3339. */
#ifndef REEL_DATE_H
#define REEL_DATE_H

#include <stdint.h>

#define DATE_HAS_TIME	0x1	/* hour, minute and second were given */
#define DATE_HAS_ZONE	0x2	/* a zone was given; offset is valid */

/* A date as written: what it says, before it is moved to UTC. */
struct date {
	int		year;		/* four digits; two-digit years mapped */
	int		month;		/* 1-12 */
	int		day;		/* 1-31, checked against the month */
	int		hour, min, sec;	/* 0 when !DATE_HAS_TIME */
	int		offset;		/* minutes east of UTC */
	unsigned int	flags;		/* DATE_HAS_ bits */
};

/* Parses s. Returns 0 and fills d, or -1 if s holds no date reel can
 * read ("no date"). */
int	 date_parse(const char *, struct date *);
/* Returns d as seconds since 1970-01-01T00:00:00Z: a date without a zone
 * is taken as UTC, a date without a time as its midnight. */
int64_t	 date_utc(const struct date *);
/* Writes t as RFC 3339 in UTC ("2017-06-05T10:00:00Z"); allocated. */
char	*date_rfc3339(int64_t);
/* Writes d at the precision it was given, in its own zone: "2017-06-05",
 * "2017-06-05T10:00:00" (no zone given), "2017-06-05T10:00:00Z" (UTC),
 * "2021-11-01T10:52:50+01:00". What a page's metadata shows; allocated. */
char	*date_iso(const struct date *);

#endif
