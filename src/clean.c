/* clean.c: repairs a page with tidy-html5, after a pre-pass that drops what
 * tidy would read for nothing, and copies tidy's node tree straight into a
 * libxml2 document, with no serialization in between. */
#include <config.h>

#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/dict.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#ifdef HAVE_TIDY_H
#include <tidy.h>
#include <tidybuffio.h>
#else
#include <tidy/tidy.h>
#include <tidy/tidybuffio.h>
#endif

#include "buf.h"
#include "clean.h"
#include "util.h"

/*
 * Tidy 5.6 parses, and frees, its tree with one C call per level, so a
 * page nested a hundred thousand elements deep overflows an ordinary
 * stack. Tidy therefore runs on a thread whose stack grows with the page:
 * hostile nestings measured at most 172 bytes of stack per tag, and each
 * '<' of the page is given CLEAN_STACK_PER_TAG.
 */
#define CLEAN_STACK_BASE	((size_t)4 << 20)
#define CLEAN_STACK_PER_TAG	((size_t)1024)
#define CLEAN_STACK_MAX		((size_t)1 << 30)

/*
 * Budgets. Tidy's time grows with the square of the depth (each element
 * looks at all its ancestors: 22,000 nested <div> take it 1.7 s), with
 * the square of an element's attributes (each is checked against the
 * others: 20,000 take 1.2 s), with the elements it makes up (an unclosed
 * <font> is made again in every block after it), and with what it
 * reports: tidy 5.6 formats every report, through its localized strings
 * and vsnprintf, before any of show-warnings, show-info, show-errors,
 * quiet, mute, a report filter or a message callback can say it is not
 * wanted (tidyMessageCreateInitV() in its messageobj.c), and that was most
 * of its time on a page of a million unclosed <a>. So:
 *  - before tidy runs, clean_budget() reads the page's tags as tidy will
 *    nest them, roughly, and a page that would open too many elements at
 *    once, or make too many elements and attributes, or has an element
 *    with too many attributes, is refused at once;
 *  - as tidy parses, its reports are counted and the depth of its stack
 *    (in bytes, as it reads each byte: its parsers recurse a level for an
 *    element, 64 to 80 bytes a level in tidy 5.6) is measured, and past
 *    either budget tidy is given no more of the page, and it is refused.
 * A refused page costs reel a fraction of a second, where the worst of
 * these took it minutes or gigabytes. On the Readability corpus, the
 * largest page (wikipedia-2) has 24,000 elements and attributes, the most
 * attributes of an element are 70, and no page opens 40 elements at once,
 * has tidy report 1,100 things or use 4 KB of its stack.
 */
#define CLEAN_MAX_OPEN		4096	/* elements open at once */
#define CLEAN_MAX_NODES		250000	/* elements and attributes */
#define CLEAN_MAX_ATTRS		1024	/* attributes of one element */
#define CLEAN_MAX_REPORTS	100000	/* tidy's warnings and notes */
#define CLEAN_MAX_STACK		((size_t)512 << 10) /* of tidy's stack */

/* How far down the open elements the budget pass looks for the one a
 * tag closes: further down, it is taken to close nothing, which can only
 * overstate the depth. */
#define CLEAN_SCAN		64

/*
 * The tree keeps at most this depth (the limit of libxml2's own HTML
 * parser), so that code written against either tree may recurse. Deeper
 * elements are left out but their text and children stay, one level up.
 */
#define CLEAN_MAX_DEPTH		256

struct clean {
	TidyDoc		 tdoc;
	size_t		 stack;		/* for tidy's thread */
};

/* What tidy's parsing thread reads and returns. Tidy reads the page
 * through clean_source_get(), which ends it early once tidy is over one
 * of its budgets. */
struct clean_job {
	TidyDoc			 tdoc;
	const unsigned char	*start;
	const unsigned char	*p;		/* the next byte tidy reads */
	const unsigned char	*end;
	uintptr_t		 base;		/* of the thread's stack */
	size_t			 stack;		/* the most tidy has used */
	size_t			 reports;	/* tidy's, so far */
	int			 rc;
};

static void *TIDY_CALL
clean_alloc(TidyAllocator *self, size_t size)
{
	return xmalloc(size);
}

static void *TIDY_CALL
clean_realloc(TidyAllocator *self, void *p, size_t size)
{
	return xrealloc(p, size);
}

static void TIDY_CALL
clean_dealloc(TidyAllocator *self, void *p)
{
	free(p);
}

static void TIDY_CALL
clean_panic(TidyAllocator *self, ctmbstr msg)
{
	fatal(_("tidy: %s"), msg);
}

/* Tidy's memory comes from x*alloc, so running out of it is fatal() as
 * everywhere else in reel rather than tidy's own exit(). */
static const TidyAllocatorVtbl clean_vtbl = {
	clean_alloc, clean_realloc, clean_dealloc, clean_panic
};
static TidyAllocator clean_allocator = { &clean_vtbl };

/* Tidy's diagnostics are for authors, not readers: none is printed, but
 * they are counted, because each has cost tidy its formatting. */
static Bool TIDY_CALL
clean_message(TidyMessage msg)
{
	struct clean_job	*job;

	if ((job = tidyGetAppData(tidyGetMessageDoc(msg))) != NULL)
		job->reports++;
	return no;
}

static int
clean_source_over(const struct clean_job *job)
{
	return job->p == job->end || job->reports > CLEAN_MAX_REPORTS ||
	    job->stack > CLEAN_MAX_STACK;
}

/* Tidy's input: the page, which ends early once tidy is over budget. */
static int TIDY_CALL
clean_source_get(void *data)
{
	struct clean_job	*job = data;
	uintptr_t		 here = (uintptr_t)__builtin_frame_address(0);
	size_t			 used;

	/* Tidy reads from the depth of the element it is in. */
	used = here < job->base ? job->base - here : here - job->base;
	if (used > job->stack)
		job->stack = used;
	if (clean_source_over(job))
		return (int)EndOfStream;
	return *job->p++;
}

/* Tidy gives back only a byte it has read, as from its own buffers. */
static void TIDY_CALL
clean_source_unget(void *data, byte c)
{
	struct clean_job	*job = data;

	if (job->p > job->start)
		job->p--;
}

static Bool TIDY_CALL
clean_source_eof(void *data)
{
	return clean_source_over(data) ? yes : no;
}

static const struct {
	TidyOptionId	 id;
	Bool		 value;
} clean_bools[] = {
	{ TidyShowWarnings, no },
	{ TidyShowInfo, no },
	{ TidyQuiet, yes },
	{ TidyForceOutput, yes },	/* a tree even after errors */
	{ TidyMark, no },
	/* Nothing textual may go: keep empty elements, keep structure. */
	{ TidyDropEmptyElems, no },
	{ TidyDropEmptyParas, no },
	{ TidyMergeEmphasis, no },
	/* The page's own URLs, not tidy's rewriting of them. */
	{ TidyFixUri, no },
	{ TidyFixBackslash, no },
	{ TidyAnchorAsName, no },
	/* Text arrives decoded; entities are never kept as references. */
	{ TidyPreserveEntities, no },
	/* A tab in <pre> stays a tab (tidy's default makes it spaces):
	 * the layout owns tabs there. Elsewhere tidy collapses them. */
	{ TidyKeepTabs, yes },
};

static const struct {
	TidyOptionId	 id;
	unsigned long	 value;
} clean_ints[] = {
	{ TidyShowErrors, 0 },
	{ TidyWrapLen, 0 },
	{ TidyMergeDivs, TidyNoState },
	{ TidyMergeSpans, TidyNoState },
	/* Unknown elements (<amp-img>, <my-widget>) are kept, as blocks. */
	{ TidyUseCustomTags, TidyCustomBlocklevel },
	/* Comments are left out of the tree, so their hyphens need no
	 * fixing; "auto" would ask for the HTML version at every token. */
	{ TidyFixComments, TidyNoState },
};

static int
clean_isnamechar(int c)
{
	return ascii_isalpha(c) || (c >= '0' && c <= '9') || c == '-' ||
	    c == '_' || c == ':' || c == '.';
}

