/* sections.c: an essay's parts: its headings, and the numbered part titles
 * it writes as paragraphs ("3. The Hotel Ballroom Sequence"), which become
 * headings here. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "sections.h"
#include "toc.h"
#include "util.h"

/* A part title is short: at most this many words (two CJK characters
 * count as one word). */
#define SECTIONS_TITLE_WORDS	15
/* Nor is it a paragraph in disguise. */
#define SECTIONS_TITLE_BYTES	300
/* A bold line alone is a part title only over prose: at least this many
 * words outside links before the next title. */
#define SECTIONS_BODY_WORDS	10

/* Numbering styles: numbers of different styles never form one run. A
 * style is one of these times 256, plus the word ("Part", "Chapter"), or
 * the digits' script and the separator. */
enum sections_style {
	STYLE_NONE,
	STYLE_DIGITS,		/* 3. 3) 3、 and the same in other digits */
	STYLE_ROMAN,		/* IV. */
	STYLE_CJK,		/* 三、 */
	STYLE_CJK_ORDINAL,	/* 第三章 */
	STYLE_WORD,		/* Part 3, Chapter Three */
};

/* What a line starts with when it is numbered. */
struct sections_label {
	size_t	 len;		/* bytes of the label ("Part 3", "IV") */
	size_t	 title;		/* offset of the title after the separator */
	long	 number;	/* its value, for the run */
	int	 style;		/* see enum sections_style; 0 for none */
	int	 bare;		/* a number alone, with no separator ("IV",
				   "3"): a label only in a run, as a film
				   ("300") or a letter ("X") may be a title */
};

/* One title-like line of a paragraph, perhaps a part title. */
struct sections_cand {
	size_t	 block;
	size_t	 start, end;	/* the line: bytes [start, end) of the text */
	struct sections_label label;	/* style STYLE_NONE: unnumbered */
	int	 bold;		/* one DOC_STRONG span covers the line */
	int	 question;	/* it ends in a question mark */
	int	 intro;		/* "Introduction", "Prologue", ... */
	int	 outro;		/* "Conclusion: ...", "Epilogue", ... */
	int	 heading;	/* a numbered heading, already a section */
	long	 parent;	/* the numbered heading candidate whose
				   part this line is in, or -1 */
	int	 sub;		/* in a run of sub-parts under parent */
	int	 run;		/* in a chosen run */
	long	 follow;	/* an introduction or conclusion: the
				   candidate whose level it takes, or -1 */
	int	 level;		/* the heading level it will have */
	const char	*text;	/* its heading block's text, once it
				   is one */
	int	 body;		/* body text follows before the next title */
	size_t	 prose;		/* its words outside links, counted
				   until SECTIONS_BODY_WORDS */
	int	 chosen;
};

/* The words before the parts and after them, without a number. Matched
 * at the start of a line, whole words, ASCII case ignored. */
static const char *sections_intros[] = {
	"Introduction", "Intro", "Prologue", "Preface", "Foreword",
	"Overview", "Background",
	"\xe5\xbc\x95\xe8\xa8\x80",		/* 引言 */
	"\xe5\x89\x8d\xe8\xa8\x80",		/* 前言 */
	"\xe5\xba\x8f\xe8\xa8\x80",		/* 序言 */
	"\xd9\x85\xd9\x82\xd8\xaf\xd9\x85\xd8\xa9",	/* مقدمة */
	"\xd8\xa7\xd9\x84\xd9\x85\xd9\x82\xd8\xaf\xd9\x85\xd8\xa9",
						/* المقدمة */
	"\xd7\x9e\xd7\x91\xd7\x95\xd7\x90",	/* מבוא */
};
static const char *sections_outros[] = {
	"Conclusion", "Conclusions", "In conclusion", "Epilogue", "Coda",
	"Afterword", "Postscript", "Summary", "Final thoughts",
	"Final words", "Closing thoughts", "Final verdict", "The verdict",
	"Verdict", "Wrapping up", "In closing", "Last words",
	"\xe7\xbb\x93\xe8\xaf\xad",		/* 结语 */
	"\xe7\xbb\x93\xe8\xae\xba",		/* 结论 */
	"\xe6\x80\xbb\xe7\xbb\x93",		/* 总结 */
	"\xe5\xb0\xbe\xe5\xa3\xb0",		/* 尾声 */
	"\xe7\xb5\x90\xe8\xaa\x9e",		/* 結語 */
	"\xd8\xae\xd8\xa7\xd8\xaa\xd9\x85\xd8\xa9",	/* خاتمة */
	"\xd8\xa7\xd9\x84\xd8\xae\xd8\xa7\xd8\xaa\xd9\x85\xd8\xa9",
						/* الخاتمة */
	"\xd7\xa1\xd7\x99\xd7\x9b\xd7\x95\xd7\x9d",	/* סיכום */
};

