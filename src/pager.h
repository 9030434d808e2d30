/* pager.h: the pager's state and actions, as plain data: a test drives
 * pager_apply(p, ACTION_NEXT_SECTION) and reads the result without a
 * terminal. view_pager.c draws it and carries out its requests. */
#ifndef REEL_PAGER_H
#define REEL_PAGER_H

#include <stddef.h>

#include "buf.h"
#include "keys.h"
#include "list.h"
#include "search.h"

struct doc;
struct layout;
struct layout_run;

enum pager_prompt {
	PAGER_PROMPT_NONE,
	PAGER_PROMPT_SEARCH_FORWARD,	/* "/" */
	PAGER_PROMPT_SEARCH_BACKWARD,	/* "?" */
	PAGER_PROMPT_SECTION,		/* "Section: " */
};

enum pager_menu {
	PAGER_MENU_NONE,
	PAGER_MENU_OUTLINE,
	PAGER_MENU_LINKS,
	PAGER_MENU_HELP,
};

/* What the pager asks of the code around it. */
enum pager_request {
	PAGER_REQ_NONE,
	PAGER_REQ_LOAD,		/* load request_url, then pager_push() */
	PAGER_REQ_OPEN,		/* open request_url in $BROWSER */
	PAGER_REQ_REDRAW,	/* repaint the whole terminal */
	PAGER_REQ_CLOSE,	/* the reader closed the view */
	PAGER_REQ_QUIT,		/* the reader quit reel */
	PAGER_REQ_RELOAD,	/* read the configuration again */
};

struct pager_match {
	size_t	start;		/* in layout->text */
	size_t	end;
};

/* A document left behind by following a link, and where it was read. */
struct pager_history {
	struct doc	*doc;
	size_t		 block;
	size_t		 doff;
};

struct pager_opts {
	int	measure;	/* text column at most this wide; 0 = 80 */
	int	flags;		/* LAYOUT_CENTRE, LAYOUT_ASCII,
				   PAGER_REORDER */
};

/* Right-to-left lines are drawn in visual order by reel: the terminal
 * does not reorder. */
#define PAGER_REORDER	0x1000

struct pager {
	struct doc		*doc;		/* owned */
	struct layout		*layout;
	struct pager_opts	 opts;
	int			 cols;
	int			 rows;
	size_t			 top;		/* first line on screen */
	size_t			 anchor_block;	/* the top line's place, */
	size_t			 anchor_doff;	/* kept across a resize */

	long			*numbers;	/* what digit keys call each
						 * section, 0 for none */

	char			*pattern;	/* the last search */
	int			 backward;
	struct search		 search;	/* the display texts folded */
	struct pager_match	*matches;
	size_t			 nmatches;
	long			 current;	/* index in matches, or -1 */

	long			 sel_block;	/* selected link: block, */
	int			 sel_span;	/* span; -1 for none */

	int			 prompt;	/* enum pager_prompt */
	struct buf		 input;

	int			 menu;		/* enum pager_menu */
	struct list		 list;		/* the open one's cursor */
	char			**help;
	size_t			 nhelp;

	char			*message;
	int			 message_error;

	int			 request;	/* enum pager_request */
	char			*request_url;

	struct pager_history	*history;
	size_t			 nhistory;

	struct layout_run	*runs;		/* pager_line_runs()'s */
	size_t			 runs_cap;
	struct buf		 visual;	/* pager_line_draw()'s */
	struct layout_run	*vruns;
	size_t			 vruns_cap;
	int			*cells;
	size_t			 cells_cap;
};

/* Takes ownership of d; shows it in a screen of cols x rows. */
struct pager	*pager_new(struct doc *, int, int, const struct pager_opts *);
void		 pager_free(struct pager *);
/* Lays the text out again for a new screen size, keeping the top line's
 * place. */
void		 pager_resize(struct pager *, int, int);
/* Lays the text out again under new options (a new configuration),
 * keeping the top line's place. */
