/* test_pager.c: the pager's state under every action: motion, sections
 * with and without the essay's own numbers, search and its wrap-around,
 * links, lists, history, resize, and the header and status lines. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "doc.h"
#include "keys.h"
#include "layout.h"
#include "pager.h"
#include "testdoc.h"
#include "url.h"
#include "util.h"
#include "width.h"

#define NPARTS	12

static const char *const titles[NPARTS] = {
	"The Lobby", "A Door Left Open", "The Hotel Ballroom Sequence",
	"Counting the Cuts", "What the Camera Refuses", "Sound Before Image",
	"The Second Staircase", "A Pause for Weather", "The Kitchen Clock",
	"The Service Exit", "Night Exteriors", "The Empty Frame",
};
static const char *const romans[NPARTS] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
	"XII",
};

/* MIXED: numbered parts and a last one without a number ("Conclusion"). */
/* MIXED: the last part has no number; INTRO: the first has none and the
 * others count from 1. */
enum labels { NO_LABELS, NUMBERS, ROMAN, MIXED, INTRO };

/* Twelve parts of three paragraphs of distinct words; "zebra" in parts
 * 2, 5 and 9, a link at the start of every part's first paragraph. */
static struct doc *
essay(enum labels labels)
{
	struct doc	*d = doc_new("https://example.org/essays/long-take");
	struct doc_section	*sec;
	size_t		 heads[NPARTS];
	char		 w[64], url[64];
	int		 s, k;

	doc_set(&d->title, "The Long Take", (size_t)-1);
	doc_set(&d->site, "Example Review", (size_t)-1);
	doc_set(&d->byline, "A. Reader", (size_t)-1);
	testdoc_para(d, "An opening paragraph before any part.");
	for (s = 0; s < NPARTS; s++) {
		testdoc_block(d, DOC_HEADING, 2, titles[s]);
		heads[s] = d->nblocks - 1;
		for (k = 0; k < 3; k++) {
			testdoc_para(d, NULL);
			if (k == 0) {
				testdoc_text(d, "Read ");
				snprintf(url, sizeof url,
				    "https://example.org/notes/%d", s + 1);
				testdoc_span(d, DOC_LINK, url, "the notes");
				testdoc_text(d, " first. ");
			}
			if (k == 1 && (s == 1 || s == 4 || s == 8))
				testdoc_text(d, "A zebra crosses the frame. ");
			testdoc_words(d, 40, "p%dk%dw", s + 1, k);
		}
	}
	/* The sections as a numbering finder would give them. */
	doc_finish(d);
	for (s = 0; s < NPARTS; s++) {
		snprintf(w, sizeof w, "%d", s + 1);
		if ((labels == MIXED && s == NPARTS - 1) ||
		    (labels == INTRO && s == 0)) {
			doc_add_section(d, NULL, titles[s], 2, heads[s]);
			continue;
		}
		if (labels == INTRO) {
			snprintf(w, sizeof w, "%d", s);
			sec = doc_add_section(d, w, titles[s], 2, heads[s]);
			sec->number = s;
			continue;
		}
		sec = doc_add_section(d, labels == NUMBERS ||
		    labels == MIXED ? w : labels == ROMAN ? romans[s] : NULL,
		    titles[s], 2, heads[s]);
		/* sections.c gives a label its value ("IV" is 4). */
		if (labels != NO_LABELS)
			sec->number = s + 1;
	}
	return d;
}

static struct pager *
open_pager(enum labels labels, int cols, int rows)
{
	struct pager_opts	o = { 0, 0 };

	return pager_new(essay(labels), cols, rows, &o);
}

static void
keys(struct pager *p, const char *s)
{
	for (; *s != '\0'; s++)
		pager_key(p, *s == '\n' ? KEYC_ENTER : (unsigned char)*s);
}

/* The block of the top line. */
static size_t
top_block(const struct pager *p)
{
	return p->layout->lines[p->top].block;
}

/* Is the top line section i's heading? */
static void
assert_at_section(const struct pager *p, size_t i)
{
	assert_int_equal(top_block(p), p->doc->sections[i].block);
	assert_int_equal(p->top, pager_section_line(p, i));
	assert_int_equal(pager_section(p), (long)i);
}

static char *
status(const struct pager *p)
{
	struct buf	b = BUF_INIT;

	pager_status(p, &b);
	return buf_detach(&b, NULL);
}

static int
setup(void **state)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		fail_msg("the C.UTF-8 locale is missing");
	keys_reset();
	return 0;
}

static void
test_motion(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	size_t		 max = p->layout->nlines - 22;

	assert_int_equal(pager_text_rows(p), 22);
	assert_int_equal(p->top, 0);
	keys(p, "k");
	assert_int_equal(p->top, 0);
	keys(p, "jjj");
	assert_int_equal(p->top, 3);
	pager_key(p, KEYC_UP);
	assert_int_equal(p->top, 2);
	pager_key(p, KEYC_DOWN);
	assert_int_equal(p->top, 3);
	keys(p, "g ");
	assert_int_equal(p->top, 22);
	keys(p, "f");
	assert_int_equal(p->top, 44);
	keys(p, "b");
	assert_int_equal(p->top, 22);
	pager_key(p, KEYC_NPAGE);
	assert_int_equal(p->top, 44);
	pager_key(p, KEYC_PPAGE);
	assert_int_equal(p->top, 22);
	keys(p, "d");
	assert_int_equal(p->top, 33);
	keys(p, "u");
	assert_int_equal(p->top, 22);
	keys(p, "G");
	assert_int_equal(p->top, max);
	assert_int_equal(pager_percent(p), 100);
	keys(p, "j ");
	assert_int_equal(p->top, max);
	pager_key(p, KEYC_HOME);
	assert_int_equal(p->top, 0);
	assert_true(pager_percent(p) < 100);
	pager_key(p, KEYC_END);
	assert_int_equal(p->top, max);
	keys(p, "g");
	assert_int_equal(p->top, 0);
	/* Enter with no link selected moves a line, as in less. */
	pager_key(p, KEYC_ENTER);
	assert_int_equal(p->top, 1);
	pager_free(p);
}