/* Words that lead a numbered part: "Part 2", "Chapter Three", "Act IV". */
static const char *sections_words[] = {
	"Part", "Chapter", "Section", "Act", "Book", "Episode", "Movement",
	"Reel", "Scene", "Step",
};
static const char *sections_numwords[] = {
	"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
	"Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen",
	"Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty",
};

/* The code point at s and its length in *n; 0 at the end of the text. */
static unsigned int
sections_cp(const char *s, size_t len, size_t *n)
{
	unsigned int	cp;

	if (len == 0) {
		*n = 0;
		return 0;
	}
	*n = utf8_next(s, len, &cp);
	return cp;
}

static int
sections_is_space(unsigned int cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xa0 || cp == 0x3000;
}

/* The value of a decimal digit in any of the scripts essays number their
 * parts with, or -1. */
static int
sections_digit(unsigned int cp, int *script)
{
	static const unsigned int	zeros[] = {
		'0', 0xff10, 0x0660, 0x06f0, 0x0966,
	};
	size_t				i;

	for (i = 0; i < nitems(zeros); i++) {
		if (cp >= zeros[i] && cp <= zeros[i] + 9) {
			*script = (int)i;
			return (int)(cp - zeros[i]);
		}
	}
	return -1;
}

/* Skips white space from s[*i]. */
static void
sections_skip_space(const char *s, size_t len, size_t *i)
{
	size_t	n;

	while (*i < len && sections_is_space(sections_cp(s + *i, len - *i, &n)))
		*i += n;
}

/* What may follow a label besides "." ")" and a spaced dash. */
#define SEP_COLON	0x1	/* "Part 3: The Setup" */
#define SEP_NONE	0x2	/* "第三章 开端" needs no separator */

/*
 * After a number at s[i]: the separator and the start of the title.
 * Accepted: "." or ")" then white space (none needed before CJK text),
 * the CJK "、" "．" "）" "：", a spaced dash " - " " – " " — ", and what
 * flags allow. Returns the title offset, or 0. A colon after a bare
 * number is not taken: "2001: A Space Odyssey" is a title, not part 2001.
 */
static size_t
sections_separator(const char *s, size_t len, size_t i, int flags)
{
	unsigned int	cp;
	size_t		n, j;

	cp = sections_cp(s + i, len - i, &n);
	if (cp == '.' || cp == ')' || ((flags & SEP_COLON) && cp == ':')) {
		j = i + n;
		/* "3." alone: a label with no title. */
		if (j == len)
			return j;
		cp = sections_cp(s + j, len - j, &n);
		if (sections_is_space(cp)) {
			sections_skip_space(s, len, &j);
			return j;
		}
		return doc_is_cjk(cp) ? j : 0;
	}
	if (cp == 0x3001 || cp == 0xff0e || cp == 0xff09 || cp == 0xff1a) {
		j = i + n;
		sections_skip_space(s, len, &j);
		return j;
	}
	if (sections_is_space(cp)) {
		j = i;
		sections_skip_space(s, len, &j);
		cp = sections_cp(s + j, len - j, &n);
		if (cp == '-' || cp == 0x2013 || cp == 0x2014) {
			j += n;
			if (!sections_is_space(sections_cp(s + j, len - j, &n)))
				return 0;
			sections_skip_space(s, len, &j);
			return j;
		}
		/* "Part 3 Title" has no separator; "第三章 开端" needs
		 * none. */
		return (flags & SEP_NONE) ? j : 0;
	}
	return (flags & SEP_NONE) ? i : 0;
}

/* Which separator follows a number at s[i], for telling styles apart. */
static int
sections_separator_kind(const char *s, size_t len, size_t i)
{
	unsigned int	cp;
	size_t		n;

	switch (cp = sections_cp(s + i, len - i, &n)) {
	case '.':
	case 0xff0e:
		return 0;
	case ')':
	case 0xff09:
		return 1;
	case 0x3001:
		return 2;
	default:
		return 3;
	}
}

