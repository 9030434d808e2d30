/* settings.c: the table of settings (name, type, range, default) and of
 * colour elements, with the values in force and where each came from. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "settings.h"
#include "util.h"

enum settings_type {
	SETTINGS_INT,
	SETTINGS_SIZE,		/* bytes; K and M suffixes */
	SETTINGS_BOOL,
	SETTINGS_ENUM,
	SETTINGS_STRING,
	SETTINGS_FORMAT,	/* a strftime(3) format */
};

static const char *const settings_align[] = { "centre", "left", NULL };
static const char *const settings_item[] = { "link", "content", NULL };
static const char *const settings_color[] = { "auto", "always", "never",
    NULL };

static const struct {
	const char		 *name;
	enum settings_type	  type;
	const char		 *dflt;
	long			  min;
	long			  max;
	const char *const	 *values;
} settings_defs[SET_COUNT] = {
	[SET_WIDTH] = { "width", SETTINGS_INT, "80", 10, 10000, NULL },
	[SET_ALIGN] = { "align", SETTINGS_ENUM, "centre", 0, 0,
	    settings_align },
	[SET_ASCII] = { "ascii", SETTINGS_BOOL, "no", 0, 1, NULL },
	[SET_CONNECT_TIMEOUT] = { "connect-timeout", SETTINGS_INT, "15", 0,
	    86400, NULL },
	[SET_TIMEOUT] = { "timeout", SETTINGS_INT, "60", 0, 86400, NULL },
	[SET_STALL_TIME] = { "stall-time", SETTINGS_INT, "20", 0, 86400,
	    NULL },
	/* 0 refuses every page, as --max-size=0 always did. */
	[SET_MAX_SIZE] = { "max-size", SETTINGS_SIZE, "16M", 0,
	    LONG_MAX / 2, NULL },
	[SET_MAX_REDIRS] = { "max-redirs", SETTINGS_INT, "10", 0, 100,
	    NULL },
	[SET_REFRESH_TOTAL] = { "refresh-total", SETTINGS_INT, "16", 1, 256,
	    NULL },
	[SET_REFRESH_PER_HOST] = { "refresh-per-host", SETTINGS_INT, "4", 1,
	    64, NULL },
	[SET_BROWSER] = { "browser", SETTINGS_STRING, "", 0, 0, NULL },
	[SET_ITEM_OPEN] = { "item-open", SETTINGS_ENUM, "link", 0, 0,
	    settings_item },
	[SET_DATE_FORMAT] = { "date-format", SETTINGS_FORMAT, "%Y-%m-%d", 0,
	    0, NULL },
	[SET_COLOR] = { "color", SETTINGS_ENUM, "auto", 0, 0,
	    settings_color },
};

static struct {
	long			 num;
	char			*str;
	enum settings_origin	 origin;
} settings_values[SET_COUNT];

static const char *const settings_elements[SETTINGS_NELEMENTS] = {
	[SETTINGS_EL_HEADING] = "heading",
	[SETTINGS_EL_LINK] = "link",
	[SETTINGS_EL_CODE] = "code",
	[SETTINGS_EL_MARKER] = "marker",
	[SETTINGS_EL_MATCH] = "match",
	[SETTINGS_EL_CURRENT] = "current-match",
	[SETTINGS_EL_STATUS] = "status",
	[SETTINGS_EL_TITLE] = "title",
	[SETTINGS_EL_SELECTED] = "selected-link",
	[SETTINGS_EL_CURSOR] = "cursor",
};

/* The colours reel has always drawn with; status, title, selected link
 * and cursor had only attributes. */
static const struct settings_colour settings_colour_defaults[] = {
	[SETTINGS_EL_HEADING] = { 3, -1, 0 },
	[SETTINGS_EL_LINK] = { 6, -1, 0 },
	[SETTINGS_EL_CODE] = { 2, -1, 0 },
	[SETTINGS_EL_MARKER] = { 5, -1, 0 },
	[SETTINGS_EL_MATCH] = { 0, 3, 0 },
	[SETTINGS_EL_CURRENT] = { 0, 2, 0 },
	[SETTINGS_EL_STATUS] = { -1, -1, SETTINGS_REVERSE },
	[SETTINGS_EL_TITLE] = { -1, -1, SETTINGS_BOLD },
	[SETTINGS_EL_SELECTED] = { 6, -1, SETTINGS_BOLD | SETTINGS_REVERSE },
	[SETTINGS_EL_CURSOR] = { -1, -1, SETTINGS_REVERSE },
};

static struct settings_colour	settings_colours[SETTINGS_NELEMENTS];
static int			settings_ready_;

static const char *const settings_colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

static const struct {
	int		 bit;
	const char	*name;
} settings_attrs[] = {
	{ SETTINGS_BOLD, "bold" },
	{ SETTINGS_REVERSE, "reverse" },
	{ SETTINGS_UNDERLINE, "underline" },
	{ SETTINGS_ITALIC, "italic" },
};

static void
settings_ready(void)
{
	if (!settings_ready_)
		settings_reset();
}

