/* test_sections.c: an essay's sections, from documents built with the real
 * doc builder: headings and their labels, numbered paragraphs that are
 * part titles, and the numbered lines that are not. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "sections.h"
#include "testdoc.h"
#include "util.h"

/* Body text long enough to read as prose. */
#define BODY	"The scene is staged in one unbroken take, and the camera " \
		"follows her through the room as the music swells."

/* Where a paragraph that is one link leads. */
#define REVIEW	"https://example.org/review"

/* Checks section i: label (NULL for none), title and heading block. */
static void
check_section(const struct doc *d, size_t i, const char *label,
    const char *title)
{
	const struct doc_section	*s;

	assert_true(i < d->nsections);
	s = &d->sections[i];
	if (label == NULL)
		assert_null(s->label);
	else {
		assert_non_null(s->label);
		assert_string_equal(s->label, label);
	}
	assert_string_equal(s->title, title);
	assert_true(s->block < d->nblocks);
	assert_int_equal(d->blocks[s->block].type, DOC_HEADING);
	assert_int_equal(d->blocks[s->block].level, s->level);
}

static void
test_heading_labels(void **state)
{
	static const struct {
		const char	*text, *label, *title;
	} cases[] = {
		{ "3. The Hotel Ballroom Sequence: Controlled Mayhem", "3",
		  "The Hotel Ballroom Sequence: Controlled Mayhem" },
		{ "3) The Warehouse", "3", "The Warehouse" },
		{ "12. Twelve", "12", "Twelve" },
		{ "IV. The Return", "IV", "The Return" },
		{ "XIV) Late", "XIV", "Late" },
		{ "Part 3: The Setup", "Part 3", "The Setup" },
		{ "Part Two - Arrival", "Part Two", "Arrival" },
		{ "Chapter 2 \xe2\x80\x94 The Return", "Chapter 2",
		  "The Return" },
		{ "Act IV: Noon", "Act IV", "Noon" },
		{ "Step 4. Water the moss", "Step 4", "Water the moss" },
		{ "7 \xe2\x80\x93 The Long Goodbye", "7", "The Long Goodbye" },
		/* No label: the whole text is the title. */
		{ "Conclusion: A Redefinition of Action Cinema", NULL,
		  "Conclusion: A Redefinition of Action Cinema" },
		{ "Introduction", NULL, "Introduction" },
		{ "2001: A Space Odyssey", NULL, "2001: A Space Odyssey" },
		{ "10 Cloverfield Lane", NULL, "10 Cloverfield Lane" },
		{ "1.5 Stars Is Too Many", NULL, "1.5 Stars Is Too Many" },
		{ "1917 and the Single Shot", NULL,
		  "1917 and the Single Shot" },
		{ "I Am Legend", NULL, "I Am Legend" },
		{ "X-Men: Days of Future Past", NULL,
		  "X-Men: Days of Future Past" },
		{ "C. Auguste Dupin on Screen", NULL,
		  "C. Auguste Dupin on Screen" },
		{ "IIII. Not a numeral", NULL, "IIII. Not a numeral" },
		{ "Part of the Problem", NULL, "Part of the Problem" },
		/* A label alone has no title. */
		{ "Part 3", "Part 3", "" },
		{ "Chapter Two", "Chapter Two", "" },
		{ "3.", "3", "" },
		{ "IV.", "IV", "" },
		/* A bare number is a label only in a run: alone, it may be
		 * a film's name. */
		{ "300", NULL, "300" },
		{ "X", NULL, "X" },
		/* CJK and Arabic numbering keep the essay's own label. */
		/* 第三章 开端 */
		{ "\xe7\xac\xac\xe4\xb8\x89\xe7\xab\xa0 \xe5\xbc\x80\xe7\xab"
		  "\xaf", "\xe7\xac\xac\xe4\xb8\x89\xe7\xab\xa0",
		  "\xe5\xbc\x80\xe7\xab\xaf" },
		/* 十二、雨 */
		{ "\xe5\x8d\x81\xe4\xba\x8c\xe3\x80\x81\xe9\x9b\xa8",
		  "\xe5\x8d\x81\xe4\xba\x8c", "\xe9\x9b\xa8" },
		/* 3、雨 */
		{ "3\xe3\x80\x81\xe9\x9b\xa8", "3", "\xe9\x9b\xa8" },
		/* ٢. الضوء */
		{ "\xd9\xa2. \xd8\xa7\xd9\x84\xd8\xb6\xd9\x88\xd8\xa1",
		  "\xd9\xa2", "\xd8\xa7\xd9\x84\xd8\xb6\xd9\x88\xd8\xa1" },
	};
	struct doc	*d;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		d = doc_new(NULL);
		testdoc_block(d, DOC_HEADING, 2, cases[i].text);
		doc_finish(d);
		sections_find(d);
		assert_int_equal(d->nsections, 1);
		check_section(d, 0, cases[i].label, cases[i].title);
		doc_free(d);
	}
}