static void
test_sections_numbered(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	char		*s;
	size_t		 before;

	/* 3: no other number starts with it, so at once. */
	keys(p, "3");
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_at_section(p, 2);
	s = status(p);
	assert_non_null(strstr(s,
	    "\xc2\xa7" "3/12 The Hotel Ballroom Sequence"));
	free(s);
	keys(p, "]");
	assert_at_section(p, 3);
	keys(p, "[");
	assert_at_section(p, 2);
	/* Inside a section, [ goes to its start first. */
	keys(p, "jjj[");
	assert_at_section(p, 2);
	keys(p, "[");
	assert_at_section(p, 1);
	/* 0 is the last section. */
	keys(p, "0");
	assert_at_section(p, NPARTS - 1);
	keys(p, "]");
	assert_at_section(p, NPARTS - 1);
	assert_non_null(p->message);
	/* 1 could be 1, 10, 11 or 12: it waits for another digit. */
	before = p->top;
	keys(p, "1");
	assert_int_equal(p->prompt, PAGER_PROMPT_SECTION);
	assert_int_equal(pager_wait(p), PAGER_DIGIT_WAIT);
	assert_string_equal(buf_str(&p->input), "1");
	s = status(p);
	assert_non_null(strstr(s, "Section: 1"));
	free(s);
	assert_int_equal(p->top, before);
	/* A digit after which no longer number starts goes at once. */
	keys(p, "1");
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_int_equal(pager_wait(p), -1);
	assert_at_section(p, 10);
	/* Enter takes the 1 at once. */
	keys(p, "1\n");
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_at_section(p, 0);
	/* So does the end of the wait. */
	keys(p, "91");
	assert_at_section(p, 8);
	pager_wait_over(p);
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_at_section(p, 0);
	/* Another key takes the number, then does its work. */
	keys(p, "91j");
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_int_equal(p->top, pager_section_line(p, 0) + 1);
	/* Backspace edits; Escape cancels. */
	keys(p, "91");
	pager_key(p, KEYC_BSPACE);
	assert_int_equal(p->prompt, PAGER_PROMPT_SECTION);
	assert_string_equal(buf_str(&p->input), "");
	pager_wait_over(p);
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_at_section(p, 8);
	keys(p, "1");
	pager_key(p, KEYC_ESCAPE);
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_at_section(p, 8);
	/* A number no section has. */
	keys(p, "19");
	assert_at_section(p, 8);
	assert_non_null(p->message);
	assert_true(p->message_error);
	assert_non_null(strstr(p->message, "19"));
	/* The message lasts until the next key. */
	keys(p, "9");
	assert_null(p->message);
	assert_at_section(p, 8);
	pager_free(p);
}

static void
test_sections_by_position(void **state)
{
	struct pager	*p = open_pager(NO_LABELS, 80, 24);
	char		*s;

	/* Before the first part: no section yet. */
	assert_int_equal(pager_section(p), -1);
	s = status(p);
	assert_non_null(strstr(s, "\xc2\xa7-/12"));
	free(s);
	keys(p, "4");
	assert_at_section(p, 3);
	s = status(p);
	assert_non_null(strstr(s, "\xc2\xa7" "4/12 Counting the Cuts"));
	free(s);
	keys(p, "12");
	assert_at_section(p, 11);
	keys(p, "g]");
	assert_at_section(p, 0);
	keys(p, "[");
	assert_int_equal(p->top, 0);
	pager_free(p);

	/* Roman numerals are the essay's own numbers too. */
	p = open_pager(ROMAN, 80, 24);
	keys(p, "4");
	assert_at_section(p, 3);
	s = status(p);
	assert_non_null(strstr(s, "\xc2\xa7IV/12 Counting the Cuts"));
	free(s);
	keys(p, "11");
	assert_at_section(p, 10);
	pager_free(p);

	/* Numbered parts and a conclusion without a number: the status line
	 * calls the conclusion by its position, never 0. */
	p = open_pager(MIXED, 80, 24);
	keys(p, "0");
	assert_at_section(p, NPARTS - 1);
	s = status(p);
	assert_non_null(strstr(s, "\xc2\xa7" "12/12 The Empty Frame"));
	assert_null(strstr(s, "\xc2\xa7" "0/"));
	free(s);
	keys(p, "3");
	assert_at_section(p, 2);
	s = status(p);
	assert_non_null(strstr(s,
	    "\xc2\xa7" "3/12 The Hotel Ballroom Sequence"));
	free(s);
	pager_free(p);

	/* An introduction before part 1 does not read as part 1. */
	p = open_pager(INTRO, 80, 24);
	keys(p, "1\n");	/* 10 and 11 begin with 1 too: a prompt */
	assert_at_section(p, 1);
	s = status(p);
	assert_non_null(strstr(s, "\xc2\xa7" "1/12 "));
	free(s);
	keys(p, "[");
	assert_at_section(p, 0);
	s = status(p);
	assert_non_null(strstr(s, "\xc2\xa7" "-/12 "));
	assert_null(strstr(s, "\xc2\xa7" "1/12"));
	free(s);
	pager_free(p);
}

/* Sections as sections.c finds them: numbered parts with numbered
 * sub-parts, and parts that are only a label. */