/*
 * The pre-pass. Tidy reads a page a character at a time, through several
 * calls each, and most of a page's bytes are what it reads for nothing:
 * script and style that the extractor throws away, indentation that tidy
 * makes one space of, comments it leaves out of the tree. Before tidy
 * runs, clean_strip() copies the page without the bodies of scripts (but
 * JSON-LD's, which the extractor reads), the bodies of styles, comments,
 * all but the first character of each run of white space out of <pre>,
 * and the geometry of SVG paths; on the Readability corpus that is 62% of
 * the bytes, and the tree tidy builds has the same text. In the text it
 * copies (attribute values, and raw text but scripts') it also writes what
 * tidy would lose so that tidy keeps it: see clean_strip_text().
 *
 * It follows the HTML tokenizer (WHATWG, "Tokenization") as far as it must
 * to drop nothing a reader would see: a tag is read with its attributes,
 * quoted values and all, so that a "<script>" in a value or a comment
 * opens nothing; the text of <textarea>, <title>, <iframe> and their kind
 * is copied through (tidy reads it as markup, a browser as text, so none
 * of it goes); what it does not recognise it copies; and a
 * comment stays where, gone, it would join the text around it into markup
 * ("<<!-- -->p>"). Where the standard and the parsers reel used before
 * disagree, it drops the less:
 *  - a script ends at its first "</script" followed by white space, '/' or
 *    '>' (so not at "</scripty>"), also inside a "<!--" of the script,
 *    where the standard's escape states would let a nested
 *    "<script>...</script>" pass (old pages' document.write): tidy and
 *    libxml2 end it there too, and what follows is copied as they read it;
 *  - a <script/> or <style/> is empty, as tidy and libxml2 (and XHTML)
 *    take it, where an HTML browser would open raw text;
 *  - inside <svg> and <math>, where a script is ordinary markup, nothing
 *    goes but the geometry of paths; their end is found by counting their
 *    own tags (an HTML tag in them that would end them is not seen, and
 *    the rest of the page is then copied but for that geometry);
 *  - <noscript> is markup, as for libxml2 and a browser without scripts.
 */

/* The pre-pass's kinds of start tag. */
enum clean_strip_kind {
	CLEAN_STRIP_SCRIPT,	/* script data: emptied unless JSON-LD */
	CLEAN_STRIP_STYLE,	/* raw text: emptied */
	CLEAN_STRIP_RAW,	/* raw text or RCDATA: copied unread */
	CLEAN_STRIP_PLAINTEXT,	/* raw text to the end of the page */
	CLEAN_STRIP_PRE,	/* white space kept as it is */
	CLEAN_STRIP_SVG,	/* foreign: no raw text inside */
	CLEAN_STRIP_MATH,	/* foreign too */
};

static const struct clean_strip_name {
	const char		*name;
	size_t			 len;
	enum clean_strip_kind	 kind;
} clean_strip_names[] = {
	{ "script", 6, CLEAN_STRIP_SCRIPT },
	{ "style", 5, CLEAN_STRIP_STYLE },
	{ "title", 5, CLEAN_STRIP_RAW },
	{ "textarea", 8, CLEAN_STRIP_RAW },
	{ "iframe", 6, CLEAN_STRIP_RAW },
	{ "xmp", 3, CLEAN_STRIP_RAW },
	{ "noembed", 7, CLEAN_STRIP_RAW },
	{ "noframes", 8, CLEAN_STRIP_RAW },
	{ "plaintext", 9, CLEAN_STRIP_PLAINTEXT },
	{ "pre", 3, CLEAN_STRIP_PRE },
	{ "listing", 7, CLEAN_STRIP_PRE },
	{ "svg", 3, CLEAN_STRIP_SVG },
	{ "math", 4, CLEAN_STRIP_MATH },
};

/* A tag as the pre-pass reads it. */
struct clean_strip_tag {
	const char	*name;
	size_t		 len;
	size_t		 attrs;		/* how many it has */
	int		 closed;	/* ends in "/>" */
	int		 jsonld;	/* a type attribute says JSON-LD */
};

/* The tokenizer's white space; a CR is one too, as the input stream turns
 * it into a LF before tokenizing. */
static int
clean_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Does [p, end) start with name, ASCII case ignored, followed by what ends
 * a tag name? At the end of the page it does not: "</script" then nothing
 * is text. */
static int
clean_at_name(const char *p, const char *end, const char *name, size_t n)
{
	return (size_t)(end - p) > n && ascii_prefix_ci(p, n, name) &&
	    (clean_isspace((unsigned char)p[n]) || p[n] == '/' || p[n] == '>');
}

/* Is the type attribute's value v (n bytes) JSON-LD? Case and white space
 * around it are ignored, and parameters ("; charset=utf-8") allowed: the
 * extractor is stricter, so this keeps every body it could read. */
static int
clean_is_jsonld(const char *v, size_t n)
{
	static const char	mime[] = "application/ld+json";
	size_t			len = sizeof mime - 1;

	while (n > 0 && clean_isspace((unsigned char)*v)) {
		v++;
		n--;
	}
	return n >= len && ascii_prefix_ci(v, n, mime) &&
	    (n == len || clean_isspace((unsigned char)v[len]) ||
	    v[len] == ';');
}

/* The pre-pass's output so far: out, then the page from copied on. Its
 * size always holds what is left of the page and a NUL. */
struct clean_strip {
	char		*out;
	size_t		 used;
	size_t		 size;
	const char	*copied;	/* the page is copied up to here */
	const char	*end;		/* the page's end */
};

/* Leaves [from, to) of the page out. */
static void
clean_strip_drop(struct clean_strip *cs, const char *from, const char *to)
{
	memcpy(cs->out + cs->used, cs->copied, (size_t)(from - cs->copied));
	cs->used += (size_t)(from - cs->copied);
	cs->copied = to;
}

/* Puts the n bytes at s where [from, to) of the page was. */
static void
clean_strip_put(struct clean_strip *cs, const char *from, const char *to,
    const char *s, size_t n)
{
	size_t	need;

	need = cs->used + (size_t)(from - cs->copied) + n +
	    (size_t)(cs->end - to) + 1;
	if (need > cs->size) {
		cs->size = need + need / 4;
		cs->out = xrealloc(cs->out, cs->size);
	}
	clean_strip_drop(cs, from, to);
	memcpy(cs->out + cs->used, s, n);
	cs->used += n;
}

/* What the pre-pass looks for in text, a byte at a time. */
#define CLEAN_T_WHITE	1	/* tidy makes a run of them one space */
#define CLEAN_T_CTRL	2	/* a control tidy would leave out */
#define CLEAN_T_AMP	4	/* may start a character reference */

/*
 * Tidy leaves out of text and attribute values every C0 control but tab,
 * newline, CR and ESC (DEL it keeps too); a page's controls are the
 * sanitizer's to show, so these are given to tidy as character references,
 * which it keeps. A form feed or vertical tab then separates words, where
 * tidy would have joined them.
 */
static const unsigned char clean_text_class[256] = {
	[0x01] = CLEAN_T_CTRL, [0x02] = CLEAN_T_CTRL, [0x03] = CLEAN_T_CTRL,
	[0x04] = CLEAN_T_CTRL, [0x05] = CLEAN_T_CTRL, [0x06] = CLEAN_T_CTRL,
	[0x07] = CLEAN_T_CTRL, [0x08] = CLEAN_T_CTRL,
	['\t'] = CLEAN_T_WHITE, ['\n'] = CLEAN_T_WHITE,
	['\v'] = CLEAN_T_CTRL, ['\f'] = CLEAN_T_WHITE | CLEAN_T_CTRL,
	['\r'] = CLEAN_T_WHITE,
	[0x0e] = CLEAN_T_CTRL, [0x0f] = CLEAN_T_CTRL, [0x10] = CLEAN_T_CTRL,
	[0x11] = CLEAN_T_CTRL, [0x12] = CLEAN_T_CTRL, [0x13] = CLEAN_T_CTRL,
	[0x14] = CLEAN_T_CTRL, [0x15] = CLEAN_T_CTRL, [0x16] = CLEAN_T_CTRL,
	[0x17] = CLEAN_T_CTRL, [0x18] = CLEAN_T_CTRL, [0x19] = CLEAN_T_CTRL,
	[0x1a] = CLEAN_T_CTRL, [0x1c] = CLEAN_T_CTRL, [0x1d] = CLEAN_T_CTRL,
	[0x1e] = CLEAN_T_CTRL, [0x1f] = CLEAN_T_CTRL,
	[' '] = CLEAN_T_WHITE, ['&'] = CLEAN_T_AMP,
};