/* A section carries the value of its label, which the pager calls it by:
 * digits in any script, Roman numerals, number words, CJK numerals. */
static void
test_section_numbers(void **state)
{
	static const struct {
		const char	*text;
		long		 number;
	} cases[] = {
		{ "3. The Hotel", 3 },
		{ "12) Twelve", 12 },
		{ "IV. The Return", 4 },
		{ "XXXIX. Last", 39 },
		{ "Part Three: The Setup", 3 },
		{ "Act IV: Noon", 4 },
		{ "Chapter 2 \xe2\x80\x94 The Return", 2 },
		/* 第十二章 开端 */
		{ "\xe7\xac\xac\xe5\x8d\x81\xe4\xba\x8c\xe7\xab\xa0 \xe5\xbc"
		  "\x80\xe7\xab\xaf", 12 },
		/* ٢. الضوء */
		{ "\xd9\xa2. \xd8\xa7\xd9\x84\xd8\xb6\xd9\x88\xd8\xa1", 2 },
		{ "Introduction", 0 },
		{ "Part 3", 3 },
		{ "3.", 3 },
		{ "42", 0 },
		{ "IIII. Not a numeral", 0 },
	};
	struct doc	*d;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		d = doc_new(NULL);
		testdoc_block(d, DOC_HEADING, 2, cases[i].text);
		doc_finish(d);
		sections_find(d);
		assert_int_equal(d->nsections, 1);
		if (d->sections[0].number != cases[i].number)
			fail_msg("\"%s\" is number %ld, wanted %ld",
			    cases[i].text, d->sections[0].number,
			    cases[i].number);
		doc_free(d);
	}
}

static void
test_numbered_paragraphs_become_headings(void **state)
{
	struct doc	*d = doc_new(NULL);

	testdoc_block(d, DOC_HEADING, 1, "Ballerina, Move by Move");
	testdoc_para(d, "An introduction that runs for a while. " BODY);
	testdoc_para(d, "1. Reimagining Action: What Sets Ballerina Apart");
	testdoc_para(d, BODY);
	testdoc_para(d, BODY);
	testdoc_para(d, "2. The Opening Attack");
	testdoc_para(d, BODY);
	testdoc_para(d, "3. Mr. Smith Goes to the Ballroom");
	testdoc_para(d, BODY);
	testdoc_para(d, "Conclusion: A Redefinition of Action Cinema");
	testdoc_para(d, BODY);
	testdoc_para(d, "Interested in more movie-related blogs? Click here to "
	    "explore");
	doc_finish(d);
	sections_find(d);

	assert_int_equal(d->nsections, 5);
	check_section(d, 0, NULL, "Ballerina, Move by Move");
	check_section(d, 1, "1", "Reimagining Action: What Sets Ballerina "
	    "Apart");
	check_section(d, 2, "2", "The Opening Attack");
	check_section(d, 3, "3", "Mr. Smith Goes to the Ballroom");
	check_section(d, 4, NULL, "Conclusion: A Redefinition of Action "
	    "Cinema");
	/* One below the essay's own headings; the text stays as written. */
	assert_int_equal(d->sections[1].level, 2);
	assert_int_equal(d->sections[4].level, 2);
	assert_int_equal(d->sections[1].block, 2);
	assert_string_equal(d->blocks[2].text,
	    "1. Reimagining Action: What Sets Ballerina Apart");
	assert_int_equal(d->blocks[11].type, DOC_PARAGRAPH);
	assert_int_equal(d->nblocks, 12);
	doc_free(d);
}

