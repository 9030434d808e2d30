/* test_layout.c: wrapping into display lines, widths, anchors, ASCII. */
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
#include "layout.h"
#include "testdoc.h"
#include "util.h"
#include "width.h"

/* A line as the dump shows it: indent, marker, text. */
static char *
line_str(const struct layout *l, size_t i)
{
	const struct layout_line	*ln = &l->lines[i];
	struct buf			 b = BUF_INIT;
	int				 k;

	for (k = 0; k < ln->indent; k++)
		buf_addc(&b, ' ');
	buf_add(&b, buf_str(&l->text) + ln->prefix, (size_t)ln->prefix_len);
	buf_add(&b, layout_line_text(l, i), ln->len);
	return buf_detach(&b, NULL);
}

static void
check_lines(const struct layout *l, const char *const *want, size_t n)
{
	size_t	i;
	char	*s;

	for (i = 0; i < n && i < l->nlines; i++) {
		s = line_str(l, i);
		if (strcmp(s, want[i]) != 0)
			fail_msg("line %zu is \"%s\", wanted \"%s\"", i, s,
			    want[i]);
		free(s);
	}
	assert_int_equal(l->nlines, n);
}

static struct layout *
lay(const struct doc *d, int cols, int flags)
{
	struct layout_opts	o;

	memset(&o, 0, sizeof o);
	o.cols = cols;
	o.flags = flags;
	return layout_new(d, &o);
}

static int
setup(void **state)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		fail_msg("the C.UTF-8 locale is missing");
	return 0;
}

static void
test_word_wrap(void **state)
{
	static const char *const want[] = {
		"The quick brown fox", "jumps over the lazy",
		"dog and runs far", "away.",
	};
	static const char *const exact[] = { "abcde fghij klmno pq" };
	/* A space at the margin ends the line; the last space before a
	 * word that passes it is where the line breaks. */
	static const char *const margin[] = { "abcd efghi", "jk lm", "nopqrs" };
	struct doc	*d = testdoc_one(DOC_PARAGRAPH, 0, "The quick brown "
	    "fox jumps over the lazy dog and runs far away.");
	struct layout	*l = lay(d, 20, 0);

	check_lines(l, want, nitems(want));
	layout_free(l);
	doc_free(d);

	d = testdoc_one(DOC_PARAGRAPH, 0, "abcde fghij klmno pq");
	l = lay(d, 20, 0);
	check_lines(l, exact, nitems(exact));
	layout_free(l);
	doc_free(d);

	d = testdoc_one(DOC_PARAGRAPH, 0, "abcd efghi jk lm nopqrs");
	l = lay(d, 10, 0);
	check_lines(l, margin, nitems(margin));
	layout_free(l);
	doc_free(d);
}

static void
test_long_words_and_urls(void **state)
{
	static const char *const word[] = {
		"aaaaaaaaaa", "aaaaaaaaaa", "aaaaa",
	};
	static const char *const url[] = {
		"see", "https://example.", "org/a/very/long/", "path/indeed ok",
	};
	struct doc	*d = testdoc_one(DOC_PARAGRAPH, 0,
	    "aaaaaaaaaaaaaaaaaaaaaaaaa");
	struct layout	*l = lay(d, 10, 0);

	check_lines(l, word, nitems(word));
	layout_free(l);
	doc_free(d);

	d = testdoc_one(DOC_PARAGRAPH, 0,
	    "see https://example.org/a/very/long/path/indeed ok");
	l = lay(d, 16, 0);
	check_lines(l, url, nitems(url));
	layout_free(l);
	doc_free(d);
}

static void
test_cjk(void **state)
{
	/* A Japanese sentence pair at 8 cells: four ideographs a line,
	 * but never a line that starts with the full stop. */
	static const char *const want[] = {
		"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae",
		"\xe6\x96\x87\xe7\xab\xa0\xe3\x81\xa7",
		"\xe3\x81\x99\xe3\x80\x82\xe3\x81\x93\xe3\x82\x8c",
		"\xe3\x81\xaf\xe9\x95\xb7\xe3\x81\x84\xe6\x96\x87",
		"\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82",
	};
	/* ab中文字 at 5 cells: the second ideograph does not fit. */
	static const char *const split[] = {
		"ab\xe4\xb8\xad", "\xe6\x96\x87\xe5\xad\x97",
	};
	struct doc	*d = testdoc_one(DOC_PARAGRAPH, 0,
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87"
	    "\xe7\xab\xa0\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82\xe3\x81\x93"
	    "\xe3\x82\x8c\xe3\x81\xaf\xe9\x95\xb7\xe3\x81\x84\xe6\x96\x87"
	    "\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82");
	struct layout	*l = lay(d, 8, 0);
	size_t		 i;

	check_lines(l, want, nitems(want));
	for (i = 0; i < l->nlines; i++)
		assert_true(layout_line_cells(l, i) <= 8);
	layout_free(l);
	doc_free(d);

	d = testdoc_one(DOC_PARAGRAPH, 0,
	    "ab\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97");
	l = lay(d, 5, 0);
	check_lines(l, split, nitems(split));
	assert_int_equal(layout_line_cells(l, 0), 4);
	layout_free(l);
	doc_free(d);
}