static void
test_sections_nested(void **state)
{
	static const char *const lines[] = {
		"h1. The Silent Era", "1. Camera Weight", "2. Film Stock",
		"h2. The Sound Era", "1. Microphones", "2. Blimps",
		"3. Dubbing",
	};
	struct pager_opts	 o = { 0, 0 };
	struct pager		*p;
	struct doc		*d;
	struct buf		 b = BUF_INIT;
	size_t			 i;
	int			 mark;

	/* Paragraphs of distinct words: q3w0 q3w1 ... */
	d = doc_new(NULL);
	testdoc_para(d, NULL);
	testdoc_words(d, 40, "q0w");
	for (i = 0; i < nitems(lines); i++) {
		if (lines[i][0] == 'h')
			testdoc_block(d, DOC_HEADING, 2, lines[i] + 1);
		else
			testdoc_para(d, lines[i]);
		testdoc_para(d, NULL);
		testdoc_words(d, 120, "q%zuw", i * 2 + 1);
		testdoc_para(d, NULL);
		testdoc_words(d, 120, "q%zuw", i * 2 + 2);
	}
	testdoc_finish(d);
	assert_int_equal(d->nsections, nitems(lines));
	p = pager_new(d, 80, 24, &o);
	/* 2 is the second part, not the first part's second sub-part. */
	keys(p, "2");
	assert_at_section(p, 3);
	keys(p, "1");
	assert_at_section(p, 0);
	/* Only a sub-part is 3. */
	keys(p, "3");
	assert_at_section(p, 6);
	/* The outline shows sub-parts under their parts. */
	keys(p, "t");
	pager_menu_item(p, 5, &b, &mark);
	assert_string_equal(buf_str(&b), "    2. Blimps");
	buf_reset(&b);
	pager_menu_item(p, 3, &b, &mark);
	assert_string_equal(buf_str(&b), "  2. The Sound Era");
	buf_reset(&b);
	pager_free(p);

	/* "Part 2" alone is called by its number, and the outline shows
	 * its label with nothing after it. */
	d = doc_new(NULL);
	testdoc_para(d, "Introduction");
	testdoc_para(d, NULL);
	testdoc_words(d, 200, "q0w");
	for (i = 1; i <= 2; i++) {
		testdoc_para(d, i == 1 ? "Part 1" : "Part 2");
		testdoc_para(d, NULL);
		testdoc_words(d, 200, "q%zuw", i);
	}
	testdoc_finish(d);
	assert_int_equal(d->nsections, 3);
	p = pager_new(d, 80, 24, &o);
	keys(p, "1");
	assert_at_section(p, 1);
	keys(p, "t");
	pager_menu_item(p, 2, &b, &mark);
	assert_string_equal(buf_str(&b), "  Part 2");
	buf_free(&b);
	pager_free(p);
}

/* A table of contents box shows no line, so search finds nothing in it
 * and Tab selects none of its links. */
static void
test_contents_box(void **state)
{
	struct pager_opts	 o = { 0, 0 };
	struct doc		*d = doc_new("https://example.org/film");
	struct pager		*p;
	size_t			 i;

	testdoc_para(d, "The lead.");
	testdoc_block(d, DOC_HEADING, 2, "Contents");
	for (i = 0; i < 3; i++) {
		testdoc_block(d, DOC_LIST_ITEM, 1, NULL);
		testdoc_span(d, DOC_LINK, "#career", "Career");
	}
	testdoc_block(d, DOC_HEADING, 2, "Career");
	testdoc_para(d, "Her career began ");
	testdoc_span(d, DOC_LINK, "https://example.org/a", "late");
	testdoc_text(d, ".");
	testdoc_finish(d);
	assert_int_equal(d->nsections, 1);
	p = pager_new(d, 80, 24, &o);
	keys(p, "/career\n");
	assert_int_equal(p->nmatches, 2);
	assert_int_equal(p->current, 0);
	assert_true(p->matches[0].start >= p->layout->blocks[5].dstart);
	pager_key(p, KEYC_TAB);
	assert_int_equal(p->sel_block, 6);
	pager_free(p);
}

static void
test_search(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	size_t		 first, second, third;
	const struct layout_run *r;
	size_t		 n, i;
	int		 hit = 0;

	keys(p, "/zebra\n");
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_int_equal(p->nmatches, 3);
	assert_int_equal(p->current, 0);
	first = p->top;
	assert_int_equal(pager_section(p), 1);
	assert_null(p->message);
	/* The match is drawn as the current one. */
	n = pager_line_runs(p, p->top, &r);
	for (i = 0; i < n; i++) {
		if ((r[i].attr & (LAYOUT_MATCH | LAYOUT_CURRENT)) ==
		    (LAYOUT_MATCH | LAYOUT_CURRENT)) {
			assert_int_equal(r[i].len, 5);
			assert_memory_equal(layout_line_text(p->layout,
			    p->top) + r[i].start, "zebra", 5);
			hit = 1;
		}
	}
	assert_true(hit);
	keys(p, "n");
	assert_int_equal(p->current, 1);
	second = p->top;
	assert_int_equal(pager_section(p), 4);
	keys(p, "n");
	assert_int_equal(p->current, 2);
	third = p->top;
	assert_true(first < second && second < third);
	/* Past the last match it wraps, and says so. */
	keys(p, "n");
	assert_int_equal(p->current, 0);
	assert_int_equal(p->top, first);
	assert_non_null(p->message);
	assert_non_null(strstr(p->message, "continuing at the top"));
	/* N goes back, wrapping the other way. */
	keys(p, "N");
	assert_int_equal(p->current, 2);
	assert_non_null(strstr(p->message, "continuing at the bottom"));
	keys(p, "N");
	assert_int_equal(p->current, 1);
	assert_null(p->message);
	/* ? searches backward; n then keeps going backward. */
	keys(p, "G?zebra\n");
	assert_int_equal(p->current, 2);
	keys(p, "n");
	assert_int_equal(p->current, 1);
	keys(p, "N");
	assert_int_equal(p->current, 2);
	/* An empty pattern is the last one again. */
	keys(p, "g/\n");
	assert_int_equal(p->current, 0);
	/* Enter on an empty pattern, or the same pattern again, goes on
	 * to the next match, as in less. */
	keys(p, "/\n");
	assert_int_equal(p->current, 1);
	keys(p, "/zebra\n");
	assert_int_equal(p->current, 2);
	keys(p, "g/zebra\n");
	assert_int_equal(p->current, 0);
	/* Lower case matches either case; a capital makes it exact. */
	keys(p, "/ZEBRA\n");
	assert_int_equal(p->nmatches, 0);
	assert_true(p->message_error);
	assert_non_null(strstr(p->message, "Pattern not found"));
	keys(p, "/zEBRA\n");
	assert_int_equal(p->nmatches, 0);
	keys(p, "/a zebra\n");
	assert_int_equal(p->nmatches, 3);
	/* Escape clears the highlight; n finds the matches again. */
	pager_key(p, KEYC_ESCAPE);
	assert_int_equal(p->nmatches, 0);
	keys(p, "n");
	assert_int_equal(p->nmatches, 3);
	assert_true(p->current >= 0);
	/* A search cancelled at its prompt changes nothing. */
	first = p->top;
	keys(p, "/qq");
	pager_key(p, KEYC_ESCAPE);
	assert_int_equal(p->prompt, PAGER_PROMPT_NONE);
	assert_int_equal(p->top, first);
	assert_string_equal(p->pattern, "a zebra");
	pager_free(p);
}