static void
test_level_below_existing_headings(void **state)
{
	struct doc	*d = doc_new(NULL);

	testdoc_block(d, DOC_HEADING, 2, "The Fights");
	testdoc_para(d, "1. The Studio");
	testdoc_para(d, BODY);
	testdoc_para(d, "2. The Ballroom");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 3);
	assert_int_equal(d->sections[1].level, 3);
	assert_int_equal(d->sections[2].level, 3);
	doc_free(d);

	/* With no headings at all, parts are at level 2. */
	d = doc_new(NULL);
	testdoc_para(d, "I. Arrival");
	testdoc_para(d, BODY);
	testdoc_para(d, "II. The Town");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 2);
	check_section(d, 1, "II", "The Town");
	assert_int_equal(d->sections[0].level, 2);
	doc_free(d);
}

/* Documents that have numbered lines and no sections. */
static void
test_not_sections(void **state)
{
	struct doc	*d;
	int		 c;

	for (c = 0; c < 11; c++) {
		d = doc_new(NULL);
		testdoc_para(d, BODY);
		switch (c) {
		case 0:
			/* A lone "1." in running prose. */
			testdoc_para(d, "1. The Only Numbered Line");
			testdoc_para(d, BODY);
			break;
		case 1:
			/* A numbered list in prose, not titles. */
			testdoc_para(d, "1. First, the director withholds the "
			    "monster. It is a happy accident.");
			testdoc_para(d, BODY);
			testdoc_para(d,
			    "2. Second, the creature obeys rules we "
			    "learn. We worry about them.");
			testdoc_para(d, BODY);
			break;
		case 2:
			/* Titles with no body between: a ranked list. */
			testdoc_para(d, "1. Alien");
			testdoc_para(d, "2. The Thing");
			testdoc_para(d, "3. Tremors");
			testdoc_para(d, BODY);
			break;
		case 3:
			/* A list's numbers are the list's. */
			testdoc_block(d, DOC_LIST_ITEM, 1, "1. The Shark");
			testdoc_para(d, BODY);
			testdoc_block(d, DOC_LIST_ITEM, 1, "2. The Snow");
			testdoc_para(d, BODY);
			break;
		case 4:
			/* So are a quotation's. */
			testdoc_block(d, DOC_QUOTE, 0,
			    "1. Never Surprise the Star");
			testdoc_block(d, DOC_QUOTE, 0, BODY);
			testdoc_block(d, DOC_QUOTE, 0,
			    "2. Give the Audience a Door");
			testdoc_block(d, DOC_QUOTE, 0, BODY);
			testdoc_block(d, DOC_PARAGRAPH, 0,
			    "3. Cut the Last Speech")->quote = 1;
			testdoc_para(d, BODY);
			break;
		case 5:
			/* Not counting from 1. */
			testdoc_para(d, "4. The Warehouse");
			testdoc_para(d, BODY);
			testdoc_para(d, "5. The Rooftop");
			testdoc_para(d, BODY);
			break;
		case 6:
			/* Lower-case: prose that happens to be short. */
			testdoc_para(d, "1. the warehouse");
			testdoc_para(d, BODY);
			testdoc_para(d, "2. the rooftop");
			testdoc_para(d, BODY);
			break;
		case 7:
			/* "1." and "2)" are different numberings. */
			testdoc_para(d, "1. The Warehouse");
			testdoc_para(d, BODY);
			testdoc_para(d, "2) The Rooftop");
			testdoc_para(d, BODY);
			break;
		case 8:
			/* A "Conclusion" line with no numbered parts. */
			testdoc_para(d, "Conclusion");
			testdoc_para(d, BODY);
			break;
		case 9:
			/* Titles over a link each: a list of teasers. */
			testdoc_para(d, "1. The Warehouse");
			testdoc_span_para(d, DOC_LINK, REVIEW,
			    "Read our review of The Warehouse");
			testdoc_para(d, "2. The Rooftop");
			testdoc_span_para(d, DOC_LINK, REVIEW,
			    "Read our review of The Rooftop");
			break;
		case 10:
			/* Bold captions over a link or a word: the boxes
			 * in a page's margin. */
			testdoc_span_para(d, DOC_STRONG, NULL,
			    "Today's Anniversary");
			testdoc_span_para(d, DOC_LINK, REVIEW,
			    "New Year's Day");
			testdoc_span_para(d, DOC_STRONG, NULL,
			    "Today's Flower");
			testdoc_para(d, "Pine");
			testdoc_span_para(d, DOC_STRONG, NULL,
			    "Today's Birthday");
			testdoc_span_para(d, DOC_LINK, REVIEW,
			    "A magician, born 1949");
			break;
		}
		doc_finish(d);
		sections_find(d);
		if (d->nsections != 0)
			fail_msg("case %d: %zu section(s), the first \"%s\"",
			    c, d->nsections, d->sections[0].title);
		doc_free(d);
	}
}

