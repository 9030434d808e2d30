/* xml.c: XML from outside (feeds, OPML) read with libxml2 and care: bytes
 * to UTF-8 in RFC 7303's order, no network, no DTD, no external entity,
 * and the internal entities' expansion measured before any text is read. */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "charset.h"
#include "sanitize.h"
#include "util.h"
#include "xml.h"

/* The most bytes the internal subset's entities may add to a feed, every
 * reference counted: a billion laughs or a quadratic blowup asks for
 * gigabytes, a real feed for a few bytes per &nbsp;. */
#define XML_ENTITY_MAX		(1024 * 1024)
/* Attributes an element may have: libxml2 checks each against all those
 * before it, so a million of them keep it busy for hours (issue 14);
 * clean.c allows pages as many. */
#define XML_ATTR_MAX		1024
/* Entities inside entities deeper than this are refused too. */
#define XML_ENTITY_DEPTH	16

/* An HTML entity lent to libxml2 while it parses (see xml_entity). */
struct xml_ent {
	xmlEntity	 ent;
	char		 name[32];
	xmlChar		 value[40];	/* UTF-8, or "&name;" */
};

/* One document being read. */
struct xml_parse {
	struct xml		 *x;
	struct xml_ent		**ents;
	size_t			  nents, ents_cap;
	int			  loop;		/* libxml2 saw an entity loop */
	char			 *error;	/* its first error */
	const struct xml_each	 *each;		/* or NULL */
	endElementNsSAX2Func	  end;		/* libxml2's own */
	size_t			  taken;	/* what the entities of the
						   elements each took add */
};

/* The bytes libxml2 reads, a window at a time: xmlCtxtReadMemory()
 * copies the whole document into its input buffer first, and a second
 * time in checking its encoding, which for a large feed was twice its
 * size beside its tree (issue 14). */
struct xml_src {
	const char	*p;
	size_t		 left;
};

static int
xml_src_read(void *ctx, char *out, int len)
{
	struct xml_src	*src = ctx;
	size_t		 n;

	if (len <= 0)
		return 0;
	n = (size_t)len < src->left ? (size_t)len : src->left;
	memcpy(out, src->p, n);
	src->p += n;
	src->left -= n;
	return (int)n;
}

static int
xml_src_close(void *ctx)
{
	return 0;
}

/* Flags the document ill-formed; the first message is kept. */
static void
xml_bozo(struct xml *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
xml_bozo(struct xml *x, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	x->bozo = 1;
	if (x->bozo_message != NULL)
		return;
	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	x->bozo_message = sanitize(msg, strlen(msg), 0);
	free(msg);
}

/* Bytes to UTF-8, as RFC 7303 orders the clues. */

/* A UTF-32 decoder: iconv's would stop at the first bad unit. */
static void
xml_utf32(const char *s, size_t len, int big, struct buf *out, int *bad)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned long		 cp;
	size_t			 i;
	char			 enc[4];

	for (i = 0; i + 3 < len; i += 4) {
		cp = big ? ((unsigned long)u[i] << 24 | u[i + 1] << 16 |
		    u[i + 2] << 8 | u[i + 3]) : ((unsigned long)u[i + 3] << 24 |
		    u[i + 2] << 16 | u[i + 1] << 8 | u[i]);
		if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
			cp = 0xfffd;
			*bad = 1;
		}
		buf_add(out, enc, utf8_encode((unsigned int)cp, enc));
	}
	if (i < len) {
		buf_add(out, "\xef\xbf\xbd", 3);
		*bad = 1;
	}
}

/* The encoding label of the XML declaration in the ASCII-compatible
 * bytes at s, lower case, or NULL; the caller frees it. */
static char *
xml_declared(const char *s, size_t len)
{
	const char	*end, *p;
	struct buf	 label = BUF_INIT;
	char		 q;

	if (len < 6 || memcmp(s, "<?xml", 5) != 0)
		return NULL;
	if ((end = memmem(s, len < 512 ? len : 512, "?>", 2)) == NULL)
		return NULL;
	if ((p = memmem(s, (size_t)(end - s), "encoding", 8)) == NULL)
		return NULL;
	for (p += 8; p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'); p++)
		;
	if (p == end || *p++ != '=')
		return NULL;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
	    *p == '\n'))
		p++;
	if (p == end || (*p != '"' && *p != '\''))
		return NULL;
	for (q = *p++; p < end && *p != q; p++)
		buf_addc(&label, ascii_lower((unsigned char)*p));
	if (p == end || label.len == 0) {
		buf_free(&label);
		return NULL;
	}
	return buf_detach(&label, NULL);
}