static void
test_combining_and_emoji(void **state)
{
	/* Six e + combining acute: three cells a line, marks kept with
	 * their letters. */
	static const char *const marks[] = {
		"e\xcc\x81" "e\xcc\x81" "e\xcc\x81",
		"e\xcc\x81" "e\xcc\x81" "e\xcc\x81",
	};
	static const char *const emoji[] = {
		"\xf0\x9f\x98\x80\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80",
	};
	struct doc	*d = testdoc_one(DOC_PARAGRAPH, 0, "e\xcc\x81"
	    "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81");
	struct layout	*l = lay(d, 3, 0);

	check_lines(l, marks, nitems(marks));
	assert_int_equal(layout_line_cells(l, 0), 3);
	layout_free(l);
	doc_free(d);

	d = testdoc_one(DOC_PARAGRAPH, 0,
	    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80");
	l = lay(d, 5, 0);
	check_lines(l, emoji, nitems(emoji));
	layout_free(l);
	doc_free(d);
}

static void
test_lists_and_quotes(void **state)
{
	static const char *const want[] = {
		"  1. one two three", "     four five six", "     seven",
		"  \xe2\x80\xa2 a bullet item", "      \xe2\x80\xa2 nested",
		"", "    A quoted line", "    that wraps.",
	};
	struct doc		*d = doc_new(NULL);
	struct doc_block	*b;
	struct layout		*l;

	b = testdoc_block(d, DOC_LIST_ITEM, 1,
	    "one two three four five six seven");
	b->number = 1;
	testdoc_block(d, DOC_LIST_ITEM, 1, "a bullet item");
	testdoc_block(d, DOC_LIST_ITEM, 2, "nested");
	b = testdoc_block(d, DOC_QUOTE, 0, "A quoted line that wraps.");
	b->quote = 1;
	testdoc_finish(d);
	l = lay(d, 20, 0);
	check_lines(l, want, nitems(want));
	assert_int_equal(l->lines[5].kind, LAYOUT_BLANK);
	/* The marker is its own text, not part of the line's. */
	assert_int_equal(l->lines[0].prefix_len, 3);
	assert_int_equal(l->lines[0].indent, 2);
	assert_int_equal(l->lines[1].indent, 5);
	layout_free(l);
	doc_free(d);
}

static void
test_runs_and_link_numbers(void **state)
{
	struct doc		*d = doc_new(NULL);
	struct layout		*l;
	const struct layout_run	*r;

	testdoc_sample_para(d);
	testdoc_finish(d);

	l = lay(d, 80, LAYOUT_LINKNUMS);
	assert_int_equal(l->nlines, 1);
	assert_memory_equal(layout_line_text(l, 0),
	    "Read Ballerina and John Wick[1] now.", l->lines[0].len);
	assert_int_equal(l->lines[0].nruns, 3);
	r = &l->runs[l->lines[0].run];
	assert_int_equal(r[0].start, 5);
	assert_int_equal(r[0].len, 9);
	assert_int_equal(r[0].attr, LAYOUT_EM);
	assert_int_equal(r[1].start, 19);
	assert_int_equal(r[1].len, 9);
	assert_int_equal(r[1].attr, LAYOUT_LINK);
	assert_int_equal(r[1].link, 0);
	assert_int_equal(r[1].span, 1);
	assert_int_equal(r[2].start, 28);
	assert_int_equal(r[2].len, 3);
	assert_int_equal(r[2].attr, LAYOUT_MARK | LAYOUT_LINK);
	assert_int_equal(r[2].span, 1);

	/* Wrapped: the second line starts at "Wick" of the block's text,
	 * and its runs are counted from its own start. */
	layout_resize(l, 30);
	assert_int_equal(l->nlines, 2);
	assert_int_equal(l->lines[1].offset, 24);
	assert_memory_equal(layout_line_text(l, 1), "Wick[1] now.", 12);
	assert_int_equal(l->lines[1].nruns, 2);
	r = &l->runs[l->lines[1].run];
	assert_int_equal(r[0].start, 0);
	assert_int_equal(r[0].len, 4);
	assert_int_equal(r[0].attr, LAYOUT_LINK);
	assert_int_equal(r[1].attr, LAYOUT_MARK | LAYOUT_LINK);

	/* Without numbers the text is the block's own. */
	layout_free(l);
	l = lay(d, 80, 0);
	assert_memory_equal(layout_line_text(l, 0),
	    "Read Ballerina and John Wick now.", l->lines[0].len);
	layout_free(l);
	doc_free(d);
}

/* Six paragraphs of numbered words, so that a word names its place. */
static struct doc *
long_doc(void)
{
	struct doc	*d = doc_new(NULL);
	int		 p;

	for (p = 0; p < 6; p++) {
		testdoc_para(d, NULL);
		testdoc_words(d, 90, "w%d.", p);
	}
	testdoc_finish(d);
	return d;
}

/* The line found for (block, offset) shows that byte. */
static void
check_anchor(const struct layout *l, size_t block, size_t offset,
    const char *word)
{
	size_t				 n = layout_find(l, block, offset);
	const struct layout_line	*ln = &l->lines[n];

	assert_int_equal(ln->block, block);
	assert_int_equal(ln->kind, LAYOUT_TEXT);
	assert_true(ln->offset <= offset);
	assert_true(offset < ln->offset + ln->len);
	if (memmem(layout_line_text(l, n), ln->len, word, strlen(word)) ==
	    NULL)
		fail_msg("%s not on the line found", word);
}

static void
test_anchors_across_resize(void **state)
{
	struct doc	*d = long_doc();
	struct layout	*l = lay(d, 80, 0);
	const struct layout_line *ln;
	size_t		 i, top, block, offset, at40;
	char		 word[32];

	/* Every line of a plain paragraph is its block's text at its
	 * anchor. */
	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		if (ln->kind != LAYOUT_TEXT)
			continue;
		assert_memory_equal(layout_line_text(l, i),
		    d->blocks[ln->block].text + ln->offset, ln->len);
	}
	/* A line in the middle of the fourth paragraph is the top. */
	top = layout_find(l, 3, 0) + 4;
	ln = &l->lines[top];
	block = ln->block;
	offset = ln->offset;
	assert_int_equal(block, 3);
	snprintf(word, sizeof word, "%.*s", (int)strcspn(
	    d->blocks[block].text + offset, " "),
	    d->blocks[block].text + offset);

	layout_resize(l, 120);
	assert_int_equal(l->width, 120);
	check_anchor(l, block, offset, word);
	layout_resize(l, 40);
	check_anchor(l, block, offset, word);
	at40 = layout_find(l, block, offset);
	/* The word begins the line at 40 only by chance; the anchor of the
	 * line found still comes back to it. */
	layout_resize(l, 80);
	assert_int_equal(layout_find(l, block, offset), top);
	layout_resize(l, 40);
	assert_int_equal(layout_find(l, block, offset), at40);
	assert_int_equal(layout_find_doff(l, block, l->lines[at40].doff), at40);
	layout_free(l);
	doc_free(d);
}