static int
clean_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = ascii_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * Reads the digits of a numeric character reference from s (after "&#"):
 * decimal, or hexadecimal after an 'x' or 'X'. Returns the byte after the
 * last digit and the value in *v (past U+10FFFF, some value past it), or
 * NULL if there is no digit.
 */
static const char *
clean_ref_digits(const char *s, const char *end, unsigned long *v)
{
	const char	*digits;
	int		 d, base = 10;

	*v = 0;
	if (s < end && (*s == 'x' || *s == 'X')) {
		base = 16;
		s++;
	}
	for (digits = s; s < end; s++) {
		if ((d = clean_hexval((unsigned char)*s)) < 0 || d >= base)
			break;
		if (*v <= 0x10ffff)
			*v = *v * (unsigned long)base + (unsigned long)d;
	}
	return s > digits ? s : NULL;
}

/*
 * If a numeric character reference to U+0000 or past U+10FFFF starts at
 * p (an '&'), returns where it ends (after its ';', if it has one), else
 * NULL. Tidy reads the one as a NUL, which ends the C string an attribute
 * value is kept in, and the other modulo 2^32, as any code point; HTML
 * makes both U+FFFD, and so does the pre-pass, before tidy reads them.
 */
static const char *
clean_bad_ref(const char *p, const char *end)
{
	unsigned long	 v;
	const char	*q;

	if (end - p < 3 || p[1] != '#' ||
	    (q = clean_ref_digits(p + 2, end, &v)) == NULL ||
	    (v != 0 && v <= 0x10ffff))
		return NULL;
	return q < end && *q == ';' ? q + 1 : q;
}

/*
 * Copies the text [p, end) as tidy should read it: a control it would
 * leave out as a reference, a reference it would misread as U+FFFD, and,
 * with collapse (text out of <pre>), all but the first character of each
 * run of white space, which tidy makes one space.
 */
static void
clean_strip_text(struct clean_strip *cs, const char *p, const char *end,
    int collapse)
{
	const char	*q;
	char		 ref[8];
	int		 c, n;

	for (; p < end; p++) {
		if ((c = clean_text_class[(unsigned char)*p]) == 0)
			continue;
		if (c & CLEAN_T_AMP) {
			if ((q = clean_bad_ref(p, end)) != NULL) {
				clean_strip_put(cs, p, q, "\xef\xbf\xbd", 3);
				p = q - 1;
			}
			continue;
		}
		if (c & CLEAN_T_CTRL) {
			n = snprintf(ref, sizeof ref, "&#%d;", *p);
			clean_strip_put(cs, p, p + 1, ref, (size_t)n);
		}
		if ((c & CLEAN_T_WHITE) && collapse) {
			for (q = p + 1; q < end &&
			    (clean_text_class[(unsigned char)*q] &
			    CLEAN_T_WHITE); q++)
				/* nothing */;
			if (q > p + 1)
				clean_strip_drop(cs, p + 1, q);
			p = q - 1;
		}
	}
}

/*
 * Reads the tag whose name starts at p (after "<" or "</"), attributes
 * and all, as the tokenizer's tag states do. Returns the byte after its
 * '>', or NULL when the page ends inside it. With cs, attribute values
 * are copied as clean_strip_text() copies text; with svg too, the quoted
 * value of a "d" attribute is left out: an SVG path's geometry, often
 * kilobytes of numbers, which tidy reads a character at a time for
 * nothing.
 */
static const char *
clean_strip_read_tag(const char *p, const char *end,
    struct clean_strip_tag *t, struct clean_strip *cs, int svg)
{
	const char	*an, *v, *q;
	size_t		 alen, vlen;
	int		 slash, quoted;

	t->name = p;
	while (p < end && !clean_isspace((unsigned char)*p) && *p != '/' &&
	    *p != '>')
		p++;
	t->len = (size_t)(p - t->name);
	t->attrs = 0;
	t->closed = t->jsonld = 0;
	for (;;) {
		/* Before an attribute's name: a '/' right before the '>'
		 * closes the tag, one anywhere else is nothing. */
		for (slash = 0; p < end && (clean_isspace((unsigned char)*p) ||
		    *p == '/'); p++)
			slash = *p == '/';
		if (p == end)
			return NULL;
		if (*p == '>') {
			t->closed = slash;
			return p + 1;
		}
		/* The name; its first character may be '='. */
		t->attrs++;
		an = p++;
		while (p < end && !clean_isspace((unsigned char)*p) &&
		    *p != '/' && *p != '>' && *p != '=')
			p++;
		alen = (size_t)(p - an);
		while (p < end && clean_isspace((unsigned char)*p))
			p++;
		if (p == end)
			return NULL;
		if (*p != '=')
			continue;
		for (p++; p < end && clean_isspace((unsigned char)*p); p++)
			/* nothing */;
		if (p == end)
			return NULL;
		if ((quoted = *p == '"' || *p == '\'')) {
			if ((q = memchr(p + 1, *p, (size_t)(end - p - 1))) ==
			    NULL)
				return NULL;
			v = p + 1;
			vlen = (size_t)(q - v);
			p = q + 1;
		} else {
			v = p;
			while (p < end && !clean_isspace((unsigned char)*p) &&
			    *p != '>')
				p++;
			vlen = (size_t)(p - v);
		}
		/* An unquoted "d" stays: "d= x" would take x. */
		if (cs != NULL && svg && quoted && alen == 1 &&
		    ascii_lower((unsigned char)*an) == 'd')
			clean_strip_drop(cs, v, v + vlen);
		else if (cs != NULL)
			clean_strip_text(cs, v, v + vlen, 0);
		if (alen == 4 && ascii_prefix_ci(an, alen, "type") &&
		    clean_is_jsonld(v, vlen))
			t->jsonld = 1;
	}
}

/* The entry of clean_strip_names for the tag t, or NULL. */
static const struct clean_strip_name *
clean_strip_name(const struct clean_strip_tag *t)
{
	size_t	i;

	for (i = 0; i < nitems(clean_strip_names); i++) {
		if (t->len == clean_strip_names[i].len &&
		    ascii_prefix_ci(t->name, t->len, clean_strip_names[i].name))
			return &clean_strip_names[i];
	}
	return NULL;
}

/* Where the raw text from p ends: the '<' of "</name", or end. */
static const char *
clean_raw_end(const char *p, const char *end, const char *name, size_t n)
{
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if (p + 1 < end && p[1] == '/' &&
		    clean_at_name(p + 2, end, name, n))
			return p;
		p++;
	}
	return end;
}

/*
 * Where the comment whose text starts at p (after "<!--") ends: after its
 * "-->" or "--!>", or the "<!-->" and "<!--->" that end at once. One that
 * never ends runs to the end of the page.
 */
static const char *
clean_comment_end(const char *p, const char *end)
{
	const char	*q;

	if (p < end && *p == '>')
		return p + 1;
	if (end - p >= 2 && p[0] == '-' && p[1] == '>')
		return p + 2;
	while ((q = memmem(p, (size_t)(end - p), "--", 2)) != NULL) {
		for (p = q + 2; p < end && *p == '-'; p++)
			/* nothing */;
		if (p < end && *p == '>')
			return p + 1;
		if (end - p >= 2 && p[0] == '!' && p[1] == '>')
			return p + 2;
	}
	return end;
}

/* Would leaving out what starts at p (a comment) join the text before it
 * to what follows into markup: "<" into a tag, "&amp" into a reference? */
static int
clean_strip_joins(const char *s, const char *p)
{
	const char	*q = p;

	while (q > s && p - q < 32 && (clean_isnamechar((unsigned char)q[-1]) ||
	    q[-1] == '#'))
		q--;
	return q > s && (q[-1] == '&' || (q == p && q[-1] == '<'));
}

/* Where the bogus comment ("<!x>", "<?x>", "</ x>") from p ends: after
 * its first '>'. */
static const char *
clean_bogus_end(const char *p, const char *end)
{
	const char	*q;

	return (q = memchr(p, '>', (size_t)(end - p))) != NULL ? q + 1 : end;
}