/* Reads decimal digits (one script) at s[*i]; returns the value or -1. */
static long
sections_digits(const char *s, size_t len, size_t *i, int *script)
{
	unsigned int	cp;
	size_t		n, count = 0;
	long		v = 0;
	int		d, sc, first = -1;

	while (*i < len) {
		cp = sections_cp(s + *i, len - *i, &n);
		if ((d = sections_digit(cp, &sc)) == -1 ||
		    (first != -1 && sc != first))
			break;
		first = sc;
		v = v * 10 + d;
		*i += n;
		if (++count > 3)
			return -1;
	}
	*script = first;
	return count == 0 ? -1 : v;
}

/* Reads an upper-case Roman numeral from I to XXXIX; returns its value or
 * -1. Only the canonical spelling counts, so "IIII" and "VX" do not. */
static long
sections_roman(const char *s, size_t len, size_t *i)
{
	static const char	*units[] = {
		"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
	};
	static const char	*tens[] = { "", "X", "XX", "XXX" };
	char			 want[16];
	size_t			 n = 0;
	long			 v;

	while (*i + n < len && strchr("IVX", s[*i + n]) != NULL &&
	    s[*i + n] != '\0')
		n++;
	if (n == 0 || n > 8)
		return -1;
	for (v = 1; v < 40; v++) {
		snprintf(want, sizeof want, "%s%s", tens[v / 10],
		    units[v % 10]);
		if (strlen(want) == n && strncmp(want, s + *i, n) == 0) {
			*i += n;
			return v;
		}
	}
	return -1;
}

/* Chinese numerals from 一 to 九十九; returns the value or -1. */
static long
sections_cjk_number(const char *s, size_t len, size_t *i)
{
	/* 〇 一 二 三 四 五 六 七 八 九 */
	static const unsigned int	digits[] = {
		0x3007, 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d,
		0x4e03, 0x516b, 0x4e5d,
	};
	unsigned int			cp;
	size_t				n, j = *i, k, count = 0;
	long				tens = -1, unit = -1;

	while (j < len) {
		cp = sections_cp(s + j, len - j, &n);
		if (cp == 0x5341) {			/* 十 */
			if (tens != -1)
				return -1;
			tens = unit == -1 ? 1 : unit;
			unit = -1;
		} else {
			for (k = 0; k < nitems(digits); k++) {
				if (digits[k] == cp)
					break;
			}
			if (k == nitems(digits) || unit != -1)
				break;
			unit = (long)k;
		}
		j += n;
		count++;
	}
	if (count == 0)
		return -1;
	*i = j;
	return (tens == -1 ? 0 : tens * 10) + (unit == -1 ? 0 : unit);
}

/* Does s start with word w (ASCII case ignored), followed by a non-letter? */
static size_t
sections_word_at(const char *s, size_t len, const char *w)
{
	size_t	n = strlen(w);
	char	c;

	if (len < n || strncasecmp(s, w, n) != 0)
		return 0;
	if (len > n) {
		c = s[n];
		if (ascii_isalpha((unsigned char)c) || (c & 0x80) != 0)
			return 0;
	}
	return n;
}

/* "Part 3", "Chapter Three", "Act IV": the word, a space, a number. */
static int
sections_label_word(const char *s, size_t len, struct sections_label *l)
{
	size_t	i, j, n, w;
	long	v = -1;
	int	script;

	for (w = 0; w < nitems(sections_words); w++) {
		if ((i = sections_word_at(s, len, sections_words[w])) != 0)
			break;
	}
	if (w == nitems(sections_words) || i >= len || s[i] != ' ')
		return 0;
	i++;
	j = i;
	if ((v = sections_digits(s, len, &j, &script)) == -1 &&
	    (v = sections_roman(s, len, &j)) == -1) {
		for (n = 0; n < nitems(sections_numwords); n++) {
			if ((j = sections_word_at(s + i, len - i,
			    sections_numwords[n])) != 0) {
				v = (long)n + 1;
				j += i;
				break;
			}
		}
		if (v == -1)
			return 0;
	}
	l->len = j;
	l->number = v;
	l->style = STYLE_WORD * 256 + (int)w;
	if (j == len) {
		l->title = len;		/* "Part 3" alone: no title */
		return 1;
	}
	if ((l->title = sections_separator(s, len, j, SEP_COLON)) == 0)
		return 0;
	return 1;
}