static void
test_line_at(void **state)
{
	struct doc	*d = long_doc();
	struct layout	*l = lay(d, 60, 0);
	const char	*t = buf_str(&l->text);
	const char	*p = strstr(t, "w4.50 ");
	size_t		 n;

	assert_non_null(p);
	n = layout_line_at(l, (size_t)(p - t));
	assert_int_equal(l->lines[n].block, 4);
	assert_non_null(memmem(layout_line_text(l, n), l->lines[n].len,
	    "w4.50", 5));
	layout_free(l);
	doc_free(d);
}

static void
test_ascii(void **state)
{
	static const char *const want[] = {
		"\"Quoted\" -- a dash... ^[[2J cafe ? x",
	};
	struct doc	*d = testdoc_one(DOC_PARAGRAPH, 0,
	    "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x94 a dash\xe2\x80\xa6 "
	    "\x1b[2J cafe\xcc\x81 \xe4\xb8\xad x");
	struct layout	*l = lay(d, 80, LAYOUT_ASCII);
	const char	*t;
	char		*s;
	size_t		 i;

	check_lines(l, want, nitems(want));
	/* Nothing but ASCII in the whole display text. */
	t = buf_str(&l->text);
	for (i = 0; i < l->text.len; i++)
		assert_true((unsigned char)t[i] < 0x80);
	assert_string_equal(layout_ascii(0xe9), "e");
	assert_string_equal(layout_ascii(0x153), "oe");
	assert_string_equal(layout_ascii(0x2421), "^?");
	assert_string_equal(layout_ascii(0x301), "");
	assert_null(layout_ascii(0x4e2d));
	layout_free(l);
	doc_free(d);

	/* The markers too: a bullet is an asterisk. */
	d = testdoc_one(DOC_LIST_ITEM, 1, "item");
	l = lay(d, 80, LAYOUT_ASCII);
	s = line_str(l, 0);
	assert_string_equal(s, "  * item");
	free(s);
	layout_free(l);
	doc_free(d);
}

