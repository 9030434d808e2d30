/* test_doc.c: the document model and its builder. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "sections.h"
#include "util.h"

static void
test_whitespace_collapses_across_nodes(void **state)
{
	struct doc	*d = doc_new("https://example.org/essay");

	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "  The   opening\n", 16);
	doc_text(d, "  attack ", 9);
	doc_text(d, "begins.  ", 9);
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, " \t\n ", 4);		/* only white space: dropped */
	doc_begin(d, DOC_PRE, 0);
	doc_text(d, "\nint  x;\n\tx++;\n\n", 16);
	doc_finish(d);
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[0].text, "The opening attack begins.");
	assert_int_equal(d->blocks[0].len, strlen(d->blocks[0].text));
	assert_string_equal(d->blocks[1].text, "int  x;\n\tx++;");
	assert_string_equal(d->url, "https://example.org/essay");
	doc_free(d);
}

static void
test_spans_and_links(void **state)
{
	struct doc	*d = doc_new(NULL);
	size_t		 em, a;
	int		 link;

	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "Read ", 5);
	em = doc_span_begin(d, DOC_EM, -1);
	doc_text(d, "Ballerina", 9);
	doc_span_end(d, em);
	doc_text(d, " and ", 5);
	link = doc_add_link(d, "https://example.org/wick");
	a = doc_span_begin(d, DOC_LINK, link);
	doc_text(d, " John  Wick ", 12);
	doc_span_end(d, a);
	doc_text(d, "now.", 4);
	doc_finish(d);

	assert_string_equal(d->blocks[0].text,
	    "Read Ballerina and John Wick now.");
	assert_int_equal(d->blocks[0].nspans, 2);
	assert_int_equal(d->blocks[0].spans[0].type, DOC_EM);
	assert_int_equal(d->blocks[0].spans[0].start, 5);
	assert_int_equal(d->blocks[0].spans[0].end, 14);
	assert_int_equal(d->blocks[0].spans[1].type, DOC_LINK);
	assert_int_equal(d->blocks[0].spans[1].link, 0);
	assert_int_equal(d->nlinks, 1);
	assert_string_equal(d->links[0].url, "https://example.org/wick");
	/* The link text is the words, without the collapsed spaces. */
	assert_string_equal(d->links[0].text, "John Wick");
	doc_free(d);
}

static void
test_breaks_and_cells(void **state)
{
	struct doc	*d = doc_new(NULL);

	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_break(d);			/* a leading break is dropped */
	doc_text(d, "line one ", 9);
	doc_break(d);
	doc_break(d);			/* repeated breaks collapse */
	doc_text(d, " line two", 9);
	doc_break(d);
	doc_begin(d, DOC_TABLE_ROW, 0);
	doc_text(d, "Film", 4);
	doc_cell(d);
	doc_text(d, " Year ", 6);
	doc_cell(d);
	doc_text(d, "2025", 4);
	doc_begin(d, DOC_RULE, 0);
	doc_finish(d);
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, "line one\nline two");
	assert_string_equal(d->blocks[1].text, "Film\tYear\t2025");
	assert_int_equal(d->blocks[2].type, DOC_RULE);
	assert_string_equal(d->blocks[2].text, "");
	doc_free(d);
}

static void
test_remote_text_is_sanitized(void **state)
{
	struct doc	*d = doc_new(NULL);
	size_t		 i, a;

	doc_set(&d->title, "  \x1b]0;owned\x07 Title\n ", (size_t)-1);
	doc_begin(d, DOC_PARAGRAPH, 0);
	a = doc_span_begin(d, DOC_LINK,
	    doc_add_link(d, "https://example.org/\x1b[31m"));
	doc_text(d, "x\x1b[2Jy\xc2\x9b", 8);
	doc_span_end(d, a);
	doc_finish(d);
	assert_string_equal(d->title, "\xe2\x90\x9b]0;owned\xe2\x90\x87 Title");
	assert_string_equal(d->blocks[0].text, "x\xe2\x90\x9b[2Jy\xef\xbf\xbd");
	assert_string_equal(d->links[0].url,
	    "https://example.org/\xe2\x90\x9b[31m");
	for (i = 0; i < d->blocks[0].len; i++)
		assert_true((unsigned char)d->blocks[0].text[i] >= 0x20);
	doc_set(&d->byline, "   ", 3);
	assert_null(d->byline);
	doc_free(d);
}