/* Reads the label a line starts with into l; returns 0 if it has none.
 * l->title == len when nothing follows the label. */
static int
sections_label(const char *s, size_t len, struct sections_label *l)
{
	unsigned int	cp;
	size_t		i = 0, n;
	long		v;
	int		script;

	memset(l, 0, sizeof *l);
	if (sections_label_word(s, len, l))
		return 1;
	cp = sections_cp(s, len, &n);
	if (cp == 0x7b2c) {					/* 第 */
		i = n;
		if ((v = sections_digits(s, len, &i, &script)) == -1 &&
		    (v = sections_cjk_number(s, len, &i)) == -1)
			return 0;
		cp = sections_cp(s + i, len - i, &n);
		/* 章 节 部 幕 回 篇 */
		if (cp != 0x7ae0 && cp != 0x8282 && cp != 0x90e8 &&
		    cp != 0x5e55 && cp != 0x56de && cp != 0x7bc7)
			return 0;
		i += n;
		if (cp == 0x90e8 && sections_cp(s + i, len - i, &n) == 0x5206)
			i += n;					/* 部分 */
		l->len = i;
		l->number = v;
		l->style = STYLE_CJK_ORDINAL * 256;
		l->title = sections_separator(s, len, i,
		    SEP_COLON | SEP_NONE);
		return l->title != 0;
	}
	i = 0;
	if ((v = sections_digits(s, len, &i, &script)) != -1) {
		l->style = STYLE_DIGITS * 256 + 4 * script;
	} else if ((v = sections_roman(s, len, &i)) != -1) {
		l->style = STYLE_ROMAN * 256;
	} else if ((v = sections_cjk_number(s, len, &i)) != -1) {
		/* Only 、 or ． after a Chinese numeral: 一个 is a word. */
		cp = sections_cp(s + i, len - i, &n);
		if (cp != 0x3001 && cp != 0xff0e)
			return 0;
		l->style = STYLE_CJK * 256;
	} else
		return 0;
	l->len = i;
	l->number = v;
	if (i == len) {
		l->title = len;
		l->bare = 1;
	} else if ((l->title = sections_separator(s, len, i, 0)) == 0)
		return 0;
	/* "1." and "1)" are two styles, and two runs. */
	l->style += sections_separator_kind(s, len, i);
	return 1;
}

/* Counts a title's words, two CJK characters as one. */
static size_t
sections_words_in(const char *s, size_t len)
{
	unsigned int	cp;
	size_t		n, i, cjk = 0;

	for (i = 0; i < len; i += n) {
		cp = sections_cp(s + i, len - i, &n);
		if (doc_is_cjk(cp))
			cjk++;
	}
	return doc_count_words(s, len) - cjk + (cjk + 1) / 2;
}

/*
 * Does s read as a title rather than as prose? It is short, does not end
 * as a sentence ends, holds no sentence break ("... the choreography. It
 * is ..."), and a Latin title does not start in lower case.
 */
static int
sections_titlelike(const char *s, size_t len)
{
	unsigned int	cp, last = 0;
	size_t		i, n, w, letters;
	int		abbrev;

	if (len == 0 || len > SECTIONS_TITLE_BYTES)
		return 0;
	if (s[0] >= 'a' && s[0] <= 'z')
		return 0;
	if (sections_words_in(s, len) > SECTIONS_TITLE_WORDS)
		return 0;
	for (i = 0; i < len; i += n) {
		cp = sections_cp(s + i, len - i, &n);
		last = cp;
		/* 。！？ inside the line end a sentence. */
		if ((cp == 0x3002 || cp == 0xff01 || cp == 0xff1f) &&
		    i + n < len)
			return 0;
		if ((cp != '.' && cp != '!' && cp != '?') || i + n >= len ||
		    s[i + n] != ' ')
			continue;
		/* A sentence ends after a word of four letters or more with
		 * no capital and no inner dot: not "Mr.", "Vol." or "e.g.". */
		for (w = i, letters = 0, abbrev = 0; w > 0 && s[w - 1] != ' ';
		    w--) {
			if ((s[w - 1] >= 'A' && s[w - 1] <= 'Z') ||
			    s[w - 1] == '.')
				abbrev = 1;
			if (((unsigned char)s[w - 1] & 0xc0) != 0x80)
				letters++;
		}
		if (letters >= 4 && !abbrev)
			return 0;
	}
	return last != '.' && last != ',' && last != ';' && last != 0x3002 &&
	    last != 0xff0c && last != 0xff1b && last != 0x2026 &&
	    last != 0x060c && last != 0x061b;
}

