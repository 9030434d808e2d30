/* test_keys.c: action names, the default key table, rebinding, key names
 * and the help generated from the live table. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keys.h"
#include "util.h"

static int
setup(void **state)
{
	keys_reset();
	return 0;
}

/* The defaults are the table of DESIGN.md. */
static void
test_defaults(void **state)
{
	static const struct {
		int		key;
		enum action	action;
	} want[] = {
		{ 'j', ACTION_LINE_DOWN }, { KEYC_DOWN, ACTION_LINE_DOWN },
		{ 'k', ACTION_LINE_UP }, { KEYC_UP, ACTION_LINE_UP },
		{ ' ', ACTION_PAGE_DOWN }, { 'f', ACTION_PAGE_DOWN },
		{ KEYC_NPAGE, ACTION_PAGE_DOWN }, { 'b', ACTION_PAGE_UP },
		{ KEYC_PPAGE, ACTION_PAGE_UP }, { 'd', ACTION_HALF_PAGE_DOWN },
		{ 'u', ACTION_HALF_PAGE_UP }, { 'g', ACTION_TOP },
		{ KEYC_HOME, ACTION_TOP }, { 'G', ACTION_BOTTOM },
		{ KEYC_END, ACTION_BOTTOM }, { '/', ACTION_SEARCH_FORWARD },
		{ '?', ACTION_SEARCH_BACKWARD }, { 'n', ACTION_SEARCH_NEXT },
		{ 'N', ACTION_SEARCH_PREVIOUS }, { ']', ACTION_NEXT_SECTION },
		{ '[', ACTION_PREVIOUS_SECTION }, { '0', ACTION_GOTO_SECTION },
		{ '5', ACTION_GOTO_SECTION }, { '9', ACTION_GOTO_SECTION },
		{ 't', ACTION_OUTLINE }, { KEYC_TAB, ACTION_NEXT_LINK },
		{ KEYC_BTAB, ACTION_PREVIOUS_LINK },
		{ KEYC_ENTER, ACTION_FOLLOW_LINK }, { 'l', ACTION_LINKS },
		{ 'o', ACTION_OPEN_BROWSER }, { 'B', ACTION_BACK },
		{ KEYC_BSPACE, ACTION_BACK }, { 'h', ACTION_HELP },
		{ KEYC_F1, ACTION_HELP }, { 'q', ACTION_CLOSE },
		{ 'Q', ACTION_QUIT }, { 'l' & 0x1f, ACTION_REDRAW },
		{ KEYC_ESCAPE, ACTION_CANCEL },
		{ 'r' & 0x1f, ACTION_RELOAD_CONFIG },
		{ 's', ACTION_BOOKMARK }, { 'm', ACTION_QUOTE },
	};
	size_t	i;

	for (i = 0; i < nitems(want); i++)
		if (keys_lookup(want[i].key) != want[i].action)
			fail_msg("key %d is %s, wanted %s", want[i].key,
			    keys_action_name(keys_lookup(want[i].key)),
			    keys_action_name(want[i].action));
	assert_int_equal(keys_lookup('z'), ACTION_NONE);
	assert_int_equal(keys_lookup('x'), ACTION_NONE);
}

static void
test_action_names(void **state)
{
	int	a;

	/* Every action has a distinct name that finds it again. */
	for (a = 0; a < ACTION_COUNT; a++) {
		assert_int_equal(keys_action_find(keys_action_name(a)), a);
		assert_true(strlen(keys_action_help(a)) > 0);
	}
	assert_string_equal(keys_action_name(ACTION_NEXT_SECTION),
	    "next-section");
	assert_int_equal(keys_action_find("nxt-section"), -1);
	assert_int_equal(keys_action_find("goto-section"),
	    ACTION_GOTO_SECTION);
}

