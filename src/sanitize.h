/* sanitize.h: the only door through which remote text enters reel. */
#ifndef REEL_SANITIZE_H
#define REEL_SANITIZE_H

#include <stddef.h>

struct buf;

/* Keep newline and tab (preformatted text, where the layout owns them);
 * without it they, carriage return, form feed and vertical tab become
 * spaces, as HTML white space. */
#define SANITIZE_PRE	0x1

/* Appends the len bytes at s to out as safe UTF-8: invalid sequences become
 * U+FFFD; C0 controls and DEL become their Control Pictures (U+2400..,
 * so "ESC [ 2 J" shows as "␛[2J"); C1 controls and the noncharacters
 * U+FFFE and U+FFFF become U+FFFD; bidi embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069) are dropped; line and
 * paragraph separators become spaces. */
void	 sanitize_append(struct buf *, const char *, size_t, int);
/* The same into a newly allocated string the caller frees. */
char	*sanitize(const char *, size_t, int);
/* Returns non-zero if s (len bytes) would pass sanitize unchanged. */
int	 sanitize_is_clean(const char *, size_t, int);

#endif
