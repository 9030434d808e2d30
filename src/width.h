/* width.h: how many terminal cells a character of UTF-8 text takes. */
#ifndef REEL_WIDTH_H
#define REEL_WIDTH_H

#include <stddef.h>

/* Forgets the cached widths if LC_CTYPE changed since the last call; call
 * it before a run of width_cp() after a setlocale(). */
void	width_sync(void);
/* Returns the cells of code point cp under the current UTF-8 LC_CTYPE:
 * 0 for combining marks and other zero-width characters, 2 for wide and
 * fullwidth ones, 1 otherwise; -1 when wcwidth() knows no width. */
int	width_cp(unsigned int);
/* Returns the cells taken by len bytes of UTF-8 text at s; an invalid
 * byte or a character of unknown width counts as one cell. */
size_t	width_str(const char *, size_t);
/* Returns non-zero if LC_CTYPE uses UTF-8; otherwise the view falls back
 * to ASCII stand-ins. */
int	width_utf8_locale(void);

#endif
