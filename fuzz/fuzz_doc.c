/* fuzz_doc.c: libFuzzer target: the document builder driven by the
 * bytes (blocks, text, spans, links), then doc_finish() and the section
 * finder, then every dump format. The model stays whole (sections name
 * heading blocks in order, spans inside their text) and nothing
 * unclean comes out. Faster than fuzz_page: no tidy, no libxml2. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "render.h"
#include "sanitize.h"
#include "sections.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Words the section finder looks for, so that short inputs reach it. */
static const char *fuzz_doc_words[] = {
	"1. ", "2. ", "3) ", "IV. ", "XII ", "Part 3", "Part Three: ",
	"Chapter 2", "\xe4\xb8\x89\xe3\x80\x81", "\xe7\xac\xac\xe4\xb8\x89"
	"\xe7\xab\xa0", "Introduction", "Conclusion", "Epilogue", "?",
	"\n", " ", "The Hotel Ballroom Sequence", "\xd9\xa3. ", ": ",
	"\xe2\x80\x94 ", "word word word word word word word word word "
	"word word ",
};

struct fuzz_in {
	const uint8_t	*p;
	size_t		 left;
};

static unsigned int
fuzz_doc_byte(struct fuzz_in *in)
{
	if (in->left == 0)
		return 0;
	in->left--;
	return *in->p++;
}

static void
fuzz_doc_check(const struct doc *d)
{
	const struct doc_block	*b;
	size_t			 i, j;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->text == NULL || strlen(b->text) != b->len)
			abort();
		for (j = 0; j < b->nspans; j++) {
			if (b->spans[j].start > b->spans[j].end ||
			    b->spans[j].end > b->len)
				abort();
			if (j > 0 && b->spans[j].start < b->spans[j - 1].start)
				abort();
			if (b->spans[j].type == DOC_LINK &&
			    (b->spans[j].link < 0 ||
			    (size_t)b->spans[j].link >= d->nlinks))
				abort();
		}
	}
	for (i = 0; i < d->nsections; i++) {
		if (d->sections[i].block >= d->nblocks ||
		    d->blocks[d->sections[i].block].type != DOC_HEADING)
			abort();
		if (i > 0 && d->sections[i].block <= d->sections[i - 1].block)
			abort();
		if (d->sections[i].title == NULL)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct fuzz_in		 in = { data, len };
	struct doc		*d;
	struct doc_block	*b;
	size_t			 stack[16], nstack = 0, n;
	int			 cols, type, link;
	unsigned int		 op, x;

	cols = 8 + (int)(fuzz_doc_byte(&in) % 120);
	d = doc_new("https://example.org/essay");
	while (in.left > 0) {
		op = fuzz_doc_byte(&in);
		switch (op % 8) {
		case 0:
			type = (int)(fuzz_doc_byte(&in) % 8);
			x = fuzz_doc_byte(&in);
			b = doc_begin(d, (enum doc_block_type)type,
			    type == DOC_HEADING ? 1 + (int)(x % 6) :
			    type == DOC_LIST_ITEM ? 1 + (int)(x % 4) :
			    type == DOC_TABLE_ROW ? 1 + (int)(x % 2) : 0);
			b->quote = (int)((x >> 4) % 3);
			if (type == DOC_LIST_ITEM && (x & 0x80))
				b->number = (int)(x % 30);
			nstack = 0;
			break;
		case 1:
			n = fuzz_doc_byte(&in) % 80;
			if (n > in.left)
				n = in.left;
			doc_text(d, (const char *)in.p, n);
			in.p += n;
			in.left -= n;
			break;
		case 2:
			doc_break(d);
			break;
		case 3:
			if (d->open &&
			    d->blocks[d->nblocks - 1].type == DOC_TABLE_ROW)
				doc_cell(d);
			break;
		case 4:
			x = fuzz_doc_byte(&in) % 4;
			link = -1;
			if (x == DOC_LINK)
				link = doc_add_link(d, (op & 0x80) ?
				    "https://example.org/a" : "#note-1");
			if (nstack < nitems(stack))
				stack[nstack++] = doc_span_begin(d,
				    (enum doc_span_type)x, link);
			break;
		case 5:
			if (nstack > 0)
				doc_span_end(d, stack[--nstack]);
			break;
		case 6:
			doc_end(d);
			nstack = 0;
			break;
		case 7:
			x = fuzz_doc_byte(&in) % nitems(fuzz_doc_words);
			doc_text(d, fuzz_doc_words[x],
			    strlen(fuzz_doc_words[x]));
			break;
		}
	}
	doc_finish(d);
	sections_find(d);
	fuzz_doc_check(d);
	fuzz_render_all(d, cols);
	doc_free(d);
	return 0;
}
