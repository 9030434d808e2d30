/* sections_dump.c: prints the sections reel finds in a page, one
 * "label<TAB>title" line each ("-" for no label), for sections.test. It
 * loads the page through the whole pipeline, as reel does. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "doc.h"
#include "fetch.h"
#include "pipeline.h"
#include "util.h"

int
main(int argc, char **argv)
{
	struct fetch_opts	 fo;
	struct doc		*d;
	char			*cause = NULL;
	size_t			 i;
	int			 rc;

	if (argc != 2) {
		fprintf(stderr, "usage: sections_dump FILE\n");
		return REEL_EXIT_USAGE;
	}
	fetch_opts_default(&fo);
	if ((rc = pipeline_load(argv[1], &fo, &d, &cause)) != 0) {
		fprintf(stderr, "sections_dump: %s\n", cause);
		free(cause);
		return rc;
	}
	for (i = 0; i < d->nsections; i++) {
		printf("%s\t%s\n", d->sections[i].label != NULL ?
		    d->sections[i].label : "-", d->sections[i].title);
	}
	doc_free(d);
	return fflush(stdout) == 0 ? 0 : REEL_EXIT_FAILURE;
}
