/* width.c: display width from the C library's wcwidth(), cached.
 *
 * The width is wcwidth() of the current locale, not a table of our own:
 * ncurses and the terminal place characters by the same function, so a
 * line laid out here fills exactly the cells ncurses draws. In a locale
 * that is not UTF-8 the view shows ASCII stand-ins and never asks. */
#include <config.h>

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

#include "util.h"
#include "width.h"

#define WIDTH_CACHED	0x10000		/* the Basic Multilingual Plane */
#define WIDTH_UNKNOWN	((signed char)-2)

static signed char	width_cache[WIDTH_CACHED];
static int		width_ready;
static char		width_locale[128];

void
width_sync(void)
{
	const char	*now = setlocale(LC_CTYPE, NULL);

	if (now == NULL)
		now = "";
	if (width_ready && strcmp(now, width_locale) == 0)
		return;
	memset(width_cache, WIDTH_UNKNOWN, sizeof width_cache);
	strncpy(width_locale, now, sizeof width_locale - 1);
	width_locale[sizeof width_locale - 1] = '\0';
	width_ready = 1;
}

int
width_cp(unsigned int cp)
{
	int	w;

	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	if (!width_ready)
		width_sync();
	if (cp < WIDTH_CACHED && width_cache[cp] != WIDTH_UNKNOWN)
		return width_cache[cp];
	w = wcwidth((wchar_t)cp);
	if (w > 2)
		w = 2;
	if (cp < WIDTH_CACHED)
		width_cache[cp] = (signed char)w;
	return w;
}

size_t
width_str(const char *s, size_t len)
{
	unsigned int	cp;
	size_t		n, cells = 0;
	int		w;

	while (len > 0) {
		if ((unsigned char)*s < 0x80) {
			cells++;
			s++;
			len--;
			continue;
		}
		n = utf8_next(s, len, &cp);
		if ((w = width_cp(cp)) < 0)
			w = 1;
		cells += (size_t)w;
		s += n;
		len -= n;
	}
	return cells;
}

int
width_utf8_locale(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}
