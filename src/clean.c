/* clean.c: repairs a page with tidy-html5, after a pre-pass that drops what
 * tidy would read for nothing, and copies tidy's node tree straight into a
 * libxml2 document, with no serialization in between. */
#include <config.h>

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
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
 * Tidy's time also grows with the square of the depth (each element looks
 * at all its ancestors): 22,000 nested <div> take it 1.7 s. A page whose
 * tags open more than this many elements without closing them is refused.
 * The count is cheap and not exact (it does not know every tag tidy
 * ignores), so it bounds the time for sloppy and naive pages; the thread's
 * stack, not this, is what keeps a crafted page from crashing reel.
 */
#define CLEAN_MAX_OPEN		4096

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

/* What tidy's parsing thread reads and returns. */
struct clean_job {
	TidyDoc		 tdoc;
	const char	*s;
	size_t		 len;
	int		 rc;
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

/* Tidy's diagnostics are for authors, not readers: none is printed. */
static Bool TIDY_CALL
clean_report(TidyDoc tdoc, TidyReportLevel level, uint line, uint col,
    ctmbstr msg)
{
	return no;
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

/* How the depth count treats an element. */
enum clean_kind {
	CLEAN_NESTS,		/* counted until its end tag */
	CLEAN_VOID,		/* never has an end tag */
	CLEAN_SIBLING,		/* a sibling's start closes it (<li>, <p>, <a>):
				   a long list of them is flat */
	CLEAN_RAW,		/* raw text up to its end tag: no tags inside */
};

/* Sorted by name, for bsearch; elements not here nest. */
static const struct clean_elem {
	const char	*name;
	enum clean_kind	 kind;
} clean_elems[] = {
	{ "a", CLEAN_SIBLING }, { "area", CLEAN_VOID },
	{ "base", CLEAN_VOID }, { "basefont", CLEAN_VOID },
	{ "bgsound", CLEAN_VOID }, { "br", CLEAN_VOID },
	{ "col", CLEAN_VOID }, { "command", CLEAN_VOID },
	{ "dd", CLEAN_SIBLING }, { "dt", CLEAN_SIBLING },
	{ "embed", CLEAN_VOID }, { "frame", CLEAN_VOID },
	{ "hr", CLEAN_VOID }, { "iframe", CLEAN_RAW },
	{ "image", CLEAN_VOID }, { "img", CLEAN_VOID },
	{ "input", CLEAN_VOID }, { "isindex", CLEAN_VOID },
	{ "keygen", CLEAN_VOID }, { "li", CLEAN_SIBLING },
	{ "link", CLEAN_VOID }, { "meta", CLEAN_VOID },
	{ "nobr", CLEAN_SIBLING }, { "noembed", CLEAN_RAW },
	{ "noframes", CLEAN_RAW }, { "optgroup", CLEAN_SIBLING },
	{ "option", CLEAN_SIBLING }, { "p", CLEAN_SIBLING },
	{ "param", CLEAN_VOID }, { "plaintext", CLEAN_RAW },
	{ "rb", CLEAN_SIBLING }, { "rp", CLEAN_SIBLING },
	{ "rt", CLEAN_SIBLING }, { "rtc", CLEAN_SIBLING },
	{ "script", CLEAN_RAW }, { "source", CLEAN_VOID },
	{ "style", CLEAN_RAW }, { "tbody", CLEAN_SIBLING },
	{ "td", CLEAN_SIBLING }, { "textarea", CLEAN_RAW },
	{ "tfoot", CLEAN_SIBLING }, { "th", CLEAN_SIBLING },
	{ "thead", CLEAN_SIBLING }, { "title", CLEAN_RAW },
	{ "tr", CLEAN_SIBLING }, { "track", CLEAN_VOID },
	{ "wbr", CLEAN_VOID }, { "xmp", CLEAN_RAW },
};

static int
clean_elem_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct clean_elem *)elem)->name);
}

