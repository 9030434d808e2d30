/* bench_bookmarks.c: the bookmarks with 10,000 essays kept, in ms, on a
 * library in a temporary directory: the essays are variations of the
 * sample essay (its fragment and text, a paragraph of words of their own,
 * a title of their own), each bookmarked with a tag. Measured as the
 * bookmarks view and "reel search" do them: open the library and list
 * every bookmark; search a rare word, a common one and a prefix; open a
 * hit (read the kept copy and build its document). Prints the figures
 * and the library's size per essay; never fails on time. */
#include <config.h>

#include <sys/stat.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "doc.h"
#include "essay.h"
#include "fetch.h"
#include "pipeline.h"
#include "store.h"
#include "util.h"

#define BENCH_ESSAYS	10000
#define BENCH_RUNS	21
#define BENCH_TAGS	25
#define BENCH_HITS	50	/* as "reel search" shows */

static const char *const bench_words[] = {
	"montage", "framing", "silence", "rhythm", "shadow", "gesture",
	"memory", "river", "window", "corridor", "mirror", "staircase",
	"harbour", "lantern", "orchard", "glacier", "carnival", "lighthouse",
	"telegram", "umbrella", "violin", "wardrobe", "zeppelin",
};

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
bench_cpu(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct bench_runs {
	double	wall[BENCH_RUNS];
	double	cpu[BENCH_RUNS];
	size_t	n;
	double	wall0, cpu0;
};

static void
bench_start(struct bench_runs *r)
{
	r->wall0 = bench_now();
	r->cpu0 = bench_cpu();
}

static void
bench_stop(struct bench_runs *r)
{
	r->wall[r->n] = bench_now() - r->wall0;
	r->cpu[r->n++] = bench_cpu() - r->cpu0;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Median and worst wall-clock time of the runs, which it empties. */
static void
bench_print(const char *what, struct bench_runs *r)
{
	qsort(r->wall, r->n, sizeof *r->wall, bench_cmp);
	qsort(r->cpu, r->n, sizeof *r->cpu, bench_cmp);
	printf("  %-44s %8.2f ms median (CPU %7.2f), %8.2f worst\n", what,
	    r->wall[r->n / 2], r->cpu[r->n / 2], r->wall[r->n - 1]);
	r->n = 0;
}

static void
bench_check(int rc, const char *what, char *cause)
{
	if (rc != 0) {
		fprintf(stderr, "bench_bookmarks: %s: %s\n", what,
		    cause != NULL ? cause : "failed");
		exit(1);
	}
}

static int
bench_rm(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	return remove(path);
}

/* Essay i: the sample's fragment with a paragraph of its own before the
 * end, the sample's text with the same words after it. */
static void
bench_essay(const struct doc *d, const char *fragment, const char *text,
    size_t i, struct store_doc *sd, struct buf *content, struct buf *plain,
    char **url, char **title)
{
	const char	*end = strrchr(fragment, '<');
	struct buf	 para = BUF_INIT;
	size_t		 k, n = nitems(bench_words);

	buf_printf(&para, "Variation %zu speaks of %s, %s and %s.", i,
	    bench_words[i % n], bench_words[(i / n) % n],
	    bench_words[(i * 7 + 3) % n]);
	for (k = 0; k < 3; k++)
		buf_printf(&para, " Word%zu appears here.", (i * 31 + k) % 5000);
	buf_reset(content);
	buf_add(content, fragment, (size_t)(end - fragment));
	buf_printf(content, "<p>%s</p>", buf_str(&para));
	buf_adds(content, end);
	buf_reset(plain);
	buf_adds(plain, text);
	buf_printf(plain, "\n%s\n", buf_str(&para));
	buf_free(&para);
	*url = xprintf("https://essays%zu.example/%zu/long-takes", i % 97, i);
	*title = xprintf("%s, variation %zu (%s)", d->title, i,
	    bench_words[i % n]);
	memset(sd, 0, sizeof *sd);
	sd->url = *url;
	sd->title = *title;
	sd->byline = d->byline;
	sd->site = d->site;
	sd->published = d->published;
	sd->lang = d->lang;
	sd->content = content->data;
	sd->text = plain->data;
}

/* Keeps and bookmarks the 10,000 essays, a thousand per transaction. */
static void
bench_fill(struct store *s, const struct doc *d, const char *fragment,
    const char *text)
{
	struct store_bookmark_in	 in;
	struct store_doc		 sd;
	struct buf			 content = BUF_INIT, plain = BUF_INIT;
	const char			*tags[2];
	char				 tag[32], *url, *title, *cause = NULL;
	int64_t				 id;
	size_t				 i;
	double				 t0 = bench_now();

	for (i = 0; i < BENCH_ESSAYS; i++) {
		if (i % 1000 == 0)
			bench_check(store_begin(s, &cause), "begin", cause);
		bench_essay(d, fragment, text, i, &sd, &content, &plain, &url,
		    &title);
		bench_check(store_doc_put(s, &sd, NULL, &id, &cause), "put",
		    cause);
		snprintf(tag, sizeof tag, "tag%zu", i % BENCH_TAGS);
		tags[0] = tag;
		tags[1] = NULL;
		in.tags = tags;
		in.note = i % 10 == 0 ? "a note" : NULL;
		in.added = 1700000000 + (int64_t)i * 60;
		bench_check(store_bookmark_put(s, id, &in, NULL, &cause) < 0,
		    "bookmark", cause);
		free(url);
		free(title);
		if (i % 1000 == 999)
			bench_check(store_commit(s, &cause), "commit", cause);
	}
	buf_free(&content);
	buf_free(&plain);
	printf("%d essays kept and bookmarked in %.0f ms\n", BENCH_ESSAYS,
	    bench_now() - t0);
}

int
main(int argc, char **argv)
{
	static struct bench_runs	 r;
	static const char *const	 queries[] = {
		"zeppelin", "long take", "\"withheld cut\"", "lighth*",
		"Word4242",
	};
	struct store			*s;
	struct store_bookmark		*bv;
	struct store_hit		*hv;
	struct store_doc		 sd;
	struct fetch_opts		 fo;
	struct doc			*d, *built;
	struct stat			 st;
	char				 dir[] = "/tmp/reel-bench-bm.XXXXXX";
	char				*path, *fragment, *text, *cause = NULL;
	char				 what[96];
	size_t				 n, nh, i, q;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_bookmarks SAMPLE-ESSAY\n");
		return 2;
	}
	fetch_opts_default(&fo);
	bench_check(pipeline_load_fragment(argv[1], &fo, &d, &fragment,
	    &cause), argv[1], cause);
	text = NULL;
	{
		/* The plain text the library keeps: essay_put()'s. */
		struct store	*tmp;
		char		 tdir[] = "/tmp/reel-bench-bm0.XXXXXX";
		int64_t		 id;

		if (mkdtemp(tdir) == NULL)
			return 1;
		path = xprintf("%s/library.db", tdir);
		bench_check(store_open(path, 0, &tmp, &cause), path, cause);
		bench_check(essay_put(tmp, d, fragment, NULL, &id, &cause),
		    "essay_put", cause);
		bench_check(store_doc_get_id(tmp, id, &sd, &cause), "get",
		    cause);
		text = xstrdup(sd.text);
		store_doc_free(&sd);
		store_close(tmp);
		free(path);
		nftw(tdir, bench_rm, 16, FTW_DEPTH | FTW_PHYS);
	}
	if (mkdtemp(dir) == NULL)
		return 1;
	path = xprintf("%s/library.db", dir);
	bench_check(store_open(path, 0, &s, &cause), path, cause);
	bench_fill(s, d, fragment, text);
	store_close(s);

	/* Closed: the log is checkpointed into the file. */
	if (stat(path, &st) != 0)
		return 1;
	printf("library: %.1f MB, %.1f KB per essay (the sample's fragment "
	    "%zu bytes, text %zu)\n", st.st_size / 1048576.0,
	    st.st_size / 1024.0 / BENCH_ESSAYS, strlen(fragment),
	    strlen(text));

	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(&r);
		bench_check(store_open(path, 0, &s, &cause), path, cause);
		bench_check(store_bookmark_list(s, STORE_BM_ADDED, NULL, NULL,
		    &bv, &n, &cause), "list", cause);
		store_bookmarks_free(bv, n);
		store_close(s);
		bench_stop(&r);
	}
	bench_print("open, list 10,000 bookmarks, close", &r);

	bench_check(store_open(path, 0, &s, &cause), path, cause);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(&r);
		bench_check(store_bookmark_list(s, STORE_BM_TITLE, NULL, NULL,
		    &bv, &n, &cause), "list", cause);
		store_bookmarks_free(bv, n);
		bench_stop(&r);
	}
	bench_print("list 10,000 bookmarks by title", &r);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(&r);
		bench_check(store_bookmark_list(s, STORE_BM_ADDED, "tag7", NULL,
		    &bv, &n, &cause), "list", cause);
		store_bookmarks_free(bv, n);
		bench_stop(&r);
	}
	snprintf(what, sizeof what, "list those of one tag (%zu)", n);
	bench_print(what, &r);

	for (q = 0; q < nitems(queries); q++) {
		nh = 0;
		for (i = 0; i < BENCH_RUNS; i++) {
			bench_start(&r);
			bench_check(store_search(s, queries[q], BENCH_HITS,
			    &hv, &nh, &cause), "search", cause);
			store_hits_free(hv, nh);
			bench_stop(&r);
		}
		snprintf(what, sizeof what, "search %s (%zu shown)",
		    queries[q], nh);
		bench_print(what, &r);
	}

	bench_check(store_search(s, "zeppelin", 1, &hv, &nh, &cause),
	    "search", cause);
	for (i = 0; i < BENCH_RUNS && nh > 0; i++) {
		bench_start(&r);
		bench_check(store_doc_get_id(s, hv[0].doc, &sd, &cause) != 0,
		    "get", cause);
		if ((built = essay_doc(&sd, &cause)) == NULL)
			bench_check(-1, "essay_doc", cause);
		doc_free(built);
		store_doc_free(&sd);
		bench_stop(&r);
	}
	store_hits_free(hv, nh);
	bench_print("open a hit: read its copy, build the document", &r);
	store_close(s);

	free(path);
	free(fragment);
	free(text);
	doc_free(d);
	nftw(dir, bench_rm, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
