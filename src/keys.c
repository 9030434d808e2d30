/* keys.c: the pager's action names, its default key bindings (motion as
 * in less, structure as in info and lynx) and the help text generated
 * from whatever the table holds now. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "keys.h"
#include "util.h"
#include "width.h"

#define KEYS_CTRL(c)	((c) & 0x1f)

struct keys_binding {
	enum keys_context	ctx;
	int			key;
	enum action		action;
};

struct keys_entry {
	enum keys_context	ctx;
	int			key;
	enum action		action;
};

static const char *const keys_contexts[KEYS_NCONTEXTS] = {
	[KEYS_ALL] = "all",
	[KEYS_PAGER] = "pager",
	[KEYS_OUTLINE] = "outline",
	[KEYS_LINKS] = "links",
	[KEYS_HELP] = "help",
	[KEYS_FEEDS] = "feeds",
	[KEYS_ITEMS] = "items",
	[KEYS_BOOKMARKS] = "bookmarks",
};

static const struct {
	const char	*name;
	const char	*help;
} keys_actions[ACTION_COUNT] = {
	/* TRANSLATORS: this and the strings below are the help screen's
	 * lines, what each action does, after its keys (one line at 80
	 * columns: keep them short). The action names ("line-down") are
	 * the config file's words and stay as they are. */
	[ACTION_NONE] = { "none", N_("do nothing") },
	[ACTION_LINE_DOWN] = { "line-down", N_("scroll down one line") },
	[ACTION_LINE_UP] = { "line-up", N_("scroll up one line") },
	[ACTION_PAGE_DOWN] = { "page-down", N_("scroll down one page") },
	[ACTION_PAGE_UP] = { "page-up", N_("scroll up one page") },
	[ACTION_HALF_PAGE_DOWN] = { "half-page-down",
	    N_("scroll down half a page") },
	[ACTION_HALF_PAGE_UP] = { "half-page-up",
	    N_("scroll up half a page") },
	[ACTION_TOP] = { "top", N_("go to the top") },
	[ACTION_BOTTOM] = { "bottom", N_("go to the bottom") },
	[ACTION_SEARCH_FORWARD] = { "search-forward",
	    N_("search forward for text") },
	[ACTION_SEARCH_BACKWARD] = { "search-backward",
	    N_("search backward for text") },
	[ACTION_SEARCH_NEXT] = { "search-next",
	    N_("next match, in the search's direction") },
	[ACTION_SEARCH_PREVIOUS] = { "search-previous",
	    N_("previous match") },
	[ACTION_NEXT_SECTION] = { "next-section", N_("next section") },
	[ACTION_PREVIOUS_SECTION] = { "previous-section",
	    N_("previous section (or this one's start)") },
	[ACTION_GOTO_SECTION] = { "goto-section",
	    N_("section N (its own number); 0 is the last") },
	[ACTION_OUTLINE] = { "outline", N_("outline of the sections") },
	[ACTION_NEXT_LINK] = { "next-link",
	    N_("select the next link on screen") },
	[ACTION_PREVIOUS_LINK] = { "previous-link",
	    N_("select the previous link on screen") },
	[ACTION_FOLLOW_LINK] = { "follow-link",
	    N_("follow the selected link (else one line down)") },
	[ACTION_LINKS] = { "links", N_("list the essay's links") },
	[ACTION_OPEN_BROWSER] = { "open-browser",
	    N_("open the selected link, or the essay, in $BROWSER") },
	[ACTION_BACK] = { "back", N_("back to the previous document") },
	[ACTION_HELP] = { "help", N_("this help") },
	[ACTION_CLOSE] = { "close", N_("close this view") },
	[ACTION_QUIT] = { "quit", N_("quit reel") },
	[ACTION_REDRAW] = { "redraw", N_("redraw the screen") },
	[ACTION_CANCEL] = { "cancel",
	    N_("close a prompt or list; drop the selection") },
	[ACTION_RELOAD_CONFIG] = { "reload-config",
	    N_("read the configuration file again") },
	[ACTION_OPEN] = { "open", N_("open the selected entry") },
	[ACTION_REFRESH_FEED] = { "refresh-feed",
	    N_("fetch the selected feed again") },
	[ACTION_REFRESH_ALL] = { "refresh-all",
	    N_("fetch every feed again") },
	[ACTION_MARK_FEED_READ] = { "mark-feed-read",
	    N_("mark the feed's items read") },
	[ACTION_NEXT_UNREAD] = { "next-unread",
	    N_("go to the next entry with unread items") },
	[ACTION_FILTER] = { "filter",
	    N_("show only the entries matching text") },
	[ACTION_TAG_FILTER] = { "tag-filter",
	    N_("show only the entries with a tag") },
	[ACTION_BOOKMARKS] = { "bookmarks", N_("the list of bookmarks") },
	[ACTION_CONTINUE_READING] = { "continue-reading",
	    N_("the essays left unfinished") },
	[ACTION_SWITCH_LIST] = { "switch-list",
	    N_("switch between bookmarks and unfinished essays") },
	[ACTION_SORT] = { "sort", N_("sort the bookmarks another way") },
	[ACTION_SEARCH_LIBRARY] = { "search-library",
	    N_("search every essay in the library") },
	[ACTION_EDIT_BOOKMARK] = { "edit-bookmark",
	    N_("edit the bookmark's tags and note") },
	[ACTION_DELETE_BOOKMARK] = { "delete-bookmark",
	    N_("delete the bookmark") },
	[ACTION_UNDO_DELETE] = { "undo-delete",
	    N_("bring back the bookmark deleted last") },
	[ACTION_REFETCH] = { "refetch", N_("fetch the essay again") },
	[ACTION_BOOKMARK] = { "bookmark",
	    N_("bookmark the essay, or edit its tags and note") },
	[ACTION_QUOTE] = { "quote",
	    N_("mark the paragraph at the top as a quote, or unmark it") },
	[ACTION_QUOTES] = { "quotes", N_("list the bookmark's quotes") },
};

