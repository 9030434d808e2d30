/* extract.c: placeholder until the extractor lands: all text of <body>. */
#include <config.h>

#include <string.h>

#include "doc.h"
#include "extract.h"
#include "util.h"

static void
extract_walk(struct doc *d, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			doc_text(d, (const char *)n->content,
			    strlen((const char *)n->content));
		else if (n->type == XML_ELEMENT_NODE) {
			if (strcmp((const char *)n->name, "script") == 0 ||
			    strcmp((const char *)n->name, "style") == 0)
				continue;
			if (strcmp((const char *)n->name, "p") == 0)
				doc_begin(d, DOC_PARAGRAPH, 0);
			else if (n->name[0] == 'h' && n->name[1] >= '1' &&
			    n->name[1] <= '6' && n->name[2] == '\0')
				doc_begin(d, DOC_HEADING, n->name[1] - '0');
			extract_walk(d, n->children);
		}
	}
}

struct doc *
extract(xmlDocPtr tree, const char *url, char **cause)
{
	struct doc	*d = doc_new(url);

	extract_walk(d, xmlDocGetRootElement(tree));
	doc_finish(d);
	return d;
}