static void
test_key_names(void **state)
{
	static const struct {
		int		 key;
		const char	*name;
	} names[] = {
		{ 'j', "j" }, { ' ', "Space" }, { KEYC_TAB, "Tab" },
		{ KEYC_BTAB, "Shift-Tab" }, { KEYC_ENTER, "Enter" },
		{ KEYC_ESCAPE, "Escape" }, { 'l' & 0x1f, "Ctrl-L" },
		{ KEYC_PPAGE, "PgUp" }, { KEYC_NPAGE, "PgDn" },
		{ KEYC_F1, "F1" }, { KEYC_DC, "Delete" },
		{ KEYC_F1 + 11, "F12" }, { KEYC_BSPACE, "Backspace" },
		{ 0xe9, "\xc3\xa9" },
	};
	char	buf[16];
	size_t	i;

	for (i = 0; i < nitems(names); i++) {
		assert_string_equal(keys_name(names[i].key, buf),
		    names[i].name);
		assert_int_equal(keys_find(names[i].name), names[i].key);
	}
	assert_int_equal(keys_find("PageDown"), KEYC_NPAGE);
	/* tmux's spellings, which the help once showed, still name keys. */
	assert_int_equal(keys_find("NPage"), KEYC_NPAGE);
	assert_int_equal(keys_find("PPage"), KEYC_PPAGE);
	assert_int_equal(keys_find("BTab"), KEYC_BTAB);
	assert_int_equal(keys_find("BSpace"), KEYC_BSPACE);
	assert_int_equal(keys_find("C-l"), 'l' & 0x1f);
	assert_int_equal(keys_find("ctrl-l"), 'l' & 0x1f);
	assert_int_equal(keys_find("Ctrl-"), -1);
	assert_int_equal(keys_find("Ctrl-1"), -1);
	assert_int_equal(keys_find("escape"), KEYC_ESCAPE);
	assert_int_equal(keys_find("C-X"), 'x' & 0x1f);
	assert_int_equal(keys_find("F13"), -1);
	assert_int_equal(keys_find("F0"), -1);
	assert_int_equal(keys_find("F01"), -1);
	assert_int_equal(keys_find("F1x"), -1);
	/* Too large for an int: not F1 after a wrap-around, no key. */
	assert_int_equal(keys_find("F4294967297"), -1);
	assert_int_equal(keys_find("F99999999999999999999999"), -1);
	assert_int_equal(keys_find("jj"), -1);
	assert_int_equal(keys_find(""), -1);
}

/* Feeds seq byte by byte as the pager reads it after an Escape; returns
 * what keys_escape_more() said last and how many bytes it took. */
static int
escape_read(const char *seq, size_t *taken)
{
	size_t	len = 0;
	int	more;

	while ((more = keys_escape_more(seq, len)) == KEYS_ESC_MORE &&
	    seq[len] != '\0')
		len++;
	*taken = len;
	return more;
}

static void
test_escape_sequences(void **state)
{
	static const struct {
		const char	*seq;
		int		 key;
	} known[] = {
		{ "[H", KEYC_HOME }, { "[F", KEYC_END }, { "[1~", KEYC_HOME },
		{ "[4~", KEYC_END }, { "[5~", KEYC_PPAGE },
		{ "[6~", KEYC_NPAGE }, { "[Z", KEYC_BTAB }, { "OH", KEYC_HOME },
		{ "OF", KEYC_END }, { "OA", KEYC_UP }, { "[D", KEYC_LEFT },
		{ "OP", KEYC_F1 }, { "[24~", KEYC_F1 + 11 },
	};
	size_t	i, n;

	/* Whole sequences end at their final byte, and name their key. */
	for (i = 0; i < nitems(known); i++) {
		assert_int_equal(escape_read(known[i].seq, &n),
		    KEYS_ESC_DONE);
		assert_int_equal(n, strlen(known[i].seq));
		assert_int_equal(keys_escape(known[i].seq, n), known[i].key);
	}
	/* A sequence with parameters and intermediates (Ctrl-End, a
	 * cursor report) is read to its end, and has no key here. */
	assert_int_equal(escape_read("[1;5F", &n), KEYS_ESC_DONE);
	assert_int_equal(n, 5);
	assert_int_equal(keys_escape("[1;5F", n), -1);
	assert_int_equal(escape_read("[12;40R", &n), KEYS_ESC_DONE);
	assert_int_equal(n, 7);
	assert_int_equal(escape_read("[2 q", &n), KEYS_ESC_DONE);
	assert_int_equal(n, 4);
	/* The final byte ends it: what follows is a key of its own. */
	assert_int_equal(escape_read("[4~j", &n), KEYS_ESC_DONE);
	assert_int_equal(n, 3);
	assert_int_equal(escape_read("OHj", &n), KEYS_ESC_DONE);
	assert_int_equal(n, 2);
	/* No sequence: Escape and another key, or a control character
	 * inside one. */
	assert_int_equal(keys_escape_more("j", 1), KEYS_ESC_NONE);
	assert_int_equal(keys_escape_more("\x1b", 1), KEYS_ESC_NONE);
	assert_int_equal(keys_escape_more("[5\r", 3), KEYS_ESC_NONE);
	assert_int_equal(keys_escape_more("O\r", 2), KEYS_ESC_NONE);
	/* Cut short: more is needed. */
	assert_int_equal(keys_escape_more("", 0), KEYS_ESC_MORE);
	assert_int_equal(keys_escape_more("[", 1), KEYS_ESC_MORE);
	assert_int_equal(keys_escape_more("[1;", 3), KEYS_ESC_MORE);
	assert_int_equal(keys_escape_more("O", 1), KEYS_ESC_MORE);
	assert_int_equal(keys_escape("[", 1), -1);
	assert_int_equal(keys_escape("[9~", 3), -1);
}