static const struct keys_binding keys_defaults[] = {
	{ KEYS_ALL, 'j', ACTION_LINE_DOWN },
	{ KEYS_ALL, KEYC_DOWN, ACTION_LINE_DOWN },
	{ KEYS_ALL, 'k', ACTION_LINE_UP },
	{ KEYS_ALL, KEYC_UP, ACTION_LINE_UP },
	{ KEYS_ALL, ' ', ACTION_PAGE_DOWN },
	{ KEYS_ALL, 'f', ACTION_PAGE_DOWN },
	{ KEYS_ALL, KEYC_NPAGE, ACTION_PAGE_DOWN },
	{ KEYS_ALL, 'b', ACTION_PAGE_UP },
	{ KEYS_ALL, KEYC_PPAGE, ACTION_PAGE_UP },
	{ KEYS_ALL, 'd', ACTION_HALF_PAGE_DOWN },
	{ KEYS_ALL, 'u', ACTION_HALF_PAGE_UP },
	{ KEYS_ALL, 'g', ACTION_TOP },
	{ KEYS_ALL, KEYC_HOME, ACTION_TOP },
	{ KEYS_ALL, 'G', ACTION_BOTTOM },
	{ KEYS_ALL, KEYC_END, ACTION_BOTTOM },
	{ KEYS_ALL, '/', ACTION_SEARCH_FORWARD },
	{ KEYS_ALL, '?', ACTION_SEARCH_BACKWARD },
	{ KEYS_ALL, 'n', ACTION_SEARCH_NEXT },
	{ KEYS_ALL, 'N', ACTION_SEARCH_PREVIOUS },
	{ KEYS_ALL, ']', ACTION_NEXT_SECTION },
	{ KEYS_ALL, '[', ACTION_PREVIOUS_SECTION },
	{ KEYS_ALL, '1', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '2', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '3', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '4', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '5', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '6', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '7', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '8', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '9', ACTION_GOTO_SECTION },
	{ KEYS_ALL, '0', ACTION_GOTO_SECTION },
	{ KEYS_ALL, 't', ACTION_OUTLINE },
	{ KEYS_ALL, KEYC_TAB, ACTION_NEXT_LINK },
	{ KEYS_ALL, KEYC_BTAB, ACTION_PREVIOUS_LINK },
	{ KEYS_ALL, KEYC_ENTER, ACTION_FOLLOW_LINK },
	{ KEYS_ALL, 'l', ACTION_LINKS },
	{ KEYS_ALL, 'o', ACTION_OPEN_BROWSER },
	{ KEYS_ALL, 'B', ACTION_BACK },
	{ KEYS_ALL, KEYC_BSPACE, ACTION_BACK },
	{ KEYS_ALL, 'h', ACTION_HELP },
	{ KEYS_ALL, KEYC_F1, ACTION_HELP },
	{ KEYS_ALL, 'q', ACTION_CLOSE },
	{ KEYS_ALL, 'Q', ACTION_QUIT },
	{ KEYS_ALL, KEYS_CTRL('l'), ACTION_REDRAW },
	{ KEYS_ALL, KEYC_ESCAPE, ACTION_CANCEL },
	{ KEYS_ALL, KEYS_CTRL('r'), ACTION_RELOAD_CONFIG },
	/* The library views' own keys; they hide the pager's there. */
	{ KEYS_FEEDS, KEYC_ENTER, ACTION_OPEN },
	{ KEYS_FEEDS, KEYC_RIGHT, ACTION_OPEN },
	{ KEYS_FEEDS, 'l', ACTION_OPEN },
	{ KEYS_ITEMS, KEYC_ENTER, ACTION_OPEN },
	{ KEYS_ITEMS, KEYC_RIGHT, ACTION_OPEN },
	{ KEYS_ITEMS, 'l', ACTION_OPEN },
	{ KEYS_BOOKMARKS, KEYC_ENTER, ACTION_OPEN },
	{ KEYS_BOOKMARKS, KEYC_RIGHT, ACTION_OPEN },
	{ KEYS_BOOKMARKS, 'l', ACTION_OPEN },
	{ KEYS_ITEMS, KEYC_LEFT, ACTION_CLOSE },
	{ KEYS_BOOKMARKS, KEYC_LEFT, ACTION_CLOSE },
	{ KEYS_FEEDS, 'r', ACTION_REFRESH_FEED },
	{ KEYS_FEEDS, 'R', ACTION_REFRESH_ALL },
	{ KEYS_FEEDS, 'A', ACTION_MARK_FEED_READ },
	{ KEYS_FEEDS, 'n', ACTION_NEXT_UNREAD },
	{ KEYS_FEEDS, '/', ACTION_FILTER },
	{ KEYS_ITEMS, 'r', ACTION_REFRESH_FEED },
	{ KEYS_ITEMS, 'R', ACTION_REFRESH_ALL },
	{ KEYS_ITEMS, 'A', ACTION_MARK_FEED_READ },
	{ KEYS_ITEMS, 'n', ACTION_NEXT_UNREAD },
	{ KEYS_ITEMS, '/', ACTION_FILTER },
	{ KEYS_FEEDS, 't', ACTION_TAG_FILTER },
	{ KEYS_FEEDS, 'b', ACTION_BOOKMARKS },
	{ KEYS_FEEDS, 'c', ACTION_CONTINUE_READING },
	{ KEYS_BOOKMARKS, KEYC_TAB, ACTION_SWITCH_LIST },
	{ KEYS_BOOKMARKS, 's', ACTION_SORT },
	{ KEYS_BOOKMARKS, 't', ACTION_TAG_FILTER },
	{ KEYS_BOOKMARKS, '/', ACTION_SEARCH_LIBRARY },
	{ KEYS_BOOKMARKS, 'e', ACTION_EDIT_BOOKMARK },
	{ KEYS_BOOKMARKS, 'd', ACTION_DELETE_BOOKMARK },
	{ KEYS_BOOKMARKS, 'U', ACTION_UNDO_DELETE },
	{ KEYS_BOOKMARKS, 'u', ACTION_REFETCH },
	{ KEYS_PAGER, 's', ACTION_BOOKMARK },
	{ KEYS_PAGER, 'm', ACTION_QUOTE },
	{ KEYS_BOOKMARKS, 'm', ACTION_QUOTES },
};

