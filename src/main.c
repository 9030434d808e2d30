/* main.c: locale and text domain, then the command line. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>

#include <curl/curl.h>
#include <libxml/parser.h>

#include "cli.h"
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
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		fatal(_("cannot initialise libcurl"));
	xmlInitParser();
	rc = cli_main(argc, argv);
	xmlCleanupParser();
	curl_global_cleanup();
	return rc;
}
