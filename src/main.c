/* main.c: locale and text domain, then the command line; libcurl is
 * started by fetch.c on the first URL, not here. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "cli.h"
#include "fetch.h"
#include "util.h"

int
main(int argc, char **argv)
{
	const char	*localedir;
	int		 rc;

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
