/* bench_store.c: how fast the library is, in ms, on a file in a temporary
 * directory: 200 feeds of 50 items merged one feed per transaction (a
 * refresh), what the views load (feeds with their counts, all 10,000
 * items, one feed's items), opening with and without PRAGMA quick_check,
 * and searching essays made of the Readability corpus's texts. Prints
 * figures; never fails on time. */
#include <config.h>

#include <sys/stat.h>

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"
#include "util.h"

#include "benchtime.h"

#define BENCH_RUNS	20
#define BENCH_FEEDS	200
#define BENCH_ITEMS	50
#define BENCH_DOCS	1000	/* essays: the corpus's texts over again */
#define BENCH_SUMMARY	1200	/* bytes of text in an item's summary */

static void
bench_check(int rc, const char *what, char *cause)
{
	if (rc != 0)
		fatal("%s: %s", what, cause);
}

/* One page of the corpus: its text and its content fragment. */
struct bench_page {
	char	*text;
	char	*html;
	size_t	 len;
};

static struct bench_page *
bench_corpus(const char *dir, size_t *np)
{
	struct bench_page	*v = NULL, *p;
	struct dirent		*de;
	DIR			*d;
	char			*path, *cause = NULL;
	size_t			 n = 0, cap = 0, len;

	if ((d = opendir(dir)) == NULL)
		fatal("%s: cannot open (configure --with-corpus)", dir);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		p = &v[n];
		path = xprintf("%s/%s/expected.txt", dir, de->d_name);
		if (read_file(path, 1 << 24, &p->text, &p->len, &cause) != 0) {
			free(cause);
			free(path);
			continue;
		}
		free(path);
		path = xprintf("%s/%s/expected.html", dir, de->d_name);
		bench_check(read_file(path, 1 << 24, &p->html, &len, &cause),
		    path, cause);
		free(path);
		if (p->len > 0)
			n++;
		else {
			free(p->text);
			free(p->html);
		}
	}
	closedir(d);
	if (n == 0)
		fatal("%s: no expected.txt", dir);
	*np = n;
	return v;
}

static int
bench_rm(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	return remove(path);
}

/* The items of feed f, the same each time; bench_batch_free() frees
 * what strs holds. */
static void
bench_batch(size_t f, const struct bench_page *pages, size_t npages,
    struct store_item_in *in, char *strs[][3])
{
	const struct bench_page	*p;
	size_t			 i, k, off;

	memset(in, 0, BENCH_ITEMS * sizeof *in);
	for (i = 0; i < BENCH_ITEMS; i++) {
		k = f * BENCH_ITEMS + i;
		p = &pages[k % npages];
		off = p->len > BENCH_SUMMARY ? (k * 37) %
		    (p->len - BENCH_SUMMARY) : 0;
		strs[i][0] = xprintf("https://feeds%zu.example/%zu", f, i);
		strs[i][1] = xprintf("Item %zu of feed %zu", i, f);
		strs[i][2] = xstrndup(p->text + off, BENCH_SUMMARY);
		in[i].guid = strs[i][0];
		in[i].link = strs[i][0];
		in[i].title = strs[i][1];
		in[i].summary = strs[i][2];
		in[i].authors = "A. Writer";
		in[i].published = 1700000000 + (int64_t)(k * 3600);
	}
}

static void
bench_batch_free(char *strs[][3])
{
	size_t	i;

	for (i = 0; i < BENCH_ITEMS; i++) {
		free(strs[i][0]);
		free(strs[i][1]);
		free(strs[i][2]);
	}
}

/* 200 feeds, each refreshed once: 50 items in one transaction. */
static void
bench_fill(struct store *s, const struct bench_page *pages, size_t npages,
    struct bench_runs *r)
{
	struct store_item_in	 in[BENCH_ITEMS];
	struct store_merged	 m = { 0, 0 };
	char			*cause = NULL, *url, *strs[BENCH_ITEMS][3];
	double			 all;
	int64_t			 id;
	size_t			 f;

	all = bench_now();
	for (f = 0; f < BENCH_FEEDS; f++) {
		url = xprintf("https://feeds%zu.example/rss", f);
		bench_check(store_feed_add(s, url, NULL, NULL, &id, &cause),
		    url, cause);
		free(url);
		bench_batch(f, pages, npages, in, strs);
		bench_start(r);
		bench_check(store_begin(s, &cause), "begin", cause);
		bench_check(store_merge(s, id, in, BENCH_ITEMS, &m, &cause),
		    "merge", cause);
		bench_check(store_commit(s, &cause), "commit", cause);
		bench_stop(r);
		bench_batch_free(strs);
	}
	all = bench_now() - all;
	printf("%d feeds x %d items: %zu new, %.0f ms in all\n",
	    BENCH_FEEDS, BENCH_ITEMS, m.added, all);
	bench_print("merge 50 new items (a transaction)", r);