static void
test_rebind(void **state)
{
	int	keys[8];

	keys_bind('x', ACTION_NEXT_SECTION);
	assert_int_equal(keys_lookup('x'), ACTION_NEXT_SECTION);
	assert_int_equal(keys_bound(ACTION_NEXT_SECTION, keys, 8), 2);
	assert_int_equal(keys[0], ']');
	assert_int_equal(keys[1], 'x');
	/* Rebinding replaces; binding to none removes. */
	keys_bind(']', ACTION_QUIT);
	assert_int_equal(keys_lookup(']'), ACTION_QUIT);
	keys_bind('x', ACTION_NONE);
	assert_int_equal(keys_lookup('x'), ACTION_NONE);
	assert_int_equal(keys_bound(ACTION_NEXT_SECTION, keys, 8), 0);
	keys_reset();
	assert_int_equal(keys_lookup(']'), ACTION_NEXT_SECTION);
	assert_int_equal(keys_lookup('x'), ACTION_NONE);
}

static const char *
help_line(char **lines, size_t n, const char *help)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strstr(lines[i], help) != NULL)
			return lines[i];
	return NULL;
}

static void
test_help(void **state)
{
	char		**lines;
	const char	 *l;
	size_t		  n;

	lines = keys_help(&n);
	l = help_line(lines, n, keys_action_help(ACTION_LINE_DOWN));
	assert_non_null(l);
	assert_int_equal(strncmp(l, "j, Down ", 8), 0);
	l = help_line(lines, n, keys_action_help(ACTION_GOTO_SECTION));
	assert_non_null(l);
	assert_int_equal(strncmp(l, "1-9, 0 ", 7), 0);
	/* An unbound action has no line; the pager's bookmark and quote
	 * lines are last, the views' own actions have none. */
	assert_null(help_line(lines, n, keys_action_help(ACTION_NONE)));
	assert_non_null(strstr(lines[n - 1], keys_action_help(ACTION_QUOTE)));
	assert_non_null(help_line(lines, n,
	    keys_action_help(ACTION_RELOAD_CONFIG)));
	assert_null(help_line(lines, n, keys_action_help(ACTION_QUOTES)));
	keys_help_free(lines, n);

	/* The help follows the live table. */
	keys_bind(KEYC_F1 + 4, ACTION_OUTLINE);
	keys_bind('t', ACTION_NONE);
	lines = keys_help(&n);
	l = help_line(lines, n, keys_action_help(ACTION_OUTLINE));
	assert_non_null(l);
	assert_int_equal(strncmp(l, "F5 ", 3), 0);
	keys_help_free(lines, n);
	keys_reset();
}

/* Bindings per context: a context's own binding or unbinding wins over
 * all's; all's holds elsewhere; the table lists both, in order. */
