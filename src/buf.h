/* buf.h: a growable byte buffer, always NUL-terminated. */
#ifndef REEL_BUF_H
#define REEL_BUF_H

#include <stddef.h>

struct buf {
	char	*data;		/* NUL-terminated when non-NULL */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* Makes b empty without freeing anything: for a struct buf not yet in
 * use (BUF_INIT does the same). */
void	 buf_init(struct buf *);
/* Frees what b holds; b is then empty and may be used again. */
void	 buf_free(struct buf *);
/* Empties b but keeps its memory for what comes next. */
void	 buf_reset(struct buf *);
/* Makes room for extra more bytes (and the NUL); fatal() on overflow or
 * when memory runs out, like every function that adds. */
void	 buf_reserve(struct buf *, size_t);
/* Appends n bytes (they may hold NULs), a string, one byte, or printf
 * output; b stays NUL-terminated. */
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
/* s with &, <, > and " as references, for XML or HTML text and
 * attributes; tab, newline and carriage return as character references
 * with BUF_MARKUP_WS_REFS, else each as a space. */
#define BUF_MARKUP_WS_REFS	1
void	 buf_add_markup(struct buf *, const char *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hands the contents to the caller (never NULL); the buffer is empty after. */
char	*buf_detach(struct buf *, size_t *);
/* Returns the contents as a string, "" when empty; owned by the buffer. */
const char *buf_str(const struct buf *);

#endif
