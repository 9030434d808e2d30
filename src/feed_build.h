/* feed_build.h: the model's builders (feed_build.c), which the readers of
 * each format (feed_xml.c, feed_json.c) fill it with: every string goes
 * in through these, and so through sanitize; and the readers themselves,
 * for feed_read.c to choose from. */
#ifndef REEL_FEED_BUILD_H
#define REEL_FEED_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "feed.h"

/* Returns a new empty feed of the given version (a static string). */
struct feed	*feed_new(const char *);
/* Appends an empty item to f and returns it; owned by f. */
struct feed_item *feed_add_item(struct feed *);
/* Gives back the room an item's arrays do not use (the last item of a
 * feed, once it is read). */
void		 feed_trim_item(struct feed_item *);
/* Flags the feed ill-formed; the first message is kept. */
void		 feed_bozo(struct feed *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Replaces *dst with the len bytes at s, white space trimmed and
 * sanitized (flags as sanitize's); nothing left means NULL. */
void		 feed_set(char **, const char *, size_t, int);
/* Sets *dst to href resolved against base (url_resolve), sanitized; an
 * href that does not resolve (javascript:, empty) leaves *dst alone.
 * Returns 0, or -1 when nothing was set. */
int		 feed_set_url(char **, const char *, const char *);
/* Sets t to text (len bytes) of the given type: a title or rights keeps
 * text (HTML reduced to it), a description, summary or content keeps
 * HTML (text escaped into it); base is copied. */
void		 feed_set_text(struct feed_text *, const char *, size_t,
		    enum feed_type, const char *);
void		 feed_set_html(struct feed_text *, const char *, size_t,
		    enum feed_type, const char *);

/* Returns s as a date in seconds UTC, or FEED_NO_DATE. */
int64_t		 feed_date(const char *);
/* Returns the decimal length in s, or FEED_NO_LENGTH. */
int64_t		 feed_length(const char *);

/* Appends a person (any of the three may be NULL; all NULL adds
 * nothing); uri is resolved against base. */
void		 feed_add_person(struct feed_person **, size_t *, size_t *,
		    const char *, const char *, const char *, const char *);
/* Appends a category unless it is empty or already there. */
void		 feed_add_category(char ***, size_t *, size_t *,
		    const char *, size_t);
/* Appends a link; href is resolved against base, and a link whose href
 * does not resolve is left out. Returns the link added, or NULL. */
struct feed_link *feed_add_link(struct feed_link **, size_t *, size_t *,
		    const char *, const char *, const char *, const char *,
		    const char *);
/* Appends an enclosure unless its URL is there already. */
void		 feed_add_enclosure(struct feed_item *, const char *,
		    const char *, const char *, int64_t);

/* Returns HTML (len bytes) reduced to one line of text, entities
 * decoded, not yet sanitized; the caller frees it. */
char		*feed_html_text(const char *, size_t);

/* RSS and Atom (feed_xml.c): as feed_parse(), with the media type and the
 * charset from the Content-Type, either NULL. */
int		 feed_xml_parse(const char *, size_t, const char *,
		    const char *, const char *, struct feed **, char **);
/* JSON Feed (feed_json.c): same contract as feed_parse(). */
int		 feed_json_parse(const char *, size_t, const char *,
		    struct feed **, char **);

#endif