static void
test_contexts(void **state)
{
	enum keys_context	ctx;
	enum action		action;
	int			keys[8], key, i;
	size_t			n;

	(void)state;
	for (i = 0; i < KEYS_NCONTEXTS; i++)
		assert_int_equal(keys_context_find(keys_context_name(
		    (enum keys_context)i)), i);
	assert_string_equal(keys_context_name(KEYS_BOOKMARKS), "bookmarks");
	assert_int_equal(keys_context_find("Pager"), -1);

	keys_bind_in(KEYS_OUTLINE, 'j', ACTION_CANCEL);
	keys_bind_in(KEYS_LINKS, 'k', ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_OUTLINE, 'j'), ACTION_CANCEL);
	assert_int_equal(keys_lookup_in(KEYS_PAGER, 'j'), ACTION_LINE_DOWN);
	assert_int_equal(keys_lookup(('j')), ACTION_LINE_DOWN);
	assert_int_equal(keys_lookup_in(KEYS_LINKS, 'k'), ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_HELP, 'k'), ACTION_LINE_UP);
	assert_int_equal(keys_lookup_in(KEYS_ALL, 'j'), ACTION_LINE_DOWN);

	/* A later binding in all does not undo a context's own. */
	keys_bind('j', ACTION_BOTTOM);
	assert_int_equal(keys_lookup_in(KEYS_OUTLINE, 'j'), ACTION_CANCEL);
	assert_int_equal(keys_lookup_in(KEYS_FEEDS, 'j'), ACTION_BOTTOM);
	/* Unbound in all: gone wherever no context has its own. */
	keys_bind('j', ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_ITEMS, 'j'), ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_OUTLINE, 'j'), ACTION_CANCEL);

	/* The keys of an action where a context looks. */
	assert_int_equal(keys_bound_in(KEYS_LINKS, ACTION_LINE_UP, keys, 8),
	    1);
	assert_int_equal(keys[0], KEYC_UP);
	assert_int_equal(keys_bound_in(KEYS_HELP, ACTION_LINE_UP, keys, 8), 2);
	assert_int_equal(keys_bound_in(KEYS_OUTLINE, ACTION_CANCEL, keys, 8),
	    2);
	assert_int_equal(keys_bound_in(KEYS_PAGER, ACTION_CANCEL, keys, 8),
	    1);
	/* The same binding in all and in a context counts once. */
	keys_bind_in(KEYS_HELP, 'q', ACTION_CLOSE);
	assert_int_equal(keys_bound_in(KEYS_HELP, ACTION_CLOSE, keys, 8), 1);

	/* The table in order: the defaults, then what was bound. */
	assert_int_equal(keys_entry(0, &ctx, &key, &action), 0);
	assert_int_equal(ctx, KEYS_ALL);
	assert_int_equal(key, KEYC_DOWN);
	for (n = 0; keys_entry(n, &ctx, &key, &action) == 0; n++)
		/* nothing */;
	assert_int_equal(keys_entry(n - 1, &ctx, &key, &action), 0);
	assert_int_equal(ctx, KEYS_HELP);
	assert_int_equal(key, 'q');
	assert_int_equal(action, ACTION_CLOSE);
	assert_int_equal(keys_entry(n - 2, &ctx, &key, &action), 0);
	assert_int_equal(ctx, KEYS_LINKS);
	assert_int_equal(action, ACTION_NONE);

	keys_clear();
	assert_int_equal(keys_entry(0, &ctx, &key, &action), -1);
	assert_int_equal(keys_lookup('q'), ACTION_NONE);
	keys_reset();
	assert_int_equal(keys_lookup('q'), ACTION_CLOSE);
}

/* The library views' own keys are actions of their contexts, hiding the
 * pager's there and nowhere else; bind and unbind change them. */