/* Does the line start with one of the words, as a whole word followed by
 * its end, white space or punctuation? */
static int
sections_keyword(const char *s, size_t len, const char **list, size_t n)
{
	size_t	i, k;
	char	c;

	for (i = 0; i < n; i++) {
		k = strlen(list[i]);
		if (len < k || strncasecmp(s, list[i], k) != 0)
			continue;
		if (len == k)
			return 1;
		c = s[k];
		if (c == ':' || c == ' ' || c == '.' || c == '-' ||
		    c == '!' || c == '?' || c == ',' ||
		    strncmp(s + k, "\xe2\x80\x94", 3) == 0 ||	/* — */
		    strncmp(s + k, "\xe2\x80\x93", 3) == 0 ||	/* – */
		    strncmp(s + k, "\xef\xbc\x9a", 3) == 0 ||	/* ： */
		    strncmp(s + k, "\xe3\x80\x80", 3) == 0)	/* 　 */
			return 1;
	}
	return 0;
}

/* Is [start, end) of the block covered by one span of the type? */
static int
sections_covered(const struct doc_block *b, size_t start, size_t end,
    enum doc_span_type type)
{
	size_t	i;

	for (i = 0; i < b->nspans; i++) {
		if (b->spans[i].type == type &&
		    b->spans[i].start <= start && b->spans[i].end >= end)
			return 1;
	}
	return 0;
}

static void
sections_add_cand(struct sections_cand **cands, size_t *n, size_t *cap,
    const struct sections_cand *c)
{
	*cands = xgrowarray(*cands, cap, *n + 1, sizeof **cands);
	(*cands)[(*n)++] = *c;
}

/* Does the line end as a question ("Why did you shoot it in one
 * take?"), closing quotes and brackets aside? */
static int
sections_question(const char *s, size_t len)
{
	unsigned int	cp, last = 0;
	size_t		i, n;

	for (i = 0; i < len; i += n) {
		cp = sections_cp(s + i, len - i, &n);
		if (cp != '"' && cp != '\'' && cp != ')' && cp != 0x2019 &&
		    cp != 0x201d && cp != 0xbb && !sections_is_space(cp))
			last = cp;
	}
	return last == '?' || last == 0xff1f || last == 0x061f;
}

static void
sections_cand_init(struct sections_cand *c, size_t block, long parent)
{
	memset(c, 0, sizeof *c);
	c->block = block;
	c->parent = parent;
	c->follow = -1;
}

/* Collects the lines of top-level paragraphs that could be part titles.
 * List items and quotes never are: their numbers are the list's. */
static struct sections_cand *
sections_candidates(struct doc *d, size_t *np)
{
	struct sections_cand	*cands = NULL, c;
	struct doc_block	*b;
	const char		*line, *nl;
	size_t			 i, cap = 0, n = 0, len;
	long			 parent = -1;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		/* Numbered headings join the runs, so that parts written as
		 * headings and parts written as paragraphs in one essay (as
		 * blogs mix them) count as one numbering. */
		if (b->type == DOC_HEADING && b->quote == 0) {
			sections_cand_init(&c, i, -1);
			c.text = b->text;
			if ((nl = memchr(b->text, '\n', b->len)) == NULL)
				nl = b->text + b->len;
			c.end = (size_t)(nl - b->text);
			c.heading = c.body = 1;
			if (sections_label(b->text, c.end, &c.label)) {
				parent = (long)n;
				sections_add_cand(&cands, &n, &cap, &c);
			} else
				parent = -1;
			continue;
		}
		if (b->type != DOC_PARAGRAPH || b->quote > 0)
			continue;
		for (line = b->text; line < b->text + b->len; line = nl + 1) {
			if ((nl = memchr(line, '\n',
			    (size_t)(b->text + b->len - line))) == NULL)
				nl = b->text + b->len;
			len = (size_t)(nl - line);
			sections_cand_init(&c, i, parent);
			c.start = (size_t)(line - b->text);
			c.end = (size_t)(nl - b->text);
			c.bold = sections_covered(b, c.start, c.end,
			    DOC_STRONG);
			if (sections_label(line, len, &c.label)) {
				/* "Part 3", "IV" and "3." alone are labels
				 * with no title, unless they are a link (a
				 * page number, a footnote's way back). */
				if (c.label.title == len ?
				    sections_covered(b, c.start, c.end,
				    DOC_LINK) :
				    !sections_titlelike(line + c.label.title,
				    len - c.label.title))
					continue;
			} else {
				c.label.style = STYLE_NONE;
				if (!sections_titlelike(line, len))
					continue;
				c.intro = sections_keyword(line, len,
				    sections_intros, nitems(sections_intros));
				c.outro = sections_keyword(line, len,
				    sections_outros, nitems(sections_outros));
				if (!c.bold && !c.intro && !c.outro)
					continue;
				c.question = sections_question(line, len);
			}
			sections_add_cand(&cands, &n, &cap, &c);
		}
	}
	*np = n;
	return cands;
}