static void
test_pre_image_rule(void **state)
{
	static const char *const want[] = {
		"a       b", "        c", "0123456789abcdefghijklmnopqrst",
		"\xe2\x86\xaa uvwxyz", "", "[image: A dancer \xe2\x80\x94 Ana]",
		"",
		"            * * *",
	};
	struct doc		*d = doc_new(NULL);
	struct doc_block	*b;
	struct layout		*l;

	testdoc_block(d, DOC_PRE, 0,
	    "a\tb\n\tc\n0123456789abcdefghijklmnopqrstuvwxyz");
	b = testdoc_block(d, DOC_IMAGE, 0, "A dancer");
	b->caption = xstrdup("Ana");
	b->src = xstrdup("https://example.org/a.jpg");
	testdoc_block(d, DOC_RULE, 0, NULL);
	testdoc_finish(d);
	l = lay(d, 30, 0);
	check_lines(l, want, nitems(want));
	assert_int_equal(l->lines[0].attr, LAYOUT_CODE);
	/* The caption maps to the end of the alt text. */
	assert_int_equal(l->lines[5].offset, 0);
	layout_free(l);
	doc_free(d);
}

/* A rule in a window narrower than "* * *" keeps as many stars as fit,
 * centred; its line is never wider than the window, quoted or not. */
static void
test_rule_narrow(void **state)
{
	static const struct {
		int		 cols;
		int		 quote;
		const char	*want;
	} cases[] = {
		{ 1, 0, "*" },
		{ 2, 0, "*" },
		{ 3, 0, "* *" },
		{ 4, 0, "* *" },
		{ 5, 0, "* * *" },
		{ 7, 0, " * * *" },
		{ 2, 1, " *" },
		{ 6, 1, "   * *" },
		{ 12, 1, "     * * *" },
	};
	struct doc		*d;
	struct layout		*l;
	size_t			 i;
	char			*s;

	for (i = 0; i < nitems(cases); i++) {
		d = doc_new(NULL);
		testdoc_block(d, DOC_RULE, 0, NULL)->quote = cases[i].quote;
		testdoc_finish(d);
		l = lay(d, cases[i].cols, 0);
		assert_int_equal(l->nlines, 1);
		s = line_str(l, 0);
		if (strcmp(s, cases[i].want) != 0)
			fail_msg("rule at %d cols, quote %d: \"%s\", wanted "
			    "\"%s\"", cases[i].cols, cases[i].quote, s,
			    cases[i].want);
		assert_true(layout_line_cells(l, 0) <= cases[i].cols);
		free(s);
		/* A resize wraps it again from the same display text. */
		layout_resize(l, 40);
		s = line_str(l, 0);
		assert_non_null(strstr(s, "* * *"));
		free(s);
		layout_free(l);
		doc_free(d);
	}
}

/* A preformatted line longer than the window goes on under a mark,
 * broken after a space where one fits; never wider than the window. */
static void
test_pre_wrap(void **state)
{
	static const char *const want[] = {
		"int main(void) { return ",
		"\xe2\x86\xaa printf(\"%s\", ",
		"\xe2\x86\xaa argv[0]); }",
		"short",
	};
	static const char *const want_ascii[] = {
		"int main(void) { return ",
		"-> printf(\"%s\", ",
		"-> argv[0]); }",
		"short",
	};
	struct doc	*d = doc_new(NULL);
	struct layout	*l;
	size_t		 i;

	testdoc_block(d, DOC_PRE, 0,
	    "int main(void) { return printf(\"%s\", argv[0]); }\nshort");
	testdoc_finish(d);
	l = lay(d, 24, 0);
	check_lines(l, want, nitems(want));
	for (i = 0; i < l->nlines; i++)
		assert_true(layout_line_cells(l, i) <= 24);
	/* The text continued is the text, the mark only drawn. */
	assert_int_equal(l->lines[1].offset, strlen("int main(void) { return "));
	layout_free(l);
	l = lay(d, 24, LAYOUT_ASCII);
	check_lines(l, want_ascii, nitems(want_ascii));
	layout_free(l);
	doc_free(d);
}

/* Numbers of an ordered list line up on the right: "9." under "10.". */
static void
test_list_numbers(void **state)
{
	static const char *const want[] = {
		"   9. Nine", "  10. Ten", "      \xe2\x80\xa2 inner",
		"  11. Eleven", "", "Between.", "", "  1. Alone",
	};
	struct doc		*d = doc_new(NULL);
	struct doc_block	*b;
	struct layout		*l;

	b = testdoc_block(d, DOC_LIST_ITEM, 1, "Nine");
	b->number = 9;
	b = testdoc_block(d, DOC_LIST_ITEM, 1, "Ten");
	b->number = 10;
	testdoc_block(d, DOC_LIST_ITEM, 2, "inner");
	b = testdoc_block(d, DOC_LIST_ITEM, 1, "Eleven");
	b->number = 11;
	testdoc_para(d, "Between.");
	b = testdoc_block(d, DOC_LIST_ITEM, 1, "Alone");
	b->number = 1;
	testdoc_finish(d);
	l = lay(d, 40, 0);
	check_lines(l, want, nitems(want));
	layout_free(l);
	doc_free(d);
}