/* How the depth count treats the element called name (len bytes). */
static enum clean_kind
clean_kind(const char *name, size_t len)
{
	const struct clean_elem	*e;
	char			 key[16];
	size_t			 i;

	if (len >= sizeof key)
		return CLEAN_NESTS;
	for (i = 0; i < len; i++)
		key[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ?
		    name[i] - 'A' + 'a' : name[i]);
	key[len] = '\0';
	e = bsearch(key, clean_elems, nitems(clean_elems),
	    sizeof *clean_elems, clean_elem_cmp);
	return e != NULL ? e->kind : CLEAN_NESTS;
}

static int
clean_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
clean_isnamechar(int c)
{
	return clean_isalpha(c) || (c >= '0' && c <= '9') || c == '-' ||
	    c == '_' || c == ':' || c == '.';
}

/* Finds needle in [s, end), ASCII case ignored after its first byte (never
 * a letter); returns end if absent. */
static const char *
clean_find(const char *s, const char *end, const char *needle, size_t n)
{
	while ((s = memchr(s, needle[0], (size_t)(end - s))) != NULL &&
	    (size_t)(end - s) >= n) {
		if (strncasecmp(s + 1, needle + 1, n - 1) == 0)
			return s;
		s++;
	}
	return end;
}

/*
 * Returns how many elements the page's tags leave open at most: start
 * tags count up and end tags down, except void and self-closing elements
 * and those a sibling closes. Comments and raw text (scripts, styles) are
 * skipped. Stops counting past CLEAN_MAX_OPEN.
 */
static size_t
clean_open_count(const char *s, size_t len)
{
	const char	*end = s + len, *name;
	char		 close[16];
	size_t		 open = 0, max = 0, n;
	int		 endtag, quote;

	while (max <= CLEAN_MAX_OPEN &&
	    (s = memchr(s, '<', (size_t)(end - s))) != NULL) {
		if (end - s >= 4 && strncmp(s, "<!--", 4) == 0) {
			s = clean_find(s + 4, end, "-->", 3);
			continue;
		}
		s++;
		if ((endtag = s < end && *s == '/'))
			s++;
		if (s == end || !clean_isalpha((unsigned char)*s))
			continue;
		for (name = s; s < end && clean_isnamechar((unsigned char)*s);
		    s++)
			/* nothing */;
		n = (size_t)(s - name);
		for (quote = 0; s < end && (quote != 0 || *s != '>'); s++) {
			if (quote == 0 && (*s == '"' || *s == '\''))
				quote = *s;
			else if (*s == quote)
				quote = 0;
		}
		if (s == end)
			break;
		switch (clean_kind(name, n)) {
		case CLEAN_NESTS:
			if (endtag) {
				if (open > 0)
					open--;
			} else if (s[-1] != '/' && ++open > max)
				max = open;
			break;
		case CLEAN_RAW:
			if (!endtag && n + 2 < sizeof close) {
				close[0] = '<';
				close[1] = '/';
				memcpy(close + 2, name, n);
				s = clean_find(s, end, close, n + 2);
			}
			break;
		default:
			break;
		}
	}
	return max;
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
 * the bytes, and the tree tidy builds has the same text.
 *
 * It follows the HTML tokenizer (WHATWG, "Tokenization") as far as it must
 * to drop nothing a reader would see: a tag is read with its attributes,
 * quoted values and all, so that a "<script>" in a value or a comment
 * opens nothing; the text of <textarea>, <title>, <iframe> and their kind
 * is copied through unread; what it does not recognise it copies; and a
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
	return (size_t)(end - p) > n && strncasecmp(p, name, n) == 0 &&
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
	return n >= len && strncasecmp(v, mime, len) == 0 &&
	    (n == len || clean_isspace((unsigned char)v[len]) ||
	    v[len] == ';');
}

/* The pre-pass's output so far: out, then the page from copied on. */
struct clean_strip {
	char		*o;		/* the end of the output */
	const char	*copied;	/* the page is copied up to here */
};

/* Leaves [from, to) of the page out. */
static void
clean_strip_drop(struct clean_strip *cs, const char *from, const char *to)
{
	memcpy(cs->o, cs->copied, (size_t)(from - cs->copied));
	cs->o += from - cs->copied;
	cs->copied = to;
}