/* Typed text finds what the screen shows: folded by search.c. */
static void
test_search_folded(void **state)
{
	struct doc	*d = doc_new(NULL);
	struct pager	*p;
	const char	*pat;
	unsigned int	 cp;
	size_t		 i, k;

	testdoc_para(d, "\xe2\x80\x9c" "Caf\xc3\xa9 Society\xe2\x80\x9d is "
	    "Allen\xe2\x80\x99s late film \xe2\x80\x94 na\xc3\xafve, "
	    "\xe6\x98\xa0\xe7\x94\xbb.");
	testdoc_finish(d);
	p = pager_new(d, 80, 24, NULL);
	keys(p, "/allen's\n");
	assert_int_equal(p->nmatches, 1);
	keys(p, "/\"cafe\n");
	assert_int_equal(p->nmatches, 1);
	keys(p, "/film - naive\n");
	assert_int_equal(p->nmatches, 1);
	keys(p, "/Society\"\n");
	assert_int_equal(p->nmatches, 1);
	/* A pattern that starts with a character beyond ASCII. */
	pat = "/\xe6\x98\xa0\xe7\x94\xbb\n";
	for (i = 0; pat[i] != '\0'; i += k) {
		k = utf8_next(pat + i, strlen(pat + i), &cp);
		pager_key(p, cp == '\n' ? KEYC_ENTER : (int)cp);
	}
	assert_int_equal(p->nmatches, 1);
	assert_int_equal(p->matches[0].end - p->matches[0].start, 6);
	pager_free(p);
}

static void
test_links_and_requests(void **state)
{
	/* Tall enough for part 4's link to be on screen with part 3's. */
	struct pager	*p = open_pager(NUMBERS, 80, 30);
	const struct layout_run *r;
	char		*url;
	size_t		 n, i;
	int		 sel = 0;

	keys(p, "3");
	pager_key(p, KEYC_TAB);
	assert_true(p->sel_block >= 0);
	/* The first link on screen is part 3's. */
	pager_key(p, KEYC_ENTER);
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_LOAD);
	assert_string_equal(url, "https://example.org/notes/3");
	free(url);
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_NONE);
	assert_null(url);
	/* The selected link is drawn selected. */
	for (i = p->top; i < p->top + 28 && !sel; i++) {
		n = pager_line_runs(p, i, &r);
		while (n-- > 0)
			if (r[n].attr & LAYOUT_SELECTED)
				sel = 1;
	}
	assert_true(sel);
	/* o opens the selected link; Tab moves on; Shift-Tab back. */
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_OPEN);
	assert_string_equal(url, "https://example.org/notes/3");
	free(url);
	pager_key(p, KEYC_TAB);
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_OPEN);
	assert_string_equal(url, "https://example.org/notes/4");
	free(url);
	pager_key(p, KEYC_BTAB);
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_OPEN);
	assert_string_equal(url, "https://example.org/notes/3");
	free(url);
	/* Without a selection, o opens the essay itself. */
	pager_key(p, KEYC_ESCAPE);
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_OPEN);
	assert_string_equal(url, "https://example.org/essays/long-take");
	free(url);
	/* l lists every link by number; Enter follows the one picked. */
	keys(p, "l");
	assert_int_equal(p->menu, PAGER_MENU_LINKS);
	assert_int_equal(pager_menu_count(p), NPARTS);
	keys(p, "jjjj\n");
	assert_int_equal(p->menu, PAGER_MENU_NONE);
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_LOAD);
	assert_string_equal(url, "https://example.org/notes/5");
	free(url);
	keys(p, "q");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_CLOSE);
	keys(p, "Q");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_QUIT);
	pager_key(p, 'l' & 0x1f);
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_REDRAW);
	pager_free(p);

	/* A screen with no link on it says so. */
	p = open_pager(NUMBERS, 80, 3);
	keys(p, "3jjj");
	pager_key(p, KEYC_TAB);
	assert_int_equal(p->sel_block, -1);
	assert_non_null(p->message);
	pager_free(p);
}

static void
test_outline_and_help(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 mark, found;

	keys(p, "5jjt");
	assert_int_equal(p->menu, PAGER_MENU_OUTLINE);
	assert_int_equal(list_current(&p->list), 4);
	pager_menu_item(p, 4, &b, &mark);
	assert_true(mark);
	assert_non_null(strstr(buf_str(&b), "5. What the Camera Refuses"));
	buf_reset(&b);
	pager_menu_item(p, 5, &b, &mark);
	assert_false(mark);
	buf_reset(&b);
	keys(p, "jj\n");
	assert_int_equal(p->menu, PAGER_MENU_NONE);
	assert_at_section(p, 6);
	/* q and Escape close it and go nowhere. */
	keys(p, "tjjq");
	assert_int_equal(p->menu, PAGER_MENU_NONE);
	assert_at_section(p, 6);
	keys(p, "tG");
	assert_int_equal(list_current(&p->list), NPARTS - 1);
	pager_key(p, KEYC_ESCAPE);
	assert_int_equal(p->menu, PAGER_MENU_NONE);
	assert_at_section(p, 6);
	/* A digit in the outline jumps too. */
	keys(p, "t2");
	assert_int_equal(p->menu, PAGER_MENU_NONE);
	assert_at_section(p, 1);

	/* Help comes from the live table: a new binding shows in it. */
	keys_bind('x', ACTION_NEXT_SECTION);
	keys(p, "h");
	assert_int_equal(p->menu, PAGER_MENU_HELP);
	for (i = 0, found = 0; i < pager_menu_count(p); i++) {
		buf_reset(&b);
		pager_menu_item(p, i, &b, &mark);
		if (strncmp(buf_str(&b), "], x ", 5) == 0 &&
		    strstr(buf_str(&b), "next section") != NULL)
			found = 1;
	}
	assert_true(found);
	keys(p, "h");
	assert_int_equal(p->menu, PAGER_MENU_NONE);
	keys(p, "x");
	assert_at_section(p, 2);

	/* A binding of the outline's own holds there only: x cancels the
	 * outline, and still goes on a section in the text. */
	keys_bind_in(KEYS_OUTLINE, 'x', ACTION_CANCEL);
	keys(p, "t");
	assert_int_equal(pager_keys_context(p), KEYS_OUTLINE);
	keys(p, "x");
	assert_int_equal(p->menu, PAGER_MENU_NONE);
	assert_int_equal(pager_keys_context(p), KEYS_PAGER);
	assert_at_section(p, 2);
	keys(p, "x");
	assert_at_section(p, 3);
	/* Unbound in the pager alone, x does nothing there. */
	keys_bind_in(KEYS_PAGER, 'x', ACTION_NONE);
	keys(p, "x");
	assert_at_section(p, 3);
	keys(p, "l");
	assert_int_equal(pager_keys_context(p), KEYS_LINKS);
	pager_key(p, KEYC_ESCAPE);
	keys(p, "h");
	assert_int_equal(pager_keys_context(p), KEYS_HELP);
	pager_key(p, KEYC_ESCAPE);
	keys_reset();
	buf_free(&b);
	pager_free(p);
}