/* Words of block b's text in [start, end) that are not in a link. */
static size_t
sections_prose(const struct doc_block *b, size_t start, size_t end)
{
	size_t	i, at = start, words = 0;

	for (i = 0; i < b->nspans && at < end; i++) {
		if (b->spans[i].type != DOC_LINK || b->spans[i].end <= at)
			continue;
		if (b->spans[i].start >= end)
			break;
		if (b->spans[i].start > at)
			words += sections_words_in(b->text + at,
			    b->spans[i].start - at);
		at = b->spans[i].end;
	}
	if (at < end)
		words += sections_words_in(b->text + at, end - at);
	return words;
}

/*
 * Counts the words of text outside links that follow each candidate
 * before the next candidate or heading (up to SECTIONS_BODY_WORDS), and
 * marks those with any as having a body: a title without one is a line
 * of a list, or the caption of a box of links ("Today's birthday" over a
 * link), not a part. Images and rules between a title and its text do
 * not count.
 */
static void
sections_find_bodies(struct doc *d, struct sections_cand *cands, size_t n)
{
	struct sections_cand	*c, *next;
	struct doc_block	*blk;
	size_t			 i, b, start, end;

	for (i = 0; i < n; i++) {
		c = &cands[i];
		next = i + 1 < n ? &cands[i + 1] : NULL;
		c->prose = 0;
		if (c->heading)
			continue;
		start = c->end + 1;
		for (b = c->block; b < d->nblocks &&
		    c->prose < SECTIONS_BODY_WORDS; b++, start = 0) {
			blk = &d->blocks[b];
			if (b != c->block && blk->type == DOC_HEADING)
				break;
			end = next != NULL && next->block == b ?
			    next->start : blk->len;
			if (start < end && blk->type != DOC_IMAGE &&
			    blk->type != DOC_RULE)
				c->prose += sections_prose(blk, start, end);
			if (next != NULL && next->block == b)
				break;
		}
		c->body = c->prose > 0;
	}
}

/* Chooses a run of numbered titles, first to last (indexes in cands), if
 * it counts 1, 2, 3 ... or down to 1, and every title has a body. */
static int
sections_take_run(struct sections_cand *cands, size_t *run, size_t len,
    int dir)
{
	size_t	i;

	if (len < 2)
		return 0;
	if (dir == 1 && cands[run[0]].label.number != 1)
		return 0;
	if (dir == -1 && cands[run[len - 1]].label.number != 1)
		return 0;
	for (i = 0; i < len; i++) {
		if (!cands[run[i]].body)
			return 0;
	}
	for (i = 0; i < len; i++)
		cands[run[i]].chosen = cands[run[i]].run = 1;
	return 1;
}

/* Attaches an unnumbered "Introduction" before a chosen run, and a
 * "Conclusion" (or, after bold titles, a bold line) after it, at the
 * level of the run; the sub-parts of its last part do not come between
 * a run and its conclusion. */
