/* xml.h: XML from outside (feeds, OPML) read with libxml2 and care: the
 * bytes to UTF-8 as RFC 7303 says, no network, no DTD, no external entity,
 * and entity expansion measured before any text is read. */
#ifndef REEL_XML_H
#define REEL_XML_H

#include <stddef.h>

#include <libxml/tree.h>

struct buf;

struct xml {
	xmlDocPtr	 doc;		/* has a root element */
	char		*encoding;	/* the charset it was read in, lower
					   case ("utf-8", "iso-8859-1") */
	int		 bozo;		/* ill-formed, read as far as it goes */
	char		*bozo_message;	/* the first trouble, sanitized */
};

/*
 * Reads len bytes of XML. charset is the HTTP Content-Type's charset
 * (NULL for none); name names the document in messages. An ill-formed
 * document is read in recovery mode and comes back with bozo set; HTML's
 * named characters (&eacute;) are read as HTML reads them. Returns 0 and
 * *xp (free with xml_free()), or -1 and a sanitized one-line message in
 * *cause naming name: no root element, entities that expand without end
 * or to more than a megabyte.
 */
int	 xml_read(const char *, size_t, const char *, const char *,
	    struct xml **, char **);
/*
 * Elements handed over as the document is read, so that a large one is
 * never a whole tree: as each element's end tag is read, want(arg, n) says
 * whether n (whole, in the tree) is wanted; if so, and once what its
 * entity references expand to is measured within the limit, take(arg, n)
 * reads it and may unlink and free it. What was taken counts in the
 * limit of the whole, and when xml_read_each() fails, what take() made
 * of the document is the caller's to discard.
 */
struct xml_each {
	int	(*want)(void *, xmlNodePtr);
	void	(*take)(void *, xmlNodePtr);
	void	 *arg;
};
/* xml_read(), handing elements over to each as they are read. */
int	 xml_read_each(const char *, size_t, const char *, const char *,
	    const struct xml_each *, struct xml **, char **);
void	 xml_free(struct xml *);
/* Appends the text under n (text, CDATA and the internal entities the
 * references expand to; external entities are never read) to out. */
void	 xml_text_add(xmlNodePtr, struct buf *);
/* The text under n, allocated; "" when there is none. */
char	*xml_text(xmlNodePtr);
/* The value of n's attribute name in no namespace (xml_attr) or in the
 * namespace ns, allocated, or NULL when n has none. */
char	*xml_attr(xmlNodePtr, const char *);
char	*xml_attr_ns(xmlNodePtr, const char *, const char *);

#endif
