/* clean.c: repairs a page with tidy-html5 and copies tidy's node tree
 * straight into a libxml2 document, with no serialization in between. */
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
	const char		*p, *end = s + len;
	size_t			 tags = 0;
	int			 error;

	if (len > UINT_MAX) {
		*cause = xstrdup(_("the page is too large to repair"));
		return NULL;
	}
	if (clean_open_count(s, len) > CLEAN_MAX_OPEN) {
		*cause = xprintf(_("the page nests more than %d elements"),
		    CLEAN_MAX_OPEN);
		return NULL;
	}
	for (p = s; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
		tags++;
	if (tags > (CLEAN_STACK_MAX - CLEAN_STACK_BASE) / CLEAN_STACK_PER_TAG) {
		*cause = xprintf(_("the page has too many tags to repair "
		    "(%zu)"), tags);
		return NULL;
	}
	c = xmalloc(sizeof *c);
	c->stack = CLEAN_STACK_BASE + tags * CLEAN_STACK_PER_TAG;
	if ((c->tdoc = tidyCreateWithAllocator(&clean_allocator)) == NULL)
		fatal(_("tidy: cannot create a document"));
	clean_set_options(c->tdoc);

	job.tdoc = c->tdoc;
	job.s = s;
	job.len = len;
	job.rc = -1;
	if ((error = clean_run(clean_parse_thread, &job, c->stack)) != 0) {
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
