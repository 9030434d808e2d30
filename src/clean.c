/* clean.c: placeholder until the tidy-html5 cleaner lands. */
#include <config.h>

#include <stdlib.h>

#include <libxml/HTMLparser.h>

#include "clean.h"
#include "util.h"

struct clean {
	const char	*data;
	size_t		 len;
};

struct clean *
clean_repair(const char *s, size_t len, char **cause)
{
	struct clean	*c = xmalloc(sizeof *c);

	c->data = s;
	c->len = len;
	return c;
}

xmlDocPtr
clean_tree(struct clean *c, char **cause)
{
	xmlDocPtr	d;

	d = htmlReadMemory(c->data, (int)c->len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING);
	if (d == NULL)
		*cause = xstrdup(_("cannot parse the page"));
	return d;
}

void
clean_free(struct clean *c)
{
	free(c);
}

xmlDocPtr
clean_parse(const char *s, size_t len, char **cause)
{
	struct clean	*c;
	xmlDocPtr	 d;

	if ((c = clean_repair(s, len, cause)) == NULL)
		return NULL;
	d = clean_tree(c, cause);
	clean_free(c);
	return d;
}