char *
clean_strip(const char *s, size_t len, size_t *outlen)
{
	const struct clean_strip_name	*rn, *foreign = NULL; /* svg, math */
	struct clean_strip_tag		 t;
	struct clean_strip		 cs;
	const char			*end = s + len, *p = s, *q, *body;
	const char			*lt, *r;
	size_t				 depth = 0;	/* in it */
	size_t				 pre = 0;	/* in <pre> */
	int				 started = 0;	/* a tag or text
							   came */

	cs.size = len + 1;
	cs.out = xmalloc(cs.size);
	cs.used = 0;
	cs.copied = s;
	cs.end = end;
	for (;;) {
		lt = memchr(p, '<', (size_t)(end - p));
		for (r = p; !started && r < (lt != NULL ? lt : end); r++)
			if (!clean_isspace((unsigned char)*r) &&
			    !(r - s < 3 && (unsigned char)*r >= 0xbb))
				started = 1;
		clean_strip_text(&cs, p, lt != NULL ? lt : end,
		    depth == 0 && pre == 0);
		if ((p = lt) == NULL || (q = p + 1) == end)
			break;
		if (*q == '!') {
			/* A comment is kept in <svg> or <math>: if they
			 * ended unseen (an HTML tag ends them), it may be a
			 * "<!--" in a script. */
			if (end - q >= 3 && q[1] == '-' && q[2] == '-') {
				body = p;
				p = clean_comment_end(q + 3, end);
				if (depth == 0 && !clean_strip_joins(s, body))
					clean_strip_drop(&cs, body, p);
			} else if (end - q >= 8 &&
			    memcmp(q + 1, "[CDATA[", 7) == 0) {
				/* Past its "]]>", so that nothing in it is
				 * taken for markup, in <svg> or out. */
				p = memmem(q + 8, (size_t)(end - q - 8),
				    "]]>", 3);
				p = p != NULL ? p + 3 : end;
			} else {
				/* A declaration that is not the doctype
				 * before all else is a comment, as HTML5
				 * reads it: tidy took "<!D" after a tag for
				 * a doctype and recursed without end on
				 * "<button <div><!D y><head<<s" (found by
				 * fuzz_layout). */
				body = p;
				p = clean_bogus_end(q, end);
				if (depth == 0 && (started || end - q < 8 ||
				    strncasecmp(q + 1, "doctype", 7) != 0) &&
				    !clean_strip_joins(s, body))
					clean_strip_drop(&cs, body, p);
			}
			continue;
		}
		if (*q == '?') {
			/* A processing instruction is a comment too, as
			 * HTML5 reads it, to its first '>'. Tidy 5.6 reads
			 * "<?xml" with attributes as a declaration to a
			 * quote's end and leaks them when the page ends
			 * first: "<?xml a=\"1>" (found by fuzz_layout). In
			 * <svg> or <math>, only one holding no other '<'
			 * goes: it cannot hold a script's end tag. Where
			 * leaving it out would join markup, an empty
			 * comment stands in its place. */
			body = p;
			p = clean_bogus_end(q, end);
			if (depth > 0 && memchr(q, '<', (size_t)(p - q)) !=
			    NULL)
				continue;
			if (clean_strip_joins(s, body))
				clean_strip_put(&cs, body, p, "<!---->", 7);
			else
				clean_strip_drop(&cs, body, p);
			continue;
		}
		started = 1;
		if (*q == '/') {
			if (++q == end)
				break;
			if (*q == '>')
				p = q + 1;
			else if (!ascii_isalpha((unsigned char)*q))
				p = clean_bogus_end(q, end);
			else if ((p = clean_strip_read_tag(q, end, &t, NULL,
			    0)) == NULL)
				break;
			else if ((rn = clean_strip_name(&t)) == NULL)
				continue;
			else if (depth > 0 && rn == foreign)
				depth--;
			else if (depth == 0 && rn->kind == CLEAN_STRIP_PRE &&
			    pre > 0)
				pre--;
			continue;
		}
		if (!ascii_isalpha((unsigned char)*q)) {
			p = q;
			continue;
		}
		if ((p = clean_strip_read_tag(q, end, &t, &cs, depth > 0 &&
		    foreign->kind == CLEAN_STRIP_SVG)) == NULL)
			break;
		rn = clean_strip_name(&t);
		if (depth > 0) {
			/* Their own tags are counted, no others. */
			if (rn == foreign && !t.closed)
				depth++;
			continue;
		}
		if (rn == NULL)
			continue;
		body = p;
		switch (rn->kind) {
		case CLEAN_STRIP_SCRIPT:
		case CLEAN_STRIP_STYLE:
			if (t.closed)
				break;
			p = clean_raw_end(body, end, rn->name, rn->len);
			if (rn->kind == CLEAN_STRIP_STYLE || !t.jsonld)
				clean_strip_drop(&cs, body, p);
			break;
		case CLEAN_STRIP_RAW:
			p = clean_raw_end(body, end, rn->name, rn->len);
			clean_strip_text(&cs, body, p, 0);
			break;
		case CLEAN_STRIP_PLAINTEXT:
			p = end;
			clean_strip_text(&cs, body, p, 0);
			break;
		case CLEAN_STRIP_PRE:
			pre++;
			break;
		case CLEAN_STRIP_SVG:
		case CLEAN_STRIP_MATH:
			if (!t.closed) {
				foreign = rn;
				depth = 1;
			}
			break;
		}
	}
	clean_strip_drop(&cs, end, end);
	cs.out[cs.used] = '\0';
	*outlen = cs.used;
	return cs.out;
}

/*
 * The budget pass reads the page after the pre-pass, tag by tag, and
 * keeps a rough stack of the elements tidy will hold open, to know how
 * deep tidy's tree will be and how many elements and attributes it will
 * make. Roughly, because tidy repairs in its own ways (its rules here were
 * measured, tag by tag, on tidy 5.6); where this is unsure it counts
 * more, not less. What it knows of an element is its kind and its group.
 */
enum clean_kind {
	CLEAN_BLOCK,		/* open until its end tag (the default); its
				   start closes the inline elements above */
	CLEAN_INLINE,		/* open until its end tag or a block's start
				   (tidy opens it again inside the block) */
	CLEAN_HOLDER,		/* inline, but holds blocks: <object> */
	CLEAN_SIBLING,		/* also closed by the start of another of
				   its group (<li>, <td>, <p>, <a>) */
	CLEAN_VOID,		/* never has content */
	CLEAN_RAW,		/* raw text up to its end tag: no tags inside */
};

/* The groups of open elements, which tags close. */
enum clean_group {
	CLEAN_G_BLOCK,
	CLEAN_G_HOLDER,
	CLEAN_G_WALL,		/* <table>, <caption>, <frameset>: other
				   end tags do not reach past them */
	CLEAN_G_INLINE,
	CLEAN_G_FONT,		/* never on the stack: tidy keeps <font> open
				   to the end of the table row it is in, and
				   opens them all again in each block: n of
				   them in m blocks make n * m elements */
	CLEAN_G_A,
	CLEAN_G_P,
	CLEAN_G_LI,
	CLEAN_G_DL,		/* <dd>, <dt> */
	CLEAN_G_SECTION,	/* <tbody>, <thead>, <tfoot> */
	CLEAN_G_ROW,
	CLEAN_G_CELL,		/* <td>, <th> */
	CLEAN_G_OPTGROUP,
	CLEAN_G_OPTION,
};
#define CLEAN_M(g)	(1U << CLEAN_G_##g)
/* What a block sibling's start closes on its way to the last of its
 * group. */
#define CLEAN_PHRASING	(CLEAN_M(INLINE) | CLEAN_M(A) | CLEAN_M(P))
/* What an inline end tag passes on its way to its element. */
#define CLEAN_INLINES	(CLEAN_M(INLINE) | CLEAN_M(A))

/*
 * Sorted by name, for bsearch; elements not here are blocks (tidy is told
 * to take unknown elements for blocks). passes: the groups of the open
 * elements that a sibling's start passes on its way to the last of its
 * group, or (besides those all end tags pass) that the element's end tag
 * passes on its way to it; at any other element the search stops and the
 * tag closes nothing. A void element's group says whether it is a block,
 * in which tidy opens the <font> elements again; <html>, <head> and
 * <body> are void, as tidy has them already and ignores more.
 */