static void
test_sections_and_words(void **state)
{
	struct doc	*d = doc_new(NULL);

	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "Before any heading.", 19);
	doc_begin(d, DOC_HEADING, 2);
	doc_text(d, "The Opening Attack", 18);
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "Rooney's ballet-studio fight, in 2025.", 38);
	doc_begin(d, DOC_HEADING, 2);
	doc_text(d, "Conclusion", 10);
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "\xe6\x98\xa0\xe7\x94\xbb\xe3\x81\xa7\xe3\x81\x99", 12);
	doc_finish(d);
	/* Finding them is sections.c's, after the document is finished. */
	assert_int_equal(d->nsections, 0);
	sections_find(d);
	assert_int_equal(d->nsections, 2);
	assert_int_equal(d->sections[0].block, 1);
	assert_string_equal(d->sections[1].title, "Conclusion");
	assert_int_equal(doc_section_of(d, 0), -1);
	assert_int_equal(doc_section_of(d, 1), 0);
	assert_int_equal(doc_section_of(d, 2), 0);
	assert_int_equal(doc_section_of(d, 4), 1);
	/* 3 + 3 + 6 (ballet-studio is two, 2025 one) + 1 + 4 CJK. */
	assert_int_equal(doc_count_words("Rooney's ballet-studio fight, in "
	    "2025.", 38), 6);
	assert_int_equal(d->word_count, 3 + 3 + 6 + 1 + 4);
	doc_free(d);
}

/* A link over several blocks has a span in each, and their words as its
 * text; a link with no span left is not in the table, and the others are
 * numbered again. */
static void
test_links_across_blocks(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 orphan, card, after;
	size_t		 a;

	orphan = doc_add_link(d, "https://example.org/nothing");
	card = doc_add_link(d, "https://example.org/card");
	doc_begin(d, DOC_HEADING, 2);
	a = doc_span_begin(d, DOC_LINK, card);
	doc_text(d, "A card", 6);
	doc_span_end(d, a);
	doc_begin(d, DOC_PARAGRAPH, 0);
	a = doc_span_begin(d, DOC_LINK, card);
	doc_text(d, "about the film.", 15);
	doc_span_end(d, a);
	doc_begin(d, DOC_PARAGRAPH, 0);
	after = doc_add_link(d, "https://example.org/after");
	a = doc_span_begin(d, DOC_LINK, after);
	doc_text(d, "after", 5);
	doc_span_end(d, a);
	doc_finish(d);
	assert_int_equal(orphan, 0);
	assert_int_equal(d->nlinks, 2);
	assert_string_equal(d->links[0].url, "https://example.org/card");
	assert_string_equal(d->links[0].text, "A card about the film.");
	assert_string_equal(d->links[1].text, "after");
	assert_int_equal(d->blocks[0].spans[0].link, 0);
	assert_int_equal(d->blocks[1].spans[0].link, 0);
	assert_int_equal(d->blocks[2].spans[0].link, 1);
	doc_free(d);
}

/* A span is over words, not the spaces beside them; two of a kind side by
 * side are one. */
static void
test_span_edges(void **state)
{
	struct doc		*d = doc_new(NULL);
	const struct doc_block	*b;
	size_t			 a;

	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "on", 2);
	a = doc_span_begin(d, DOC_LINK, doc_add_link(d, "https://k.example"));
	doc_text(d, " Kotaku ", 8);
	doc_span_end(d, a);
	doc_text(d, "today, ", 7);
	a = doc_span_begin(d, DOC_EM, -1);
	doc_text(d, "Call Me b", 9);
	doc_span_end(d, a);
	a = doc_span_begin(d, DOC_EM, -1);
	doc_text(d, "y Your Name", 11);
	doc_span_end(d, a);
	doc_finish(d);
	b = &d->blocks[0];
	assert_string_equal(b->text, "on Kotaku today, Call Me by Your Name");
	assert_int_equal(b->nspans, 2);
	assert_int_equal(b->spans[0].start, 3);
	assert_int_equal(b->spans[0].end, 9);
	assert_string_equal(d->links[0].text, "Kotaku");
	assert_int_equal(b->spans[1].type, DOC_EM);
	assert_int_equal(b->spans[1].start, 17);
	assert_int_equal(b->spans[1].end, b->len);
	doc_free(d);
}

/* A new section is numbered 0 until its finder says otherwise. */
static void
test_add_section(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct doc_section	*s;

	s = doc_add_section(d, "IV", "The Ballroom", 2, 0);
	assert_ptr_equal(s, &d->sections[0]);
	assert_int_equal(s->number, 0);
	s->number = 4;
	assert_int_equal(d->sections[0].number, 4);
	doc_free(d);
}