static void
sections_ends(struct sections_cand *cands, size_t n, size_t first,
    size_t last)
{
	size_t	i, bold = 1;

	for (i = first; i <= last; i++) {
		if (cands[i].chosen && !cands[i].sub && !cands[i].bold)
			bold = 0;
	}
	for (i = first; i > 0; i--) {
		if (cands[i - 1].sub)
			continue;
		if (cands[i - 1].chosen || cands[i - 1].heading)
			break;
		if (cands[i - 1].intro && cands[i - 1].body) {
			cands[i - 1].chosen = 1;
			cands[i - 1].follow = (long)first;
			break;
		}
	}
	for (i = last + 1; i < n; i++) {
		if (cands[i].sub)
			continue;
		if (cands[i].chosen || cands[i].heading ||
		    cands[i].label.style != STYLE_NONE)
			break;
		if ((cands[i].outro || (bold && cands[i].bold)) &&
		    cands[i].body) {
			cands[i].chosen = 1;
			cands[i].follow = (long)last;
			break;
		}
	}
}

/* Is candidate i one that sections_runs() looks at for parent? */
static int
sections_in(const struct sections_cand *cands, size_t i, long parent)
{
	if (parent == -1)
		return !cands[i].sub;
	return cands[i].parent == parent && !cands[i].heading;
}

/*
 * Finds the runs of each numbering style and chooses the plausible ones:
 * among the lines of the part that starts at numbered heading candidate
 * parent, runs of sub-parts ("1. Microphones" under "2. The Sound Era"),
 * which count from 1 again in each part; with parent -1, the runs of the
 * whole essay, sub-parts aside.
 */
static int
sections_runs(struct sections_cand *cands, size_t n, long parent)
{
	size_t	*run, len, i, j, k;
	long	 last;
	int	 style, dir, found = 0;
	char	*done;

	run = xreallocarray(NULL, n + 1, sizeof *run);
	done = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		/* Each style once, from its first candidate. */
		if ((style = cands[i].label.style) == STYLE_NONE || done[i] ||
		    !sections_in(cands, i, parent))
			continue;
		len = 0;
		dir = 0;
		for (j = i; j <= n; j++) {
			if (j < n && (cands[j].label.style != style ||
			    !sections_in(cands, j, parent)))
				continue;
			if (j < n)
				done[j] = 1;
			if (j < n && len > 0) {
				last = cands[run[len - 1]].label.number;
				if ((dir == 0 || dir == 1) &&
				    cands[j].label.number == last + 1) {
					dir = 1;
					run[len++] = j;
					continue;
				}
				if ((dir == 0 || dir == -1) &&
				    cands[j].label.number == last - 1) {
					dir = -1;
					run[len++] = j;
					continue;
				}
			}
			if (sections_take_run(cands, run, len, dir)) {
				found = 1;
				for (k = 0; parent != -1 && k < len; k++)
					cands[run[k]].sub = 1;
				if (parent == -1)
					sections_ends(cands, n, run[0],
					    run[len - 1]);
			}
			len = 0;
			dir = 0;
			if (j < n)
				run[len++] = j;
		}
	}
	free(done);
	free(run);
	return found;
}

/* A part written as a paragraph among parts written as headings takes
 * their level (the nearest numbered heading of its numbering, before it,
 * else after); a sub-part goes one below its part; an introduction or a
 * conclusion takes its run's level; other new headings take level. */
static void
sections_levels(struct doc *d, struct sections_cand *cands, size_t n,
    int level)
{
	size_t	i, j;
	int	up;

	for (i = 0; i < n; i++) {
		cands[i].level = cands[i].heading ?
		    d->blocks[cands[i].block].level : level;
		if (!cands[i].chosen || cands[i].heading ||
		    cands[i].follow != -1)
			continue;
		if (cands[i].sub) {
			up = d->blocks[cands[cands[i].parent].block].level;
			cands[i].level = up < 6 ? up + 1 : 6;
			continue;
		}
		for (j = i; j > 0; j--) {
			if (cands[j - 1].heading && cands[j - 1].chosen &&
			    cands[j - 1].label.style == cands[i].label.style) {
				cands[i].level = cands[j - 1].level;
				break;
			}
		}
		if (j > 0)
			continue;
		for (j = i + 1; j < n; j++) {
			if (cands[j].heading && cands[j].chosen &&
			    cands[j].label.style == cands[i].label.style) {
				cands[i].level =
				    d->blocks[cands[j].block].level;
				break;
			}
		}
	}
	for (i = 0; i < n; i++) {
		if (cands[i].chosen && !cands[i].heading &&
		    cands[i].follow != -1)
			cands[i].level = cands[cands[i].follow].level;
	}
}