/* New options (a configuration read again) lay the text out again at
 * once, at the same place. */
static void
test_set_opts(void **state)
{
	struct pager		*p = open_pager(NUMBERS, 100, 30);
	struct pager_opts	 o = { 40, 0 };

	(void)state;
	keys(p, "4");
	assert_at_section(p, 3);
	assert_int_equal(p->layout->width, 80);
	assert_int_equal(p->layout->margin, 0);
	pager_set_opts(p, &o);
	assert_int_equal(p->layout->width, 40);
	assert_int_equal(p->layout->margin, 0);
	assert_at_section(p, 3);
	o.flags = LAYOUT_CENTRE;
	pager_set_opts(p, &o);
	assert_int_equal(p->layout->margin, 30);
	assert_at_section(p, 3);
	pager_free(p);
}

/* reload-config (Ctrl-R) is a request for the view, in the text and in
 * a list alike. */
static void
test_reload_request(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	char		*url;

	(void)state;
	pager_key(p, 'r' & 0x1f);
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_RELOAD);
	assert_null(url);
	pager_key(p, 't');
	pager_key(p, 'r' & 0x1f);
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_RELOAD);
	assert_null(url);
	assert_int_equal(p->menu, PAGER_MENU_OUTLINE);
	pager_free(p);
}

/* The help is wrapped to the window, each description going on under
 * its own start, and wrapped again when the window changes. */
static void
test_help_wrapped(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 40, 24);
	size_t		 i, wide = 0, n40;
	const char	*s, *cont = NULL;

	keys(p, "h");
	assert_int_equal(p->menu, PAGER_MENU_HELP);
	for (i = 0; i < p->nhelp; i++) {
		s = p->help[i];
		assert_true(width_str(s, strlen(s)) <= 40);
		if (strncmp(s, "Enter ", 6) == 0 && i + 1 < p->nhelp)
			cont = p->help[i + 1];
	}
	/* "follow the selected link (else one line down)" goes on in the
	 * description's column, not under the key. */
	assert_non_null(cont);
	assert_true(strncmp(cont, "        ", 8) == 0);
	assert_non_null(strstr(cont, "line down"));
	n40 = p->nhelp;
	pager_resize(p, 120, 24);
	for (i = 0; i < p->nhelp; i++)
		if (width_str(p->help[i], strlen(p->help[i])) > 40)
			wide++;
	assert_true(wide > 0);
	assert_true(p->nhelp < n40);
	pager_free(p);
}

static void
test_history(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	struct doc	*other = essay(ROMAN);
	size_t		 top;

	keys(p, "7jj");
	top = p->top;
	keys(p, "B");
	assert_non_null(p->message);
	assert_int_equal(p->top, top);
	keys(p, "/zebra\n");
	top = p->top;
	pager_push(p, other);
	assert_ptr_equal(p->doc, other);
	assert_int_equal(p->top, 0);
	assert_int_equal(p->nhistory, 1);
	keys(p, "4");
	assert_at_section(p, 3);
	pager_key(p, KEYC_BSPACE);
	assert_int_equal(p->nhistory, 0);
	assert_int_equal(p->top, top);
	assert_string_equal(p->doc->sections[0].label, "1");
	keys(p, "B");
	assert_non_null(strstr(p->message, "No previous document"));
	pager_free(p);

	/* Documents left in the history are freed with the pager. */
	p = open_pager(NUMBERS, 80, 24);
	pager_push(p, essay(NO_LABELS));
	pager_push(p, essay(ROMAN));
	assert_int_equal(p->nhistory, 2);
	pager_free(p);
}

/* The first word of the top line. */
static char *
top_word(const struct pager *p)
{
	const char	*t = layout_line_text(p->layout, p->top);
	size_t		 len = p->layout->lines[p->top].len;

	return xstrndup(t, strcspn(t, " ") < len ? strcspn(t, " ") : len);
}

static void
test_resize_keeps_place(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	const struct layout_line *ln;
	char		*word;
	size_t		 top80;

	keys(p, "6jjjjj");
	top80 = p->top;
	word = top_word(p);
	pager_resize(p, 120, 30);
	assert_int_equal(p->layout->width, 80);	/* the measure */
	assert_int_equal(p->layout->margin, 0);
	ln = &p->layout->lines[p->top];
	assert_non_null(memmem(layout_line_text(p->layout, p->top), ln->len,
	    word, strlen(word)));
	pager_resize(p, 40, 10);
	assert_int_equal(pager_text_rows(p), 8);
	ln = &p->layout->lines[p->top];
	assert_non_null(memmem(layout_line_text(p->layout, p->top), ln->len,
	    word, strlen(word)));
	pager_resize(p, 80, 24);
	assert_int_equal(p->top, top80);
	free(word);
	pager_free(p);

	/* Centred on a wide screen. */
	{
		struct pager_opts	 o = { 60, LAYOUT_CENTRE };

		p = pager_new(essay(NUMBERS), 100, 30, &o);
		assert_int_equal(p->layout->width, 60);
		assert_int_equal(p->layout->margin, 20);
		pager_free(p);
	}
}

