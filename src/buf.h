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

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_reserve(struct buf *, size_t);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hands the contents to the caller (never NULL); the buffer is empty after. */
char	*buf_detach(struct buf *, size_t *);
/* Returns the contents as a string, "" when empty; owned by the buffer. */
const char *buf_str(const struct buf *);

#endif
