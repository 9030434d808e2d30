/* test_essay.c: essays opened and kept in a library of the test's own (a
 * temporary XDG_DATA_HOME): files under their absolute names, pages from
 * tests/httpd.py under their final URL and the one asked for, the kept
 * copy when the network fails (not after a 404), standard input never,
 * and where the reader stopped. */
#include <config.h>

#include <ftw.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "doc.h"
#include "essay.h"
#include "fetch.h"
#include "render.h"
#include "store.h"
#include "util.h"

#include "testhome.h"
#include "testserver.h"

static const char	*home;	/* the test's own, from testhome_enter() */

#define ESSAY "<html><head><title>Long Takes</title></head><body>" \
	"<article><h1>Long Takes</h1><h2>1. Rope</h2><p>The camera holds " \
	"on the empty street for a long time, longer than any trailer would " \
	"allow, and the waiting becomes the subject of the scene.</p>" \
	"<h2>2. Sound</h2><p>When the car finally turns the corner, the " \
	"film has already taught us to listen for it, so <a " \
	"href=\"notes.html\">the sound</a> arrives before the image, and " \
	"the cut, when it comes, feels like a held breath let go.</p>" \
	"</article></body></html>"

static char *
tmp(const char *rest)
{
	return testhome_path(rest);
}

static void
write_file(const char *path, const char *s)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(s, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static int
setup(void **state)
{
	home = testhome_enter("essay");
	return home != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	testserver_stop();
	return testhome_leave();
}

static struct store *
open_library(void)
{
	struct store	*st = NULL;
	char		*cause = NULL;

	if (store_open(NULL, 0, &st, &cause) != 0)
		fail_msg("store_open: %s", cause);
	return st;
}

static char *
json(const struct doc *d)
{
	FILE	*f;
	char	*s = NULL;
	size_t	 len;

	if ((f = open_memstream(&s, &len)) == NULL)
		fail_msg("open_memstream: %s", strerror(errno));
	assert_int_equal(render(f, d, RENDER_JSON, 80), 0);
	assert_int_equal(fclose(f), 0);
	return s;
}

static int
load(struct store *st, const char *what, struct essay *e)
{
	struct fetch_opts	 fo;
	char			*cause = NULL;
	int			 rc;

	fetch_opts_default(&fo);
	fo.connect_timeout = 5;
	rc = essay_load(st, what, &fo, e, &cause);
	assert_true((rc == 0) == (cause == NULL));
	free(cause);
	return rc;
}

/* A file opened by a relative name is kept under its absolute one, its
 * links absolute paths; reopened from the library it is the same
 * document, and it keeps the place its reader left it at. */
static void
test_file(void **state)
{
	struct store		*st = open_library();
	struct store_doc	 sd;
	struct store_pos	 pos = { 2, 3, 17 };
	struct essay		 e, k;
	char			*path = tmp("essay.html"), *notes, *cwd;
	char			*a, *b, *cause = NULL;

	write_file(path, ESSAY);
	assert_non_null(cwd = getcwd(NULL, 0));
	assert_int_equal(chdir(home), 0);
	assert_int_equal(load(st, "./essay.html", &e), 0);
	assert_int_equal(chdir(cwd), 0);
	assert_string_equal(e.doc->url, path);
	assert_true(e.id > 0);
	assert_null(e.trouble);
	assert_int_equal(e.offline, 0);
	/* Never read: no place to go back to. */
	assert_int_equal(e.pos.block, 0);
	assert_int_equal(e.pos.offset, 0);
	assert_int_equal(e.read, 0);
	notes = tmp("notes.html");
	assert_int_equal(e.doc->nlinks, 1);
	assert_string_equal(e.doc->links[0].url, notes);

	assert_int_equal(store_doc_get(st, path, &sd, &cause), 0);
	assert_string_equal(sd.title, "Long Takes");
	assert_non_null(strstr(sd.content, notes));
	assert_non_null(strstr(sd.text, "held breath let go."));
	store_doc_free(&sd);

	assert_int_equal(essay_open_kept(st, path, 0, &k, &cause), 0);
	a = json(e.doc);
	b = json(k.doc);
	assert_string_equal(b, a);
	free(b);
	assert_int_equal(k.id, e.id);
	essay_free(&k);
	assert_int_equal(essay_open_kept(st, NULL, e.id, &k, &cause), 0);
	b = json(k.doc);
	assert_string_equal(b, a);
	free(b);
	free(a);
	essay_free(&k);

	/* The reader stops in part 2; opened again, the essay is there. */
	assert_int_equal(store_doc_pos(st, e.id, &pos, 0, &cause), 0);
	essay_free(&e);
	assert_int_equal(load(st, path, &e), 0);
	assert_int_equal(e.pos.section, 2);
	assert_int_equal(e.pos.block, 3);
	assert_int_equal(e.pos.offset, 17);
	assert_true(e.read > 0);
	assert_int_equal(e.finished, 0);
	essay_free(&e);

	assert_int_equal(essay_open_kept(st, "/nowhere.html", 0, &k, &cause),
	    1);
	assert_int_equal(essay_open_kept(st, NULL, 999, &k, &cause), 1);
	store_close(st);
	free(notes);
	free(path);
	free(cwd);
}

/* A plain-text essay is kept too, and reads back the same. */
static void
test_text_file(void **state)
{
	struct store	*st = open_library();
	struct essay	 e, k;
	char		*path = tmp("essay.txt"), *a, *b, *cause = NULL;

	write_file(path, "First paragraph, & more.\n\n2. Second\n\n"
	    "The second part of it.\r\n");
	assert_int_equal(load(st, path, &e), 0);
	assert_true(e.id > 0);
	assert_int_equal(essay_open_kept(st, path, 0, &k, &cause), 0);
	a = json(e.doc);
	b = json(k.doc);
	assert_string_equal(b, a);
	free(a);
	free(b);
	essay_free(&k);
	essay_free(&e);
	store_close(st);
	free(path);
}

/* Standard input is never kept, nor is anything without a library. */
static void
test_not_kept(void **state)
{
	struct store	*st = open_library();
	struct store_doc *v;
	struct essay	 e;
	char		*path = tmp("essay.html"), *cause = NULL;
	size_t		 n;
	int		 fd, saved;

	write_file(path, ESSAY);
	assert_true((fd = open(path, O_RDONLY)) != -1);
	assert_true((saved = dup(STDIN_FILENO)) != -1);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	assert_int_equal(load(st, "-", &e), 0);
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	assert_int_equal(e.id, 0);
	assert_string_equal(e.doc->title, "Long Takes");
	essay_free(&e);

	assert_int_equal(load(NULL, path, &e), 0);
	assert_int_equal(e.id, 0);
	assert_null(e.trouble);
	essay_free(&e);

	assert_int_equal(store_doc_get(st, path, NULL, &cause), 1);
	assert_int_equal(store_doc_unfinished(st, &v, &n, &cause), 0);
	assert_int_equal(n, 0);
	store_docs_free(v, n);
	store_close(st);
	free(path);
}

/* A page from the web is kept under its final URL and the one asked
 * for. When the server is gone, the kept copy comes instead, saying when
 * it was kept; an HTTP error is no reason for it, nor is a URL never
 * kept. */
static void
test_offline(void **state)
{
	struct store		*st = open_library();
	struct store_doc	 sd;
	struct essay		 e, k;
	struct doc		*gone;
	char			*chain, *final, *missing, *a, *b, *frag;
	char			*cause = NULL;
	int64_t			 id;

	assert_int_equal(testserver_start(60, NULL), 0);
	chain = testserver_url("/chain1");
	final = testserver_url("/dir/final.html?from=chain");
	missing = testserver_url("/status/404");
	assert_int_equal(load(st, chain, &e), 0);
	assert_string_equal(e.doc->url, final);
	assert_true(e.id > 0);
	assert_int_equal(e.offline, 0);
	assert_int_equal(store_doc_get(st, final, &sd, &cause), 0);
	assert_int_equal(sd.id, e.id);
	store_doc_free(&sd);

	/* A kept essay whose page is now missing: the 404 is the answer. */
	gone = doc_new(missing);
	frag = xstrdup("<div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>Once there.</p></div>");
	assert_int_equal(essay_put(st, gone, &frag, NULL, &id, &cause), 0);
	assert_null(frag);
	doc_free(gone);
	assert_int_equal(load(st, missing, &k), REEL_EXIT_HTTP);
	assert_null(k.doc);

	testserver_stop();
	assert_int_equal(load(st, chain, &k), 0);
	assert_int_equal(k.id, e.id);
	assert_true(k.offline > 0);
	assert_int_equal(store_doc_get(st, final, &sd, &cause), 0);
	assert_int_equal(k.offline, sd.fetched);
	store_doc_free(&sd);
	a = json(e.doc);
	b = json(k.doc);
	assert_string_equal(b, a);
	free(a);
	free(b);
	essay_free(&k);
	a = testserver_url("/page");
	assert_int_equal(load(st, a, &k), REEL_EXIT_NETWORK);
	free(a);
	essay_free(&e);
	store_close(st);
	free(chain);
	free(final);
	free(missing);
}

/* A library that cannot take the essay fails nothing: the essay is
 * there, not kept, and the trouble says why. */
static void
test_trouble(void **state)
{
	struct store	*st = open_library();
	struct essay	 e;
	sqlite3		*db;
	char		*path = tmp("essay.html"), *lib, *cause = NULL;

	write_file(path, ESSAY);
	/* A write that fails as a full disk would. */
	lib = xprintf("%s", store_path(st));
	assert_int_equal(sqlite3_open(lib, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER full BEFORE INSERT"
	    " ON documents BEGIN SELECT RAISE(ABORT, 'database or disk is "
	    "full'); END", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	assert_int_equal(load(st, path, &e), 0);
	assert_string_equal(e.doc->title, "Long Takes");
	assert_int_equal(e.id, 0);
	assert_non_null(e.trouble);
	assert_non_null(strstr(e.trouble, "database or disk is full"));
	essay_free(&e);
	assert_int_equal(store_doc_get(st, path, NULL, &cause), 1);
	store_close(st);
	free(lib);
	free(path);
}

int
main(void)
{
	char			*init_cause = NULL;
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test_setup_teardown(test_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_not_kept, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_offline, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_trouble, setup,
		    teardown),
	};

	if (fetch_global_init(&init_cause) != 0) {
		fprintf(stderr, "%s\n", init_cause);
		free(init_cause);
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