/* A link's mark ("[13]") is never split across lines, also where a word
 * is cut or wide characters allow a break. */
static void
test_link_mark_whole(void **state)
{
	struct doc	*d = doc_new(NULL);
	struct layout	*l;
	size_t		 i, k;
	int		 cols;
	const char	*t;

	for (i = 0; i < 12; i++)
		doc_add_link(d, "https://example.org/x");
	testdoc_para(d, NULL);
	testdoc_span(d, DOC_LINK, "https://example.org/a",
	    "abcdefghijklmnopqrstuvwxyz");
	testdoc_text(d, " ");
	testdoc_span(d, DOC_LINK, "https://example.org/b",
	    "\xe6\x98\xa0\xe7\x94\xbb\xe3\x81\xae\xe9\x95\xb7");
	testdoc_finish(d);
	for (cols = 5; cols <= 40; cols++) {
		l = lay(d, cols, LAYOUT_LINKNUMS);
		for (i = 0; i < l->nlines; i++) {
			t = layout_line_text(l, i);
			/* A '[' opens a mark closed on the same line. */
			for (k = 0; k < l->lines[i].len; k++)
				if (t[k] == '[')
					assert_non_null(memchr(t + k, ']',
					    l->lines[i].len - k));
			/* And no line starts inside one. */
			if (l->lines[i].len > 0 && t[0] != '[')
				assert_true(l->lines[i].len == 0 ||
				    !(t[0] >= '0' && t[0] <= '9' &&
				    memchr(t, ']', l->lines[i].len) != NULL &&
				    memchr(t, '[', l->lines[i].len) == NULL));
			/* A wide character's break never leaves a mark at
			 * the start of the next line. */
			if (l->lines[i].len > 0 && t[0] == '[' && i > 0 &&
			    l->lines[i - 1].len > 0 &&
			    (unsigned char)layout_line_text(l, i - 1)[
			    l->lines[i - 1].len - 1] >= 0x80 && cols >= 10)
				fail_msg("%d columns: line %zu is \"%.*s\"",
				    cols, i, (int)l->lines[i].len, t);
		}
		layout_free(l);
	}
	doc_free(d);
}

/* A table: columns aligned by display width when they fit, else each
 * row a block of "Header: value" lines; never a line wider than the
 * window. */
static void
test_tables(void **state)
{
	static const char *const aligned[] = {
		"Film    | Year | Director",
		"Solaris | 1972 | Tarkovsky",
		"\xe6\x98\xa0\xe7\x94\xbb    | 2001 | X",
	};
	static const char *const labelled[] = {
		"Film: Solaris", "Year: 1972", "Director: Tarkovsky", "",
		"Film: \xe6\x98\xa0\xe7\x94\xbb", "Year: 2001", "Director: X",
	};
	struct doc	*d = doc_new(NULL);
	struct layout	*l;
	size_t		 i;
	int		 cols;

	testdoc_block(d, DOC_TABLE_ROW, 1, "Film");
	doc_cell(d);
	testdoc_text(d, "Year");
	doc_cell(d);
	testdoc_text(d, "Director");
	testdoc_block(d, DOC_TABLE_ROW, 0, "Solaris");
	doc_cell(d);
	testdoc_text(d, "1972");
	doc_cell(d);
	testdoc_text(d, "Tarkovsky");
	testdoc_block(d, DOC_TABLE_ROW, 0, "\xe6\x98\xa0\xe7\x94\xbb");
	doc_cell(d);
	testdoc_text(d, "2001");
	doc_cell(d);
	testdoc_text(d, "X");
	testdoc_finish(d);
	l = lay(d, 40, 0);
	check_lines(l, aligned, nitems(aligned));
	/* The same layout, narrower: labelled. */
	layout_resize(l, 20);
	check_lines(l, labelled, nitems(labelled));
	/* Every width: nothing wider than the window. */
	for (cols = 1; cols <= 60; cols++) {
		layout_resize(l, cols);
		for (i = 0; i < l->nlines; i++)
			if (layout_line_cells(l, i) > (cols > 1 ? cols : 2))
				fail_msg("%d columns: line %zu is %d cells", cols,
				    i, layout_line_cells(l, i));
	}
	layout_free(l);
	doc_free(d);
}