/*
 * Reads the tag whose name starts at p (after "<" or "</"), attributes
 * and all, as the tokenizer's tag states do. Returns the byte after its
 * '>', or NULL when the page ends inside it. With cs, the quoted value of
 * a "d" attribute is left out: an SVG path's geometry, often kilobytes of
 * numbers, which tidy reads a character at a time for nothing.
 */
static const char *
clean_strip_read_tag(const char *p, const char *end,
    struct clean_strip_tag *t, struct clean_strip *cs)
{
	const char	*an, *v, *q;
	size_t		 alen, vlen;
	int		 slash;

	t->name = p;
	while (p < end && !clean_isspace((unsigned char)*p) && *p != '/' &&
	    *p != '>')
		p++;
	t->len = (size_t)(p - t->name);
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
		if (*p == '"' || *p == '\'') {
			if ((q = memchr(p + 1, *p, (size_t)(end - p - 1))) ==
			    NULL)
				return NULL;
			v = p + 1;
			vlen = (size_t)(q - v);
			p = q + 1;
			/* An unquoted one stays: "d= x" would take x. */
			if (cs != NULL && alen == 1 && (*an == 'd' ||
			    *an == 'D'))
				clean_strip_drop(cs, v, q);
		} else {
			v = p;
			while (p < end && !clean_isspace((unsigned char)*p) &&
			    *p != '>')
				p++;
			vlen = (size_t)(p - v);
		}
		if (alen == 4 && strncasecmp(an, "type", 4) == 0 &&
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
		    strncasecmp(t->name, clean_strip_names[i].name,
		    t->len) == 0)
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

/* White space as tidy collapses it. */
static const unsigned char clean_white[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1
};

/* Leaves out of the text [p, end) all but the first character of each
 * run of white space: out of <pre>, tidy makes a run one space. */
static void
clean_strip_space(struct clean_strip *cs, const char *p, const char *end)
{
	const char	*q;

	for (; p + 1 < end; p++) {
		if (!clean_white[(unsigned char)p[0]] ||
		    !clean_white[(unsigned char)p[1]])
			continue;
		for (q = p + 2; q < end && clean_white[(unsigned char)*q]; q++)
			/* nothing */;
		clean_strip_drop(cs, p + 1, q);
		p = q;
	}
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
	const char			*lt;
	size_t				 depth = 0;	/* in it */
	size_t				 pre = 0;	/* in <pre> */
	char				*out;

	cs.o = out = xmalloc(len + 1);
	cs.copied = s;
	for (;;) {
		lt = memchr(p, '<', (size_t)(end - p));
		if (depth == 0 && pre == 0)
			clean_strip_space(&cs, p, lt != NULL ? lt : end);
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
			} else
				p = clean_bogus_end(q, end);
			continue;
		}
		if (*q == '?') {
			p = clean_bogus_end(q, end);
			continue;
		}
		if (*q == '/') {
			if (++q == end)
				break;
			if (*q == '>')
				p = q + 1;
			else if (!clean_isalpha((unsigned char)*q))
				p = clean_bogus_end(q, end);
			else if ((p = clean_strip_read_tag(q, end, &t, NULL)) ==
			    NULL)
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
		if (!clean_isalpha((unsigned char)*q)) {
			p = q;
			continue;
		}
		if ((p = clean_strip_read_tag(q, end, &t, depth > 0 &&
		    foreign->kind == CLEAN_STRIP_SVG ? &cs : NULL)) == NULL)
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
			break;
		case CLEAN_STRIP_PLAINTEXT:
			p = end;
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
	*cs.o = '\0';
	*outlen = (size_t)(cs.o - out);
	return out;
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
	if (!tidySetReportFilter(tdoc, clean_report))
		fatal(_("tidy: cannot set the report filter"));
}

static void *
clean_parse_thread(void *arg)
{
	struct clean_job	*job = arg;
	TidyBuffer		 in;

	/* A buffer with a length, not a C string: a NUL byte in the page
	 * must not end it. Tidy only reads the attached bytes. */
	tidyBufInitWithAllocator(&in, &clean_allocator);
	tidyBufAttach(&in, (byte *)(uintptr_t)job->s, (uint)job->len);
	job->rc = tidyParseBuffer(job->tdoc, &in);
	tidyBufDetach(&in);
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

	if ((error = pthread_attr_init(&attr)) != 0)
		return error;
	if ((error = pthread_attr_setstacksize(&attr, size)) == 0 &&
	    (error = pthread_create(&thread, &attr, fn, arg)) == 0)
		error = pthread_join(thread, NULL);
	if (pthread_attr_destroy(&attr) != 0)
		fatal(_("pthread_attr_destroy failed"));
	return error;
}

struct clean *
clean_repair(const char *s, size_t len, char **cause)
{
	struct clean		*c;
	struct clean_job	 job;
	const char		*p, *end;
	char			*page;
	size_t			 tags = 0;
	int			 error;

	if (len > UINT_MAX) {
		*cause = xstrdup(_("the page is too large to repair"));
		return NULL;
	}
	/* From here on, the page is what tidy reads. */
	page = clean_strip(s, len, &len);
	end = page + len;
	if (clean_open_count(page, len) > CLEAN_MAX_OPEN) {
		*cause = xprintf(_("the page nests more than %d elements"),
		    CLEAN_MAX_OPEN);
		free(page);
		return NULL;
	}
	for (p = page; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
		tags++;
	if (tags > (CLEAN_STACK_MAX - CLEAN_STACK_BASE) / CLEAN_STACK_PER_TAG) {
		*cause = xprintf(_("the page has too many tags to repair "
		    "(%zu)"), tags);
		free(page);
		return NULL;
	}
	c = xmalloc(sizeof *c);
	c->stack = CLEAN_STACK_BASE + tags * CLEAN_STACK_PER_TAG;
	if ((c->tdoc = tidyCreateWithAllocator(&clean_allocator)) == NULL)
		fatal(_("tidy: cannot create a document"));
	clean_set_options(c->tdoc);

	job.tdoc = c->tdoc;
	job.s = page;
	job.len = len;
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

/* Copies a lower-cased name if it is a plain ASCII name, else NULL. */
static xmlChar *
clean_name(const char *s)
{
	xmlChar	*name;
	size_t	 i, len;

	if (s == NULL || !clean_isalpha((unsigned char)s[0]))
		return NULL;
	len = strlen(s);
	name = xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		if (!clean_isnamechar((unsigned char)s[i])) {
			free(name);
			return NULL;
		}
		name[i] = (xmlChar)(s[i] >= 'A' && s[i] <= 'Z' ?
		    s[i] - 'A' + 'a' : s[i]);
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

/*
 * Decodes character references in len bytes of s into out. Tidy keeps the
 * text of <svg> and <math> as written ("j&lt;k"), where it decodes all
 * other text; this does what it does elsewhere, with libxml2's table of
 * HTML entities. An unknown name stays as written, as tidy keeps it.
 */
static void
clean_decode(struct buf *out, const char *s, size_t len)
{
	const char		*end = s + len, *amp, *semi;
	const htmlEntityDesc	*ent;
	char			 name[32], utf8[4];
	unsigned long		 cp;
	char			*numend;

	buf_reset(out);
	while ((amp = memchr(s, '&', (size_t)(end - s))) != NULL) {
		buf_add(out, s, (size_t)(amp - s));
		s = amp + 1;
		semi = memchr(s, ';', (size_t)(end - s));
		if (semi == NULL || semi == s ||
		    (size_t)(semi - s) >= sizeof name) {
			buf_addc(out, '&');
			continue;
		}
		memcpy(name, s, (size_t)(semi - s));
		name[semi - s] = '\0';
		if (name[0] == '#') {
			if (name[1] == 'x' || name[1] == 'X')
				cp = strtoul(name + 2, &numend, 16);
			else
				cp = strtoul(name + 1, &numend, 10);
			if (numend == name + 1 || numend == name + 2 ||
			    *numend != '\0') {
				buf_addc(out, '&');
				continue;
			}
			if (cp == 0 || cp > 0x10ffff ||
			    (cp >= 0xd800 && cp <= 0xdfff))
				cp = 0xfffd;
		} else if ((ent = htmlEntityLookup((const xmlChar *)name)) !=
		    NULL)
			cp = ent->value;
		else {
			buf_addc(out, '&');
			continue;
		}
		buf_add(out, utf8, utf8_encode((unsigned int)cp, utf8));
		s = semi + 1;
	}
	buf_add(out, s, (size_t)(end - s));
}

static xmlNodePtr
clean_text(xmlDocPtr doc, TidyDoc tdoc, TidyNode tn, TidyBuffer *tb,
    struct buf *decoded, int foreign)
{
	xmlNodePtr	 node;
	const char	*s;
	size_t		 len;

	tidyBufClear(tb);
	/* For text, tidy hands back its decoded characters: "&amp;" is
	 * already "&", and libxml2 stores them as they are. */
	if (!tidyNodeGetValue(tdoc, tn, tb))
		fatal(_("tidy: cannot read a text node"));
	s = (const char *)tb->bp;
	len = tb->size;
	if (foreign && tb->size > 0 && memchr(tb->bp, '&', tb->size) != NULL) {
		clean_decode(decoded, s, len);
		s = decoded->data;
		len = decoded->len;
	}
	if (len == 0)
		return NULL;
	if (len > INT_MAX)
		fatal(_("libxml2: a text node is too long"));
	if ((node = xmlNewDocTextLen(doc, (const xmlChar *)s, (int)len)) ==
	    NULL)
		fatal(_("libxml2: cannot create a text node"));
	return node;
}

/* Elements whose text tidy leaves undecoded: MathML and SVG, which it
 * parses as XML. */
static int
clean_is_foreign(TidyNode tn)
{
	ctmbstr	name = tidyNodeGetName(tn);

	return name != NULL && (strcasecmp(name, "math") == 0 ||
	    strcasecmp(name, "svg") == 0);
}

/*
 * Copies tidy's tree under top (<html>) into doc. The walk is a loop with
 * an explicit stack, not recursion, because a page may nest deeply:
 * parents[d] is the libxml2 parent of tidy's nodes at depth d. Comments,
 * doctypes, processing instructions and server code (ASP, PHP) carry no
 * text for a reader and are left out.
 */
static void
clean_copy(xmlDocPtr doc, TidyDoc tdoc, TidyNode top)
{
	TidyBuffer	  tb;
	TidyNode	  tn, next;
	struct buf	  decoded = BUF_INIT;
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
			if (node != NULL && xmlAddChild(parents[depth],
			    node) == NULL)
				fatal(_("libxml2: cannot add an element"));
			break;
		case TidyNode_Text:
		case TidyNode_CDATA:
			/* xmlAddChild may merge the text into its neighbour
			 * and free it: it is not used after. */
			if ((node = clean_text(doc, tdoc, tn, &tb, &decoded,
			    foreign != 0)) != NULL &&
			    xmlAddChild(parents[depth], node) == NULL)
				fatal(_("libxml2: cannot add a text node"));
			node = NULL;
			break;
		default:
			break;
		}
		if ((next = tidyGetChild(tn)) != NULL) {
			if (++depth == cap) {
				cap *= 2;
				parents = xreallocarray(parents, cap,
				    sizeof *parents);
			}
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
		while ((next = tidyGetNext(tn)) == NULL && depth > 0) {
			tn = tidyGetParent(tn);
			if (--depth < foreign)
				foreign = 0;
		}
		tn = next;
	}
	free(parents);
	buf_free(&decoded);
	tidyBufFree(&tb);
}

xmlDocPtr
clean_tree(struct clean *c, char **cause)
{
	xmlDocPtr	doc;

	if ((doc = htmlNewDocNoDtD(NULL, NULL)) == NULL)
		fatal(_("libxml2: cannot create a document"));
	clean_copy(doc, c->tdoc, tidyGetHtml(c->tdoc));
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