void		 pager_set_opts(struct pager *, const struct pager_opts *);
/* The key context of what p shows now: the pager, or its open list. */
enum keys_context pager_keys_context(const struct pager *);
/* Handles one key: the open prompt or list takes it first, else its
 * binding in the key table. */
void		 pager_key(struct pager *, int);
/* How long a section number waits for another digit, in ms. */
#define PAGER_DIGIT_WAIT	500
/* Returns how long (ms) the view waits for the next key before it calls
 * pager_wait_over(), or -1 for as long as it takes. */
int		 pager_wait(const struct pager *);
/* The wait is over with no key: the number typed is taken. */
void		 pager_wait_over(struct pager *);
/* Carries out an action; key is the key that asked (for digits). */
void		 pager_apply(struct pager *, enum action, int);
/* Shows d (taking ownership) and keeps the current document and place in
 * the history, for ACTION_BACK. */
void		 pager_push(struct pager *, struct doc *);
/* Returns the pending request and its URL (the caller frees it), and
 * clears it. */
int		 pager_take_request(struct pager *, char **);
/* Sets the status line's message until the next key. */
void		 pager_message(struct pager *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/* Rows of text on the screen: all but the header and status lines. */
int		 pager_text_rows(const struct pager *);
/* Returns the section shown at the top, or -1 before the first. */
long		 pager_section(const struct pager *);
/* Returns the section the reader has reached: the one shown at the top,
 * or on the last screen the one of its bottom line; -1 before the
 * first. The outline marks it. */
long		 pager_section_read(const struct pager *);
/* Returns the line of section i's heading. */
size_t		 pager_section_line(const struct pager *, size_t);
/* Moves to section i (its heading on the top line). */
void		 pager_goto_section(struct pager *, size_t);
/* Where the reader is, in terms no window size changes: the block and
 * byte offset in its text of the top line; block 0, offset 0 for the top
 * of the essay (its title). */
void		 pager_place(const struct pager *, size_t *, size_t *);
/* Puts the line that shows that place on the top line, as a section jump
 * does; a block past the last is the last line. */
void		 pager_goto_place(struct pager *, size_t, size_t);
/* Looks for pattern from the top of the essay and shows its first match
 * as the current one (a search result opened). Returns 0, or -1 when it
 * is not there (a message says so). */
int		 pager_find(struct pager *, const char *);
/* Returns how far down the screen's last line is, 0 to 100. */
int		 pager_percent(const struct pager *);

/* Appends the header line to out, padded to the screen width; returns
 * the cells before the padding. */
int		 pager_header(const struct pager *, struct buf *);
/* Appends the status line (the message, the prompt or where the reader
 * is) to out, padded to one cell less than the screen width; returns the
 * cells before the padding, where a prompt's cursor goes. */
int		 pager_status(const struct pager *, struct buf *);
/* Returns the runs that draw text line n: they cover its whole text,
 * with its attributes, the search matches and the selected link;
 * owned by the pager until the next call. */
size_t		 pager_line_runs(struct pager *, size_t,
		    const struct layout_run **);

/* Puts the place that the page's anchor fragment names (an id, or an
 * <a name>) on the top line, or says that the page has none. */
void		 pager_goto_anchor(struct pager *, const char *);

/* Returns the runs that draw line n as the screen shows it, its text in
 * *text: the line's own, or a right-to-left line's in visual order when
 * PAGER_REORDER is set; both owned by the pager until the next call. */
size_t		 pager_line_draw(struct pager *, size_t, const char **,
		    const struct layout_run **);

/* Returns how many items the open list has (0 when none is open). */
size_t		 pager_menu_count(const struct pager *);
/* Appends item i (below pager_menu_count()) of the open list to out,
 * fitted to the screen width; its result is *mark: 1 for the current
 * section in the outline, else 0. */
void		 pager_menu_item(const struct pager *, size_t, struct buf *,
		    int *);

#endif