/* Turns a chosen line into a heading block of its own; returns the
 * heading's text. */
static const char *
sections_make_heading(struct doc *d, const struct sections_cand *c,
    int level)
{
	struct doc_block	*b;
	size_t			 i = c->block;

	if (c->end < d->blocks[i].len)
		doc_split_block(d, i, c->end);
	if (c->start > 0) {
		doc_split_block(d, i, c->start - 1);
		i++;
	}
	b = &d->blocks[i];
	b->type = DOC_HEADING;
	b->level = level;
	b->number = 0;
	return b->text;
}

/* Adds the section of heading block i: its label split off its title
 * (which is empty for "Part 3" alone), and the label's value, which the
 * pager calls the section by. A bare number ("IV", "3") is a label only
 * for a heading in a run. */
static void
sections_add(struct doc *d, size_t i, int run)
{
	struct doc_block	*b = &d->blocks[i];
	struct sections_label	 l;
	char			*label = NULL, *title, *p;
	long			 number = 0;

	if (sections_label(b->text, b->len, &l) && (!l.bare || run)) {
		label = xstrndup(b->text, l.len);
		title = xstrndup(b->text + l.title, b->len - l.title);
		number = l.number;
	} else
		title = xstrdup(b->text);
	/* A title is one line in an outline. */
	for (p = title; (p = strchr(p, '\n')) != NULL; p++)
		*p = ' ';
	doc_add_section(d, label, title, b->level, i)->number = number;
	free(label);
	free(title);
}

void
sections_find(struct doc *d)
{
	struct sections_cand	*cands;
	unsigned char		*toc;
	size_t			 n, i, k, bold = 0, questions = 0;
	int			 level = 7, sub = 0, found = 0, qa;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type != DOC_HEADING)
			continue;
		if (d->blocks[i].level < level)
			level = d->blocks[i].level;
		if (d->blocks[i].level >= 2)
			sub = 1;
	}
	/* New headings sit one below the essay's own, or at 2. */
	level = level == 7 ? 2 : level < 6 ? level + 1 : 6;

	cands = sections_candidates(d, &n);
	sections_find_bodies(d, cands, n);
	/* The sub-parts of each numbered part first, so that they neither
	 * join nor break the run of the parts. */
	for (i = 0; i < n; i++) {
		if (cands[i].heading && sections_runs(cands, n, (long)i))
			found = 1;
	}
	if (sections_runs(cands, n, -1))
		found = 1;
	/*
	 * Bold lines alone are part titles only in an essay with no other
	 * structure (no subheadings, no numbered parts), only over prose,
	 * and only two or more of them: a single bold line is emphasis.
	 * When most of them are questions, the page is an interview: its
	 * questions are turns of a conversation, not parts, though an
	 * essay may title a part or two with a question.
	 */
	if (!found && !sub) {
		for (i = 0; i < n; i++) {
			if (cands[i].bold &&
			    cands[i].prose >= SECTIONS_BODY_WORDS) {
				bold++;
				questions += cands[i].question;
			}
		}
		qa = questions * 2 > bold;
		if (qa)
			bold -= questions;
		for (i = 0; bold >= 2 && i < n; i++) {
			if (cands[i].bold &&
			    cands[i].prose >= SECTIONS_BODY_WORDS &&
			    !(qa && cands[i].question))
				cands[i].chosen = 1;
		}
	}
	sections_levels(d, cands, n, level);
	/* From the end, so that splitting a block leaves the blocks and
	 * offsets of earlier candidates where they were. */
	for (i = n; i > 0; i--) {
		if (cands[i - 1].chosen && !cands[i - 1].heading)
			cands[i - 1].text = sections_make_heading(d,
			    &cands[i - 1], cands[i - 1].level);
	}

	/* Splitting moves blocks but not their texts, so a heading is
	 * matched to its candidate by its text; both are in order. The
	 * heading of a table of contents box is no section. */
	toc = toc_find(d);
	for (i = 0, k = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type != DOC_HEADING ||
		    (toc != NULL && toc[i]))
			continue;
		while (k < n && cands[k].text == NULL)
			k++;
		if (k < n && cands[k].text == d->blocks[i].text) {
			sections_add(d, i, cands[k].run);
			k++;
		} else
			sections_add(d, i, 0);
	}
	free(toc);
	free(cands);
}
