/* test_view_pager.c: the pager drawn into an off-screen screen: what
 * lands in the cells, with which attributes, with and without colour;
 * and the terminal given back on a fatal error. */
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

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "doc.h"
#include "essay.h"
#include "fetch.h"
#include "keys.h"
#include "pager.h"
#include "pipeline.h"
#include "store.h"
#include "term.h"
#include "testdoc.h"
#include "testhome.h"
#include "util.h"
#include "view_pager.h"

/* A page's text with escape sequences in it, through the builder. */
static struct doc *
page(void)
{
	struct doc	*d = doc_new("https://example.org/escapes");

	doc_set(&d->title, "Escapes", (size_t)-1);
	testdoc_block(d, DOC_HEADING, 2, "Part one");
	testdoc_para(d, "Clear \x1b[2J and title \x1b]0;PWNED\x07 end.");
	testdoc_para(d, NULL);
	testdoc_words(d, 200, "word");
	testdoc_finish(d);
	return d;
}

static int
find_row(struct term_offscreen *o, int rows, const char *s, int *col)
{
	char	*row, *at;
	int	 y;

	for (y = 0; y < rows; y++) {
		row = term_offscreen_row(o, y);
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
	struct term_offscreen	*t;
	struct pager		*p;
	char			*row;
	int			 y, x = 0;

	unsetenv("NO_COLOR");
	t = term_offscreen_new(80, 24);
	assert_non_null(t);
	p = pager_new(page(), 80, 24, &o);
	view_pager_draw(p);
	/* The escape character shows as its symbol, the rest as text. */
	y = find_row(t, 24, "Clear \xe2\x90\x9b[2J and title "
	    "\xe2\x90\x9b]0;PWNED\xe2\x90\x87 end.", &x);
	assert_true(y > 0);
	/* The title comes first; headings are bold; the status line is
	 * reversed. */
	row = term_offscreen_row(t, 1);
	assert_int_equal(strncmp(row, "Escapes ", 8), 0);
	free(row);
	assert_true(term_offscreen_attrs(t, 1, 0) & TERM_BOLD);
	y = find_row(t, 24, "Part one", &x);
	assert_int_equal(y, 3);
	assert_true(term_offscreen_attrs(t, y, x) & TERM_BOLD);
	row = term_offscreen_row(t, 23);
	assert_non_null(strstr(row, "h: help"));
	free(row);
	assert_true(term_offscreen_attrs(t, 23, 0) & TERM_REVERSE);
	row = term_offscreen_row(t, 0);
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
	view_pager_draw(p);
	y = find_row(t, 24, "word77", &x);
	assert_true(y >= 1);
	assert_true(term_offscreen_attrs(t, y, x) & TERM_COLOUR);
	assert_false(term_offscreen_attrs(t, y, x - 2) & TERM_COLOUR);
	term_offscreen_free(t);

	/* NO_COLOR: no colour at all, the match reversed instead. */
	setenv("NO_COLOR", "1", 1);
	t = term_offscreen_new(80, 24);
	assert_non_null(t);
	view_pager_draw(p);
	y = find_row(t, 24, "word77", &x);
	assert_true(y >= 1);
	assert_false(term_offscreen_attrs(t, y, x) & TERM_COLOUR);
	assert_true(term_offscreen_attrs(t, y, x) & TERM_REVERSE);
	/* Bold stays. */
	pager_key(p, 'g');
	view_pager_draw(p);
	y = find_row(t, 24, "Part one", &x);
	assert_int_equal(y, 3);		/* under the title and a blank */
	assert_true(term_offscreen_attrs(t, y, x) & TERM_BOLD);
	assert_false(term_offscreen_attrs(t, y, x) & TERM_COLOUR);
	unsetenv("NO_COLOR");
	term_offscreen_free(t);
	pager_free(p);
}

static void
test_small_screen(void **state)
{
	struct pager_opts	 o = { 0, 0 };
	struct term_offscreen	*t = term_offscreen_new(40, 10);
	struct pager		*p;
	char			*row;
	int			 y;

	assert_non_null(t);
	p = pager_new(page(), 40, 10, &o);
	pager_key(p, 'G');
	view_pager_draw(p);
	for (y = 1; y < 9; y++) {
		row = term_offscreen_row(t, y);
		assert_true(strlen(row) <= 40);
		free(row);
	}
	row = term_offscreen_row(t, 9);
	assert_non_null(strstr(row, "100%"));
	free(row);
	pager_key(p, 't');
	view_pager_draw(p);
	row = term_offscreen_row(t, 1);
	assert_non_null(strstr(row, "Part one"));
	free(row);
	pager_free(p);
	term_offscreen_free(t);
}

/* Reads what the pty at fd has until want is in b (or, want NULL, until
 * its other end is closed); at most tries waits of 20 ms with nothing to
 * read. Returns 1 if it came. */
static int
pty_read(int fd, struct buf *b, const char *want)
{
	struct pollfd	pfd;
	char		chunk[4096];
	ssize_t		n;
	int		tries = 500;

	pfd.fd = fd;
	pfd.events = POLLIN;
	while (tries > 0) {
		if (want != NULL && b->len > 0 &&
		    memmem(b->data, b->len, want, strlen(want)) != NULL)
			return 1;
		if (poll(&pfd, 1, 20) <= 0) {
			tries--;
			continue;
		}
		if ((n = read(fd, chunk, sizeof chunk)) <= 0)
			return want == NULL;	/* EIO: the child is gone */
		buf_add(b, chunk, (size_t)n);
	}
	return 0;
}

static void
on_usr1(int sig)
{
	fatal("a fatal error in the pager");
}

/* A fatal() while the pager runs gives the terminal back before its
 * message is printed: term_start sets its restore as fatal()'s hook. (The
 * restore that exit() runs would come after the message, which the
 * alternate screen would then take away with it.) The pager runs in a
 * pseudo-terminal, as xterm; SIGUSR1 makes it call fatal(). */
static void
test_fatal_restores(void **state)
{
	static const char	 html[] = "<html><body><h1>Fatal</h1>"
	    "<p>A page that the pager shows until a fatal error.</p>"
	    "</body></html>";
	struct winsize		 ws = { 24, 80, 0, 0 };
	struct fetch_opts	 fo;
	struct buf		 b = BUF_INIT;
	char			 path[] = "/tmp/reel-test-view-XXXXXX.html";
	const char		*rmcup = "\033[?1049l", *msg, *restored;
	int			 fd, status;
	pid_t			 pid;

	assert_true((fd = mkstemps(path, 5)) != -1);
	assert_int_equal(write(fd, html, sizeof html - 1),
	    (ssize_t)(sizeof html - 1));
	close(fd);
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) == 0) {
		setenv("TERM", "xterm", 1);
		signal(SIGUSR1, on_usr1);
		fetch_opts_default(&fo);
		_exit(view_pager_run(path, &fo, 0));
	}
	assert_true(pid > 0);
	/* The pager is up when its status line is drawn. */
	assert_true(pty_read(fd, &b, "h: help"));
	assert_non_null(memmem(b.data, b.len, "\033[?1049h", 8));
	buf_reset(&b);
	assert_int_equal(kill(pid, SIGUSR1), 0);
	assert_true(pty_read(fd, &b, NULL));
	close(fd);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	unlink(path);
	msg = memmem(b.data, b.len, "reel: a fatal error in the pager", 32);
	restored = memmem(b.data, b.len, rmcup, strlen(rmcup));
	assert_non_null(msg);
	assert_non_null(restored);
	assert_true(restored < msg);
	buf_free(&b);
}

