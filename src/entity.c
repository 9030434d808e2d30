/* entity.c: character references left in text: by tidy in SVG and MathML,
 * by pages in <meta content> that they escaped twice. */
#include <config.h>

#include <string.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "entity.h"
#include "util.h"

/* Longer names and numbers are not references. */
#define ENTITY_NAME_MAX	32

/* The value of a numeric reference's digits ("#233", "#xE9"), or -1 when
 * they are not all digits. Too large a value comes out as 0x110000. */
static long
entity_number(const char *s, size_t len)
{
	unsigned int	 base = 10, d;
	unsigned long	 v = 0;
	size_t		 i = 1;		/* after the '#' */

	if (len > 1 && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	}
	if (i == len)
		return -1;
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = (unsigned int)(s[i] - '0');
		else if (base == 16 && s[i] >= 'a' && s[i] <= 'f')
			d = (unsigned int)(s[i] - 'a' + 10);
		else if (base == 16 && s[i] >= 'A' && s[i] <= 'F')
			d = (unsigned int)(s[i] - 'A' + 10);
		else
			return -1;
		v = v * base + d;
		if (v > 0x10ffff)
			v = 0x110000;
	}
	return (long)v;
}

/* The character a name stands for, or -1. */
static long
entity_name(const char *name, int names)
{
	static const struct {
		const char	*name;
		char		 c;
	} basic[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
		{ "apos", '\'' },
	};
	const htmlEntityDesc	*ent;
	size_t			 i;

	if (names == ENTITY_HTML)
		return (ent = htmlEntityLookup((const xmlChar *)name)) != NULL ?
		    (long)ent->value : -1;
	for (i = 0; i < nitems(basic); i++) {
		if (strcmp(name, basic[i].name) == 0)
			return basic[i].c;
	}
	return -1;
}

void
entity_decode(struct buf *out, const char *s, size_t len, int names)
{
	const char	*end = s + len, *amp, *semi;
	char		 name[ENTITY_NAME_MAX], utf8[4];
	size_t		 n;
	long		 cp;

	while ((amp = memchr(s, '&', (size_t)(end - s))) != NULL) {
		buf_add(out, s, (size_t)(amp - s));
		s = amp + 1;
		semi = memchr(s, ';', (size_t)(end - s));
		if (semi == NULL || semi == s ||
		    (n = (size_t)(semi - s)) >= sizeof name) {
			buf_addc(out, '&');
			continue;
		}
		memcpy(name, s, n);
		name[n] = '\0';
		cp = name[0] == '#' ? entity_number(name, n) :
		    entity_name(name, names);
		if (cp == -1) {
			buf_addc(out, '&');
			continue;
		}
		if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			cp = 0xfffd;
		buf_add(out, utf8, utf8_encode((unsigned int)cp, utf8));
		s = semi + 1;
	}
	buf_add(out, s, (size_t)(end - s));
}