static const struct clean_elem {
	const char		*name;
	enum clean_kind		 kind;
	enum clean_group	 group;
	unsigned int		 passes;
} clean_elems[] = {
	{ "a", CLEAN_SIBLING, CLEAN_G_A, CLEAN_M(INLINE) },
	{ "abbr", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "acronym", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "applet", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "area", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "audio", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "b", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "base", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "basefont", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "bdi", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "bdo", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "bgsound", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "big", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "blink", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "body", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "br", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "button", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "caption", CLEAN_BLOCK, CLEAN_G_WALL, 0 },
	{ "cite", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "code", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "col", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "colgroup", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "command", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "data", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "datalist", CLEAN_HOLDER, CLEAN_G_HOLDER,
	    CLEAN_M(OPTION) | CLEAN_M(OPTGROUP) },
	{ "dd", CLEAN_SIBLING, CLEAN_G_DL, CLEAN_PHRASING },
	{ "del", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "dfn", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "dir", CLEAN_BLOCK, CLEAN_G_BLOCK, CLEAN_M(LI) },
	{ "dl", CLEAN_BLOCK, CLEAN_G_BLOCK, CLEAN_M(DL) },
	{ "dt", CLEAN_SIBLING, CLEAN_G_DL, CLEAN_PHRASING },
	{ "em", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "embed", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "font", CLEAN_INLINE, CLEAN_G_FONT, 0 },
	{ "frame", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "frameset", CLEAN_BLOCK, CLEAN_G_WALL, 0 },
	{ "h1", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "h2", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "h3", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "h4", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "h5", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "h6", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "head", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "hr", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "html", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "i", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "iframe", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "ilayer", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "image", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "img", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "input", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "ins", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "isindex", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "kbd", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "keygen", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "label", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "legend", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "li", CLEAN_SIBLING, CLEAN_G_LI, CLEAN_PHRASING },
	{ "link", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "map", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "mark", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "marquee", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "math", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "menu", CLEAN_BLOCK, CLEAN_G_BLOCK, CLEAN_M(LI) },
	{ "menuitem", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "meta", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "meter", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "nextid", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "nobr", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "noembed", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "nolayer", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "noscript", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "object", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "ol", CLEAN_BLOCK, CLEAN_G_BLOCK, CLEAN_M(LI) },
	{ "optgroup", CLEAN_SIBLING, CLEAN_G_OPTGROUP, CLEAN_M(OPTION) },
	{ "option", CLEAN_SIBLING, CLEAN_G_OPTION, 0 },
	{ "output", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "p", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "param", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "picture", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "progress", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "q", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "rb", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "rbc", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "rp", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "rt", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "rtc", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "ruby", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "s", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "samp", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "script", CLEAN_RAW, CLEAN_G_BLOCK, 0 },
	{ "select", CLEAN_HOLDER, CLEAN_G_HOLDER,
	    CLEAN_M(OPTION) | CLEAN_M(OPTGROUP) },
	{ "servlet", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "small", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "source", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "spacer", CLEAN_VOID, CLEAN_G_INLINE, 0 },
	{ "span", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "strike", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "strong", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "style", CLEAN_RAW, CLEAN_G_BLOCK, 0 },
	{ "sub", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "summary", CLEAN_SIBLING, CLEAN_G_P, CLEAN_M(INLINE) | CLEAN_M(A) },
	{ "sup", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "svg", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "table", CLEAN_BLOCK, CLEAN_G_WALL,
	    CLEAN_M(SECTION) | CLEAN_M(ROW) | CLEAN_M(CELL) },
	{ "tbody", CLEAN_SIBLING, CLEAN_G_SECTION,
	    CLEAN_PHRASING | CLEAN_M(ROW) | CLEAN_M(CELL) },
	{ "td", CLEAN_SIBLING, CLEAN_G_CELL, CLEAN_PHRASING },
	{ "textarea", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "tfoot", CLEAN_SIBLING, CLEAN_G_SECTION,
	    CLEAN_PHRASING | CLEAN_M(ROW) | CLEAN_M(CELL) },
	{ "th", CLEAN_SIBLING, CLEAN_G_CELL, CLEAN_PHRASING },
	{ "thead", CLEAN_SIBLING, CLEAN_G_SECTION,
	    CLEAN_PHRASING | CLEAN_M(ROW) | CLEAN_M(CELL) },
	{ "time", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "title", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "tr", CLEAN_SIBLING, CLEAN_G_ROW, CLEAN_PHRASING | CLEAN_M(CELL) },
	{ "track", CLEAN_VOID, CLEAN_G_BLOCK, 0 },
	{ "tt", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "u", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "ul", CLEAN_BLOCK, CLEAN_G_BLOCK, CLEAN_M(LI) },
	{ "var", CLEAN_INLINE, CLEAN_G_INLINE, 0 },
	{ "video", CLEAN_HOLDER, CLEAN_G_HOLDER, 0 },
	{ "wbr", CLEAN_VOID, CLEAN_G_INLINE, 0 },
};

/* An element the budget pass holds open. */
struct clean_open {
	uint32_t		 hash;		/* of its name, lower case */
	enum clean_group	 group;
	size_t			 fonts;		/* <font> open at its start */
	size_t			 reopened;	/* of them, opened inside */
};

struct clean_budget {
	struct clean_open	*stack;		/* CLEAN_MAX_OPEN + 1 */
	size_t			 n;		/* in the stack */
	size_t			 depth;		/* tidy's: n and the fonts */
	size_t			 max_depth;
	size_t			 fonts;		/* <font> open */
	size_t			 nodes;		/* elements and attributes */
	size_t			 max_attrs;	/* of one element */
};

static int
clean_elem_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct clean_elem *)elem)->name);
}

/* Finds the element called name (len bytes, any case); an unknown one is
 * a block. Hashes the name into *hash. */
static const struct clean_elem *
clean_elem_find(const char *name, size_t len, uint32_t *hash)
{
	static const struct clean_elem	 block = {
		"", CLEAN_BLOCK, CLEAN_G_BLOCK, 0
	};
	const struct clean_elem		*e;
	char				 key[16];
	uint32_t			 h = 2166136261U;	/* FNV-1a */
	size_t				 i;
	int				 c;

	for (i = 0; i < len; i++) {
		c = ascii_lower((unsigned char)name[i]);
		if (i < sizeof key)
			key[i] = (char)c;
		h = (h ^ (uint32_t)c) * 16777619U;
	}
	*hash = h;
	if (len >= sizeof key)
		return &block;
	key[len] = '\0';
	e = bsearch(key, clean_elems, nitems(clean_elems),
	    sizeof *clean_elems, clean_elem_cmp);
	return e != NULL ? e : &block;
}

/* Does the element's start close the inline elements open above it? */
static int
clean_elem_is_block(const struct clean_elem *e)
{
	return e->kind == CLEAN_BLOCK || (e->kind == CLEAN_SIBLING &&
	    e->group != CLEAN_G_A);
}

/* Does tidy open the open <font> elements again inside it? */
static int
clean_elem_takes_fonts(const struct clean_elem *e)
{
	return clean_elem_is_block(e) || e->kind == CLEAN_HOLDER ||
	    (e->kind == CLEAN_VOID && e->group == CLEAN_G_BLOCK);
}

/* Forgets the open element o; the end of a table row or of the table
 * ends the <font> elements opened in it. */
static void
clean_budget_forget(struct clean_budget *b, const struct clean_open *o)
{
	b->depth -= 1 + o->reopened;
	if ((o->group == CLEAN_G_WALL || o->group == CLEAN_G_ROW) &&
	    b->fonts > o->fonts)
		b->fonts = o->fonts;
}

/* Closes the open elements from the i-th (from the bottom, 0) up. */
static void
clean_budget_pop(struct clean_budget *b, size_t i)
{
	while (b->n > i)
		clean_budget_forget(b, &b->stack[--b->n]);
}

/* Closes the i-th open element alone: tidy opens again the inline ones
 * above it. */
static void
clean_budget_remove(struct clean_budget *b, size_t i)
{
	struct clean_open	*o = &b->stack[i];

	clean_budget_forget(b, o);
	memmove(o, o + 1, (b->n - i - 1) * sizeof *o);
	b->n--;
}

/*
 * Looks down the open elements for the one a tag closes (of the group,
 * if group is not -1, else with the hash), passing only those whose
 * groups are in passes, and closes it: with the elements above it, or,
 * for an inline tag, alone.
 */
static void
clean_budget_close(struct clean_budget *b, const struct clean_elem *e,
    uint32_t hash, int group, unsigned int passes)
{
	const struct clean_open	*o;
	size_t			 i, last;

	last = b->n > CLEAN_SCAN ? b->n - CLEAN_SCAN : 0;
	for (i = b->n; i > last; i--) {
		o = &b->stack[i - 1];
		if (group >= 0 ? o->group == (enum clean_group)group :
		    o->hash == hash) {
			if (clean_elem_is_block(e))
				clean_budget_pop(b, i - 1);
			else
				clean_budget_remove(b, i - 1);
			return;
		}
		if ((passes & (1U << o->group)) == 0)
			return;
	}
}