/* Without colour the current match differs from the others by more than
 * bold: reversed and underlined, the others only reversed. */
static void
test_no_colour_current_match(void **state)
{
	struct pager_opts	 o = { 0, 0 };
	struct term_offscreen	*t;
	struct pager		*p;
	const char		*s;
	int			 y, x = 0, y2, x2 = 0, cur, other;

	setenv("NO_COLOR", "1", 1);
	t = term_offscreen_new(80, 24);
	assert_non_null(t);
	p = pager_new(page(), 80, 24, &o);
	for (s = "/word1\r"; *s != '\0'; s++)
		pager_key(p, *s == '\r' ? KEYC_ENTER : *s);
	assert_true(p->nmatches >= 2);
	view_pager_draw(p);
	/* word1 is the current match; word10 another on the screen. */
	y = find_row(t, 24, "word1 ", &x);
	y2 = find_row(t, 24, "word10 ", &x2);
	assert_true(y >= 1);
	assert_true(y2 >= 1);
	cur = term_offscreen_attrs(t, y, x);
	other = term_offscreen_attrs(t, y2, x2);
	assert_false(cur & TERM_COLOUR);
	assert_true(cur & TERM_REVERSE);
	assert_true(cur & TERM_UNDERLINE);
	assert_true(other & TERM_REVERSE);
	assert_false(other & TERM_UNDERLINE);
	assert_int_not_equal(cur & ~TERM_BOLD, other & ~TERM_BOLD);
	pager_free(p);
	term_offscreen_free(t);
	unsetenv("NO_COLOR");
}