static void
test_countdown_and_introduction(void **state)
{
	struct doc	*d = doc_new(NULL);

	testdoc_para(d, "Introduction");
	testdoc_para(d, BODY);
	testdoc_para(d, "3. The Thing");
	testdoc_para(d, BODY);
	testdoc_para(d, "2. Alien");
	testdoc_para(d, BODY);
	testdoc_para(d, "1. Jaws");
	testdoc_para(d, BODY);
	testdoc_para(d, "Final thoughts");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 5);
	check_section(d, 0, NULL, "Introduction");
	check_section(d, 1, "3", "The Thing");
	check_section(d, 3, "1", "Jaws");
	check_section(d, 4, NULL, "Final thoughts");
	doc_free(d);
}

static void
test_line_breaks_split(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct doc_block	*b;

	/* <p>Intro<br>1. <b>Start Later</b><br>Body <em>one</em><br>more
	 * </p><p>2. One Idea<br>Body two</p> */
	testdoc_para(d, "A short introduction.");
	doc_break(d);
	testdoc_text(d, "1. ");
	testdoc_span(d, DOC_STRONG, NULL, "Start Later");
	doc_break(d);
	testdoc_text(d, "The film begins ");
	testdoc_span(d, DOC_EM, NULL, "in the middle");
	testdoc_text(d, " of an argument.");
	doc_break(d);
	testdoc_text(d, "It never slows down.");
	testdoc_para(d, "2. One Idea");
	doc_break(d);
	testdoc_text(d, BODY);
	doc_finish(d);
	sections_find(d);

	assert_int_equal(d->nblocks, 5);
	assert_string_equal(d->blocks[0].text, "A short introduction.");
	assert_int_equal(d->blocks[0].type, DOC_PARAGRAPH);
	b = &d->blocks[1];
	assert_int_equal(b->type, DOC_HEADING);
	assert_string_equal(b->text, "1. Start Later");
	assert_int_equal(b->len, 14);
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].type, DOC_STRONG);
	assert_int_equal(b->spans[0].start, 3);
	assert_int_equal(b->spans[0].end, 14);
	b = &d->blocks[2];
	assert_int_equal(b->type, DOC_PARAGRAPH);
	assert_string_equal(b->text, "The film begins in the middle of an "
	    "argument.\nIt never slows down.");
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].type, DOC_EM);
	assert_memory_equal(b->text + b->spans[0].start, "in the middle", 13);
	assert_int_equal(b->spans[0].end - b->spans[0].start, 13);
	assert_int_equal(d->blocks[3].type, DOC_HEADING);
	assert_string_equal(d->blocks[3].text, "2. One Idea");
	assert_string_equal(d->blocks[4].text, BODY);
	assert_int_equal(d->nsections, 2);
	check_section(d, 0, "1", "Start Later");
	check_section(d, 1, "2", "One Idea");
	assert_int_equal(d->sections[1].block, 3);
	doc_free(d);
}

