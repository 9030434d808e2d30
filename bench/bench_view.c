/* bench_view.c: how fast the view is, in ms: the layout of the longest
 * page of the Readability corpus at 80 columns, its re-layout after a
 * resize to 120, and a section jump from keypress to redrawn screen (the
 * pager's state plus drawing into an off-screen window); then the same
 * for a generated essay of 1 MB of text. Prints figures; never fails on
 * time. */
#include <config.h>

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#include "doc.h"
#include "fetch.h"
#include "keys.h"
#include "layout.h"
#include "pager.h"
#include "pipeline.h"
#include "term.h"
#include "testdoc.h"
#include "util.h"
#include "view_pager.h"

#define BENCH_RUNS	30

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static size_t
bench_text_size(const struct doc *d)
{
	size_t	i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		n += d->blocks[i].len;
	return n;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Median and worst of runs. */
static void
bench_print(const char *what, double *t, size_t n)
{
	qsort(t, n, sizeof *t, bench_cmp);
	printf("  %-34s %8.3f ms median, %8.3f ms worst\n", what, t[n / 2],
	    t[n - 1]);
}

static void
bench_doc(const char *name, const struct doc *d)
{
	struct layout_opts	 lo = { 80, 80,
				    LAYOUT_CENTRE | LAYOUT_LINKNUMS |
				    LAYOUT_TITLE };
	struct layout		*l;
	double			 t[BENCH_RUNS], t0;
	size_t			 i;

	printf("%s: %zu bytes of text, %zu blocks, %zu sections\n", name,
	    bench_text_size(d), d->nblocks, d->nsections);
	for (i = 0; i < BENCH_RUNS; i++) {
		t0 = bench_now();
		l = layout_new(d, &lo);
		t[i] = bench_now() - t0;
		if (i + 1 < BENCH_RUNS)
			layout_free(l);
	}
	printf("  (%zu lines at 80 columns)\n", l->nlines);
	bench_print("layout at 80 columns", t, BENCH_RUNS);
	for (i = 0; i < BENCH_RUNS; i++) {
		layout_resize(l, 80);
		t0 = bench_now();
		layout_resize(l, 120);
		t[i] = bench_now() - t0;
	}
	/* The measure keeps 120 columns at 80 cells; without one, the
	 * text really is wrapped anew. */
	bench_print("re-layout after a resize to 120", t, BENCH_RUNS);
	l->opts.measure = 0;
	for (i = 0; i < BENCH_RUNS; i++) {
		layout_resize(l, 80);
		t0 = bench_now();
		layout_resize(l, 120);
		t[i] = bench_now() - t0;
	}
	bench_print("  the same, 80 to 120 cells of text", t, BENCH_RUNS);
	layout_free(l);
}

/* The pager takes ownership of its document, so the jump is timed on a
 * document of its own. */
static void
bench_jump(const char *name, struct doc *d)
{
	struct pager_opts	 po = { 80, LAYOUT_CENTRE };
	struct term_offscreen	*o;
	struct pager		*p;
	double			 t[BENCH_RUNS], t0;
	size_t			 i;
	char			*url;

	if (d->nsections == 0 || (o = term_offscreen_new(80, 24)) == NULL) {
		printf("  %s: no section jump to time\n", name);
		doc_free(d);
		return;
	}
	p = pager_new(d, 80, 24, &po);
	view_pager_draw(p);
	for (i = 0; i < BENCH_RUNS; i++) {
		/* ] to the next section, from the top again after the last. */
		if (pager_section(p) == (long)p->doc->nsections - 1)
			pager_key(p, 'g');
		t0 = bench_now();
		pager_key(p, ']');
		view_pager_draw(p);
		t[i] = bench_now() - t0;
		free(p->message);
		p->message = NULL;
		pager_take_request(p, &url);
		free(url);
	}
	bench_print("section jump, key to screen", t, BENCH_RUNS);
	pager_free(p);
	term_offscreen_free(o);
}

/* An essay of just under 1 MB (10^6 bytes) of text, the most the targets
 * name: 226 parts of 25 paragraphs, with an accent, a dash and quotes in
 * every paragraph. */
static struct doc *
bench_big(void)
{
	static const char *const words[] = {
		"the", "long", "take", "asks", "us", "to", "stay", "in", "the",
		"room", "after", "the", "obvious", "point", "has", "been",
		"made,", "and", "the", "camera", "drifts", "past", "a", "desk",
		"\xe2\x80\x94", "a", "na\xc3\xafve",
		"\xe2\x80\x9cshot\xe2\x80\x9d",
	};
	struct doc	*d = doc_new("https://example.org/big");
	char		 title[64];
	int		 s, k, w;

	doc_set(&d->title, "A Very Long Essay", (size_t)-1);
	for (s = 0; s < 226; s++) {
		snprintf(title, sizeof title, "%d. Part %d", s + 1, s + 1);
		testdoc_block(d, DOC_HEADING, 2, title);
		for (k = 0; k < 25; k++) {
			testdoc_para(d, NULL);
			for (w = 0; w < 33; w++) {
				if (w == 10)
					testdoc_span(d, DOC_LINK,
					    "https://example.org/x", "a link ");
				else if (w == 20)
					testdoc_span(d, DOC_EM, NULL,
					    "emphasis ");
				testdoc_text(d, words[w % nitems(words)]);
				testdoc_text(d, " ");
			}
		}
	}
	testdoc_finish(d);
	return d;
}

int
main(int argc, char **argv)
{
	struct fetch_opts	 fo;
	struct dirent		*de;
	struct doc		*d, *best = NULL;
	const char		*corpus = getenv("REEL_CORPUS");
	char			*dir, *path, *cause, *best_name = NULL;
	DIR			*dp;
	size_t			 size, best_size = 0, pages = 0;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	xmlInitParser();
	keys_reset();
	fetch_opts_default(&fo);
	if (corpus == NULL || *corpus == '\0')
		corpus = "../shared/corpus";
	dir = xprintf("%s/readability", corpus);
	if ((dp = opendir(dir)) == NULL)
		fprintf(stderr, "bench_view: %s: cannot open\n", dir);
	while (dp != NULL && (de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xprintf("%s/%s/source.html", dir, de->d_name);
		if (pipeline_load(path, &fo, &d, &cause) != 0) {
			free(cause);
			free(path);
			continue;
		}
		pages++;
		size = bench_text_size(d);
		if (size > best_size) {
			doc_free(best);
			free(best_name);
			best = d;
			best_size = size;
			best_name = xstrdup(de->d_name);
		} else
			doc_free(d);
		free(path);
	}
	if (dp != NULL)
		closedir(dp);
	free(dir);
	printf("bench_view: %zu pages read; targets: layout <= 5 ms, "
	    "re-layout <= 5 ms, jump <= 2 ms for 1 MB of text\n", pages);
	if (best != NULL) {
		bench_doc(best_name, best);
		bench_jump(best_name, best);
	}
	d = bench_big();
	bench_doc("a generated essay", d);
	bench_jump("a generated essay", d);
	free(best_name);
	xmlCleanupParser();
	fetch_global_cleanup();
	return 0;
}