/* Reads the essay st keeps under url with typed keys on an off-screen
 * screen; returns view_pager_kept()'s status, the last row in *status. */
static int
read_kept(struct store *st, const char *url, const char *typed,
    char **status)
{
	struct term_offscreen	*t = term_offscreen_new(80, 24);
	struct fetch_opts	 fo;
	char			*cause = NULL;
	int			 rc;

	assert_non_null(t);
	fetch_opts_default(&fo);
	assert_int_equal(term_offscreen_keys(t, typed, strlen(typed)), 0);
	rc = view_pager_kept(st, url, 0, &fo, 0, &cause);
	if (rc == -1) {
		*status = cause;
		term_offscreen_free(t);
		return rc;
	}
	assert_null(cause);
	*status = term_offscreen_row(t, 23);
	term_offscreen_free(t);
	return rc;
}

/* An essay the library keeps, opened with no network by a view: q closes
 * it, Q quits; where the reader stopped is kept, and the next time it
 * opens there and says so; the last screen seen makes it finished. */
static void
test_kept(void **state)
{
	char			 dir[] = "/tmp/reel-test-view.XXXXXX";
	struct buf		 html = BUF_INIT;
	struct store		*st;
	struct store_doc	 sd;
	struct doc		*d;
	const char		*url = "https://example.org/kept";
	char			*frag, *lib, *status, *cause = NULL;
	int64_t			 id;
	int			 part, k;

	assert_non_null(mkdtemp(dir));
	lib = xprintf("%s/library.db", dir);
	assert_int_equal(store_open(lib, 0, &st, &cause), 0);
	buf_adds(&html, "<html><head><title>Kept</title></head><body>"
	    "<article><h1>Kept</h1>");
	for (part = 1; part <= 6; part++) {
		buf_printf(&html, "<h2>%d. Part %d</h2>", part, part);
		for (k = 0; k < 4; k++)
			buf_printf(&html, "<p>Paragraph %d of part %d, long "
			    "enough to fill a line or two of the screen, and "
			    "then some more words to make it wrap.</p>", k,
			    part);
	}
	buf_adds(&html, "</article></body></html>");
	d = pipeline_page_fragment(html.data, html.len, "text/html", NULL,
	    url, &frag, &cause);
	assert_non_null(d);
	assert_int_equal(essay_put(st, d, &frag, NULL, &id, &cause), 0);
	free(frag);
	doc_free(d);

	assert_int_equal(read_kept(st, url, "3q", &status), 0);
	free(status);
	assert_int_equal(store_doc_get(st, url, &sd, &cause), 0);
	assert_int_equal(sd.pos.section, 3);
	assert_true(sd.pos.block > 0);
	assert_true(sd.read > 0);
	assert_int_equal(sd.finished, 0);
	store_doc_free(&sd);

	assert_int_equal(read_kept(st, url, "Q", &status), VIEW_PAGER_QUIT);
	assert_non_null(strstr(status, "Back where you stopped: \xc2\xa7" "3 "
	    "Part 3"));
	free(status);

	assert_int_equal(read_kept(st, url, "Gq", &status), 0);
	free(status);
	assert_int_equal(store_doc_get(st, url, &sd, &cause), 0);
	assert_int_equal(sd.finished, 1);
	/* The top of the last screen, in a later part. */
	assert_true(sd.pos.section > 3);
	store_doc_free(&sd);

	assert_int_equal(read_kept(st, "https://example.org/never", "q",
	    &status), -1);
	assert_string_equal(status, "https://example.org/never: not in the "
	    "library");
	free(status);

	store_close(st);
	assert_int_equal(unlink(lib), 0);
	free(lib);
	lib = xprintf("%s/library.db-wal", dir);
	unlink(lib);
	free(lib);
	lib = xprintf("%s/library.db-shm", dir);
	unlink(lib);
	free(lib);
	assert_int_equal(rmdir(dir), 0);
	buf_free(&html);
}

/* The pager keeps what it shows in the library: in a home of the
 * test's own. */
static int
setup(void **state)
{
	(void)state;
	return testhome_enter("view-pager") != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return testhome_leave();
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_draw),
		cmocka_unit_test(test_small_screen),
		cmocka_unit_test(test_no_colour_current_match),
		cmocka_unit_test(test_fatal_restores),
		cmocka_unit_test(test_kept),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "the C.UTF-8 locale is missing\n");
		return 1;
	}
	keys_reset();
	return cmocka_run_group_tests(tests, setup, teardown);
}