#define SHALOM		"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"
#define SHALOM_VISUAL	"\xd7\x9d\xd7\x95\xd7\x9c\xd7\xa9"

/* Right to left: a paragraph's direction from its first strong letter
 * (else the page's dir), its lines aligned right, and the visual order
 * the pager draws where the terminal does not reorder. */
static void
test_rtl(void **state)
{
	static const struct {
		const char	*logical;
		const char	*visual;
	} cases[] = {
		{ SHALOM " world 123.", ".123 world " SHALOM_VISUAL },
		{ "(" SHALOM ")", "(" SHALOM_VISUAL ")" },
		{ SHALOM " 1,000 " SHALOM, SHALOM_VISUAL " 1,000 "
		    SHALOM_VISUAL },
		{ "abc", "abc" },
	};
	struct doc		*d;
	struct layout		*l;
	struct layout_run	 r, *vr = NULL;
	struct buf		 b = BUF_INIT;
	size_t			 i, n, cap = 0;

	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		r.start = 0;
		r.len = strlen(cases[i].logical);
		r.attr = LAYOUT_EM;
		r.link = r.span = -1;
		n = layout_visual(cases[i].logical, r.len, &r, 1, &b, &vr,
		    &cap);
		assert_string_equal(buf_str(&b), cases[i].visual);
		/* One run still covers it all. */
		assert_int_equal(n, 1);
		assert_int_equal(vr[0].start, 0);
		assert_int_equal(vr[0].len, r.len);
		assert_int_equal(vr[0].attr, LAYOUT_EM);
	}
	free(vr);
	buf_free(&b);

	d = doc_new(NULL);
	testdoc_para(d, "\xe2\x80\x9c" SHALOM "\xe2\x80\x9d, he said.");
	testdoc_para(d, "An English line with " SHALOM " inside.");
	testdoc_para(d, "2024");
	testdoc_finish(d);
	assert_true(layout_block_rtl(d, 0));
	assert_false(layout_block_rtl(d, 1));
	assert_false(layout_block_rtl(d, 2));
	doc_set(&d->dir, "rtl", (size_t)-1);
	assert_true(layout_block_rtl(d, 2));
	l = lay(d, 40, 0);
	/* The right-to-left lines end at the right margin. */
	assert_true(l->lines[0].rtl);
	assert_int_equal(layout_line_cells(l, 0), 40);
	assert_false(l->lines[2].rtl);
	assert_int_equal(l->lines[2].indent, 0);
	assert_true(l->lines[4].rtl);
	assert_int_equal(layout_line_cells(l, 4), 40);
	layout_free(l);
	doc_free(d);
}

/* A byline that the head shows already is not the body's first line
 * again; a paragraph that only mentions the name stays. */
static void
test_byline_once(void **state)
{
	static const char *const want[] = {
		"A Film", "", "Jane Doe", "", "The text begins.", "",
		"Jane Doe wrote this too.",
	};
	struct doc	*d = doc_new(NULL);
	struct layout	*l;
	size_t		 i;

	doc_set(&d->title, "A Film", (size_t)-1);
	doc_set(&d->byline, "Jane Doe", (size_t)-1);
	testdoc_para(d, "By JANE DOE");
	testdoc_para(d, "The text begins.");
	testdoc_para(d, "Jane Doe wrote this too.");
	testdoc_finish(d);
	l = lay(d, 40, LAYOUT_TITLE);
	check_lines(l, want, nitems(want));
	/* The next block's place is its own line. */
	assert_int_equal(layout_block_line(l, 1), 4);
	for (i = 0; i < l->nlines; i++)
		assert_true(l->lines[i].block < d->nblocks);
	layout_free(l);
	doc_free(d);
}

/* A table of contents box and its heading get no lines when the layout
 * is the pager's (LAYOUT_NOTOC); a dump shows them. */
static void
test_contents_box(void **state)
{
	static const char *const hidden[] = {
		"The lead.", "", "Early life", "", "Born in a town.",
	};
	static const char *const parts[] = { "Early life", "Career",
	    "Legacy" };
	struct doc	*d = doc_new("https://example.org/film");
	struct layout	*l;
	size_t		 i;

	testdoc_para(d, "The lead.");
	testdoc_block(d, DOC_HEADING, 3, "Contents");
	for (i = 0; i < nitems(parts); i++) {
		testdoc_block(d, DOC_LIST_ITEM, 1, NULL);
		testdoc_span(d, DOC_LINK, "#part", parts[i]);
	}
	testdoc_block(d, DOC_HEADING, 3, "Early life");
	testdoc_para(d, "Born in a town.");
	testdoc_finish(d);
	l = lay(d, 40, LAYOUT_NOTOC);
	check_lines(l, hidden, nitems(hidden));
	/* The hidden blocks lead to the line after them. */
	assert_int_equal(l->blocks[2].nlines, 0);
	assert_int_equal(layout_block_line(l, 2), 2);
	for (i = 0; i < l->nlines; i++)
		assert_true(l->lines[i].block == 0 || l->lines[i].block >= 5);
	layout_free(l);
	l = lay(d, 40, 0);
	/* The lead, the heading, three items (one blank after the list),
	 * the next part: a blank after each but the last. */
	assert_int_equal(l->nlines, 2 + 2 + 3 + 1 + 2 + 1);
	assert_int_equal(l->blocks[1].nlines, 2);
	layout_free(l);
	doc_free(d);
}