/* The id of a span in a closed block ends nothing in the next one. */
static void
test_stale_span_id(void **state)
{
	struct doc	*d = doc_new(NULL);
	size_t		 old, em;

	doc_begin(d, DOC_PARAGRAPH, 0);
	old = doc_span_begin(d, DOC_STRONG, -1);
	doc_text(d, "first", 5);
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "a ", 2);
	em = doc_span_begin(d, DOC_EM, -1);
	doc_text(d, "word", 4);
	doc_span_end(d, em);
	doc_text(d, " and more", 9);
	doc_span_end(d, old);
	doc_finish(d);
	assert_int_equal(d->blocks[0].nspans, 0);	/* never ended: empty */
	assert_int_equal(d->blocks[1].nspans, 1);
	assert_int_equal(d->blocks[1].spans[0].type, DOC_EM);
	assert_int_equal(d->blocks[1].spans[0].end, 6);
	doc_free(d);
}

/* Anchors: where an id begins, kept through a split, found by a
 * fragment as written or percent-encoded. */
static void
test_anchors(void **state)
{
	struct doc			*d = doc_new(NULL);
	const struct doc_anchor		*a;

	(void)state;
	doc_add_anchor(d, "top");		/* before any block */
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "One two.", 8);
	doc_add_anchor(d, "ref1");		/* inside, after "One two." */
	doc_text(d, " Three", 6);
	doc_break(d);
	doc_text(d, "Four.", 5);
	doc_end(d);
	doc_add_anchor(d, "caf\xc3\xa9");	/* the next block */
	doc_add_anchor(d, "");			/* ignored */
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "Five.", 5);
	doc_add_anchor(d, "end");
	doc_finish(d);
	assert_int_equal(d->nanchors, 4);
	a = doc_anchor(d, "top");
	assert_non_null(a);
	assert_int_equal(a->block, 0);
	assert_int_equal(a->offset, 0);
	a = doc_anchor(d, "ref1");
	assert_int_equal(a->block, 0);
	assert_int_equal(a->offset, 8);
	a = doc_anchor(d, "caf%C3%A9");
	assert_non_null(a);
	assert_int_equal(a->block, 1);
	assert_ptr_equal(a, doc_anchor(d, "caf\xc3\xa9"));
	a = doc_anchor(d, "end");
	assert_int_equal(a->block, 1);
	assert_int_equal(a->offset, 5);
	assert_null(doc_anchor(d, "nowhere"));
	assert_null(doc_anchor(d, ""));
	assert_null(doc_anchor(d, NULL));
	/* A split moves what is after it. */
	doc_split_block(d, 0, 14);		/* at the '\n' of "Three\nFour." */
	assert_string_equal(d->blocks[1].text, "Four.");
	assert_int_equal(doc_anchor(d, "ref1")->block, 0);
	assert_int_equal(doc_anchor(d, "caf%C3%A9")->block, 2);
	doc_free(d);
}

/* The blocks' texts share the document's chunks (issue 14): many short
 * ones and long ones between them, each whole and apart, a split one
 * too. */
static void
test_texts_kept_together(void **state)
{
	struct doc	*d = doc_new(NULL);
	char		*big, want[32];
	size_t		 i, n = 5000, len = 100000;

	big = xmalloc(len);
	memset(big, 'x', len);
	for (i = 0; i < n; i++) {
		doc_begin(d, DOC_PARAGRAPH, 0);
		if (i % 1000 == 500)
			doc_text(d, big, len);
		else {
			snprintf(want, sizeof want, "Paragraph %zu.", i);
			doc_text(d, want, strlen(want));
		}
	}
	doc_finish(d);
	assert_int_equal(d->nblocks, n);
	for (i = 0; i < n; i++) {
		if (i % 1000 == 500) {
			assert_int_equal(d->blocks[i].len, len);
			assert_int_equal(strspn(d->blocks[i].text, "x"), len);
			continue;
		}
		snprintf(want, sizeof want, "Paragraph %zu.", i);
		assert_string_equal(d->blocks[i].text, want);
	}
	doc_split_block(d, 7, 9);
	assert_string_equal(d->blocks[7].text, "Paragraph");
	assert_string_equal(d->blocks[8].text, " 7.");
	assert_string_equal(d->blocks[9].text, "Paragraph 8.");
	free(big);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_whitespace_collapses_across_nodes),
		cmocka_unit_test(test_spans_and_links),
		cmocka_unit_test(test_breaks_and_cells),
		cmocka_unit_test(test_remote_text_is_sanitized),
		cmocka_unit_test(test_sections_and_words),
		cmocka_unit_test(test_links_across_blocks),
		cmocka_unit_test(test_span_edges),
		cmocka_unit_test(test_add_section),
		cmocka_unit_test(test_stale_span_id),
		cmocka_unit_test(test_anchors),
		cmocka_unit_test(test_texts_kept_together),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
