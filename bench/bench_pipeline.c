/* bench_pipeline.c: how long each stage of reel takes on the Readability
 * corpus, against the floor of a bare libxml2 parse of the same bytes. */
#include <config.h>

#include <sys/resource.h>
#include <sys/wait.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "charset.h"
#include "clean.h"
#include "doc.h"
#include "extract.h"
#include "extract_build.h"
#include "util.h"

#define BENCH_RUNS	7	/* per page; the median is kept */

enum {
	ST_FLOOR,
	ST_DECODE,
	ST_CLEAN,
	ST_PARSE,
	ST_EXTRACT,
	ST_BUILD,
	ST_TOTAL,
	ST_COUNT
};

/* clean: the pre-pass, tidy's parse and freeing tidy's tree; parse: the
 * libxml2 tree built from tidy's. */
static const char *const bench_names[ST_COUNT] = {
	"raw parse (floor)", "decode", "clean", "parse", "extract",
	"build document", "total"
};

/* libxml2 reports a page's encoding trouble even with NOERROR; the floor
 * parse must be as quiet as the pipeline. */
static void
bench_quiet(void *ctx, const char *fmt, ...)
{
}

static double
bench_now(void)
{
	struct timespec	ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		fatal("clock_gettime failed");
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One run of every stage over a page; times in ms into t. */
static void
bench_once(const char *data, size_t len, const char *url, double *t)
{
	struct clean	*c;
	struct extract	*e;
	struct doc	*d;
	xmlDocPtr	 tree;
	char		*utf8, *cause = NULL;
	size_t		 utf8len;
	double		 t0, t1;

	t0 = bench_now();
	tree = htmlReadMemory(data, (int)len, NULL, NULL, HTML_PARSE_RECOVER |
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	t[ST_FLOOR] = bench_now() - t0;
	if (tree == NULL)
		fatal("%s: htmlReadMemory failed", url);
	xmlFreeDoc(tree);

	t0 = bench_now();
	if (charset_decode(data, len, NULL, &utf8, &utf8len, &cause) != 0)
		fatal("%s: %s", url, cause);
	t1 = bench_now();
	t[ST_DECODE] = t1 - t0;
	if ((c = clean_repair(utf8, utf8len, &cause)) == NULL)
		fatal("%s: %s", url, cause);
	t[ST_CLEAN] = bench_now() - t1;
	t1 = bench_now();
	tree = clean_tree(c, &cause);
	t[ST_PARSE] = bench_now() - t1;
	if (tree == NULL)
		fatal("%s: %s", url, cause);
	/* Tidy's tree is freed before extracting, as clean_parse() does:
	 * the pipeline pays for it, and the floor has nothing like it. */
	t1 = bench_now();
	clean_free(c);
	t[ST_CLEAN] += bench_now() - t1;
	t1 = bench_now();
	e = extract_select(tree, url, &cause);
	t[ST_EXTRACT] = bench_now() - t1;
	t1 = bench_now();
	d = e != NULL ? extract_build(e) : NULL;
	t[ST_BUILD] = bench_now() - t1;
	t[ST_TOTAL] = bench_now() - t0;
	doc_free(d);
	extract_free(e);
	xmlFreeDoc(tree);
	free(utf8);
	free(cause);
}

/* Times a page in a child process, so its peak RSS is its own. The child
 * writes its medians down the pipe. */
static int
bench_page(const char *path, double *med, long *rss_kb)
{
	struct rusage	 ru;
	double		 runs[ST_COUNT][BENCH_RUNS], t[ST_COUNT];
	char		*data, *cause = NULL;
	size_t		 len;
	int		 fd[2], status, i, s;
	pid_t		 pid;

	if (pipe(fd) != 0)
		fatal("pipe failed");
	if ((pid = fork()) == -1)
		fatal("fork failed");
	if (pid == 0) {
		close(fd[0]);
		if (read_file(path, 64 << 20, &data, &len, &cause) != 0)
			fatal("%s", cause);
		for (i = 0; i < BENCH_RUNS; i++) {
			bench_once(data, len, path, t);
			for (s = 0; s < ST_COUNT; s++)
				runs[s][i] = t[s];
		}
		for (s = 0; s < ST_COUNT; s++)
			t[s] = bench_median(runs[s], BENCH_RUNS);
		if (write(fd[1], t, sizeof t) != (ssize_t)sizeof t)
			_exit(1);
		free(data);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], med, sizeof t) != (ssize_t)sizeof t)
		med[0] = -1;
	close(fd[0]);
	if (wait4(pid, &status, 0, &ru) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || med[0] < 0) {
		fprintf(stderr, "bench_pipeline: %s: failed\n", path);
		return -1;
	}
	*rss_kb = ru.ru_maxrss;
	return 0;
}