static void
test_bold_titles(void **state)
{
	struct doc	*d = doc_new(NULL);

	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "The Screen Is Only Part of It");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "Pausing Changes the Film");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 2);
	check_section(d, 0, NULL, "The Screen Is Only Part of It");
	check_section(d, 1, NULL, "Pausing Changes the Film");
	doc_free(d);

	/* One bold line is emphasis, not structure. */
	d = doc_new(NULL);
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "Spoilers ahead");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 0);
	assert_int_equal(d->blocks[1].type, DOC_PARAGRAPH);
	doc_free(d);

	/* In an essay with its own subheadings, bold lines stay lines. */
	d = doc_new(NULL);
	testdoc_block(d, DOC_HEADING, 2, "Part of It");
	testdoc_span_para(d, DOC_STRONG, NULL, "The Screen");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "Pausing");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 1);
	doc_free(d);

	/* A bold sentence is not a title. */
	d = doc_new(NULL);
	testdoc_span_para(d, DOC_STRONG, NULL,
	    "This is where the film loses its nerve. It never "
	    "recovers.");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL,
	    "And this is where it finds it again, somehow.");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 0);
	doc_free(d);
}

/* Numbered sub-parts under numbered parts: each run counts from 1 within
 * its part, one level below it, and neither joins nor breaks the run of
 * the parts. */
static void
test_sub_parts(void **state)
{
	struct doc	*d = doc_new(NULL);
	static const struct {
		const char	*label, *title;
		int		 level;
	} want[] = {
		{ "1", "The Silent Era", 2 },
		{ "1", "Camera Weight", 3 },
		{ "2", "Film Stock", 3 },
		{ "2", "The Sound Era", 2 },
		{ "1", "Microphones", 3 },
		{ "2", "Blimps", 3 },
		{ "3", "Dubbing", 3 },
		{ NULL, "Conclusion", 2 },
	};
	size_t		 i;

	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 2, "1. The Silent Era");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "1. Camera Weight");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "2. Film Stock");
	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 2, "2. The Sound Era");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "1. Microphones");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "2. Blimps");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "3. Dubbing");
	testdoc_para(d, BODY);
	testdoc_para(d, "Conclusion");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, nitems(want));
	for (i = 0; i < nitems(want); i++) {
		check_section(d, i, want[i].label, want[i].title);
		assert_int_equal(d->sections[i].level, want[i].level);
	}
	assert_int_equal(d->sections[6].number, 3);
	doc_free(d);

	/* Numbers that go on from the heading are its run, not its
	 * sub-parts. */
	d = doc_new(NULL);
	testdoc_block(d, DOC_HEADING, 2, "1. The Silent Era");
	testdoc_para(d, BODY);
	testdoc_para(d, "2. The Sound Era");
	testdoc_para(d, BODY);
	testdoc_para(d, "3. The Colour Era");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 3);
	check_section(d, 2, "3", "The Colour Era");
	assert_int_equal(d->sections[1].level, 2);
	assert_int_equal(d->sections[2].level, 2);
	doc_free(d);

	/* Under an h3 part, sub-parts are h4; a lone "1." under a part is
	 * not a run. */
	d = doc_new(NULL);
	testdoc_block(d, DOC_HEADING, 3, "1. The Silent Era");
	testdoc_para(d, "1. Camera Weight");
	testdoc_para(d, BODY);
	testdoc_para(d, "2. Film Stock");
	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 3, "2. The Sound Era");
	testdoc_para(d, "1. Microphones");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 4);
	check_section(d, 1, "1", "Camera Weight");
	assert_int_equal(d->sections[1].level, 4);
	check_section(d, 3, "2", "The Sound Era");
	assert_int_equal(d->blocks[d->nblocks - 2].type, DOC_PARAGRAPH);
	doc_free(d);
}