static const struct {
	int		 key;
	const char	*name;
} keys_names[] = {
	{ KEYC_UP, "Up" },
	{ KEYC_DOWN, "Down" },
	{ KEYC_LEFT, "Left" },
	{ KEYC_RIGHT, "Right" },
	{ KEYC_PPAGE, "PgUp" },
	{ KEYC_NPAGE, "PgDn" },
	{ KEYC_HOME, "Home" },
	{ KEYC_END, "End" },
	{ KEYC_BTAB, "Shift-Tab" },
	{ KEYC_BSPACE, "Backspace" },
	{ KEYC_ENTER, "Enter" },
	{ KEYC_DC, "Delete" },
	{ KEYC_TAB, "Tab" },
	{ KEYC_ESCAPE, "Escape" },
	{ ' ', "Space" },
	/* Other spellings that keys_find() takes (tmux's among them). */
	{ KEYC_PPAGE, "PPage" },
	{ KEYC_PPAGE, "PageUp" },
	{ KEYC_NPAGE, "NPage" },
	{ KEYC_NPAGE, "PageDown" },
	{ KEYC_BTAB, "BTab" },
	{ KEYC_BSPACE, "BSpace" },
	{ KEYC_DC, "DC" },
	{ KEYC_ESCAPE, "Esc" },
};