static int
xml_utf16_label(const char *l)
{
	return strcmp(l, "utf-16") == 0 || strcmp(l, "utf16") == 0 ||
	    strcmp(l, "iso-10646-ucs-2") == 0 || strcmp(l, "ucs-2") == 0 ||
	    strcmp(l, "unicode") == 0;
}

static int
xml_utf32_label(const char *l)
{
	return strcmp(l, "utf-32") == 0 || strcmp(l, "utf32") == 0 ||
	    strcmp(l, "ucs-4") == 0 || strcmp(l, "iso-10646-ucs-4") == 0;
}

/*
 * Converts the feed's bytes to UTF-8. The clues in RFC 7303's order: a
 * byte-order mark, then the HTTP charset, then (after the first bytes
 * tell UTF-16 and UTF-32 from the rest) the XML declaration, then
 * UTF-8. Undecodable bytes become U+FFFD and make the feed a bozo; bytes
 * that were never declared and are not UTF-8 are read as windows-1252.
 * Sets x->encoding. Returns 0, or -1 and *cause.
 */
static int
xml_decode(struct xml *x, const char *s, size_t len,
    const char *charset, struct buf *out, char **cause)
{
	const unsigned char	*u = (const unsigned char *)s;
	const char		*name;
	char			*label = NULL, *utf8 = NULL;
	size_t			 ulen;
	int			 bad = 0, declared = 1, big = -1, wide = 0;

	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe &&
	    u[3] == 0xff)
		label = xstrdup("utf-32be"), s += 4, len -= 4;
	else if (len >= 4 && u[0] == 0xff && u[1] == 0xfe && u[2] == 0 &&
	    u[3] == 0)
		label = xstrdup("utf-32le"), s += 4, len -= 4;
	else if (len >= 2 && u[0] == 0xfe && u[1] == 0xff)
		label = xstrdup("utf-16be"), s += 2, len -= 2;
	else if (len >= 2 && u[0] == 0xff && u[1] == 0xfe)
		label = xstrdup("utf-16le"), s += 2, len -= 2;
	else if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		label = xstrdup("utf-8"), s += 3, len -= 3;
	else if (charset != NULL && *charset != '\0')
		label = xstrdup(charset);
	u = (const unsigned char *)s;
	/* '<' in the first unit tells the width and the byte order. */
	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] == '<')
		wide = 4, big = 1;
	else if (len >= 4 && u[0] == '<' && u[1] == 0 && u[2] == 0 &&
	    u[3] == 0)
		wide = 4, big = 0;
	else if (len >= 2 && u[0] == 0 && u[1] == '<')
		wide = 2, big = 1;
	else if (len >= 2 && u[0] == '<' && u[1] == 0)
		wide = 2, big = 0;
	if (label == NULL) {
		if (wide == 4)
			label = xstrdup(big ? "utf-32be" : "utf-32le");
		else if (wide == 2)
			label = xstrdup(big ? "utf-16be" : "utf-16le");
		else if ((label = xml_declared(s, len)) == NULL) {
			label = xstrdup("utf-8");
			declared = 0;
		}
	}
	if (xml_utf16_label(label) || xml_utf32_label(label)) {
		/* No order given: the bytes give it, else big-endian. */
		name = xml_utf16_label(label) ? "utf-16" : "utf-32";
		free(label);
		label = xprintf("%s%s", name, big == 0 ? "le" : "be");
	}
	if (strcmp(label, "utf-32be") == 0 || strcmp(label, "utf-32le") == 0) {
		xml_utf32(s, len, strcmp(label, "utf-32be") == 0, out, &bad);
		goto done;
	}
	if (strcmp(label, "utf-16be") == 0)
		name = "UTF-16BE";
	else if (strcmp(label, "utf-16le") == 0)
		name = "UTF-16LE";
	else if ((name = charset_lookup(label)) == NULL) {
		xml_bozo(x, _("unknown encoding \"%s\": read as UTF-8"),
		    label);
		name = "UTF-8";
	}
	if (strcmp(name, "UTF-8") == 0 && !utf8_valid(s, len)) {
		if (!declared) {
			/* Nothing said what it is, and it is not UTF-8. */
			xml_bozo(x, _("not UTF-8 and no encoding declared: "
			    "read as windows-1252"));
			free(label);
			label = xstrdup("windows-1252");
			name = "windows-1252";
		} else
			bad = 1;
	}
	if (charset_decode(s, len, name, &utf8, &ulen, cause) != 0) {
		free(label);
		return -1;
	}
	buf_add(out, utf8, ulen);
	free(utf8);
	/* A legacy decoder says nothing of bad bytes; U+FFFD is the sign,
	 * unless the feed itself wrote it. */
	if (strcmp(name, "UTF-8") != 0 && strcmp(name, "windows-1252") != 0 &&
	    memmem(out->data, out->len, "\xef\xbf\xbd", 3) != NULL &&
	    memmem(s, len, "\xef\xbf\xbd", 3) == NULL)
		bad = 1;
