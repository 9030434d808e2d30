/* clean.c: placeholder until the tidy-html5 cleaner lands. */
#include <config.h>

#include <libxml/HTMLparser.h>

#include "clean.h"
#include "util.h"

xmlDocPtr
clean_parse(const char *s, size_t len, char **cause)
{
	xmlDocPtr	d;

	d = htmlReadMemory(s, (int)len, NULL, "UTF-8", HTML_PARSE_RECOVER |
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (d == NULL)
		*cause = xstrdup(_("cannot parse the page"));
	return d;
}