/* Sequences that terminals send for keys their terminfo entry may not
 * list (xterm's Home and End as CSI H and F; PgUp as CSI 5 ~ under
 * TERM=vt100), after the Escape. */
static const struct {
	const char	*seq;
	int		 key;
} keys_sequences[] = {
	{ "[A", KEYC_UP }, { "OA", KEYC_UP },
	{ "[B", KEYC_DOWN }, { "OB", KEYC_DOWN },
	{ "[C", KEYC_RIGHT }, { "OC", KEYC_RIGHT },
	{ "[D", KEYC_LEFT }, { "OD", KEYC_LEFT },
	{ "[H", KEYC_HOME }, { "OH", KEYC_HOME },
	{ "[1~", KEYC_HOME }, { "[7~", KEYC_HOME },
	{ "[F", KEYC_END }, { "OF", KEYC_END },
	{ "[4~", KEYC_END }, { "[8~", KEYC_END },
	{ "[5~", KEYC_PPAGE }, { "[6~", KEYC_NPAGE },
	{ "[3~", KEYC_DC }, { "[Z", KEYC_BTAB },
	{ "OP", KEYC_F1 }, { "OQ", KEYC_F1 + 1 },
	{ "OR", KEYC_F1 + 2 }, { "OS", KEYC_F1 + 3 },
	{ "[11~", KEYC_F1 }, { "[12~", KEYC_F1 + 1 },
	{ "[13~", KEYC_F1 + 2 }, { "[14~", KEYC_F1 + 3 },
	{ "[15~", KEYC_F1 + 4 }, { "[17~", KEYC_F1 + 5 },
	{ "[18~", KEYC_F1 + 6 }, { "[19~", KEYC_F1 + 7 },
	{ "[20~", KEYC_F1 + 8 }, { "[21~", KEYC_F1 + 9 },
	{ "[23~", KEYC_F1 + 10 }, { "[24~", KEYC_F1 + 11 },
};

static struct keys_entry	*keys_table;
static size_t			 keys_count;
static int			 keys_set;	/* the table was made */

void
keys_reset(void)
{
	size_t	i;

	free(keys_table);
	keys_count = nitems(keys_defaults);
	keys_table = xreallocarray(NULL, keys_count, sizeof *keys_table);
	for (i = 0; i < keys_count; i++) {
		keys_table[i].ctx = keys_defaults[i].ctx;
		keys_table[i].key = keys_defaults[i].key;
		keys_table[i].action = keys_defaults[i].action;
	}
	keys_set = 1;
}

void
keys_clear(void)
{
	free(keys_table);
	keys_table = NULL;
	keys_count = 0;
	keys_set = 1;
}

static void
keys_ready(void)
{
	if (!keys_set)
		keys_reset();
}

/* The entry of key in ctx itself, or NULL. */
static struct keys_entry *
keys_get(enum keys_context ctx, int key)
{
	size_t	i;

	keys_ready();
	for (i = 0; i < keys_count; i++)
		if (keys_table[i].ctx == ctx && keys_table[i].key == key)
			return &keys_table[i];
	return NULL;
}

enum action
keys_lookup_in(enum keys_context ctx, int key)
{
	struct keys_entry	*e;

	if (ctx != KEYS_ALL && (e = keys_get(ctx, key)) != NULL)
		return e->action;
	if ((e = keys_get(KEYS_ALL, key)) != NULL)
		return e->action;
	return ACTION_NONE;
}

