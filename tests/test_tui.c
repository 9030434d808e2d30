/* test_tui.c: the pager drawn into an off-screen ncurses window: what
 * lands in the cells, with which attributes, with and without colour. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/wait.h>

#include <unistd.h>

#include <cmocka.h>

#include "doc.h"
#include "keys.h"
#include "pager.h"
#include "tui.h"
#include "util.h"

/* A page's text with escape sequences in it, through the builder. */
static struct doc *
page(void)
{
	struct doc	*d = doc_new("https://example.org/escapes");
	char		 w[32];
	int		 i;

	doc_set(&d->title, "Escapes", (size_t)-1);
	doc_begin(d, DOC_HEADING, 2);
	doc_text(d, "Part one", 8);
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "Clear \x1b[2J and title \x1b]0;PWNED\x07 end.", 37);
	doc_begin(d, DOC_PARAGRAPH, 0);
	for (i = 0; i < 200; i++) {
		snprintf(w, sizeof w, "word%d ", i);
		doc_text(d, w, strlen(w));
	}
	doc_finish(d);
	return d;
}

static int
find_row(struct tui_offscreen *o, int rows, const char *s, int *col)
{
	char	*row, *at;
	int	 y;

	for (y = 0; y < rows; y++) {
		row = tui_offscreen_row(o, y);
		if ((at = strstr(row, s)) != NULL) {
			/* Columns count cells; these rows are ASCII before
			 * the match but for the escapes' symbols. */
			*col = (int)(at - row);
			free(row);
			return y;
		}
		free(row);
	}
	return -1;
}

static void
test_draw(void **state)
{
	struct pager_opts	 o = { 0, 0 };
	struct tui_offscreen	*t;
	struct pager		*p;
	char			*row;
	int			 y, x = 0;

	unsetenv("NO_COLOR");
	t = tui_offscreen_new(80, 24);
	assert_non_null(t);
	p = pager_new(page(), 80, 24, &o);
	tui_offscreen_draw(t, p);
	/* The escape character shows as its symbol, the rest as text. */
	y = find_row(t, 24, "Clear \xe2\x90\x9b[2J and title "
	    "\xe2\x90\x9b]0;PWNED\xe2\x90\x87 end.", &x);
	assert_true(y > 0);
	/* The title comes first; headings are bold; the status line is
	 * reversed. */
	row = tui_offscreen_row(t, 1);
	assert_int_equal(strncmp(row, "Escapes ", 8), 0);
	free(row);
	assert_true(tui_offscreen_attrs(t, 1, 0) & TUI_BOLD);
	y = find_row(t, 24, "Part one", &x);
	assert_int_equal(y, 3);
	assert_true(tui_offscreen_attrs(t, y, x) & TUI_BOLD);
	row = tui_offscreen_row(t, 23);
	assert_non_null(strstr(row, "h: help"));
	free(row);
	assert_true(tui_offscreen_attrs(t, 23, 0) & TUI_REVERSE);
	row = tui_offscreen_row(t, 0);
	assert_non_null(strstr(row, "example.org"));
	free(row);
	/* A match is in colour when colour is allowed. */
	pager_key(p, '/');
	pager_key(p, 'w');
	pager_key(p, 'o');
	pager_key(p, 'r');
	pager_key(p, 'd');
	pager_key(p, '7');
	pager_key(p, '7');
	pager_key(p, KEYC_ENTER);
	tui_offscreen_draw(t, p);
	y = find_row(t, 24, "word77", &x);
	assert_true(y >= 1);
	assert_true(tui_offscreen_attrs(t, y, x) & TUI_COLOUR);
	assert_false(tui_offscreen_attrs(t, y, x - 2) & TUI_COLOUR);
	tui_offscreen_free(t);

	/* NO_COLOR: no colour at all, the match reversed instead. */
	setenv("NO_COLOR", "1", 1);
	t = tui_offscreen_new(80, 24);
	assert_non_null(t);
	tui_offscreen_draw(t, p);
	y = find_row(t, 24, "word77", &x);
	assert_true(y >= 1);
	assert_false(tui_offscreen_attrs(t, y, x) & TUI_COLOUR);
	assert_true(tui_offscreen_attrs(t, y, x) & TUI_REVERSE);
	/* Bold stays. */
	pager_key(p, 'g');
	tui_offscreen_draw(t, p);
	y = find_row(t, 24, "Part one", &x);
	assert_int_equal(y, 3);		/* under the title and a blank */
	assert_true(tui_offscreen_attrs(t, y, x) & TUI_BOLD);
	assert_false(tui_offscreen_attrs(t, y, x) & TUI_COLOUR);
	unsetenv("NO_COLOR");
	tui_offscreen_free(t);
	pager_free(p);
}

static void
test_small_screen(void **state)
{
	struct pager_opts	 o = { 0, 0 };
	struct tui_offscreen	*t = tui_offscreen_new(40, 10);
	struct pager		*p;
	char			*row;
	int			 y;

	assert_non_null(t);
	p = pager_new(page(), 40, 10, &o);
	pager_key(p, 'G');
	tui_offscreen_draw(t, p);
	for (y = 1; y < 9; y++) {
		row = tui_offscreen_row(t, y);
		assert_true(strlen(row) <= 40);
		free(row);
	}
	row = tui_offscreen_row(t, 9);
	assert_non_null(strstr(row, "100%"));
	free(row);
	pager_key(p, 't');
	tui_offscreen_draw(t, p);
	row = tui_offscreen_row(t, 1);
	assert_non_null(strstr(row, "Part one"));
	free(row);
	pager_free(p);
	tui_offscreen_free(t);
}

static int	hook_fd = -1;

static void
hook(void)
{
	ssize_t	n = write(hook_fd, "restored", 8);

	(void)n;
}

/* fatal() calls the hook (the pager's gives the terminal back) before it
 * prints and exits. */
static void
test_fatal_hook(void **state)
{
	char	buf[16];
	int	fds[2], status;
	pid_t	pid;

	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		hook_fd = fds[1];
		util_set_fatal_hook(hook);
		fclose(stderr);
		fatal("a test of the hook");
	}
	assert_true(pid > 0);
	close(fds[1]);
	memset(buf, 0, sizeof buf);
	assert_int_equal(read(fds[0], buf, sizeof buf - 1), 8);
	assert_string_equal(buf, "restored");
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_draw),
		cmocka_unit_test(test_small_screen),
		cmocka_unit_test(test_fatal_hook),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "the C.UTF-8 locale is missing\n");
		return 1;
	}
	keys_reset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
