/* keep_roundtrip.c: keeps each HTML file named in a library and builds
 * it again from the kept copy; the two documents' JSON dumps must be the
 * same bytes. For keep-corpus.test, over whole corpora. */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "essay.h"
#include "pipeline.h"
#include "render.h"
#include "store.h"
#include "util.h"

/* d's JSON dump, as reel dump -f json writes it. Allocated. */
static char *
json(const struct doc *d, size_t *len)
{
	FILE	*f;
	char	*s = NULL;

	if ((f = open_memstream(&s, len)) == NULL ||
	    render(f, d, RENDER_JSON, 80) != 0 || fclose(f) != 0)
		fatal("open_memstream: %s", strerror(errno));
	return s;
}

/* Prints the first line where a and b differ. */
static void
show_difference(const char *file, const char *a, const char *b)
{
	size_t		 i, line = 1;
	const char	*sa, *sb;

	for (i = 0; a[i] != '\0' && a[i] == b[i]; i++)
		if (a[i] == '\n')
			line++;
	for (sa = a + i; sa > a && sa[-1] != '\n'; sa--)
		;
	sb = b + (sa - a);
	printf("FAIL: %s: line %zu differs:\n  page: %.*s\n  kept: %.*s\n",
	    file, line, (int)strcspn(sa, "\n"), sa, (int)strcspn(sb, "\n"),
	    sb);
}

/* Keeps one page and builds it again: 0 when the dumps agree. */
static int
roundtrip(struct store *st, const char *file, size_t *sizes)
{
	struct store_doc	 sd;
	struct doc		*d, *kept;
	char			*data, *frag = NULL, *cause = NULL, *a, *b;
	size_t			 len, alen, blen;
	int64_t			 id;
	int			 rc = -1;

	if (read_file(file, 64 * 1024 * 1024, &data, &len, &cause) != 0) {
		printf("FAIL: %s\n", cause);
		free(cause);
		return -1;
	}
	d = pipeline_page_fragment(data, len, "text/html", NULL, file, &frag,
	    &cause);
	free(data);
	if (d == NULL) {
		printf("FAIL: %s\n", cause);
		free(cause);
		return -1;
	}
	sizes[0] += len;
	sizes[1] += strlen(frag);
	if (essay_put(st, d, &frag, NULL, &id, &cause) != 0 ||
	    store_doc_get_id(st, id, &sd, &cause) != 0) {
		printf("FAIL: %s: %s\n", file, cause);
		free(cause);
		goto out;
	}
	sizes[2] += strlen(sd.text);
	kept = essay_doc(&sd, &cause);
	store_doc_free(&sd);
	if (kept == NULL) {
		printf("FAIL: %s: %s\n", file, cause);
		free(cause);
		goto out;
	}
	a = json(d, &alen);
	b = json(kept, &blen);
	if (alen == blen && memcmp(a, b, alen) == 0)
		rc = 0;
	else
		show_difference(file, a, b);
	free(a);
	free(b);
	doc_free(kept);
out:
	free(frag);
	doc_free(d);
	return rc;
}

int
main(int argc, char **argv)
{
	struct store	*st;
	char		*cause = NULL;
	size_t		 sizes[3] = { 0, 0, 0 };
	int		 i, same = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: keep_roundtrip LIBRARY FILE...\n");
		return 2;
	}
	if (store_open(argv[1], 0, &st, &cause) != 0) {
		fprintf(stderr, "keep_roundtrip: %s\n", cause);
		free(cause);
		return 1;
	}
	for (i = 2; i < argc; i++)
		if (roundtrip(st, argv[i], sizes) == 0)
			same++;
	store_close(st);
	printf("%d of %d pages: the kept copy is the same document "
	    "(pages %zu bytes, fragments %zu, plain text %zu)\n", same,
	    argc - 2, sizes[0], sizes[1], sizes[2]);
	return same == argc - 2 ? 0 : 1;
}