/* A place read in one window is the same words at the top of another
 * pager, whatever its size: how a reading position comes back. */
static void
test_place(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24), *q;
	size_t		 block, offset, qb, qo;
	char		*word;

	/* The top of the essay is block 0, offset 0, and back to the top. */
	pager_place(p, &block, &offset);
	assert_int_equal(block, 0);
	assert_int_equal(offset, 0);
	keys(p, "6jjjjj");
	pager_place(p, &block, &offset);
	assert_true(block > 0);
	assert_true(offset > 0);
	word = top_word(p);

	q = open_pager(NUMBERS, 40, 10);
	pager_goto_place(q, block, offset);
	assert_int_equal(pager_section(q), pager_section(p));
	assert_non_null(memmem(layout_line_text(q->layout, q->top),
	    q->layout->lines[q->top].len, word, strlen(word)));
	pager_place(q, &qb, &qo);
	assert_int_equal(qb, block);
	assert_true(qo <= offset);
	/* The anchor moved with it: a resize keeps the place. */
	pager_resize(q, 120, 30);
	assert_int_equal(pager_section(q), pager_section(p));
	pager_place(q, &qb, &qo);
	assert_int_equal(qb, block);
	assert_true(qo <= offset);
	pager_goto_place(q, 0, 0);
	assert_int_equal(q->top, 0);
	/* A place past the end (an essay that changed) is its last line. */
	pager_goto_place(q, 100000, 0);
	assert_int_equal(q->top, q->layout->nlines - 1);
	free(word);
	pager_free(q);
	pager_free(p);
}

static void
test_header_and_status(void **state)
{
	struct pager	*p = open_pager(NUMBERS, 80, 24);
	struct buf	 b = BUF_INIT;
	char		*s;
	int		 w;

	w = pager_header(p, &b);
	assert_true(w <= 80);
	assert_int_equal(width_str(b.data, b.len), 80);
	assert_non_null(strstr(buf_str(&b), "Example Review"));
	assert_non_null(strstr(buf_str(&b), "A. Reader"));
	/* 12 x 3 x 40 words and more: three minutes at 230 a minute. */
	assert_non_null(strstr(buf_str(&b), "min read"));
	keys(p, "3");
	s = status(p);
	assert_int_equal(width_str(s, strlen(s)), 79);
	assert_non_null(strstr(s, "The Long Take"));
	assert_non_null(strstr(s, "%"));
	assert_non_null(strstr(s, "h: help"));
	free(s);
	pager_free(p);

	/* At a wide window the header starts where the centred text
	 * does. */
	{
		struct pager_opts	c = { 0, LAYOUT_CENTRE };

		p = pager_new(essay(NUMBERS), 200, 24, &c);
	}
	buf_reset(&b);
	w = pager_header(p, &b);
	assert_int_equal(p->layout->margin, 60);
	assert_int_equal(strspn(buf_str(&b), " "), 60);
	assert_true(strncmp(buf_str(&b) + 60, "Example Review", 14) == 0);
	assert_int_equal(width_str(b.data, b.len), 200);
	assert_true(w <= 60 + 80);
	pager_free(p);

	/* Narrow: the title gives way, the section stays. */
	p = open_pager(NUMBERS, 40, 10);
	keys(p, "3");
	s = status(p);
	assert_int_equal(width_str(s, strlen(s)), 39);
	assert_non_null(strstr(s, "\xc2\xa7" "3/12"));
	free(s);
	pager_free(p);

	/* ASCII: no section sign, no middle dot. */
	{
		struct pager_opts	o = { 0, LAYOUT_ASCII };
		size_t			i;

		p = pager_new(essay(NUMBERS), 80, 24, &o);
		keys(p, "3");
		s = status(p);
		assert_non_null(strstr(s, "#3/12"));
		for (i = 0; s[i] != '\0'; i++)
			assert_true((unsigned char)s[i] < 0x80);
		free(s);
		buf_reset(&b);
		pager_header(p, &b);
		for (i = 0; i < b.len; i++)
			assert_true((unsigned char)b.data[i] < 0x80);
		pager_free(p);
	}
	buf_free(&b);
}

/* As the window narrows the status line drops its parts, least used
 * first (help, the essay's title, the section's title, the count of
 * sections, the percentage), and never shows a number cut short. */
static void
test_status_narrowing(void **state)
{
	struct pager	*p;
	char		*s, *sec;
	int		 cols, help = 1, title = 1, stitle = 1, total = 1;
	int		 pct = 1, num = 1;

	for (cols = 100; cols >= 1; cols--) {
		p = open_pager(NUMBERS, cols, 10);
		keys(p, "3");
		s = status(p);
		assert_int_equal(width_str(s, strlen(s)), cols - 1);
		/* A part once dropped stays dropped in narrower windows. */
		if (strstr(s, "h: help") == NULL)
			help = 0;
		else
			assert_true(help);
		if (strncmp(s, "The L", 5) != 0)
			title = 0;
		else
			assert_true(title);
		if (strstr(s, "12 The") == NULL)
			stitle = 0;
		else
			assert_true(stitle);
		if (strchr(s, '%') == NULL)
			pct = 0;
		else
			assert_true(pct);
		sec = strstr(s, "\xc2\xa7");
		if (sec == NULL)
			num = 0;
		else {
			assert_true(num);
			/* The number whole: "§3/12" or "§3", then a space or
			 * the end. */
			sec += 2;
			if (strncmp(sec, "3/12", 4) == 0) {
				assert_true(total);
				assert_true(sec[4] == ' ' || sec[4] == '\0');
			} else {
				total = 0;
				assert_true(sec[0] == '3');
				assert_true(sec[1] == ' ' || sec[1] == '\0');
			}
		}
		/* The order parts give way in. */
		if (help)
			assert_true(title && stitle && total && pct && num);
		if (title)
			assert_true(stitle && total && pct && num);
		if (stitle)
			assert_true(total && pct && num);
		if (pct)
			assert_true(num);
		/* The 20 columns: the number whole, with its count. */
		if (cols == 20)
			assert_non_null(strstr(s, "\xc2\xa7" "3/12"));
		free(s);
		pager_free(p);
	}
	/* Down to one column, everything went, in order. */
	assert_false(help || title || stitle || total || pct || num);
}

