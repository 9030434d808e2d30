/* settings.h: reel's settings and colours by name, typed and checked,
 * each value with where it came from. Pure data: conf.c fills it from
 * files, the environment and the command line; the rest reads it. */
#ifndef REEL_SETTINGS_H
#define REEL_SETTINGS_H

#include <stdint.h>

enum setting {
	SET_WIDTH,
	SET_ALIGN,
	SET_ASCII,
	SET_CONNECT_TIMEOUT,
	SET_TIMEOUT,
	SET_STALL_TIME,
	SET_MAX_SIZE,
	SET_MAX_REDIRS,
	SET_REFRESH_TOTAL,
	SET_REFRESH_PER_HOST,
	SET_BROWSER,
	SET_ITEM_OPEN,
	SET_DATE_FORMAT,
	SET_COLOR,
	SET_COUNT
};

/* Where a value came from; a value is only replaced from as far up. */
enum settings_origin {
	SETTINGS_DEFAULT,
	SETTINGS_FILE,
	SETTINGS_ENV,
	SETTINGS_CMDLINE,
};

/* The values of the enumerated settings. */
#define SETTINGS_ALIGN_CENTRE	0
#define SETTINGS_ALIGN_LEFT	1
#define SETTINGS_ITEM_LINK	0	/* an item opens its linked page */
#define SETTINGS_ITEM_CONTENT	1	/* an item opens the feed's text */
#define SETTINGS_COLOR_AUTO	0	/* if the terminal can, no NO_COLOR */
#define SETTINGS_COLOR_ALWAYS	1	/* if the terminal can */
#define SETTINGS_COLOR_NEVER	2

/* What term.c draws in a colour of its own. */
enum settings_element {
	SETTINGS_EL_HEADING,
	SETTINGS_EL_LINK,
	SETTINGS_EL_CODE,
	SETTINGS_EL_MARKER,
	SETTINGS_EL_MATCH,
	SETTINGS_EL_CURRENT,
	SETTINGS_EL_STATUS,
	SETTINGS_EL_TITLE,
	SETTINGS_EL_SELECTED,
	SETTINGS_EL_CURSOR,
	SETTINGS_NELEMENTS
};

/* Attributes of a colour element (the bits of term.h's TERM_BOLD...). */
#define SETTINGS_BOLD		0x1
#define SETTINGS_REVERSE	0x2
#define SETTINGS_UNDERLINE	0x4
#define SETTINGS_ITALIC		0x8

/* A colour: -1 the terminal's own, else 0 to 255 (0-7 the eight named
 * ones, 8-15 their bright kin). */
struct settings_colour {
	int	fg;
	int	bg;
	int	attrs;
};

/* Puts every setting and colour back to its default. */
void		 settings_reset(void);
/* Returns the setting named s, or -1. */
int		 settings_find(const char *);
/* Returns a setting's name ("max-size"). */
const char	*settings_name(enum setting);
/* Sets a setting from its text, unless it was set from further up
 * already. Returns 0, or -1 and *cause (allocated) saying what was
 * expected. */
int		 settings_set(enum setting, const char *, enum settings_origin,
		    char **);
/* Checks a value as settings_set() would, setting nothing. */
int		 settings_check(enum setting, const char *, char **);
/* Returns where a setting's value came from. */
enum settings_origin settings_origin(enum setting);
/* Returns a number, a size in bytes, a boolean (0 or 1) or the index of
 * an enumerated value. */
long		 settings_int(enum setting);
/* Returns a string setting's value; owned by the table. */
const char	*settings_str(enum setting);
/* Returns a setting's value as a file would write it; the caller frees
 * it. */
char		*settings_text(enum setting);

/* Returns the time t (seconds since 1970) as date-format writes it, in
 * local time or in UTC; the caller frees it. */
char		*settings_date(int64_t, int);

/* Whether to draw in colour on a terminal that can: the color setting,
 * and NO_COLOR (present and not empty) when it is auto. */
int		 settings_use_colour(void);

/* Returns the element named s, or -1. */
int		 settings_element_find(const char *);
/* Returns an element's name ("status"). */
const char	*settings_element_name(enum settings_element);
/* Returns an element's colour. */
const struct settings_colour *settings_colour(enum settings_element);
/* Sets an element's colour. */
void		 settings_colour_set(enum settings_element,
		    const struct settings_colour *);
/* Returns the colour named s ("red", "brightred", "default",
 * "color208"), or -2. */
int		 settings_colour_find(const char *);
/* Writes a colour's name to out (at least 16 bytes); returns out. */
char		*settings_colour_name(int, char *);
/* Returns the attribute named s ("bold"), 0 for "none", or -1. */
int		 settings_attr_find(const char *);
/* Returns the name of attribute bit a. */
const char	*settings_attr_name(int);

#endif
