/* main.c: locale and text domain, then the command line; libcurl is
 * started by fetch.c on the first URL, not here. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include <libxml/parser.h>

#include "cli.h"
#include "fetch.h"
#include "util.h"

int
main(int argc, char **argv)
{
	const char	*localedir;
	int		 rc;

#ifdef M_MMAP_THRESHOLD
	/* A long page's arrays (a document's blocks, a layout's lines)
	 * grow by realloc(): in mappings of their own they grow in place
	 * (mremap) and go back whole when freed. glibc raises its threshold
	 * past them once a large block is freed, and in the heap each copy
	 * to a larger block left a hole behind: a page of 200,000 short
	 * paragraphs peaked at 104 MB in the pager, 93 MB with the
	 * threshold fixed (issue 14). */
	(void)mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	/* REEL_LOCALEDIR lets an uninstalled build find its catalogues. */
	if ((localedir = getenv("REEL_LOCALEDIR")) == NULL || *localedir == '\0')
		localedir = LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	textdomain(PACKAGE);
#else
	(void)localedir;
#endif
	xmlInitParser();
	rc = cli_main(argc, argv);
	xmlCleanupParser();
	fetch_global_cleanup();
	return rc;
}