/* Lines that are only a label ("Part 1", "IV", "3.") are parts with that
 * label and an empty title, so that the digits call them by it. */
static void
test_label_only(void **state)
{
	struct doc	*d = doc_new(NULL);

	testdoc_para(d, "Introduction");
	testdoc_para(d, BODY);
	testdoc_para(d, "Part 1");
	testdoc_para(d, BODY);
	testdoc_para(d, "Part 2");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 3);
	check_section(d, 0, NULL, "Introduction");
	check_section(d, 1, "Part 1", "");
	check_section(d, 2, "Part 2", "");
	assert_int_equal(d->sections[0].number, 0);
	assert_int_equal(d->sections[1].number, 1);
	assert_int_equal(d->sections[2].number, 2);
	doc_free(d);

	/* Bare numbers as headings, in a run. */
	d = doc_new(NULL);
	testdoc_block(d, DOC_HEADING, 2, "I");
	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 2, "II");
	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 2, "III");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 3);
	check_section(d, 0, "I", "");
	check_section(d, 2, "III", "");
	assert_int_equal(d->sections[2].number, 3);
	doc_free(d);

	/* Bare numbers and "3." as paragraphs, in a run. */
	d = doc_new(NULL);
	testdoc_para(d, BODY);
	testdoc_para(d, "1");
	testdoc_para(d, BODY);
	testdoc_para(d, "2");
	testdoc_para(d, BODY);
	testdoc_para(d, "1.");
	testdoc_para(d, BODY);
	testdoc_para(d, "2.");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 4);
	check_section(d, 0, "1", "");
	check_section(d, 1, "2", "");
	check_section(d, 2, "1", "");
	check_section(d, 3, "2", "");
	doc_free(d);

	/* Numbers alone that are links (pages, footnotes' ways back) or
	 * with no text between them are not parts. */
	d = doc_new(NULL);
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_LINK, REVIEW, "1");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_LINK, REVIEW, "2");
	testdoc_para(d, BODY);
	testdoc_para(d, "1.");
	testdoc_para(d, "2.");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 0);
	doc_free(d);
}

/* An interview's bold questions are not its parts; an essay's bold titles
 * are, even when one of them is a question. */
static void
test_bold_questions(void **state)
{
	struct doc	*d = doc_new(NULL);

	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL,
	    "Why did you shoot it in one take?");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "How long did you rehearse?");
	testdoc_para(d, BODY);
	/* A closing quote after the question mark. */
	testdoc_span_para(d, DOC_STRONG, NULL,
	    "And the car alarm \xe2\x80\x94 was that "
	    "planned?\xe2\x80\x9d");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "The Premiere");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 0);
	doc_free(d);

	d = doc_new(NULL);
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "The Screen Is Only Part of It");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "Does Pausing Change the Film?");
	testdoc_para(d, BODY);
	testdoc_span_para(d, DOC_STRONG, NULL, "What Remains");
	testdoc_para(d, BODY);
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 3);
	check_section(d, 1, NULL, "Does Pausing Change the Film?");
	doc_free(d);
}