/* After G on a page of 10,000 short sections, the outline marks the
 * last section, whose end the screen shows, not the one at the top of
 * the last screen (issue 14). */
static void
test_outline_at_end(void **state)
{
	struct doc	*d = doc_new(NULL);
	struct pager	*p;
	struct buf	 b = BUF_INIT;
	char		 t[32];
	size_t		 i, n;
	int		 mark;

	for (i = 0; i < 10000; i++) {
		snprintf(t, sizeof t, "Heading %zu", i + 1);
		testdoc_block(d, DOC_HEADING, 2, t);
		testdoc_para(d, "A line.");
	}
	testdoc_finish(d);
	assert_int_equal(d->nsections, 10000);
	p = pager_new(d, 80, 24, NULL);
	keys(p, "G");
	/* The last screen starts several sections before the last. */
	assert_true(pager_section(p) < 9999);
	assert_int_equal(pager_section_read(p), 9999);
	keys(p, "t");
	assert_int_equal(p->menu, PAGER_MENU_OUTLINE);
	assert_int_equal(list_current(&p->list), 9999);
	n = pager_menu_count(p);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		pager_menu_item(p, i, &b, &mark);
		assert_int_equal(mark, i == 9999);
	}
	/* Elsewhere, the section at the top is the one read. */
	keys(p, "q");
	keys(p, "g");
	keys(p, "]]");
	assert_int_equal(pager_section_read(p), pager_section(p));
	buf_free(&b);
	pager_free(p);
}

static void
test_tiny_screens(void **state)
{
	static const int	 sizes[][2] = {
		{ 40, 10 }, { 10, 3 }, { 1, 1 },
	};
	static const char	 all[] =
	    "jkfbdugG/zebra\nnN?x\n]3[0t\nlq h\x1bo";
	struct buf		 b = BUF_INIT;
	struct pager		*p;
	char			*url;
	size_t			 i, k;

	for (i = 0; i < nitems(sizes); i++) {
		p = open_pager(NUMBERS, sizes[i][0], sizes[i][1]);
		assert_int_equal(pager_text_rows(p), sizes[i][1] > 3 ?
		    sizes[i][1] - 2 : 1);
		for (k = 0; all[k] != '\0'; k++) {
			pager_key(p, all[k] == '\n' ? KEYC_ENTER :
			    all[k] == '\x1b' ? KEYC_ESCAPE : all[k]);
			free(p->request_url);
			p->request_url = NULL;
			buf_reset(&b);
			pager_status(p, &b);
			pager_header(p, &b);
			assert_true(p->top < p->layout->nlines);
		}
		pager_take_request(p, &url);
		free(url);
		pager_free(p);
	}
	buf_free(&b);
}

/* A page at from with one link to target; the pager on it. */
static struct pager *
link_pager(const char *from, const char *target)
{
	struct pager_opts	 o = { 0, 0 };
	struct doc		*d = doc_new(from);

	testdoc_para(d, "Read ");
	testdoc_span(d, DOC_LINK, target, "this");
	testdoc_text(d, " now.");
	testdoc_finish(d);
	return pager_new(d, 80, 24, &o);
}

/* What a link may lead to depends on where the page came from: a page
 * from the network (or from standard input, which may hold one) leads
 * to http and https only, never to a local file, to "-" (standard
 * input: the terminal, for the pager) or to another scheme; a local
 * file may lead to other local files, never to "-". Following (Enter,
 * from the text or the list) and opening (o) are held to it alike. */
static void
test_link_origin(void **state)
{
	static const struct {
		const char	*from;
		const char	*target;
		int		 allowed;
	} cases[] = {
		{ "https://example.org/a", "https://example.org/b", 1 },
		{ "https://example.org/a", "HTTP://example.org/b", 1 },
		{ "https://example.org/a", "/etc/passwd", 0 },
		{ "https://example.org/a", "notes.html", 0 },
		{ "https://example.org/a", "file:///etc/passwd", 0 },
		{ "https://example.org/a", "-", 0 },
		{ "https://example.org/a", "ftp://example.org/x", 0 },
		{ "http://example.org/a", "javascript:alert(1)", 0 },
		{ "/tmp/essay.html", "/tmp/notes.html", 1 },
		{ "/tmp/essay.html", "notes.html", 1 },
		{ "/tmp/essay.html", "https://example.org/", 1 },
		{ "/tmp/essay.html", "-", 0 },
		{ "-", "https://example.org/", 1 },
		{ "-", "/etc/passwd", 0 },
		{ "-", "-", 0 },
		{ NULL, "notes.html", 0 },
	};
	static const char	*ways[] = { "\t\n", "l\n", "\to", "lo" };
	struct pager		*p;
	char			*url, *abs;
	size_t			 i, k;
	int			 want;

	for (i = 0; i < nitems(cases); i++) {
		for (k = 0; k < nitems(ways); k++) {
			print_message("%s -> %s (%s)\n", cases[i].from != NULL ?
			    cases[i].from : "NULL", cases[i].target,
			    k == 0 ? "Tab Enter" : k == 1 ? "l Enter" :
			    k == 2 ? "Tab o" : "l o");
			p = link_pager(cases[i].from, cases[i].target);
			keys(p, ways[k]);
			want = ways[k][1] == 'o' ? PAGER_REQ_OPEN :
			    PAGER_REQ_LOAD;
			if (cases[i].allowed) {
				assert_int_equal(pager_take_request(p, &url),
				    want);
				/* A browser gets a local file as an absolute
				 * file: URL. */
				if (want == PAGER_REQ_OPEN &&
				    !url_is_web(cases[i].target)) {
					abs = url_from_path(cases[i].target);
					assert_string_equal(url, abs);
					assert_true(strncmp(abs, "file:///",
					    8) == 0);
					free(abs);
				} else
					assert_string_equal(url,
					    cases[i].target);
				free(url);
			} else {
				assert_int_equal(pager_take_request(p, &url),
				    PAGER_REQ_NONE);
				assert_non_null(p->message);
				assert_true(p->message_error);
				assert_non_null(strstr(p->message,
				    cases[i].target));
			}
			pager_free(p);
		}
	}

	/* o without a selected link opens the essay, if it has an address:
	 * standard input has none. */
	p = link_pager("/tmp/essay.html", "notes.html");
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_OPEN);
	assert_string_equal(url, "file:///tmp/essay.html");
	free(url);
	pager_free(p);
	/* Tab shows the selected link's address on the status line. */
	p = link_pager("https://example.org/a", "https://example.org/b#fn1");
	keys(p, "\t");
	assert_non_null(p->message);
	assert_false(p->message_error);
	assert_string_equal(p->message, "https://example.org/b#fn1");
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_OPEN);
	assert_string_equal(url, "https://example.org/b#fn1");
	free(url);
	pager_free(p);
	p = link_pager("/tmp/essay.html", "/tmp/notes.html#fn1");
	keys(p, "\t");
	assert_string_equal(p->message, "file:///tmp/notes.html#fn1");
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_OPEN);
	assert_string_equal(url, "file:///tmp/notes.html#fn1");
	free(url);
	pager_free(p);
	p = link_pager("-", "https://example.org/");
	keys(p, "o");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_NONE);
	assert_true(p->message_error);
	assert_non_null(strstr(p->message, "no URL"));
	pager_free(p);
}