/* Notes the depth tidy's tree reaches now, counting the open <font>
 * elements as nested where tidy is (at most: a block may hold them). */
static void
clean_budget_deepest(struct clean_budget *b)
{
	if (b->depth + b->fonts > b->max_depth)
		b->max_depth = b->depth + b->fonts;
}

static void
clean_budget_start(struct clean_budget *b, const struct clean_elem *e,
    uint32_t hash)
{
	struct clean_open	*o;
	size_t			 n;

	if (e->kind == CLEAN_SIBLING)
		clean_budget_close(b, e, 0, (int)e->group, e->passes);
	/* A block closes the inline elements and the paragraph above it;
	 * tidy opens the inline ones again inside. */
	if (clean_elem_is_block(e)) {
		for (n = b->n; n > 0 &&
		    (b->stack[n - 1].group == CLEAN_G_INLINE ||
		    b->stack[n - 1].group == CLEAN_G_P); n--)
			/* nothing */;
		clean_budget_pop(b, n);
	}
	o = &b->stack[b->n++];
	o->hash = hash;
	o->group = e->group;
	o->fonts = b->fonts;
	o->reopened = clean_elem_takes_fonts(e) ? b->fonts : 0;
	b->nodes += o->reopened;
	b->depth += 1 + o->reopened;
	clean_budget_deepest(b);
}

/* An inline end tag passes inline elements on its way to its own; a
 * block's passes anything but a wall. */
static void
clean_budget_end(struct clean_budget *b, const struct clean_elem *e,
    uint32_t hash)
{
	size_t	i, last;

	/* A </font> ends a <font> opened since the innermost holder or
	 * wall open; tidy lets any other go on. */
	if (e->group == CLEAN_G_FONT) {
		last = b->n > CLEAN_SCAN ? b->n - CLEAN_SCAN : 0;
		for (i = b->n; i > last && ((CLEAN_M(HOLDER) | CLEAN_M(WALL)) &
		    (1U << b->stack[i - 1].group)) == 0; i--)
			/* nothing */;
		if (b->fonts > (i > 0 ? b->stack[i - 1].fonts : 0))
			b->fonts--;
		return;
	}
	clean_budget_close(b, e, hash, -1, clean_elem_is_block(e) ||
	    e->kind == CLEAN_HOLDER ? ~CLEAN_M(WALL) :
	    CLEAN_INLINES | e->passes);
}

/*
 * Reads the page (len bytes, after the pre-pass) as tidy will nest it,
 * into b. Comments and the text of scripts and styles are skipped. Stops
 * as soon as a budget is overrun.
 */
static void
clean_budget(struct clean_budget *b, const char *s, size_t len)
{
	const struct clean_elem	*e;
	struct clean_strip_tag	 t;
	const char		*end = s + len, *next;
	uint32_t		 hash;
	int			 endtag;

	memset(b, 0, sizeof *b);
	b->stack = xreallocarray(NULL, CLEAN_MAX_OPEN + 1, sizeof *b->stack);
	while (b->max_depth <= CLEAN_MAX_OPEN &&
	    b->nodes <= CLEAN_MAX_NODES && b->max_attrs <= CLEAN_MAX_ATTRS &&
	    (s = memchr(s, '<', (size_t)(end - s))) != NULL) {
		if (end - s >= 4 && memcmp(s, "<!--", 4) == 0) {
			s = clean_comment_end(s + 4, end);
			continue;
		}
		if (end - s >= 9 && memcmp(s, "<![CDATA[", 9) == 0) {
			s = memmem(s + 9, (size_t)(end - s - 9), "]]>", 3);
			s = s != NULL ? s + 3 : end;
			continue;
		}
		s++;
		if ((endtag = s < end && *s == '/'))
			s++;
		if (s == end || !ascii_isalpha((unsigned char)*s))
			continue;
		if ((next = clean_strip_read_tag(s, end, &t, NULL, 0)) == NULL)
			break;
		e = clean_elem_find(t.name, t.len, &hash);
		s = next;
		if (endtag) {
			if (e->kind != CLEAN_VOID)
				clean_budget_end(b, e, hash);
			continue;
		}
		b->nodes += 1 + t.attrs;
		if (t.attrs > b->max_attrs)
			b->max_attrs = t.attrs;
		if (e->kind == CLEAN_VOID) {
			if (clean_elem_takes_fonts(e))
				b->nodes += b->fonts;
		} else if (t.closed)
			continue;
		else if (e->kind == CLEAN_RAW)
			s = clean_raw_end(s, end, e->name, strlen(e->name));
		else if (e->group == CLEAN_G_FONT) {
			b->fonts++;
			clean_budget_deepest(b);
		} else
			clean_budget_start(b, e, hash);
	}
	free(b->stack);
	b->stack = NULL;
}

static void
clean_set_options(TidyDoc tdoc)
{
	size_t	i;

	for (i = 0; i < nitems(clean_bools); i++) {
		if (!tidyOptSetBool(tdoc, clean_bools[i].id,
		    clean_bools[i].value))
			fatal(_("tidy: cannot set option %d"),
			    clean_bools[i].id);
	}
	for (i = 0; i < nitems(clean_ints); i++) {
		if (!tidyOptSetInt(tdoc, clean_ints[i].id,
		    clean_ints[i].value))
			fatal(_("tidy: cannot set option %d"),
			    clean_ints[i].id);
	}
	if (tidySetCharEncoding(tdoc, "utf8") != 0)
		fatal(_("tidy: cannot set the encoding"));
	if (!tidySetMessageCallback(tdoc, clean_message))
		fatal(_("tidy: cannot set the message callback"));
}

static void *
clean_parse_thread(void *arg)
{
	struct clean_job	*job = arg;
	TidyInputSource		 in;

	job->base = (uintptr_t)__builtin_frame_address(0);
	/* Bytes with a length, not a C string: a NUL byte in the page must
	 * not end it. */
	if (!tidyInitSource(&in, job, clean_source_get, clean_source_unget,
	    clean_source_eof))
		fatal(_("tidy: cannot set the input"));
	tidySetAppData(job->tdoc, job);
	job->rc = tidyParseSource(job->tdoc, &in);
	tidySetAppData(job->tdoc, NULL);
	return NULL;
}

static void *
clean_release_thread(void *arg)
{
	tidyRelease((TidyDoc)arg);
	return NULL;
}

/* Runs fn(arg) on a thread with a stack of size bytes and waits for it.
 * Returns 0, or an errno value. */
static int
clean_run(void *(*fn)(void *), void *arg, size_t size)
{
	pthread_attr_t	attr;
	pthread_t	thread;
	int		error;

#ifdef M_ARENA_MAX
	/* The thread is there for its deep stack only: what tidy allocates
	 * on it must come from the main arena, or the memory its tree
	 * frees never serves the libxml2 tree built after it (a page of
	 * 200,000 short paragraphs took 185 MB instead of 144). */
	static int	one_arena;

	if (!one_arena) {
		(void)mallopt(M_ARENA_MAX, 1);
		one_arena = 1;
	}
#endif
	if ((error = pthread_attr_init(&attr)) != 0)
		return error;
	if ((error = pthread_attr_setstacksize(&attr, size)) == 0 &&
	    (error = pthread_create(&thread, &attr, fn, arg)) == 0)
		error = pthread_join(thread, NULL);
	if (pthread_attr_destroy(&attr) != 0)
		fatal(_("pthread_attr_destroy failed"));
	return error;
}

/* Returns why the page (len bytes after the pre-pass) is refused, as an
 * allocated message, or NULL; counts its '<' into *tags. */