done:
	if (bad)
		/* TRANSLATORS: %s is a character set, "UTF-8". */
		xml_bozo(x, _("bytes that are not %s were replaced"), label);
	x->encoding = sanitize(label, strlen(label), 0);
	free(label);
	return 0;
}

/* The length of the character or entity reference at s ("&amp;",
 * "&#38;", "&#x26;"), or 0 if s starts none; *upper is set for "&#X26;",
 * which XML does not allow and feeds write. */
static size_t
xml_ref(const char *s, const char *end, int *upper)
{
	const char	*p = s + 1;

	*upper = 0;
	if (p < end && *p == '#') {
		p++;
		if (p < end && (*p == 'x' || *p == 'X')) {
			*upper = *p == 'X';
			for (p++; p < end && ((*p >= '0' && *p <= '9') ||
			    (ascii_lower((unsigned char)*p) >= 'a' &&
			    ascii_lower((unsigned char)*p) <= 'f')); p++)
				;
			if (p - s < 4)
				return 0;
		} else {
			while (p < end && *p >= '0' && *p <= '9')
				p++;
			if (p - s < 3)
				return 0;
		}
	} else {
		if (p == end || !(ascii_isalpha((unsigned char)*p) ||
		    *p == '_' || *p == ':' || (unsigned char)*p >= 0x80))
			return 0;
		for (p++; p < end && (ascii_isalpha((unsigned char)*p) ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == ':' ||
		    *p == '.' || *p == '-' || (unsigned char)*p >= 0x80); p++)
			;
	}
	return p < end && *p == ';' ? (size_t)(p - s) + 1 : 0;
}

/*
 * Copies the UTF-8 document in to out, writing what XML would drop but a
 * feed means as text: an '&' that starts no reference ("?a=1&b=2")
 * becomes "&amp;", "&#X41;" becomes "&#x41;" and a C0 control its
 * Control Picture. Comments, CDATA sections and processing instructions
 * are copied as they are. Returns how many were written anew.
 */
static size_t
xml_amp(const struct buf *in, struct buf *out)
{
	static const struct {
		const char	*open, *close;
	} skips[] = {
		{ "<!--", "-->" },
		{ "<![CDATA[", "]]>" },
		{ "<?", "?>" },
	};
	const char	*s = buf_str(in), *end = s + in->len, *p, *q;
	size_t		 fixed = 0, i, n;
	int		 upper;
	char		 pict[4];

	for (p = s; p < end; p++) {
		if (*p == '<') {
			for (i = 0; i < nitems(skips); i++) {
				n = strlen(skips[i].open);
				if ((size_t)(end - p) < n ||
				    memcmp(p, skips[i].open, n) != 0)
					continue;
				q = memmem(p + n, (size_t)(end - p - n),
				    skips[i].close, strlen(skips[i].close));
				q = q != NULL ? q + strlen(skips[i].close) :
				    end;
				buf_add(out, p, (size_t)(q - p));
				p = q - 1;
				break;
			}
			if (i == nitems(skips))
				buf_addc(out, '<');
		} else if (*p == '&') {
			if ((n = xml_ref(p, end, &upper)) == 0) {
				buf_adds(out, "&amp;");
				fixed++;
			} else {
				buf_add(out, p, n);
				if (upper) {
					out->data[out->len - n + 2] = 'x';
					fixed++;
				}
				p += n - 1;
			}
		} else if ((unsigned char)*p < 0x20 && *p != '\t' &&
		    *p != '\n' && *p != '\r') {
			/* XML cannot hold it, and libxml2 would drop the rest
			 * of an attribute for it: its Control Picture, as
			 * sanitize shows it. */
			buf_add(out, pict, utf8_encode(0x2400 +
			    (unsigned char)*p, pict));
			fixed++;
		} else {
			for (q = p; q < end && *q != '<' && *q != '&' &&
			    ((unsigned char)*q >= 0x20 || *q == '\t' ||
			    *q == '\n' || *q == '\r'); q++)
				;
			buf_add(out, p, (size_t)(q - p));
			p = q - 1;
		}
	}
	return fixed;
}