/* A value with no control character, which a terminal would act on. */
static int
settings_printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* The enumerated values of def i as "a, b or c". */
static char *
settings_choices(int i)
{
	const char *const	*v = settings_defs[i].values;
	char			*s = xstrdup(v[0]), *t;
	size_t			 k;

	for (k = 1; v[k] != NULL; k++) {
		t = xprintf(v[k + 1] == NULL ? _("%s or %s") : "%s, %s", s,
		    v[k]);
		free(s);
		s = t;
	}
	return s;
}

/* Parses value for setting i into *num (and checks a string). */
static int
settings_parse(int i, const char *value, long *num, char **cause)
{
	char		*end, *choices, out[256];
	long long	 v, unit = 1;
	struct tm	 tm;
	size_t		 k;

	switch (settings_defs[i].type) {
	case SETTINGS_INT:
	case SETTINGS_SIZE:
		errno = 0;
		v = strtoll(value, &end, 10);
		if (settings_defs[i].type == SETTINGS_SIZE && end != value &&
		    (*end == 'K' || *end == 'k'))
			unit = 1024, end++;
		else if (settings_defs[i].type == SETTINGS_SIZE &&
		    end != value && (*end == 'M' || *end == 'm'))
			unit = 1024 * 1024, end++;
		if (errno == 0 && end != value && *end == '\0' &&
		    v >= settings_defs[i].min / unit &&
		    v <= settings_defs[i].max / unit &&
		    v * unit >= settings_defs[i].min) {
			*num = (long)(v * unit);
			return 0;
		}
		if (settings_defs[i].type == SETTINGS_SIZE)
			*cause = xprintf(_("expected a size in bytes from %ld "
			    "(K and M allowed), not \"%s\""),
			    settings_defs[i].min, value);
		else
			*cause = xprintf(_("expected a whole number from %ld "
			    "to %ld, not \"%s\""), settings_defs[i].min,
			    settings_defs[i].max, value);
		return -1;
	case SETTINGS_BOOL:
		if (strcasecmp(value, "yes") == 0 ||
		    strcasecmp(value, "on") == 0 ||
		    strcasecmp(value, "true") == 0 ||
		    strcmp(value, "1") == 0) {
			*num = 1;
			return 0;
		}
		if (strcasecmp(value, "no") == 0 ||
		    strcasecmp(value, "off") == 0 ||
		    strcasecmp(value, "false") == 0 ||
		    strcmp(value, "0") == 0) {
			*num = 0;
			return 0;
		}
		*cause = xprintf(_("expected yes or no, not \"%s\""), value);
		return -1;
	case SETTINGS_ENUM:
		for (k = 0; settings_defs[i].values[k] != NULL; k++) {
			if (strcmp(settings_defs[i].values[k], value) == 0) {
				*num = (long)k;
				return 0;
			}
		}
		/* The American spelling of the one British value. */
		if (i == SET_ALIGN && strcmp(value, "center") == 0) {
			*num = SETTINGS_ALIGN_CENTRE;
			return 0;
		}
		choices = settings_choices(i);
		*cause = xprintf(_("expected %s, not \"%s\""), choices, value);
		free(choices);
		return -1;
	case SETTINGS_STRING:
		if (settings_printable(value))
			return 0;
		*cause = xstrdup(_("expected text without control "
		    "characters"));
		return -1;
	case SETTINGS_FORMAT:
		/* 2 January 2006, 15:04:05: every field differs. */
		memset(&tm, 0, sizeof tm);
		tm.tm_year = 106;
		tm.tm_mon = 0;
		tm.tm_mday = 2;
		tm.tm_hour = 15;
		tm.tm_min = 4;
		tm.tm_sec = 5;
		tm.tm_wday = 1;
		/* The format is the user's: strftime(3) takes any. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		if (*value != '\0' && settings_printable(value) &&
		    strftime(out, sizeof out, value, &tm) > 0)
			return 0;
#pragma GCC diagnostic pop
		*cause = xprintf(_("expected a strftime(3) format that "
		    "writes something, not \"%s\""), value);
		return -1;
	}
	*cause = xstrdup("?");
	return -1;
}

void
settings_reset(void)
{
	char	*cause = NULL;
	int	 i;

	for (i = 0; i < SET_COUNT; i++) {
		free(settings_values[i].str);
		settings_values[i].str = xstrdup(settings_defs[i].dflt);
		settings_values[i].num = 0;
		settings_values[i].origin = SETTINGS_DEFAULT;
		if (settings_parse(i, settings_defs[i].dflt,
		    &settings_values[i].num, &cause) != 0)
			fatal("default of %s: %s", settings_defs[i].name,
			    cause);
	}
	memcpy(settings_colours, settings_colour_defaults,
	    sizeof settings_colours);
	settings_ready_ = 1;
}

int
settings_find(const char *s)
{
	int	i;

	for (i = 0; i < SET_COUNT; i++)
		if (strcmp(settings_defs[i].name, s) == 0)
			return i;
	return -1;
}

const char *
settings_name(enum setting i)
{
	if ((int)i < 0 || i >= SET_COUNT)
		return "?";
	return settings_defs[i].name;
}

int
settings_set(enum setting i, const char *value, enum settings_origin from,
    char **cause)
{
	long	num = 0;

	settings_ready();
	if (settings_parse(i, value, &num, cause) != 0)
		return -1;
	if (from < settings_values[i].origin)
		return 0;
	free(settings_values[i].str);
	settings_values[i].str = xstrdup(value);
	settings_values[i].num = num;
	settings_values[i].origin = from;
	return 0;
}

int
settings_check(enum setting i, const char *value, char **cause)
{
	long	num;

	return settings_parse(i, value, &num, cause);
}

enum settings_origin
settings_origin(enum setting i)
{
	settings_ready();
	return settings_values[i].origin;
}

long
settings_int(enum setting i)
{
	settings_ready();
	return settings_values[i].num;
}

const char *
settings_str(enum setting i)
{
	settings_ready();
	return settings_values[i].str;
}

char *
settings_text(enum setting i)
{
	long	n;

	settings_ready();
	n = settings_values[i].num;
	switch (settings_defs[i].type) {
	case SETTINGS_INT:
		return xprintf("%ld", n);
	case SETTINGS_SIZE:
		if (n != 0 && n % (1024 * 1024) == 0)
			return xprintf("%ldM", n / (1024 * 1024));
		if (n != 0 && n % 1024 == 0)
			return xprintf("%ldK", n / 1024);
		return xprintf("%ld", n);
	case SETTINGS_BOOL:
		return xstrdup(n ? "yes" : "no");
	case SETTINGS_ENUM:
		return xstrdup(settings_defs[i].values[n]);
	case SETTINGS_STRING:
	case SETTINGS_FORMAT:
		break;
	}
	return xstrdup(settings_values[i].str);
}

char *
settings_date(int64_t t, int local)
{
	struct tm	tm;
	time_t		tt = (time_t)t;
	char		out[256];

	if ((local ? localtime_r(&tt, &tm) : gmtime_r(&tt, &tm)) == NULL)
		memset(&tm, 0, sizeof tm);
	/* Checked when set: it writes something, in fewer than 256 bytes
	 * for the date it was checked on; another date may need more. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (strftime(out, sizeof out, settings_str(SET_DATE_FORMAT), &tm) == 0)
		strftime(out, sizeof out, "%Y-%m-%d", &tm);
#pragma GCC diagnostic pop
	return xstrdup(out);
}

int
settings_use_colour(void)
{
	const char	*s;

	switch (settings_int(SET_COLOR)) {
	case SETTINGS_COLOR_ALWAYS:
		return 1;
	case SETTINGS_COLOR_NEVER:
		return 0;
	}
	s = getenv("NO_COLOR");
	return s == NULL || *s == '\0';
}

int
settings_element_find(const char *s)
{
	int	i;

	for (i = 0; i < SETTINGS_NELEMENTS; i++)
		if (strcmp(settings_elements[i], s) == 0)
			return i;
	return -1;
}

const char *
settings_element_name(enum settings_element e)
{
	if ((int)e < 0 || e >= SETTINGS_NELEMENTS)
		return "?";
	return settings_elements[e];
}

const struct settings_colour *
settings_colour(enum settings_element e)
{
	settings_ready();
	return &settings_colours[e];
}

void
settings_colour_set(enum settings_element e, const struct settings_colour *c)
{
	settings_ready();
	settings_colours[e] = *c;
}

int
settings_colour_find(const char *s)
{
	char	*end;
	long	 n;
	size_t	 i;

	if (strcasecmp(s, "default") == 0)
		return -1;
	for (i = 0; i < nitems(settings_colour_names); i++) {
		if (strcasecmp(s, settings_colour_names[i]) == 0)
			return (int)i;
		if (strncasecmp(s, "bright", 6) == 0 &&
		    strcasecmp(s + 6, settings_colour_names[i]) == 0)
			return (int)i + 8;
	}
	if (strncasecmp(s, "color", 5) == 0 && s[5] >= '0' && s[5] <= '9') {
		errno = 0;
		n = strtol(s + 5, &end, 10);
		if (errno == 0 && *end == '\0' && n >= 0 && n <= 255)
			return (int)n;
	}
	return -2;
}

char *
settings_colour_name(int c, char *out)
{
	if (c < 0)
		strcpy(out, "default");
	else if (c < 8)
		strcpy(out, settings_colour_names[c]);
	else if (c < 16)
		snprintf(out, 16, "bright%s", settings_colour_names[c - 8]);
	else
		snprintf(out, 16, "color%d", c);
	return out;
}

int
settings_attr_find(const char *s)
{
	size_t	i;

	if (strcasecmp(s, "none") == 0)
		return 0;
	for (i = 0; i < nitems(settings_attrs); i++)
		if (strcasecmp(s, settings_attrs[i].name) == 0)
			return settings_attrs[i].bit;
	return -1;
}

const char *
settings_attr_name(int bit)
{
	size_t	i;

	for (i = 0; i < nitems(settings_attrs); i++)
		if (settings_attrs[i].bit == bit)
			return settings_attrs[i].name;
	return "none";
}
