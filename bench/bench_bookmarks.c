/* bench_bookmarks.c: the bookmarks with 10,000 essays kept, in ms, on a
 * library in a temporary directory: the essays are variations of the
 * sample essay (its fragment and text, a paragraph of words of their own,
 * a title of their own), each bookmarked with a tag. Measured as the
 * bookmarks view and "reel search" do them: open the library and list
 * every bookmark; search a rare word, a common one and a prefix; open a
 * hit (read the kept copy and build its document). Then as the
 * library's bookmarks view does them on an 80x24 screen (off-screen):
 * open the view (its rows built and drawn), search a word (the best
 * hits, as many as the view shows, drawn), open a hit (the kept copy in the pager on its first
 * match, drawn). Prints the figures and the library's size per essay;
 * never fails on time. */
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
#include "layout.h"
#include "marks.h"
#include "pager.h"
#include "pipeline.h"
#include "store.h"
#include "term.h"
#include "util.h"

#include "benchtime.h"
#include "view_bookmarks.h"
#include "view_pager.h"

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

/* The bookmarks view on an off-screen 80x24 screen, as the library runs
 * it: opened (the library, its bookmarks and tags, the rows drawn), a
 * word searched (the hits the view shows, drawn), a hit opened in the pager on
 * its first match (drawn). */
static void
bench_screen(const char *path, struct bench_runs *r)
{
	struct term_offscreen	*o;
	struct view_bookmarks	*v;
	struct store		*s;
	struct store_bookmark	*bv;
	struct store_tag	*tv;
	struct store_hit	*hv;
	struct pager_opts	 po;
	struct pager		*p;
	struct essay		 e;
	char			*cause = NULL, *pattern, what[96];
	size_t			 n, nt, i;
	int64_t			 hit = 0;

	if ((o = term_offscreen_new(80, 24)) == NULL) {
		fprintf(stderr, "bench_bookmarks: no off-screen screen\n");
		exit(1);
	}
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_open(path, 0, &s, &cause), path, cause);
		v = view_bookmarks_new(VIEW_BM_MARKS);
		bench_check(store_bookmark_list(s, STORE_BM_ADDED, NULL, NULL,
		    &bv, &n, &cause), "list", cause);
		view_bookmarks_set_marks(v, bv, n);
		bench_check(store_tags(s, &tv, &nt, &cause), "tags", cause);
		view_bookmarks_set_tags(v, tv, nt);
		view_bookmarks_draw(v, NULL, 0);
		view_bookmarks_free(v);
		store_close(s);
		bench_stop(r);
	}
	snprintf(what, sizeof what, "view: open the bookmarks view (%zu "
	    "rows)", n);
	bench_print(what, r);

	bench_check(store_open(path, 0, &s, &cause), path, cause);
	v = view_bookmarks_new(VIEW_BM_SEARCH);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_search(s, "zeppelin", VIEW_BM_HITS, &hv,
		    &n, &cause), "search", cause);
		view_bookmarks_set_hits(v, hv, n);
		view_bookmarks_draw(v, NULL, 0);
		bench_stop(r);
	}
	snprintf(what, sizeof what, "view: search zeppelin (%zu shown)", n);
	bench_print(what, r);
	if ((hit = view_bookmarks_doc(v)) == 0) {
		fprintf(stderr, "bench_bookmarks: zeppelin found nothing\n");
		exit(1);
	}
	view_bookmarks_free(v);

	memset(&po, 0, sizeof po);
	po.flags = LAYOUT_CENTRE;
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(essay_open_kept(s, NULL, hit, &e, &cause), "open",
		    cause);
		p = pager_new(e.doc, 80, 24, &po);
		e.doc = NULL;
		pattern = marks_pattern("zeppelin");
		if (pager_find(p, pattern) != 0) {
			fprintf(stderr, "bench_bookmarks: no match\n");
			exit(1);
		}
		view_pager_draw(p);
		free(pattern);
		pager_free(p);
		essay_free(&e);
		bench_stop(r);
	}
	bench_print("view: open a hit in the pager on its first match", r);
	store_close(s);
	term_offscreen_free(o);
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

	bench_screen(path, &r);

	free(path);
	free(fragment);
	free(text);
	doc_free(d);
	nftw(dir, bench_rm, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
