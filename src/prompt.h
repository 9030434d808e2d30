/* prompt.h: a line the reader types at the bottom of a list (a filter,
 * a tag): plain data and keys, no curses. */
#ifndef REEL_PROMPT_H
#define REEL_PROMPT_H

#include "buf.h"

/* What prompt_key() says of the line after a key. */
#define PROMPT_EDIT	0	/* still typing */
#define PROMPT_DONE	1	/* Enter: the line is the answer */
#define PROMPT_CANCEL	2	/* Escape, Ctrl-G, or a Backspace on an
				   empty line: no answer */

struct prompt {
	int		 kind;		/* the caller's: which question */
	struct buf	 text;		/* what was typed, UTF-8 */
};

/* Starts a line for question kind (the caller's non-zero number) with
 * initial text (NULL for none). */
void		 prompt_open(struct prompt *, int, const char *);
/* Applies a key of keys.h: a character is added, Backspace takes the
 * last character away, Ctrl-U the whole line; other keys are ignored.
 * Returns PROMPT_EDIT, PROMPT_DONE or PROMPT_CANCEL. */
int		 prompt_key(struct prompt *, int);
/* Returns the line typed; owned by p. */
const char	*prompt_text(const struct prompt *);
/* Frees what p holds and makes it closed (kind 0). */
void		 prompt_free(struct prompt *);

#endif