static char *
clean_refuse(const char *page, size_t len, size_t *tags)
{
	struct clean_budget	 b;
	const char		*p, *end = page + len;

	clean_budget(&b, page, len);
	if (b.max_depth > CLEAN_MAX_OPEN)
		return xprintf(ngettext_("the page nests more than %d element",
		    "the page nests more than %d elements", CLEAN_MAX_OPEN),
		    CLEAN_MAX_OPEN);
	if (b.max_attrs > CLEAN_MAX_ATTRS)
		return xprintf(ngettext_("an element of the page has more "
		    "than %d attribute", "an element of the page has more "
		    "than %d attributes", CLEAN_MAX_ATTRS), CLEAN_MAX_ATTRS);
	if (b.nodes > CLEAN_MAX_NODES)
		return xprintf(ngettext_("the page has more than %d element "
		    "and attribute", "the page has more than %d elements and "
		    "attributes", CLEAN_MAX_NODES), CLEAN_MAX_NODES);
	*tags = 0;
	for (p = page; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
		(*tags)++;
	if (*tags > (CLEAN_STACK_MAX - CLEAN_STACK_BASE) / CLEAN_STACK_PER_TAG)
		/* TRANSLATORS: %zu is how many tags the page has. */
		return xprintf(_("the page has too many tags to repair "
		    "(%zu)"), *tags);
	return NULL;
}

/* Takes ownership of the page: what the pre-pass made of it, len bytes. */
static struct clean *
clean_repair_stripped(char *page, size_t len, char **cause)
{
	struct clean		*c;
	struct clean_job	 job;
	size_t			 tags = 0;
	int			 error;

	if ((*cause = clean_refuse(page, len, &tags)) != NULL) {
		free(page);
		return NULL;
	}
	c = xmalloc(sizeof *c);
	c->stack = CLEAN_STACK_BASE + tags * CLEAN_STACK_PER_TAG;
	if ((c->tdoc = tidyCreateWithAllocator(&clean_allocator)) == NULL)
		fatal(_("tidy: cannot create a document"));
	clean_set_options(c->tdoc);

	job.tdoc = c->tdoc;
	job.start = job.p = (const unsigned char *)page;
	job.end = job.start + len;
	job.reports = job.stack = 0;
	job.rc = -1;
	error = clean_run(clean_parse_thread, &job, c->stack);
	free(page);	/* tidy's tree holds copies */
	if (error != 0) {
		*cause = xprintf(_("cannot repair the page: %s"),
		    strerror(error));
		tidyRelease(c->tdoc);	/* nothing parsed: shallow */
		free(c);
		return NULL;
	}
	if (job.stack > CLEAN_MAX_STACK || job.reports > CLEAN_MAX_REPORTS) {
		if (job.stack > CLEAN_MAX_STACK)
			*cause = xstrdup(_("the page nests elements too deeply "
			    "to repair"));
		else
			*cause = xprintf(ngettext_("the page has more than "
			    "%d fault to repair", "the page has more than %d "
			    "faults to repair", CLEAN_MAX_REPORTS),
			    CLEAN_MAX_REPORTS);
		clean_free(c);
		return NULL;
	}
	/*
	 * With force-output, 1 and 2 (warnings, errors) still leave a
	 * repaired tree. A negative status is tidy failing in itself (bad
	 * input source, an errno); no other parser is tried then, because
	 * what tidy cannot read is not a page the extractor could use.
	 */
	if (job.rc < 0 || tidyGetHtml(c->tdoc) == NULL) {
		*cause = xprintf(_("cannot repair the page (tidy status %d)"),
		    job.rc);
		clean_free(c);
		return NULL;
	}
	return c;
}

struct clean *
clean_repair(const char *s, size_t len, char **cause)
{
	char	*page;

	if (len > UINT_MAX) {
		*cause = xstrdup(_("the page is too large to repair"));
		return NULL;
	}
	/* From here on, the page is what tidy reads. */
	page = clean_strip(s, len, &len);
	return clean_repair_stripped(page, len, cause);
}

/* A new document whose element and attribute names come from a
 * dictionary, one copy of each: a page of 200,000 short paragraphs held a
 * "p" of its own for each (issue 14). */
static xmlDocPtr
clean_new_doc(void)
{
	xmlDocPtr	doc;

	if ((doc = htmlNewDocNoDtD(NULL, NULL)) == NULL ||
	    (doc->dict = xmlDictCreate()) == NULL)
		fatal(_("libxml2: cannot create a document"));
	return doc;
}

/* Copies a lower-cased name if it is a plain ASCII name, else NULL. */
static xmlChar *
clean_name(const char *s)
{
	xmlChar	*name;
	size_t	 i, len;

	if (s == NULL || !ascii_isalpha((unsigned char)s[0]))
		return NULL;
	len = strlen(s);
	name = xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		if (!clean_isnamechar((unsigned char)s[i])) {
			free(name);
			return NULL;
		}
		name[i] = (xmlChar)ascii_lower((unsigned char)s[i]);
	}
	name[len] = '\0';
	return name;
}

static xmlNodePtr
clean_element(xmlDocPtr doc, TidyNode tn)
{
	xmlNodePtr	 node;
	xmlChar		*name;
	TidyAttr	 ta;
	ctmbstr		 value;

	if ((name = clean_name(tidyNodeGetName(tn))) == NULL)
		return NULL;
	if ((node = xmlNewDocNode(doc, NULL, name, NULL)) == NULL)
		fatal(_("libxml2: cannot create an element"));
	free(name);
	for (ta = tidyAttrFirst(tn); ta != NULL; ta = tidyAttrNext(ta)) {
		if ((name = clean_name(tidyAttrName(ta))) == NULL)
			continue;
		/* A bare attribute (<video controls>) has the empty value. */
		if ((value = tidyAttrValue(ta)) == NULL)
			value = "";
		/* xmlSetProp: a repeated name replaces, as tidy's last wins. */
		if (xmlSetProp(node, name, (const xmlChar *)value) == NULL)
			fatal(_("libxml2: cannot create an attribute"));
		free(name);
	}
	return node;
}

/* Appends len bytes of text to out, a NUL as U+FFFD, as HTML reads the
 * reference "&#0;". */
static void
clean_add_text(struct buf *out, const char *s, size_t len)
{
	const char	*end = s + len, *nul;

	while ((nul = memchr(s, '\0', (size_t)(end - s))) != NULL) {
		buf_add(out, s, (size_t)(nul - s));
		buf_adds(out, "\xef\xbf\xbd");
		s = nul + 1;
	}
	buf_add(out, s, (size_t)(end - s));
}

/*
 * Decodes the character references in len bytes of s into out. Tidy keeps
 * the text of <svg> and <math> as written ("j&lt;k"), where it decodes all
 * other text; this decodes it as tidy does elsewhere, but for what HTML
 * leaves to the browser's judgement:
 *  - "&name;" is the character of name in libxml2's table of HTML 4
 *    entities; an unknown name, or one of 32 bytes or more, stays as
 *    written, as tidy keeps it;
 *  - "&#D;" (decimal) and "&#xH;" (hexadecimal) are code point D or H,
 *    but U+0000, surrogates and anything past U+10FFFF are U+FFFD, as
 *    HTML has them (the pre-pass has already made the first and the last
 *    U+FFFD); C1 controls stay controls, for the sanitizer (tidy maps
 *    them as windows-1252, the extractor's unescaping does not);
 *  - without its ';', or without a digit, a reference is text, although
 *    HTML and tidy read some of those;
 *  - a NUL is U+FFFD, as everywhere (clean_add_text()).
 */
static void
clean_decode(struct buf *out, const char *s, size_t len)
{
	const char		*end = s + len, *amp, *semi;
	const htmlEntityDesc	*ent;
	char			 name[32], utf8[4];
	unsigned long		 cp;

	buf_reset(out);
	while ((amp = memchr(s, '&', (size_t)(end - s))) != NULL) {
		clean_add_text(out, s, (size_t)(amp - s));
		s = amp + 1;
		if (s < end && *s == '#') {
			if ((semi = clean_ref_digits(s + 1, end, &cp)) ==
			    NULL || semi == end || *semi != ';') {
				buf_addc(out, '&');
				continue;
			}
			if (cp == 0 || cp > 0x10ffff ||
			    (cp >= 0xd800 && cp <= 0xdfff))
				cp = 0xfffd;
			buf_add(out, utf8, utf8_encode((unsigned int)cp,
			    utf8));
			s = semi + 1;
			continue;
		}
		semi = memchr(s, ';', (size_t)(end - s));
		if (semi == NULL || semi == s ||
		    (size_t)(semi - s) >= sizeof name) {
			buf_addc(out, '&');
			continue;
		}
		memcpy(name, s, (size_t)(semi - s));
		name[semi - s] = '\0';
		if ((ent = htmlEntityLookup((const xmlChar *)name)) == NULL) {
			buf_addc(out, '&');
			continue;
		}
		buf_add(out, utf8, utf8_encode(ent->value, utf8));
		s = semi + 1;
	}
	clean_add_text(out, s, (size_t)(end - s));
}

/* The longest text buffer kept from one text node to the next. */
#define CLEAN_TEXT_KEEP		4096

