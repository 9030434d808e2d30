/* test_progress.c: the progress bar as the terminal receives it: drawn,
 * redrawn in place only when it changed, a shorter line padded over the
 * longer one, cleared, and nothing at all off a terminal. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "progress.h"

/* One stream in memory for a whole test; out_take() hands out what was
 * written since its last call. */
struct out {
	FILE	*f;
	char	*s;
	size_t	 len;
	size_t	 taken;
};

static void
out_open(struct out *o)
{
	memset(o, 0, sizeof *o);
	assert_non_null(o->f = open_memstream(&o->s, &o->len));
}

/* What was written since the last call; the caller frees it. */
static char *
out_take(struct out *o)
{
	char	*s;

	assert_int_equal(fflush(o->f), 0);
	s = strndup(o->s + o->taken, o->len - o->taken);
	assert_non_null(s);
	o->taken = o->len;
	return s;
}

static void
out_close(struct out *o)
{
	fclose(o->f);
	free(o->s);
}

static void
test_draw(void **state)
{
	struct progress	 p;
	struct out	 o;
	char		*s;

	out_open(&o);
	progress_init(&p, o.f, 1);
	progress_draw(&p, 3, 12, " 3/12 feeds");
	s = out_take(&o);
	assert_string_equal(s, "\r[######..................] 3/12 feeds");
	free(s);
	/* The same: nothing written. */
	progress_draw(&p, 3, 12, " 3/12 feeds");
	s = out_take(&o);
	assert_string_equal(s, "");
	free(s);
	/* Shorter: blanks pad what was longer. */
	progress_draw(&p, 12, 12, " done");
	s = out_take(&o);
	assert_string_equal(s, "\r[########################] done      ");
	free(s);
	/* Width in cells, not bytes: "é" is one. */
	progress_draw(&p, 0, 12, " \xc3\xa9");
	s = out_take(&o);
	assert_string_equal(s, "\r[........................] \xc3\xa9"
	    "         ");
	free(s);
	progress_clear(&p);
	s = out_take(&o);
	assert_int_equal(strlen(s), 2 + 37);
	assert_true(s[0] == '\r' && s[38] == '\r');
	assert_int_equal(strspn(s + 1, " "), 37);
	free(s);
	/* Cleared: the next draw is written whole again, and more done
	 * than all is all. */
	progress_draw(&p, 20, 12, "");
	s = out_take(&o);
	assert_string_equal(s, "\r[########################]");
	free(s);
	/* Nothing to do: a full bar. */
	progress_draw(&p, 0, 0, " none");
	s = out_take(&o);
	assert_string_equal(s, "\r[########################] none");
	free(s);
	progress_end(&p);
	free(out_take(&o));
	progress_clear(&p);
	s = out_take(&o);
	assert_string_equal(s, "");
	free(s);
	out_close(&o);
}

static void
test_off(void **state)
{
	struct progress	 p;
	struct out	 o;
	char		*s;

	out_open(&o);
	progress_init(&p, o.f, 0);
	progress_draw(&p, 1, 2, " half");
	progress_clear(&p);
	progress_end(&p);
	s = out_take(&o);
	assert_string_equal(s, "");
	free(s);
	out_close(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_draw),
		cmocka_unit_test(test_off),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
