/* search.h: the pager's search: typed text finds what the screen shows.
 * Both the text and the pattern are folded with libunistring: NFKD
 * (compatibility decomposition), marks dropped (accents, points), dashes
 * made '-', quotation marks '\'' or '"', and case folded (u8_casefold)
 * unless the pattern has a capital letter (smart case, as in less). */
#ifndef REEL_SEARCH_H
#define REEL_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define SEARCH_CASE	0x01	/* fold case too */

/* A text folded once and searched many times. */
struct search {
	const char	*src;		/* the text folded, the caller's */
	size_t		 srclen;
	int		 flags;
	int		 ready;
	struct buf	 text;		/* the folded text */
	uint32_t	*map;		/* source offset of each folded byte */
	size_t		 map_cap;
};

struct search_match {
	size_t	start;		/* bytes of the source text */
	size_t	end;
};

/* Makes s empty; it holds nothing until search_all(). */
void	 search_init(struct search *);
/* Frees what s holds; s may be used again. */
void	 search_free(struct search *);
/* Forgets the folded text: the source changed. */
void	 search_reset(struct search *);
/* Returns SEARCH_CASE unless the pattern has a capital letter. */
int	 search_flags(const char *);
/* Appends s (len bytes of UTF-8) folded by flags to out; returns the
 * folded length. */
size_t	 search_fold(struct buf *, const char *, size_t, int);
/* Finds every match of pattern in src (len bytes), in order and not
 * overlapping; folds src first unless it was folded last time with the
 * same flags. *out (the caller frees it) gets the matches, each from the
 * start of a character to the end of one; returns how many. */
size_t	 search_all(struct search *, const char *, size_t, const char *,
	    struct search_match **);

#endif