static xmlNodePtr
clean_text(xmlDocPtr doc, TidyDoc tdoc, TidyNode tn, TidyBuffer *tb,
    struct buf *fixed, int foreign)
{
	xmlNodePtr	 node;
	const char	*s;
	size_t		 len;

	/* For text, tidy hands back its decoded characters: "&amp;" is
	 * already "&", and libxml2 stores them as they are. Emptied here
	 * without the zeroing (see below). */
	tb->size = 0;
	tb->next = 0;
	if (!tidyNodeGetValue(tdoc, tn, tb))
		fatal(_("tidy: cannot read a text node"));
	s = (const char *)tb->bp;
	len = tb->size;
	/*
	 * The text has a length: tidy can put a NUL in it (the pre-pass
	 * leaves none of the references it reads as one, but tidy also
	 * decodes in raw text, which the pre-pass copies unread), and
	 * everything after libxml2 reads its strings up to the first.
	 */
	if (len > 0 && ((foreign && memchr(s, '&', len) != NULL) ||
	    memchr(s, '\0', len) != NULL)) {
		if (foreign)
			clean_decode(fixed, s, len);
		else {
			buf_reset(fixed);
			clean_add_text(fixed, s, len);
		}
		s = fixed->data;
		len = fixed->len;
	}
	node = NULL;
	if (len > INT_MAX)
		fatal(_("libxml2: a text node is too long"));
	if (len > 0 && (node = xmlNewDocTextLen(doc, (const xmlChar *)s,
	    (int)len)) == NULL)
		fatal(_("libxml2: cannot create a text node"));
	/* tidyBufClear(), which tidyNodeGetValue() calls first, zeroes all
	 * the buffer holds: after one long text (a script, a data URL) every
	 * later node would pay for it, most of the copy's time on such a
	 * page. A long buffer is given back instead. */
	if (tb->allocated > CLEAN_TEXT_KEEP)
		tidyBufFree(tb);
	return node;
}

/* Elements whose text tidy leaves undecoded: MathML and SVG, which it
 * parses as XML. */
static int
clean_is_foreign(TidyNode tn)
{
	ctmbstr	name = tidyNodeGetName(tn);
	size_t	len;

	if (name == NULL)
		return 0;
	len = strlen(name);
	return (len == 4 && ascii_prefix_ci(name, len, "math")) ||
	    (len == 3 && ascii_prefix_ci(name, len, "svg"));
}

/* A space between the text of an element left out and its neighbours':
 * two paragraphs too deep for the tree would otherwise run together
 * ("the end.The next"), as libxml2 merges their texts. */
static void
clean_gap(xmlDocPtr doc, xmlNodePtr parent)
{
	xmlNodePtr	node = clean_space(doc);

	if (xmlAddChild(parent, node) == NULL)
		fatal(_("libxml2: cannot add a text node"));
}

/*
 * Copies tidy's tree under top (<html>) into doc. The walk is a loop with
 * an explicit stack, not recursion, because a page may nest deeply:
 * parents[d] is the libxml2 parent of tidy's nodes at depth d. Comments,
 * doctypes, processing instructions and server code (ASP, PHP) carry no
 * text for a reader and are left out.
 */
static void
clean_copy(xmlDocPtr doc, TidyDoc tdoc, TidyNode top, int discard)
{
	TidyBuffer	  tb;
	TidyNode	  tn, next, up;
	struct buf	  fixed = BUF_INIT;
	xmlNodePtr	  root, node, *parents;
	size_t		  depth = 0, cap = 64, foreign = 0;

	if ((root = clean_element(doc, top)) == NULL)
		fatal(_("tidy: the root element has no name"));
	if (xmlDocSetRootElement(doc, root) != NULL)
		fatal(_("libxml2: the new document has a root"));
	tidyBufInitWithAllocator(&tb, &clean_allocator);
	parents = xreallocarray(NULL, cap, sizeof *parents);
	parents[0] = root;
	tn = tidyGetChild(top);
	while (tn != NULL) {
		node = NULL;
		switch (tidyNodeGetType(tn)) {
		case TidyNode_Start:
		case TidyNode_StartEnd:
			if (depth < CLEAN_MAX_DEPTH)
				node = clean_element(doc, tn);
			if (node == NULL)
				clean_gap(doc, parents[depth]);
			else if (xmlAddChild(parents[depth], node) == NULL)
				fatal(_("libxml2: cannot add an element"));
			break;
		case TidyNode_Text:
		case TidyNode_CDATA:
			/* xmlAddChild may merge the text into its neighbour
			 * and free it: it is not used after. */
			if ((node = clean_text(doc, tdoc, tn, &tb, &fixed,
			    foreign != 0)) != NULL &&
			    xmlAddChild(parents[depth], node) == NULL)
				fatal(_("libxml2: cannot add a text node"));
			node = NULL;
			break;
		default:
			break;
		}
		if ((next = tidyGetChild(tn)) != NULL) {
			depth++;
			parents = xgrowarray(parents, &cap, depth + 1,
			    sizeof *parents);
			/* An element left out (too deep, or a name libxml2
			 * cannot hold) gives its children to its parent. */
			parents[depth] = node != NULL ? node :
			    parents[depth - 1];
			/* foreign: the depth of the outermost <svg> or <math>
			 * children, 0 outside. */
			if (foreign == 0 && clean_is_foreign(tn))
				foreign = depth;
			tn = next;
			continue;
		}
		/* With discard, each node copied (its children before it) is
		 * freed: tidy's tree and libxml2's are never both whole
		 * (issue 14: a page of short paragraphs took twice the
		 * memory). */
		for (;;) {
			up = tidyGetParent(tn);
			next = discard ? tidyDiscardElement(tdoc, tn) :
			    tidyGetNext(tn);
			if (next != NULL || depth == 0)
				break;
			/* The end of an element left out. */
			if (parents[depth] == parents[depth - 1])
				clean_gap(doc, parents[depth - 1]);
			tn = up;
			if (--depth < foreign)
				foreign = 0;
		}
		tn = next;
	}
	free(parents);
	buf_free(&fixed);
	tidyBufFree(&tb);
}

xmlDocPtr
clean_tree(struct clean *c, char **cause)
{
	xmlDocPtr	doc = clean_new_doc();

	clean_copy(doc, c->tdoc, tidyGetHtml(c->tdoc), 0);
	return doc;
}

void
clean_free(struct clean *c)
{
	int	error;

	if (c == NULL)
		return;
	/* Freeing recurses as deep as parsing did. */
	if ((error = clean_run(clean_release_thread,
	    (void *)(uintptr_t)c->tdoc, c->stack)) != 0)
		fatal(_("tidy: cannot start a thread to free a page: %s"),
		    strerror(error));
	free(c);
}

/* clean_tree(), freeing tidy's tree as it is copied, then c. */
static xmlDocPtr
clean_tree_free(struct clean *c)
{
	xmlDocPtr	d = clean_new_doc();

	clean_copy(d, c->tdoc, tidyGetHtml(c->tdoc), 1);
	clean_free(c);
	return d;
}

xmlDocPtr
clean_parse(const char *s, size_t len, char **cause)
{
	struct clean	*c;

	if ((c = clean_repair(s, len, cause)) == NULL)
		return NULL;
	return clean_tree_free(c);
}

xmlDocPtr
clean_parse_take(char *s, size_t len, char **cause)
{
	struct clean	*c;
	char		*page;

	if (len > UINT_MAX) {
		free(s);
		*cause = xstrdup(_("the page is too large to repair"));
		return NULL;
	}
	page = clean_strip(s, len, &len);
	free(s);
	if ((c = clean_repair_stripped(page, len, cause)) == NULL)
		return NULL;
	return clean_tree_free(c);
}

xmlNodePtr
clean_space(xmlDocPtr doc)
{
	xmlNodePtr	 node;
	const xmlChar	*sp;

	if (doc->dict == NULL) {
		if ((node = xmlNewDocText(doc, BAD_CAST " ")) == NULL)
			fatal(_("libxml2: cannot create a text node"));
		return node;
	}
	/* libxml2 frees, merges and replaces a text that its document's
	 * dictionary owns as it does its own parser's. */
	if ((node = xmlNewDocText(doc, NULL)) == NULL ||
	    (sp = xmlDictLookup(doc->dict, BAD_CAST " ", 1)) == NULL)
		fatal(_("libxml2: cannot create a text node"));
	node->content = (xmlChar *)sp;
	return node;
}
