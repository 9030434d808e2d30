/* fuzz_date.c: libFuzzer target: a date date_parse reads is in range,
 * and what date_iso and date_rfc3339 write of it reads back the same. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct date	 d, back;
	char		*s, *iso;
	int64_t		 t;

	s = xstrndup((const char *)data, len);
	if (date_parse(s, &d) == -1) {
		free(s);
		return 0;
	}
	if (d.year < 1000 || d.year > 9999 || d.month < 1 || d.month > 12 ||
	    d.day < 1 || d.day > 31 || d.hour > 23 || d.min > 59 ||
	    d.sec > 60 || d.offset < -14 * 60 || d.offset > 14 * 60)
		abort();
	/* Written at its own precision and zone, it is the same date. */
	iso = date_iso(&d);
	if (date_parse(iso, &back) == -1 || back.year != d.year ||
	    back.month != d.month || back.day != d.day ||
	    back.hour != d.hour || back.min != d.min || back.sec != d.sec ||
	    back.flags != d.flags || date_utc(&back) != date_utc(&d))
		abort();
	free(iso);
	/* In UTC, the same instant (unless a zone moved it out of the
	 * years date_parse reads). */
	t = date_utc(&d);
	free(s);
	s = date_rfc3339(t);
	if (date_parse(s, &back) == 0 ? date_utc(&back) != t :
	    strncmp(s, "0999-", 5) != 0 && strncmp(s, "10000-", 6) != 0)
		abort();
	free(s);
	return 0;
}
