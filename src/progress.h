/* progress.h: a progress bar on one line of a terminal, redrawn in place
 * as work goes on, and cleared for a message or at the end. What the
 * refresh of feeds and the import of bookmarks show. */
#ifndef REEL_PROGRESS_H
#define REEL_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

/* Cells of the bar itself. */
#define PROGRESS_WIDTH	24

struct progress {
	FILE	*f;
	int	 on;		/* drawn at all (a terminal) */
	size_t	 shown;		/* cells it takes on its line */
	char	*last;		/* what it shows */
};

/* Readies a bar on f, drawn only when on (f is a terminal, and the
 * command is not quiet). */
void	progress_init(struct progress *, FILE *, int);
/* Draws "[####....]" for done of total, then text (a line of its own
 * words, already translated), in place of what was there; nothing when
 * that is what it shows already. */
void	progress_draw(struct progress *, size_t, size_t, const char *);
/* Blanks the bar's line, so that a message can take it; drawn again by
 * the next progress_draw(). */
void	progress_clear(struct progress *);
/* Clears the bar and frees what it holds (not p). */
void	progress_end(struct progress *);

#endif