static void
test_view_defaults(void **state)
{
	static const struct {
		enum keys_context	ctx;
		int			key;
		enum action		action;
	} want[] = {
		{ KEYS_FEEDS, KEYC_ENTER, ACTION_OPEN },
		{ KEYS_PAGER, 's', ACTION_BOOKMARK },
		{ KEYS_PAGER, 'm', ACTION_QUOTE },
		{ KEYS_BOOKMARKS, 'm', ACTION_QUOTES },
		{ KEYS_FEEDS, 'l', ACTION_OPEN },
		{ KEYS_FEEDS, 'r', ACTION_REFRESH_FEED },
		{ KEYS_FEEDS, 'R', ACTION_REFRESH_ALL },
		{ KEYS_FEEDS, 'A', ACTION_MARK_FEED_READ },
		{ KEYS_FEEDS, 'n', ACTION_NEXT_UNREAD },
		{ KEYS_FEEDS, '/', ACTION_FILTER },
		{ KEYS_FEEDS, 't', ACTION_TAG_FILTER },
		{ KEYS_FEEDS, 'b', ACTION_BOOKMARKS },
		{ KEYS_FEEDS, 'c', ACTION_CONTINUE_READING },
		{ KEYS_FEEDS, 'q', ACTION_CLOSE },
		{ KEYS_FEEDS, 'j', ACTION_LINE_DOWN },
		{ KEYS_FEEDS, KEYC_LEFT, ACTION_NONE },
		{ KEYS_ITEMS, KEYC_RIGHT, ACTION_OPEN },
		{ KEYS_ITEMS, KEYC_LEFT, ACTION_CLOSE },
		{ KEYS_ITEMS, 'r', ACTION_REFRESH_FEED },
		{ KEYS_ITEMS, 'A', ACTION_MARK_FEED_READ },
		{ KEYS_ITEMS, 'n', ACTION_NEXT_UNREAD },
		{ KEYS_ITEMS, '/', ACTION_FILTER },
		{ KEYS_ITEMS, 't', ACTION_OUTLINE },
		{ KEYS_ITEMS, 'b', ACTION_PAGE_UP },
		{ KEYS_BOOKMARKS, KEYC_ENTER, ACTION_OPEN },
		{ KEYS_BOOKMARKS, KEYC_TAB, ACTION_SWITCH_LIST },
		{ KEYS_BOOKMARKS, 's', ACTION_SORT },
		{ KEYS_BOOKMARKS, 't', ACTION_TAG_FILTER },
		{ KEYS_BOOKMARKS, '/', ACTION_SEARCH_LIBRARY },
		{ KEYS_BOOKMARKS, 'e', ACTION_EDIT_BOOKMARK },
		{ KEYS_BOOKMARKS, 'd', ACTION_DELETE_BOOKMARK },
		{ KEYS_BOOKMARKS, 'U', ACTION_UNDO_DELETE },
		{ KEYS_BOOKMARKS, 'u', ACTION_REFETCH },
		{ KEYS_BOOKMARKS, KEYC_ESCAPE, ACTION_CANCEL },
		{ KEYS_BOOKMARKS, 'r', ACTION_NONE },
		/* The pager keeps its own. */
		{ KEYS_PAGER, 'n', ACTION_SEARCH_NEXT },
		{ KEYS_PAGER, 'd', ACTION_HALF_PAGE_DOWN },
		{ KEYS_PAGER, KEYC_TAB, ACTION_NEXT_LINK },
		{ KEYS_PAGER, 'r', ACTION_NONE },
		{ KEYS_OUTLINE, '/', ACTION_SEARCH_FORWARD },
	};
	int		keys[8];
	size_t		i;

	(void)state;
	for (i = 0; i < nitems(want); i++) {
		if (keys_lookup_in(want[i].ctx, want[i].key) != want[i].action)
			fail_msg("%s %d: %s, not %s",
			    keys_context_name(want[i].ctx), want[i].key,
			    keys_action_name(keys_lookup_in(want[i].ctx,
			    want[i].key)), keys_action_name(want[i].action));
	}
	assert_int_equal(keys_action_find("refresh-all"), ACTION_REFRESH_ALL);
	assert_int_equal(keys_action_find("mark-feed-read"),
	    ACTION_MARK_FEED_READ);
	/* Not bound in the pager: not in its help. */
	assert_int_equal(keys_bound(ACTION_REFRESH_ALL, keys, 8), 0);
	assert_int_equal(keys_bound_in(KEYS_ITEMS, ACTION_REFRESH_ALL, keys,
	    8), 1);
	assert_int_equal(keys[0], 'R');

	/* bind feeds x refresh-all; unbind items A. */
	keys_bind_in(KEYS_FEEDS, 'x', ACTION_REFRESH_ALL);
	keys_bind_in(KEYS_ITEMS, 'A', ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_FEEDS, 'x'), ACTION_REFRESH_ALL);
	assert_int_equal(keys_lookup_in(KEYS_ITEMS, 'x'), ACTION_NONE);
	assert_int_equal(keys_bound_in(KEYS_FEEDS, ACTION_REFRESH_ALL, keys,
	    8), 2);
	assert_int_equal(keys_lookup_in(KEYS_ITEMS, 'A'), ACTION_NONE);
	assert_int_equal(keys_lookup_in(KEYS_FEEDS, 'A'),
	    ACTION_MARK_FEED_READ);
	/* Bound in all, a view's own key still wins in its context. */
	keys_bind('r', ACTION_QUIT);
	assert_int_equal(keys_lookup_in(KEYS_FEEDS, 'r'), ACTION_REFRESH_FEED);
	assert_int_equal(keys_lookup_in(KEYS_PAGER, 'r'), ACTION_QUIT);
	keys_reset();
	assert_int_equal(keys_lookup_in(KEYS_ITEMS, 'A'),
	    ACTION_MARK_FEED_READ);
	assert_int_equal(keys_lookup_in(KEYS_FEEDS, 'x'), ACTION_NONE);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup(test_defaults, setup),
		cmocka_unit_test(test_action_names),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_escape_sequences),
		cmocka_unit_test_setup(test_rebind, setup),
		cmocka_unit_test_setup(test_help, setup),
		cmocka_unit_test_setup(test_contexts, setup),
		cmocka_unit_test_setup(test_view_defaults, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
