/* keys.h: the pager's actions by name, the live key table and the help
 * text made from it. No curses: keys are code points or KEYC_ codes. */
#ifndef REEL_KEYS_H
#define REEL_KEYS_H

#include <stddef.h>

/* A key is a Unicode code point (control characters included: Tab is 9,
 * Escape 27, C-l 12) or one of these, above the last code point. */
#define KEYC_BASE	0x110000
enum {
	KEYC_UP = KEYC_BASE,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_HOME,
	KEYC_END,
	KEYC_BTAB,
	KEYC_BSPACE,
	KEYC_ENTER,
	KEYC_DC,
	KEYC_F1,			/* F1 to F12 follow */
	KEYC_LAST = KEYC_F1 + 11,
};
#define KEYC_ESCAPE	27
#define KEYC_TAB	9

enum action {
	ACTION_NONE,
	ACTION_LINE_DOWN,
	ACTION_LINE_UP,
	ACTION_PAGE_DOWN,
	ACTION_PAGE_UP,
	ACTION_HALF_PAGE_DOWN,
	ACTION_HALF_PAGE_UP,
	ACTION_TOP,
	ACTION_BOTTOM,
	ACTION_SEARCH_FORWARD,
	ACTION_SEARCH_BACKWARD,
	ACTION_SEARCH_NEXT,
	ACTION_SEARCH_PREVIOUS,
	ACTION_NEXT_SECTION,
	ACTION_PREVIOUS_SECTION,
	ACTION_GOTO_SECTION,		/* the key's digit says which */
	ACTION_OUTLINE,
	ACTION_NEXT_LINK,
	ACTION_PREVIOUS_LINK,
	ACTION_FOLLOW_LINK,
	ACTION_LINKS,
	ACTION_OPEN_BROWSER,
	ACTION_BACK,
	ACTION_HELP,
	ACTION_CLOSE,
	ACTION_QUIT,
	ACTION_REDRAW,
	ACTION_CANCEL,
	ACTION_RELOAD_CONFIG,
	/* The library views' own (feeds, items, bookmarks). */
	ACTION_OPEN,
	ACTION_REFRESH_FEED,
	ACTION_REFRESH_ALL,
	ACTION_MARK_FEED_READ,
	ACTION_NEXT_UNREAD,
	ACTION_FILTER,
	ACTION_TAG_FILTER,
	ACTION_BOOKMARKS,
	ACTION_CONTINUE_READING,
	ACTION_SWITCH_LIST,
	ACTION_SORT,
	ACTION_SEARCH_LIBRARY,
	ACTION_EDIT_BOOKMARK,
	ACTION_DELETE_BOOKMARK,
	ACTION_UNDO_DELETE,
	ACTION_REFETCH,
	/* Bookmarks and quotes: the pager's s and m, the bookmarks view's m. */
	ACTION_BOOKMARK,
	ACTION_QUOTE,
	ACTION_QUOTES,
	ACTION_COUNT
};

/* Where a key is read: the pager, one of its lists, or a library view.
 * A binding in KEYS_ALL holds wherever the context has none of its own;
 * a context's own binding (or unbinding) wins over it. */
enum keys_context {
	KEYS_ALL,
	KEYS_PAGER,
	KEYS_OUTLINE,
	KEYS_LINKS,
	KEYS_HELP,
	KEYS_FEEDS,
	KEYS_ITEMS,
	KEYS_BOOKMARKS,
	KEYS_NCONTEXTS
};

/* Puts the default bindings back. */
void		 keys_reset(void);
/* Drops every binding of every context. */
void		 keys_clear(void);
/* Returns the action bound to key in the pager, or ACTION_NONE. */
enum action	 keys_lookup(int);
/* Returns the action bound to key in a context, or ACTION_NONE. */
enum action	 keys_lookup_in(enum keys_context, int);
/* Binds key to an action in KEYS_ALL; ACTION_NONE unbinds it. */
void		 keys_bind(int, enum action);
/* Binds key to an action in a context; ACTION_NONE unbinds it there
 * (in KEYS_ALL: removes the binding; elsewhere: hides KEYS_ALL's). */
void		 keys_bind_in(enum keys_context, int, enum action);
/* Fills keys (at most max) with the keys bound to an action in the
 * pager, in the order of the table; returns how many there are. */
size_t		 keys_bound(enum action, int *, size_t);
/* The same in a context. */
size_t		 keys_bound_in(enum keys_context, enum action, int *, size_t);
/* The table's entry i, in its order (defaults first, then what was
 * bound): returns 0 and its parts, or -1 past the end. An action of
 * ACTION_NONE is an unbinding in a context. */
int		 keys_entry(size_t, enum keys_context *, int *,
		    enum action *);

/* Returns a context's name ("outline"). */
const char	*keys_context_name(enum keys_context);
/* Returns the context named s, or -1. */
int		 keys_context_find(const char *);

/* Returns an action's name, as `bind` takes it ("next-section"). */
const char	*keys_action_name(enum action);
/* Returns the action named s, or -1. */
int		 keys_action_find(const char *);
/* Returns an action's one-line description, translated. */
const char	*keys_action_help(enum action);
/* Writes a key's name as the manual spells it ("j", "Space", "Ctrl-L",
 * "PgUp", "F1") to out, at
 * least 16 bytes; returns out. */
char		*keys_name(int, char *);
/* Returns the key named s, or -1. */
int		 keys_find(const char *);

/* What the bytes read after an Escape are: the start of a sequence that
 * needs more, a whole sequence (CSI "[5~" or SS3 "OH"), or no sequence at
 * all (a lone Escape and a key after it). */
#define KEYS_ESC_MORE	1
#define KEYS_ESC_DONE	0
#define KEYS_ESC_NONE	(-1)
/* Says which of those len bytes read after an Escape are. */
int		 keys_escape_more(const char *, size_t);
/* Returns the key a whole sequence of keys_escape_more() stands for (End
 * for "[4~"), or -1 for one that has no key here. */
int		 keys_escape(const char *, size_t);

/* Returns the help lines made from the live table: for each action its
 * keys and what it does. Free with keys_help_free(). */
char		**keys_help(size_t *);
/* Frees the n lines keys_help() returned, and the array. */
void		 keys_help_free(char **, size_t);

#endif