static void
test_cjk_and_rtl(void **state)
{
	struct doc	*d = doc_new(NULL);

	/* 一、雨作为节奏 ... 二、雨与记忆 ... 结语：雨停之后 */
	testdoc_para(d,
	    "\xe4\xb8\x80\xe3\x80\x81\xe9\x9b\xa8\xe4\xbd\x9c\xe4\xb8"
	    "\xba\xe8\x8a\x82\xe5\xa5\x8f");
	testdoc_para(d,
	    "\xe9\x9b\xa8\xe5\xa3\xb0\xe6\x9c\xac\xe8\xba\xab\xe5\xb0"
	    "\xb1\xe6\x98\xaf\xe4\xb8\x80\xe7\xa7\x8d\xe8\x8a\x82\xe6\x8b"
	    "\x8d\xe3\x80\x82");
	testdoc_para(d,
	    "\xe4\xba\x8c\xe3\x80\x81\xe9\x9b\xa8\xe4\xb8\x8e\xe8\xae"
	    "\xb0\xe5\xbf\x86");
	testdoc_para(d,
	    "\xe9\x9b\xa8\xe8\xae\xa9\xe8\xae\xb0\xe5\xbf\x86\xe5\x8f"
	    "\x98\xe5\xbe\x97\xe6\x9f\x94\xe8\xbd\xaf\xe3\x80\x82");
	testdoc_para(d,
	    "\xe7\xbb\x93\xe8\xaf\xad\xef\xbc\x9a\xe9\x9b\xa8\xe5\x81"
	    "\x9c\xe4\xb9\x8b\xe5\x90\x8e");
	testdoc_para(d, "\xe9\x9b\xa8\xe5\x81\x9c\xe4\xba\x86\xe3\x80\x82");
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 3);
	check_section(d, 0, "\xe4\xb8\x80", "\xe9\x9b\xa8\xe4\xbd\x9c\xe4"
	    "\xb8\xba\xe8\x8a\x82\xe5\xa5\x8f");
	check_section(d, 1, "\xe4\xba\x8c", "\xe9\x9b\xa8\xe4\xb8\x8e\xe8"
	    "\xae\xb0\xe5\xbf\x86");
	check_section(d, 2, NULL, "\xe7\xbb\x93\xe8\xaf\xad\xef\xbc\x9a\xe9"
	    "\x9b\xa8\xe5\x81\x9c\xe4\xb9\x8b\xe5\x90\x8e");
	doc_free(d);

	/* ١. الشارع ... ٢. الضوء ... with Arabic-Indic digits. */
	d = doc_new(NULL);
	testdoc_para(d,
	    "\xd9\xa1. \xd8\xa7\xd9\x84\xd8\xb4\xd8\xa7\xd8\xb1\xd8\xb9");
	testdoc_para(d,
	    "\xd9\x84\xd9\x85 \xd9\x8a\xd9\x83\xd9\x86 \xd8\xa7\xd9\x84"
	    "\xd8\xb4\xd8\xa7\xd8\xb1\xd8\xb9 \xd9\x85\xd8\xac\xd8\xb1\xd8"
	    "\xaf \xd8\xae\xd9\x84\xd9\x81\xd9\x8a\xd8\xa9.");
	testdoc_para(d, "\xd9\xa2. \xd8\xa7\xd9\x84\xd8\xb6\xd9\x88\xd8\xa1");
	testdoc_para(d,
	    "\xd8\xb5\xd8\xa7\xd8\xb1 \xd8\xa7\xd9\x84\xd8\xb6\xd9\x88"
	    "\xd8\xa1 \xd9\x8a\xd8\xa3\xd8\xaa\xd9\x8a.");
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 2);
	check_section(d, 0, "\xd9\xa1", "\xd8\xa7\xd9\x84\xd8\xb4\xd8\xa7"
	    "\xd8\xb1\xd8\xb9");
	check_section(d, 1, "\xd9\xa2", "\xd8\xa7\xd9\x84\xd8\xb6\xd9\x88"
	    "\xd8\xa1");
	doc_free(d);
}

static void
test_no_headings_no_sections(void **state)
{
	struct doc	*d = doc_new(NULL);
	int		 i;

	for (i = 0; i < 50; i++) {
		testdoc_para(d, "Why does this matter?");
		testdoc_para(d, BODY);
	}
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 0);
	for (i = 0; (size_t)i < d->nblocks; i++)
		assert_int_equal(d->blocks[i].type, DOC_PARAGRAPH);
	doc_free(d);
}

