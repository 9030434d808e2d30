/* text.h: white space in UTF-8 text: which code points are space, trimming
 * and collapsing runs, as the extractor and the document model need. */
#ifndef REEL_TEXT_H
#define REEL_TEXT_H

#include <stddef.h>

struct buf;

/* What counts as white space. */
enum text_space {
	TEXT_SPACE,		/* ' ' alone: sanitized text, where the rest
				   became spaces and no-break spaces stay */
	TEXT_HTML,		/* HTML's ASCII white space: tab, LF, FF, CR,
				   space (document.title) */
	TEXT_JS,		/* JavaScript's \s: what trim() strips and
				   Readability's patterns match */
};

/* The state of text_collapse() over the pieces of one text. Set space,
 * min and start; run must be 0 to begin. */
struct text_run {
	enum text_space	 space;
	int		 min;		/* 1: every run becomes one space; 2: a
					   lone white-space character stays as
					   written (Readability's /\s{2,}/) */
	size_t		 start;		/* where the text begins in out */
	size_t		 run;		/* code points of the pending run */
	char		 first[4];	/* its first one, for min 2 */
	size_t		 firstlen;
};

/* Decodes the code point that ends s (len > 0 bytes) into *cp: a tail
 * that is not one valid character gives U+FFFD for its last byte.
 * Returns the bytes used (1 to 4). */
size_t	 text_last(const char *, size_t, unsigned int *);
/* Returns non-zero if cp is white space of the given kind. */
int	 text_is_space(unsigned int, enum text_space);
/* Returns the length of s (len bytes) without its trailing white space. */
size_t	 text_trim_end(const char *, size_t, enum text_space);
/* Returns the length of s (len bytes) without white space at either end;
 * *start is set to the offset of its first other character. */
size_t	 text_trim(const char *, size_t, enum text_space, size_t *);
/* Appends s (len bytes) to out with white-space runs collapsed. A run is
 * written only when text follows it, never where the text begins (out's
 * length is r->start) nor after a '\n', '\t' or ' ' already at the end of
 * out; so the text comes out trimmed, and a trailing run stays pending in
 * r for the next piece. */
void	 text_collapse(struct buf *, const char *, size_t, struct text_run *);
/* Writes r's pending run now, as text_collapse() would before more text
 * (so a span can begin after the space); the run is no longer pending. */
void	 text_collapse_flush(struct buf *, struct text_run *);

#endif