/* The entity an entity reference node names, or NULL. libxml2 hangs the
 * declaration off the node as its "children". */
static xmlEntityPtr
xml_refent(xmlNodePtr n)
{
	xmlEntityPtr	e = (xmlEntityPtr)n->children;

	if (e == NULL || e->type != XML_ENTITY_DECL)
		return NULL;
	return e;
}

static size_t xml_size(xmlNodePtr, int);

/* The bytes entity e expands to, counted once and kept in e->_private
 * (libxml2's field for its users) as the count plus one. */
static size_t
xml_entity_size(xmlEntityPtr e, int depth)
{
	xmlNodePtr	c;
	size_t		n = 0;

	if (e->etype != XML_INTERNAL_GENERAL_ENTITY)
		return 0;
	if (e->_private != NULL)
		return (size_t)(uintptr_t)e->_private - 1;
	if (depth > XML_ENTITY_DEPTH)
		return XML_ENTITY_MAX + 1;
	for (c = e->children; c != NULL && n <= XML_ENTITY_MAX; c = c->next)
		n += xml_size(c, depth + 1);
	if (n > XML_ENTITY_MAX)
		n = XML_ENTITY_MAX + 1;
	e->_private = (void *)(uintptr_t)(n + 1);
	return n;
}

/* The bytes the entity references under n add, as far as the limit. */
static size_t
xml_size(xmlNodePtr n, int depth)
{
	xmlNodePtr	c;
	xmlAttrPtr	a;
	xmlEntityPtr	e;
	size_t		t = 0;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		return depth > 0 && n->content != NULL ?
		    strlen((const char *)n->content) : 0;
	case XML_ENTITY_REF_NODE:
		if ((e = xml_refent(n)) == NULL)
			return 0;
		return xml_entity_size(e, depth + 1);
	case XML_ELEMENT_NODE:
		for (a = n->properties; a != NULL && t <= XML_ENTITY_MAX;
		    a = a->next)
			for (c = a->children; c != NULL; c = c->next)
				t += xml_size(c, depth);
		for (c = n->children; c != NULL && t <= XML_ENTITY_MAX;
		    c = c->next)
			t += xml_size(c, depth);
		return t;
	default:
		return 0;
	}
}

/* Appends the text under n: text, CDATA and what entity references
 * expand to (measured beforehand by xml_size). */
static void
xml_text_to(xmlNodePtr n, struct buf *out, int depth)
{
	xmlNodePtr	c;
	xmlEntityPtr	e;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content != NULL)
			buf_adds(out, (const char *)n->content);
		break;
	case XML_ENTITY_REF_NODE:
		if ((e = xml_refent(n)) == NULL ||
		    e->etype != XML_INTERNAL_GENERAL_ENTITY ||
		    depth > XML_ENTITY_DEPTH)
			break;
		for (c = e->children; c != NULL; c = c->next)
			xml_text_to(c, out, depth + 1);
		break;
	case XML_ELEMENT_NODE:
		for (c = n->children; c != NULL; c = c->next)
			xml_text_to(c, out, depth);
		break;
	default:
		break;
	}
}

void
xml_text_add(xmlNodePtr n, struct buf *out)
{
	xml_text_to(n, out, 0);
}

char *
xml_text(xmlNodePtr n)
{
	struct buf	out = BUF_INIT;

	xml_text_to(n, &out, 0);
	return buf_detach(&out, NULL);
}

char *
xml_attr_ns(xmlNodePtr n, const char *name, const char *ns)
{
	struct buf	 out = BUF_INIT;
	xmlAttrPtr	 a;
	xmlNodePtr	 c;

	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (ns == NULL ? a->ns != NULL : (a->ns == NULL ||
		    strcmp((const char *)a->ns->href, ns) != 0))
			continue;
		for (c = a->children; c != NULL; c = c->next)
			xml_text_to(c, &out, 0);
		return buf_detach(&out, NULL);
	}
	return NULL;
}

char *
xml_attr(xmlNodePtr n, const char *name)
{
	return xml_attr_ns(n, name, NULL);
}