/* An image in the words shows as "[image: alt]" where it was. */
static void
test_inline_image(void **state)
{
	static const char *const want[] = {
		"The door [image: a red door] opens.",
	};
	struct doc	*d = doc_new(NULL);
	struct layout	*l;

	testdoc_para(d, "The door");
	doc_add_inline(d, "a red door");
	testdoc_text(d, " opens.");
	testdoc_finish(d);
	l = lay(d, 40, 0);
	check_lines(l, want, nitems(want));
	/* The mark is no word of the text: its place maps to the image's. */
	assert_int_equal(l->lines[0].offset, 0);
	layout_free(l);
	doc_free(d);
}

static void
test_headings(void **state)
{
	static const char *const want[] = {
		"3. The Hotel", "", "Part 2: Coda", "------------", "",
		"IV. Already labelled",
	};
	struct doc	*d = doc_new(NULL);
	struct layout	*l;

	testdoc_block(d, DOC_HEADING, 3, "The Hotel");
	testdoc_block(d, DOC_HEADING, 2, "Coda");
	testdoc_block(d, DOC_HEADING, 3, "IV. Already labelled");
	/* The sections as a numbering finder would give them. */
	doc_finish(d);
	doc_add_section(d, "3", "The Hotel", 3, 0);
	doc_add_section(d, "Part 2", "Coda", 2, 1);
	doc_add_section(d, "IV", "Already labelled", 3, 2);
	l = lay(d, 40, LAYOUT_UNDERLINE);
	check_lines(l, want, nitems(want));
	assert_int_equal(l->lines[0].attr, LAYOUT_HEADING);
	assert_int_equal(l->lines[3].kind, LAYOUT_DECOR);
	assert_null(layout_heading_label(d, 2));
	assert_string_equal(layout_heading_label(d, 0), "3");
	layout_free(l);
	doc_free(d);
}

static void
test_title_head(void **state)
{
	static const char *const want[] = {
		"The Long Take", "=============", "", "A. Reader", "",
		"Body text.",
	};
	static const char *const once[] = { "The Long Take", "", "Body." };
	struct doc	*d = testdoc_one(DOC_PARAGRAPH, 0, "Body text.");
	struct layout	*l;

	doc_set(&d->title, "The Long Take", (size_t)-1);
	doc_set(&d->byline, "A. Reader", (size_t)-1);
	l = lay(d, 40, LAYOUT_TITLE | LAYOUT_UNDERLINE);
	check_lines(l, want, nitems(want));
	assert_int_equal(l->lines[0].attr, LAYOUT_HEADING);
	assert_int_equal(l->lines[0].kind, LAYOUT_DECOR);
	/* The head belongs to block 0: its place is the top, and the
	 * block's first line of text comes after it. */
	assert_int_equal(layout_find_doff(l, 0, 0), 0);
	assert_int_equal(layout_find(l, 0, 0), 0);
	assert_int_equal(layout_block_line(l, 0), 5);
	/* A place in block 0's text is on its line, not the title's. */
	assert_int_equal(layout_line_at(l, l->blocks[0].dstart), 5);
	/* Not searchable text: the display texts hold the blocks only. */
	assert_null(memmem(l->text.data, l->dtotal, "Long Take", 9));
	layout_free(l);
	doc_free(d);

	/* A document that begins with its title shows it once. */
	d = doc_new(NULL);
	doc_set(&d->title, "The Long Take", (size_t)-1);
	testdoc_block(d, DOC_HEADING, 1, "The Long Take");
	testdoc_para(d, "Body.");
	testdoc_finish(d);
	l = lay(d, 40, LAYOUT_TITLE);
	check_lines(l, once, nitems(once));
	assert_int_equal(l->lines[0].kind, LAYOUT_TEXT);
	layout_free(l);
	doc_free(d);
}