enum action
keys_lookup(int key)
{
	return keys_lookup_in(KEYS_PAGER, key);
}

void
keys_bind_in(enum keys_context ctx, int key, enum action action)
{
	struct keys_entry	*e;
	size_t			 i;

	if ((e = keys_get(ctx, key)) != NULL) {
		if (action != ACTION_NONE || ctx != KEYS_ALL) {
			e->action = action;
			return;
		}
		i = (size_t)(e - keys_table);
		memmove(&keys_table[i], &keys_table[i + 1],
		    (keys_count - i - 1) * sizeof *keys_table);
		keys_count--;
		return;
	}
	if (action == ACTION_NONE && ctx == KEYS_ALL)
		return;
	keys_table = xreallocarray(keys_table, keys_count + 1,
	    sizeof *keys_table);
	keys_table[keys_count].ctx = ctx;
	keys_table[keys_count].key = key;
	keys_table[keys_count++].action = action;
}

void
keys_bind(int key, enum action action)
{
	keys_bind_in(KEYS_ALL, key, action);
}

size_t
keys_bound_in(enum keys_context ctx, enum action action, int *keys,
    size_t max)
{
	size_t	i, n = 0;

	keys_ready();
	for (i = 0; i < keys_count; i++) {
		if (keys_table[i].ctx != ctx && keys_table[i].ctx != KEYS_ALL)
			continue;
		/* A key counts once, where its lookup finds it. */
		if (keys_table[i].action != action ||
		    keys_lookup_in(ctx, keys_table[i].key) != action ||
		    (keys_table[i].ctx == KEYS_ALL && ctx != KEYS_ALL &&
		    keys_get(ctx, keys_table[i].key) != NULL))
			continue;
		if (n < max)
			keys[n] = keys_table[i].key;
		n++;
	}
	return n;
}

size_t
keys_bound(enum action action, int *keys, size_t max)
{
	return keys_bound_in(KEYS_PAGER, action, keys, max);
}

int
keys_entry(size_t i, enum keys_context *ctx, int *key, enum action *action)
{
	keys_ready();
	if (i >= keys_count)
		return -1;
	*ctx = keys_table[i].ctx;
	*key = keys_table[i].key;
	*action = keys_table[i].action;
	return 0;
}

const char *
keys_context_name(enum keys_context ctx)
{
	if ((int)ctx < 0 || ctx >= KEYS_NCONTEXTS)
		return keys_contexts[KEYS_ALL];
	return keys_contexts[ctx];
}

int
keys_context_find(const char *s)
{
	int	i;

	for (i = 0; i < KEYS_NCONTEXTS; i++)
		if (strcmp(keys_contexts[i], s) == 0)
			return i;
	return -1;
}

const char *
keys_action_name(enum action action)
{
	if ((int)action < 0 || action >= ACTION_COUNT)
		return "none";
	return keys_actions[action].name;
}

int
keys_action_find(const char *s)
{
	int	i;

	for (i = 0; i < ACTION_COUNT; i++)
		if (strcmp(keys_actions[i].name, s) == 0)
			return i;
	return -1;
}

const char *
keys_action_help(enum action action)
{
	if ((int)action < 0 || action >= ACTION_COUNT)
		action = ACTION_NONE;
	return _(keys_actions[action].help);
}