/* A page that nests as deep as the cleaner lets it: 250 <div>, each with
 * a paragraph of prose, about 45 KB. Extraction once cost the cube of
 * the depth here (6 s); printed so it stays in view. */
static void
bench_deep(void)
{
	struct buf	 b = BUF_INIT;
	double		 runs[5], t[ST_COUNT];
	int		 i;

	for (i = 0; i < 250; i++)
		buf_printf(&b, "<div><p>Part %d of a deep page: the camera "
		    "holds, the actors wait, and the scene, at last, goes on "
		    "without a cut, as the long take asks of it, again and "
		    "again, until the end.</p>", i);
	for (i = 0; i < 250; i++)
		buf_adds(&b, "</div>");
	for (i = 0; i < 5; i++) {
		bench_once(b.data, b.len, "deep.html", t);
		runs[i] = t[ST_TOTAL];
	}
	printf("  a page of 250 nested <div>, %zu KB: %.1f ms (median of 5)\n",
	    b.len / 1024, bench_median(runs, 5));
	buf_free(&b);
}

int
main(int argc, char **argv)
{
	struct dirent	 *de;
	DIR		 *dir;
	double		**per;	/* per[stage][page] */
	double		  med[ST_COUNT], sum[ST_COUNT], mean_total, mean_floor;
	char		 *path, *worst = NULL;
	long		  rss, max_rss = 0;
	size_t		  n = 0, cap = 256, s;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_pipeline CORPUS/readability\n");
		return 2;
	}
	if ((dir = opendir(argv[1])) == NULL) {
		fprintf(stderr, "bench_pipeline: %s: cannot open\n", argv[1]);
		return 1;
	}
	xmlSetGenericErrorFunc(NULL, bench_quiet);
	per = xcalloc(ST_COUNT, sizeof *per);
	for (s = 0; s < ST_COUNT; s++)
		per[s] = xcalloc(cap, sizeof **per);
	memset(sum, 0, sizeof sum);
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xprintf("%s/%s/source.html", argv[1], de->d_name);
		if (access(path, R_OK) != 0 ||
		    bench_page(path, med, &rss) != 0) {
			free(path);
			continue;
		}
		if (n == cap) {
			cap *= 2;
			for (s = 0; s < ST_COUNT; s++)
				per[s] = xreallocarray(per[s], cap,
				    sizeof **per);
		}
		for (s = 0; s < ST_COUNT; s++) {
			per[s][n] = med[s];
			sum[s] += med[s];
		}
		if (rss > max_rss) {
			max_rss = rss;
			free(worst);
			worst = xstrdup(de->d_name);
		}
		n++;
		free(path);
	}
	closedir(dir);
	if (n == 0) {
		fprintf(stderr, "bench_pipeline: no pages in %s\n", argv[1]);
		return 1;
	}
	printf("%zu pages, median of %d runs each; ms per page\n", n,
	    BENCH_RUNS);
	printf("  %-20s %8s %8s\n", "stage", "mean", "median");
	for (s = 0; s < ST_COUNT; s++)
		printf("  %-20s %8.3f %8.3f\n", bench_names[s],
		    sum[s] / (double)n, bench_median(per[s], n));
	mean_total = sum[ST_TOTAL] / (double)n;
	mean_floor = sum[ST_FLOOR] / (double)n;
	printf("  total / floor: %.2fx (mean), %.2fx (median)\n",
	    mean_total / mean_floor,
	    bench_median(per[ST_TOTAL], n) / bench_median(per[ST_FLOOR], n));
	printf("  peak RSS: %.1f MiB (%s, the largest of any page)\n",
	    (double)max_rss / 1024, worst);
	bench_deep();
	for (s = 0; s < ST_COUNT; s++)
		free(per[s]);
	free(per);
	free(worst);
	return 0;
}