/* libxml2's getEntity: the document's own entities first, then, outside
 * the DTD, HTML's named characters (&eacute;, &nbsp;), which feeds use
 * without declaring them. They are lent as predefined entities, which
 * the parser writes as the character at once. */
static xmlEntityPtr
xml_entity(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr	 c = ctx;
	struct xml_parse	*p = c->_private;
	struct xml_ent		*fe;
	const htmlEntityDesc	*d;
	xmlEntityPtr		 e;
	size_t			 i, n;

	if ((e = xmlSAX2GetEntity(ctx, name)) != NULL || c->inSubset != 0)
		return e;
	if ((n = strlen((const char *)name)) >= sizeof fe->name)
		return NULL;
	for (i = 0; i < p->nents; i++)
		if (strcmp(p->ents[i]->name, (const char *)name) == 0)
			return &p->ents[i]->ent;
	fe = xcalloc(1, sizeof *fe);
	memcpy(fe->name, name, n + 1);
	/* A name HTML does not know either stays as written. */
	if ((d = htmlEntityLookup(name)) != NULL)
		n = utf8_encode(d->value, (char *)fe->value);
	else
		n = (size_t)snprintf((char *)fe->value, sizeof fe->value,
		    "&%s;", fe->name);
	if (n >= sizeof fe->value) {
		free(fe);
		return NULL;
	}
	fe->value[n] = '\0';
	fe->ent.type = XML_ENTITY_DECL;
	fe->ent.name = (const xmlChar *)fe->name;
	fe->ent.etype = XML_INTERNAL_PREDEFINED_ENTITY;
	fe->ent.content = fe->ent.orig = fe->value;
	fe->ent.length = (int)n;
	p->ents = xgrowarray(p->ents, &p->ents_cap, p->nents + 1,
	    sizeof *p->ents);
	p->ents[p->nents++] = fe;
	xml_bozo(p->x, d != NULL ? _("undeclared entity &%s; read as "
	    "HTML's") : _("undeclared entity &%s; kept as written"),
	    (const char *)name);
	return &fe->ent;
}

/* libxml2's resolveEntity: an external entity or DTD is never read. */
static xmlParserInputPtr
xml_resolve(void *ctx, const xmlChar *publicid, const xmlChar *systemid)
{
	return NULL;
}

/* libxml2's structured errors: any error makes the feed a bozo. */
static void
xml_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr	 c = ctx;
	struct xml_parse	*p = c->_private;
	char			*msg;
	size_t			 n;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	if (e->code == XML_ERR_ENTITY_LOOP)
		p->loop = 1;
	msg = xstrdup(e->message != NULL ? e->message : "?");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (p->error == NULL)
		p->error = xprintf(_("line %d: %s"), e->line, msg);
	xml_bozo(p->x, _("line %d: %s"), e->line, msg);
	free(msg);
}


/* libxml2's endElementNs: its own (the element is whole in the tree),
 * then the element is offered to each, measured first as the whole
 * document is after it is read. */
static void
xml_end_element(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr	 c = ctx;
	struct xml_parse	*p = c->_private;
	xmlNodePtr		 n = c->node;

	p->end(ctx, name, prefix, uri);
	if (n == NULL || n->type != XML_ELEMENT_NODE || p->loop ||
	    p->taken > XML_ENTITY_MAX || !p->each->want(p->each->arg, n))
		return;
	if (n->doc != NULL && n->doc->intSubset != NULL &&
	    n->doc->intSubset->entities != NULL &&
	    (p->taken += xml_size(n, 0)) > XML_ENTITY_MAX)
		return;
	p->each->take(p->each->arg, n);
}

/* Returns non-zero if a start tag in the len bytes at s has more than
 * max attributes: counts the '=' outside quotes between "<name" and ">",
 * in one pass; comments and CDATA sections are skipped. */