char *
keys_name(int key, char *out)
{
	size_t	i;

	for (i = 0; i < nitems(keys_names); i++) {
		if (keys_names[i].key == key) {
			strcpy(out, keys_names[i].name);
			return out;
		}
	}
	if (key >= KEYC_F1 && key <= KEYC_LAST)
		snprintf(out, 16, "F%d", key - KEYC_F1 + 1);
	else if (key >= 1 && key < 0x20)
		snprintf(out, 16, "Ctrl-%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(out, 16, "%c", key);
	else if (key >= 0xa0 && key < KEYC_BASE &&
	    !(key >= 0xd800 && key <= 0xdfff))
		out[utf8_encode((unsigned int)key, out)] = '\0';
	else
		snprintf(out, 16, "0x%x", (unsigned int)key);
	return out;
}

int
keys_find(const char *s)
{
	unsigned int	 cp;
	size_t		 i, n, len = strlen(s);
	long		 f;
	char		*end;

	for (i = 0; i < nitems(keys_names); i++)
		if (strcasecmp(keys_names[i].name, s) == 0)
			return keys_names[i].key;
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
		/* strtol says when a number overflows; atoi would not
		 * (here "F4294967297" came out as F1). */
		errno = 0;
		f = strtol(s + 1, &end, 10);
		if (errno == 0 && *end == '\0' && f >= 1 &&
		    f <= KEYC_LAST - KEYC_F1 + 1)
			return KEYC_F1 + (int)f - 1;
	}
	/* C-l as tmux writes it, Ctrl-L as the manual does. */
	if (len == 6 && strncasecmp(s, "Ctrl-", 5) == 0 &&
	    ((s[5] | 0x20) >= 'a' && (s[5] | 0x20) <= 'z'))
		return (s[5] | 0x20) - 'a' + 1;
	if (len == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-' &&
	    ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'z'))
		return (s[2] | 0x20) - 'a' + 1;
	if (len > 0 && (n = utf8_decode(s, len, &cp)) == len && cp > 0x20 &&
	    cp != 0x7f &&
	    !(cp >= 0x80 && cp < 0xa0))
		return (int)cp;
	return -1;
}

int
keys_escape_more(const char *seq, size_t len)
{
	unsigned char	c;

	if (len == 0)
		return KEYS_ESC_MORE;
	if (seq[0] == 'O') {
		/* SS3: one byte after the O. */
		if (len == 1)
			return KEYS_ESC_MORE;
		c = (unsigned char)seq[1];
		return len == 2 && c >= 0x20 && c <= 0x7e ? KEYS_ESC_DONE :
		    KEYS_ESC_NONE;
	}
	if (seq[0] != '[')
		return KEYS_ESC_NONE;
	if (len == 1)
		return KEYS_ESC_MORE;
	/* CSI: parameters (0x30-0x3f) and intermediates (0x20-0x2f) up to
	 * a final byte (0x40-0x7e). */
	c = (unsigned char)seq[len - 1];
	if (c >= 0x40 && c <= 0x7e)
		return KEYS_ESC_DONE;
	if (c >= 0x20 && c <= 0x3f)
		return KEYS_ESC_MORE;
	return KEYS_ESC_NONE;
}

int
keys_escape(const char *seq, size_t len)
{
	size_t	i;

	for (i = 0; i < nitems(keys_sequences); i++)
		if (strlen(keys_sequences[i].seq) == len &&
		    memcmp(keys_sequences[i].seq, seq, len) == 0)
			return keys_sequences[i].key;
	return -1;
}

char **
keys_help(size_t *np)
{
	struct buf	 line = BUF_INIT;
	char		**lines = NULL, name[16];
	int		 keys[32];
	size_t		 n = 0, i, k, nkeys, kw, width = 0;
	int		 a;

	/* The key column is as wide as the widest list of keys. */
	for (a = 1; a < ACTION_COUNT; a++) {
		nkeys = keys_bound((enum action)a, keys, nitems(keys));
		for (k = kw = 0; k < nkeys && k < nitems(keys); k++)
			kw += strlen(keys_name(keys[k], name)) +
			    (k > 0 ? 2 : 0);
		if (kw > width && kw <= 24)
			width = kw;
	}
	lines = xreallocarray(NULL, ACTION_COUNT, sizeof *lines);
	for (a = 1; a < ACTION_COUNT; a++) {
		nkeys = keys_bound((enum action)a, keys, nitems(keys));
		if (nkeys == 0)
			continue;
		buf_reset(&line);
		if (a == ACTION_GOTO_SECTION && nkeys >= 10) {
			/* Ten digit keys read better as a range. */
			buf_adds(&line, "1-9, 0");
		} else {
			for (k = 0; k < nkeys && k < nitems(keys); k++) {
				if (k > 0)
					buf_adds(&line, ", ");
				buf_adds(&line, keys_name(keys[k], name));
			}
		}
		kw = width_str(buf_str(&line), line.len);
		for (i = kw; i < width + 2; i++)
			buf_addc(&line, ' ');
		if (kw >= width + 2)
			buf_adds(&line, "  ");
		buf_adds(&line, keys_action_help((enum action)a));
		lines[n++] = xstrdup(buf_str(&line));
	}
	buf_free(&line);
	*np = n;
	return lines;
}

void
keys_help_free(char **lines, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