static void
test_split_block(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct doc_block	*b;
	size_t			 a;
	int			 link;

	/* "one two\nthree" with a link over "two\nthree". */
	doc_begin(d, DOC_PARAGRAPH, 0);
	doc_text(d, "one ", 4);
	link = doc_add_link(d, "https://example.org/");
	a = doc_span_begin(d, DOC_LINK, link);
	doc_text(d, "two", 3);
	doc_break(d);
	doc_text(d, "three", 5);
	doc_span_end(d, a);
	testdoc_block(d, DOC_HEADING, 2, "After");
	doc_finish(d);
	sections_find(d);
	assert_int_equal(d->nsections, 1);
	assert_int_equal(d->sections[0].block, 1);

	doc_split_block(d, 0, 7);
	assert_int_equal(d->nblocks, 3);
	b = &d->blocks[0];
	assert_string_equal(b->text, "one two");
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].start, 4);
	assert_int_equal(b->spans[0].end, 7);
	b = &d->blocks[1];
	assert_int_equal(b->type, DOC_PARAGRAPH);
	assert_string_equal(b->text, "three");
	assert_int_equal(b->len, 5);
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].type, DOC_LINK);
	assert_int_equal(b->spans[0].link, link);
	assert_int_equal(b->spans[0].start, 0);
	assert_int_equal(b->spans[0].end, 5);
	/* The heading and its section moved one up. */
	assert_string_equal(d->blocks[2].text, "After");
	assert_int_equal(d->sections[0].block, 2);
	doc_free(d);
}

/* A table of contents box's heading is no section; the parts it lists
 * are. */
static void
test_contents_box_heading(void **state)
{
	static const char *const parts[] = { "1 Early life", "2 Career",
	    "3 Legacy" };
	static const char *const frags[] = { "#early", "#career", "#legacy" };
	struct doc	*d = doc_new("https://example.org/film");
	size_t		 i;

	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 2, "Contents");
	for (i = 0; i < nitems(parts); i++) {
		testdoc_block(d, DOC_LIST_ITEM, 1, NULL);
		testdoc_span(d, DOC_LINK, frags[i], parts[i]);
	}
	testdoc_block(d, DOC_HEADING, 2, "Early life");
	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 2, "Career");
	testdoc_para(d, BODY);
	testdoc_finish(d);
	/* The box stays in the document. */
	assert_int_equal(d->nblocks, 9);
	assert_string_equal(d->blocks[1].text, "Contents");
	assert_int_equal(d->nsections, 2);
	check_section(d, 0, NULL, "Early life");
	check_section(d, 1, NULL, "Career");
	doc_free(d);

	/* "Contents" over a list of links to other pages is a section. */
	d = doc_new("https://example.org/film");
	testdoc_para(d, BODY);
	testdoc_block(d, DOC_HEADING, 2, "Contents");
	for (i = 0; i < nitems(parts); i++) {
		testdoc_block(d, DOC_LIST_ITEM, 1, NULL);
		testdoc_span(d, DOC_LINK, "https://example.org/other#x",
		    parts[i]);
	}
	testdoc_finish(d);
	assert_int_equal(d->nsections, 1);
	check_section(d, 0, NULL, "Contents");
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_heading_labels),
		cmocka_unit_test(test_section_numbers),
		cmocka_unit_test(test_numbered_paragraphs_become_headings),
		cmocka_unit_test(test_level_below_existing_headings),
		cmocka_unit_test(test_not_sections),
		cmocka_unit_test(test_countdown_and_introduction),
		cmocka_unit_test(test_line_breaks_split),
		cmocka_unit_test(test_bold_titles),
		cmocka_unit_test(test_sub_parts),
		cmocka_unit_test(test_label_only),
		cmocka_unit_test(test_bold_questions),
		cmocka_unit_test(test_cjk_and_rtl),
		cmocka_unit_test(test_no_headings_no_sections),
		cmocka_unit_test(test_split_block),
		cmocka_unit_test(test_contents_box_heading),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
