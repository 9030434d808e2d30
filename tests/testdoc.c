/* testdoc.c: the tests' document builder: blocks, spans and runs of words
 * from strings, through doc.c as the extractor builds them. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "sections.h"
#include "testdoc.h"
#include "util.h"

struct doc_block *
testdoc_block(struct doc *d, enum doc_block_type type, int level,
    const char *text)
{
	struct doc_block	*b = doc_begin(d, type, level);

	if (text != NULL)
		testdoc_text(d, text);
	return b;
}

void
testdoc_para(struct doc *d, const char *text)
{
	testdoc_block(d, DOC_PARAGRAPH, 0, text);
}

void
testdoc_span_para(struct doc *d, enum doc_span_type type, const char *url,
    const char *text)
{
	testdoc_para(d, NULL);
	testdoc_span(d, type, url, text);
}

void
testdoc_text(struct doc *d, const char *text)
{
	doc_text(d, text, strlen(text));
}

void
testdoc_span(struct doc *d, enum doc_span_type type, const char *url,
    const char *text)
{
	size_t	id;

	id = doc_span_begin(d, type, type == DOC_LINK ? doc_add_link(d, url) :
	    -1);
	testdoc_text(d, text);
	doc_span_end(d, id);
}

void
testdoc_words(struct doc *d, int n, const char *fmt, ...)
{
	va_list	 ap;
	char	*prefix, *word;
	int	 i;

	va_start(ap, fmt);
	prefix = xvprintf(fmt, ap);
	va_end(ap);
	for (i = 0; i < n; i++) {
		word = xprintf("%s%d ", prefix, i);
		testdoc_text(d, word);
		free(word);
	}
	free(prefix);
}

void
testdoc_sample_para(struct doc *d)
{
	testdoc_para(d, "Read ");
	testdoc_span(d, DOC_EM, NULL, "Ballerina");
	testdoc_text(d, " and ");
	testdoc_span(d, DOC_LINK, "https://example.org/wick", "John Wick");
	testdoc_text(d, " now.");
}

void
testdoc_finish(struct doc *d)
{
	doc_finish(d);
	sections_find(d);
}

struct doc *
testdoc_one(enum doc_block_type type, int level, const char *text)
{
	struct doc	*d = doc_new(NULL);

	testdoc_block(d, type, level, text);
	testdoc_finish(d);
	return d;
}