/* The header names the URL's host as url_host() gives it, without user,
 * password or port, in lower case; a file by its name; standard input by
 * that name. */
/* A link to a place on the same page (a footnote, and back) moves there
 * at once, with no load and no history; to another page it is a load,
 * the fragment kept for the view. */
static void
test_fragments(void **state)
{
	struct doc	*d = doc_new("https://example.org/essay");
	struct pager	*p;
	char		*url;
	size_t		 fn, ref;
	int		 i;

	testdoc_para(d, "A claim");
	doc_add_anchor(d, "fnref1");
	testdoc_span(d, DOC_LINK, "https://example.org/essay#fn1", "[1]");
	testdoc_text(d, " and more, ");
	testdoc_span(d, DOC_LINK, "https://example.org/other#part2",
	    "elsewhere");
	testdoc_text(d, ", ");
	testdoc_span(d, DOC_LINK, "https://example.org/essay#nowhere",
	    "a lost note");
	testdoc_text(d, ".");
	for (i = 0; i < 60; i++)
		testdoc_para(d, "Filler paragraph between the text and notes.");
	testdoc_block(d, DOC_LIST_ITEM, 1, NULL);
	doc_add_anchor(d, "fn1");
	testdoc_text(d, "The note. ");
	testdoc_span(d, DOC_LINK, "https://example.org/essay#fnref1", "back");
	testdoc_finish(d);
	fn = d->nblocks - 1;
	ref = 0;
	p = pager_new(d, 80, 24, NULL);
	/* The first link on the screen: the footnote mark. */
	keys(p, "\t\n");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_NONE);
	assert_null(url);
	assert_int_equal(p->nhistory, 0);
	assert_int_equal(p->layout->lines[p->top].block, fn);
	/* And back, from the note's link. */
	keys(p, "\t");
	assert_string_equal(p->message, "https://example.org/essay#fnref1");
	keys(p, "\n");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_NONE);
	assert_int_equal(p->nhistory, 0);
	assert_int_equal(p->layout->lines[p->top].block, ref);
	/* Another page: a load, with its fragment. */
	keys(p, "g\t\t\n");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_LOAD);
	assert_string_equal(url, "https://example.org/other#part2");
	free(url);
	/* A place the page does not have: said, nothing moves. */
	pager_key(p, KEYC_ESCAPE);
	keys(p, "g\t\t\t\n");
	assert_int_equal(pager_take_request(p, &url), PAGER_REQ_NONE);
	assert_true(p->message_error);
	assert_non_null(strstr(p->message, "#nowhere"));
	assert_int_equal(p->top, 0);
	/* pager_goto_anchor() is what the view calls after a load. */
	pager_goto_anchor(p, "fn1");
	assert_int_equal(p->layout->lines[p->top].block, fn);
	pager_free(p);
}

static void
test_header_site(void **state)
{
	static const struct {
		const char	*url;
		const char	*site;
	} cases[] = {
		{ "https://user:pw@Example.ORG:8080/x?y#z", "example.org " },
		{ "http://[::1]/essay", "[::1] " },
		{ "/tmp/dir/essay.html", "essay.html " },
		{ "notes:1.html", "notes:1.html " },
		{ "-", "standard input " },
	};
	struct pager	*p;
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		p = link_pager(cases[i].url, "https://example.org/");
		buf_reset(&b);
		pager_header(p, &b);
		print_message("%s: %s\n", cases[i].url, buf_str(&b));
		assert_int_equal(strncmp(buf_str(&b), cases[i].site,
		    strlen(cases[i].site)), 0);
		pager_free(p);
	}
	buf_free(&b);
}

static void
test_empty_document(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct pager_opts	 o = { 0, 0 };
	struct pager		*p;
	struct buf		 b = BUF_INIT;

	testdoc_finish(d);
	p = pager_new(d, 80, 24, &o);
	keys(p, "jG3]t/x\nl");
	assert_int_equal(p->top, 0);
	assert_int_equal(pager_percent(p), 100);
	pager_status(p, &b);
	assert_int_equal(width_str(b.data, b.len), 79);
	keys(p, "o");
	assert_true(p->message_error);
	buf_free(&b);
	pager_free(p);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_motion),
		cmocka_unit_test(test_sections_numbered),
		cmocka_unit_test(test_sections_by_position),
		cmocka_unit_test(test_sections_nested),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_contents_box),
		cmocka_unit_test(test_search_folded),
		cmocka_unit_test(test_links_and_requests),
		cmocka_unit_test(test_outline_and_help),
		cmocka_unit_test(test_help_wrapped),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_resize_keeps_place),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_header_and_status),
		cmocka_unit_test(test_status_narrowing),
		cmocka_unit_test(test_outline_at_end),
		cmocka_unit_test(test_tiny_screens),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_link_origin),
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_header_site),
		cmocka_unit_test(test_reload_request),
		cmocka_unit_test(test_set_opts),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