	/* The same again: every item known and unchanged. */
	memset(&m, 0, sizeof m);
	for (f = 0; f < BENCH_FEEDS; f++) {
		bench_batch(f, pages, npages, in, strs);
		bench_start(r);
		bench_check(store_merge(s, (int64_t)f + 1, in, BENCH_ITEMS, &m,
		    &cause), "merge", cause);
		bench_stop(r);
		bench_batch_free(strs);
	}
	if (m.added != 0 || m.updated != 0)
		fatal("merged again: %zu new, %zu changed", m.added,
		    m.updated);
	bench_print("merge 50 known items", r);
}

static void
bench_views(struct store *s, struct bench_runs *r)
{
	struct store_feed	*fv;
	struct store_item	*iv;
	char			*cause = NULL;
	size_t			 i, n, unread;

	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_feed_list(s, 0, &fv, &n, &cause), "feeds",
		    cause);
		bench_stop(r);
		store_feeds_free(fv, n);
	}
	bench_print("list 200 feeds with counts", r);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_item_list(s, 0, 0, &iv, &n, &cause), "items",
		    cause);
		bench_stop(r);
		store_items_free(iv, n);
	}
	bench_print("list all 10,000 items", r);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_item_list(s, (int64_t)i + 1, STORE_UNREAD,
		    &iv, &n, &cause), "items", cause);
		bench_stop(r);
		store_items_free(iv, n);
	}
	bench_print("list one feed's unread items", r);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_unread(s, 0, &unread, &cause), "unread",
		    cause);
		bench_stop(r);
	}
	bench_print("count the unread", r);
}

static void
bench_open(const char *path, struct bench_runs *r)
{
	struct store		*s;
	struct store_item	*iv;
	struct stat		 st;
	char			*cause = NULL;
	size_t			 i, n;

	if (stat(path, &st) != 0)
		fatal("%s: gone", path);
	printf("a library of %.1f MB:\n", st.st_size / 1048576.0);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_open(path, 0, &s, &cause), path, cause);
		bench_stop(r);
		store_close(s);
	}
	bench_print("open", r);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_open(path, STORE_CHECK, &s, &cause), path,
		    cause);
		bench_stop(r);
		store_close(s);
	}
	bench_print("open with PRAGMA quick_check", r);
	for (i = 0; i < BENCH_RUNS; i++) {
		bench_start(r);
		bench_check(store_open(path, 0, &s, &cause), path, cause);
		bench_check(store_item_list(s, 0, 0, &iv, &n, &cause), "items",
		    cause);
		store_items_free(iv, n);
		store_close(s);
		bench_stop(r);
	}
	bench_print("open, list all items, close", r);
}

static void
bench_search(struct store *s, const struct bench_page *pages, size_t npages,
    struct bench_runs *r)
{
	static const char *const queries[] = {
		"government", "the", "cinem*", "\"in the end\"", "zebra",
	};
	struct store_doc	 d;
	struct store_hit	*hv;
	char			*cause = NULL, *url, what[64];
	size_t			 i, j, n, bytes = 0;

	for (i = 0; i < BENCH_DOCS; i++) {
		memset(&d, 0, sizeof d);
		url = xprintf("https://essays.example/%zu", i);
		d.url = url;
		d.title = url;
		d.text = pages[i % npages].text;
		d.content = pages[i % npages].html;
		bytes += pages[i % npages].len;
		bench_start(r);
		bench_check(store_doc_put(s, &d, NULL, NULL, &cause), url,
		    cause);
		bench_stop(r);
		free(url);
	}
	printf("%d essays, %.1f MB of text:\n", BENCH_DOCS,
	    bytes / 1048576.0);
	bench_print("put an essay", r);
	for (i = 0; i < nitems(queries); i++) {
		for (j = 0; j < BENCH_RUNS; j++) {
			bench_start(r);
			bench_check(store_search(s, queries[i], 50, &hv, &n,
			    &cause), queries[i], cause);
			bench_stop(r);
			store_hits_free(hv, n);
		}
		snprintf(what, sizeof what, "search %s (%zu hits)", queries[i],
		    n);
		bench_print(what, r);
	}
}

int
main(int argc, char **argv)
{
	static struct bench_runs runs;
	struct bench_page	*pages;
	struct store		*s;
	char			 dir[] = "/tmp/reel-bench-store.XXXXXX";
	char			*path, *cause = NULL;
	size_t			 npages, i;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_store CORPUS/readability\n");
		return 2;
	}
	pages = bench_corpus(argv[1], &npages);
	if (mkdtemp(dir) == NULL)
		fatal("%s: cannot make", dir);
	path = xprintf("%s/library.db", dir);
	bench_check(store_open(path, 0, &s, &cause), path, cause);
	bench_fill(s, pages, npages, &runs);
	bench_views(s, &runs);
	store_close(s);
	bench_open(path, &runs);

	bench_check(store_open(path, 0, &s, &cause), path, cause);
	bench_search(s, pages, npages, &runs);
	store_close(s);
	bench_open(path, &runs);

	if (nftw(dir, bench_rm, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fatal("%s: cannot remove", dir);
	for (i = 0; i < npages; i++) {
		free(pages[i].text);
		free(pages[i].html);
	}
	free(pages);
	free(path);
	return 0;
}