/* The title and byline show even when the document has no block. */
static void
test_head_without_blocks(void **state)
{
	static const char *const want[] = {
		"The Long Take", "=============", "", "A. Reader",
	};
	struct doc	*d = doc_new(NULL);
	struct layout	*l;

	doc_set(&d->title, "The Long Take", (size_t)-1);
	doc_set(&d->byline, "A. Reader", (size_t)-1);
	testdoc_finish(d);
	l = lay(d, 40, LAYOUT_TITLE | LAYOUT_UNDERLINE);
	check_lines(l, want, nitems(want));
	assert_int_equal(l->lines[0].kind, LAYOUT_DECOR);
	layout_resize(l, 10);
	assert_true(l->nlines >= 4);
	layout_free(l);
	doc_free(d);
}

/* Tab stops in preformatted text count cells, not bytes: a wide
 * character takes two of the eight. */
static void
test_pre_tab_stops(void **state)
{
	static const char *const want[] = {
		"\xe6\x97\xa5\xe6\x9c\xac    x", "abcdefgh        y",
		"\xc3\xa9       z",
	};
	struct doc	*d = doc_new(NULL);
	struct layout	*l;

	testdoc_block(d, DOC_PRE, 0,
	    "\xe6\x97\xa5\xe6\x9c\xac\tx\nabcdefgh\ty\n\xc3\xa9\tz");
	testdoc_finish(d);
	l = lay(d, 40, 0);
	check_lines(l, want, nitems(want));
	layout_free(l);
	doc_free(d);
}

static void
test_measure_and_centre(void **state)
{
	struct doc		*d = long_doc();
	struct layout_opts	 o = { 120, 80, LAYOUT_CENTRE };
	struct layout		*l = layout_new(d, &o);
	size_t			 i;

	assert_int_equal(l->width, 80);
	assert_int_equal(l->margin, 20);
	for (i = 0; i < l->nlines; i++)
		assert_true(layout_line_cells(l, i) <= 80);
	layout_resize(l, 60);
	assert_int_equal(l->width, 60);
	assert_int_equal(l->margin, 0);
	layout_free(l);
	doc_free(d);

	/* An empty document has no lines, and finding in it is safe. */
	d = doc_new(NULL);
	testdoc_finish(d);
	l = layout_new(d, &o);
	assert_int_equal(l->nlines, 0);
	assert_int_equal(layout_find(l, 0, 0), 0);
	layout_free(l);
	doc_free(d);
}

static void
test_fit_and_clip(void **state)
{
	struct buf	b = BUF_INIT;

	assert_int_equal(layout_fit(&b, "The Hotel Ballroom", 18, 0, 10), 10);
	assert_string_equal(buf_str(&b), "The Hotel\xe2\x80\xa6");
	buf_reset(&b);
	assert_int_equal(layout_fit(&b, "The Hotel Ballroom", 18, 1, 10), 10);
	assert_string_equal(buf_str(&b), "The Hot...");
	buf_reset(&b);
	/* Six ideographs (12 cells) in 7: three and the ellipsis. */
	assert_int_equal(layout_fit(&b, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
	    "\xe3\x81\xae\xe6\x96\x87\xe7\xab\xa0", 18, 0, 7), 7);
	assert_string_equal(buf_str(&b),
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe2\x80\xa6");
	buf_reset(&b);
	assert_int_equal(layout_fit(&b, "short", 5, 0, 10), 5);
	assert_string_equal(buf_str(&b), "short");
	buf_reset(&b);
	/* Our own strings get the same guard: no control character. */
	layout_fit(&b, "a\x1b" "b", 3, 0, 10);
	assert_string_equal(buf_str(&b), "a?b");
	buf_free(&b);

	assert_int_equal(layout_clip("ab\xe4\xb8\xad\xe6\x96\x87", 8, 3), 2);
	assert_int_equal(layout_clip("ab\xe4\xb8\xad\xe6\x96\x87", 8, 4), 5);
	assert_int_equal(layout_clip("e\xcc\x81x", 4, 1), 3);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_word_wrap),
		cmocka_unit_test(test_long_words_and_urls),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_combining_and_emoji),
		cmocka_unit_test(test_lists_and_quotes),
		cmocka_unit_test(test_runs_and_link_numbers),
		cmocka_unit_test(test_anchors_across_resize),
		cmocka_unit_test(test_line_at),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_pre_image_rule),
		cmocka_unit_test(test_pre_wrap),
		cmocka_unit_test(test_rule_narrow),
		cmocka_unit_test(test_list_numbers),
		cmocka_unit_test(test_link_mark_whole),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_rtl),
		cmocka_unit_test(test_byline_once),
		cmocka_unit_test(test_contents_box),
		cmocka_unit_test(test_inline_image),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_title_head),
		cmocka_unit_test(test_head_without_blocks),
		cmocka_unit_test(test_pre_tab_stops),
		cmocka_unit_test(test_measure_and_centre),
		cmocka_unit_test(test_fit_and_clip),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
