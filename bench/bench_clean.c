/* bench_clean.c: the cost of cleaning a page, stage by stage, over the
 * Readability corpus: libxml2's own HTML parser on the raw page (the
 * floor), the pre-pass, tidy's repair, and the libxml2 tree built from
 * tidy's; and, for comparison, the path not taken: tidy's XHTML saved and
 * read back. */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#ifdef HAVE_TIDY_H
#include <tidy.h>
#include <tidybuffio.h>
#else
#include <tidy/tidy.h>
#include <tidy/tidybuffio.h>
#endif

#include "clean.h"
#include "util.h"

#define RUNS	5

enum { RAW, STRIP, REPAIR, TREE, SAVE, REREAD, NSTAGES };

static const char *stage_names[NSTAGES] = {
	"libxml2 HTML parser, raw page (floor)",
	"clean_strip: the pre-pass alone",
	"clean_repair: pre-pass and tidy's parse",
	"clean_tree: libxml2 tree from tidy's",
	"not taken: tidy saves XHTML",
	"not taken: libxml2 reads it back",
};

static double
now(void)
{
	struct timespec	ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		fatal("clock_gettime failed");
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
double_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The XHTML path, for comparison: tidy's serializer and an XML parse of
 * its output, with tidy's defaults as a plain XHTML cleaner has them. It
 * is given the page after the pre-pass, as clean_repair() gives tidy. */
static void
bench_xhtml(const char *html, size_t len, double *save, double *reread,
    int *illformed)
{
	TidyDoc		tdoc = tidyCreate();
	TidyBuffer	out, in;
	xmlDocPtr	d;
	double		t;
	char		*stripped;

	if (tdoc == NULL)
		fatal("tidyCreate failed");
	if (!tidyOptSetBool(tdoc, TidyXhtmlOut, yes) ||
	    !tidyOptSetBool(tdoc, TidyForceOutput, yes) ||
	    !tidyOptSetBool(tdoc, TidyShowWarnings, no) ||
	    !tidyOptSetInt(tdoc, TidyShowErrors, 0) ||
	    !tidyOptSetBool(tdoc, TidyQuiet, yes) ||
	    !tidyOptSetBool(tdoc, TidyNumEntities, yes) ||
	    !tidyOptSetInt(tdoc, TidyWrapLen, 0) ||
	    tidySetCharEncoding(tdoc, "utf8") != 0)
		fatal("cannot set tidy's options");
	tidyBufInit(&in);
	tidyBufInit(&out);
	stripped = clean_strip(html, len, &len);
	tidyBufAppend(&in, stripped, (uint)len);
	free(stripped);
	if (tidyParseBuffer(tdoc, &in) < 0 || tidyCleanAndRepair(tdoc) < 0)
		fatal("tidy failed");
	t = now();
	if (tidySaveBuffer(tdoc, &out) < 0)
		fatal("tidySaveBuffer failed");
	*save = now() - t;
	t = now();
	d = xmlReadMemory((const char *)out.bp, (int)out.size, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	*illformed = d == NULL;
	if (d == NULL && (d = xmlReadMemory((const char *)out.bp,
	    (int)out.size, NULL, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_RECOVER)) == NULL)
		fatal("libxml2 cannot read tidy's XHTML");
	*reread = now() - t;
	xmlFreeDoc(d);
	tidyBufFree(&in);
	tidyBufFree(&out);
	tidyRelease(tdoc);
}

int
main(int argc, char **argv)
{
	const char	*dir;
	char		*path, *html, *stripped, *cause = NULL;
	DIR		*dp;
	struct dirent	*de;
	struct stat	 sb;
	struct clean	*c;
	xmlDocPtr	 d;
	double		*times[NSTAGES], best[NSTAGES], t, sum, save, reread;
	size_t		 len, slen, n = 0, cap = 0, i, bytes = 0;
	int		 run, s, illformed, nill = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_clean CORPUS/readability\n");
		return 2;
	}
	dir = argv[1];
	if ((dp = opendir(dir)) == NULL)
		fatal("%s: cannot open", dir);
	for (s = 0; s < NSTAGES; s++)
		times[s] = NULL;
	while ((de = readdir(dp)) != NULL) {
		path = xprintf("%s/%s/source.html", dir, de->d_name);
		if (de->d_name[0] == '.' || stat(path, &sb) != 0) {
			free(path);
			continue;
		}
		if (read_file(path, (size_t)1 << 30, &html, &len, &cause) != 0)
			fatal("%s", cause);
		bytes += len;
		/* Each stage's best of RUNS: the page's cost without the
		 * noise of a shared machine. */
		for (s = 0; s < NSTAGES; s++)
			best[s] = 1e9;
		for (run = 0; run < RUNS; run++) {
			t = now();
			if ((d = htmlReadMemory(html, (int)len, NULL,
			    "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NONET |
			    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)) == NULL)
				fatal("%s: libxml2 cannot parse it", path);
			if ((t = now() - t) < best[RAW])
				best[RAW] = t;
			xmlFreeDoc(d);

			t = now();
			stripped = clean_strip(html, len, &slen);
			if ((t = now() - t) < best[STRIP])
				best[STRIP] = t;
			free(stripped);

			t = now();
			if ((c = clean_repair(html, len, &cause)) == NULL)
				fatal("%s: %s", path, cause);
			if ((t = now() - t) < best[REPAIR])
				best[REPAIR] = t;
			t = now();
			if ((d = clean_tree(c, &cause)) == NULL)
				fatal("%s: %s", path, cause);
			if ((t = now() - t) < best[TREE])
				best[TREE] = t;
			xmlFreeDoc(d);
			clean_free(c);

			bench_xhtml(html, len, &save, &reread, &illformed);
			if (save < best[SAVE])
				best[SAVE] = save;
			if (reread < best[REREAD])
				best[REREAD] = reread;
		}
		nill += illformed;
		if (n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			for (s = 0; s < NSTAGES; s++)
				times[s] = xreallocarray(times[s], cap,
				    sizeof *times[s]);
		}
		for (s = 0; s < NSTAGES; s++)
			times[s][n] = best[s];
		n++;
		free(html);
		free(path);
	}
	closedir(dp);
	if (n == 0)
		fatal("%s: no pages", dir);
	printf("bench_clean: %zu pages, %.1f KiB mean, best of %d runs\n",
	    n, (double)bytes / 1024 / (double)n, RUNS);
	printf("%-42s %9s %9s\n", "ms per page", "mean", "median");
	for (s = 0; s < NSTAGES; s++) {
		for (sum = 0, i = 0; i < n; i++)
			sum += times[s][i];
		qsort(times[s], n, sizeof *times[s], double_cmp);
		printf("%-42s %9.3f %9.3f\n", stage_names[s], sum / (double)n,
		    n % 2 ? times[s][n / 2] :
		    (times[s][n / 2 - 1] + times[s][n / 2]) / 2);
		free(times[s]);
	}
	printf("tidy's XHTML not well-formed on %d of %zu pages\n", nill, n);
	return 0;
}