static int
xml_many_attrs(const char *s, size_t len, size_t max)
{
	const char	*p = s, *end = s + len;
	unsigned char	 c;
	size_t		 n;
	char		 q;

	while (p != NULL && p < end &&
	    (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if ((size_t)(end - p) >= 3 && memcmp(p, "!--", 3) == 0) {
			p = memmem(p, (size_t)(end - p), "-->", 3);
			continue;
		}
		if ((size_t)(end - p) >= 8 && memcmp(p, "![CDATA[", 8) == 0) {
			p = memmem(p, (size_t)(end - p), "]]>", 3);
			continue;
		}
		c = p < end ? (unsigned char)*p : 0;
		if (!ascii_isalpha(c) && c != '_' && c != ':' && c < 0x80)
			continue;
		for (n = 0, q = 0; p < end; p++) {
			if (q != 0) {
				if (*p == q)
					q = 0;
			} else if (*p == '"' || *p == '\'')
				q = *p;
			else if (*p == '=' && ++n > max)
				return 1;
			else if (*p == '>')
				break;
		}
	}
	return 0;
}

int
xml_read(const char *data, size_t len, const char *charset, const char *name,
    struct xml **xp, char **cause)
{
	return xml_read_each(data, len, charset, name, NULL, xp, cause);
}

int
xml_read_each(const char *data, size_t len, const char *charset,
    const char *name, const struct xml_each *each, struct xml **xp,
    char **cause)
{
	struct xml_parse	 p;
	struct xml_src		 src;
	struct buf		 raw = BUF_INIT, utf8 = BUF_INIT;
	xmlParserCtxtPtr	 c;
	xmlNodePtr		 root;
	char			*msg = NULL;
	size_t			 i;

	memset(&p, 0, sizeof p);
	p.x = xcalloc(1, sizeof *p.x);
	*xp = NULL;
	if (xml_decode(p.x, data, len, charset, &raw, cause) != 0)
		goto fail;
	if (xml_amp(&raw, &utf8) > 0)
		xml_bozo(p.x, _("characters XML does not allow ('&' alone, "
		    "control characters) read as text"));
	buf_free(&raw);
	if (utf8.len > INT_MAX) {
		msg = xprintf(_("%s: too large to parse"), name);
		goto fail;
	}
	if (xml_many_attrs(buf_str(&utf8), utf8.len, XML_ATTR_MAX)) {
		msg = xprintf(_("%s: refused: an element has more than %d "
		    "attributes"), name, XML_ATTR_MAX);
		goto fail;
	}
	if ((c = xmlNewParserCtxt()) == NULL)
		fatal(_("out of memory"));
	c->_private = &p;
	c->sax->getEntity = xml_entity;
	c->sax->resolveEntity = xml_resolve;
	c->sax->externalSubset = NULL;
	c->sax->serror = xml_error;
	if ((p.each = each) != NULL) {
		p.end = c->sax->endElementNs;
		c->sax->endElementNs = xml_end_element;
	}
	/* No NOENT (references stay nodes, measured before being read), no
	 * DTDLOAD, no network; the bytes are UTF-8 by now whatever the
	 * declaration says. */
	src.p = buf_str(&utf8);
	src.left = utf8.len;
	p.x->doc = xmlCtxtReadIO(c, xml_src_read, xml_src_close, &src, NULL,
	    "UTF-8", XML_PARSE_RECOVER | XML_PARSE_NONET |
	    XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
	xmlFreeParserCtxt(c);
	for (i = 0; i < p.nents; i++)
		free(p.ents[i]);
	free(p.ents);
	if (p.loop)
		msg = xprintf(_("%s: refused: its entities refer to each "
		    "other without end (an entity expansion attack)"), name);
	else if (p.x->doc == NULL ||
	    (root = xmlDocGetRootElement(p.x->doc)) == NULL)
		msg = p.error != NULL ? xprintf("%s: %s", name, p.error) :
		    xprintf(_("%s: the document is empty"), name);
	else if (p.x->doc->intSubset != NULL &&
	    p.x->doc->intSubset->entities != NULL &&
	    (p.taken > XML_ENTITY_MAX ||
	    p.taken + xml_size(root, 0) > XML_ENTITY_MAX))
		msg = xprintf(ngettext_("%s: refused: its entities expand to "
		    "more than %d byte (an entity expansion attack)", "%s: "
		    "refused: its entities expand to more than %d bytes (an "
		    "entity expansion attack)", XML_ENTITY_MAX), name,
		    XML_ENTITY_MAX);
	if (msg != NULL)
		goto fail;
	buf_free(&utf8);
	free(p.error);
	*xp = p.x;
	return 0;
fail:
	if (msg != NULL) {
		*cause = sanitize(msg, strlen(msg), 0);
		free(msg);
	}
	buf_free(&raw);
	buf_free(&utf8);
	free(p.error);
	xml_free(p.x);
	return -1;
}

void
xml_free(struct xml *x)
{
	if (x == NULL)
		return;
	xmlFreeDoc(x->doc);
	free(x->encoding);
	free(x->bozo_message);
	free(x);
}
