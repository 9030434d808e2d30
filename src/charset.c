/* charset.c: finding a page's character set the way a browser does, and
 * converting the page to UTF-8 (iconv for the legacy encodings). */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "util.h"

/* The WHATWG Encoding Standard's encodings that glibc's iconv can decode,
 * with their labels. Left out: "replacement" (ISO-2022-KR, HZ-GB-2312 and
 * the ISO-2022-CN labels, which the standard decodes to one U+FFFD) and
 * x-user-defined; their labels count as unknown. */
static const struct charset_enc {
	const char	*name;		/* the standard's name */
	const char	*iconv;		/* NULL: decoded here, not by iconv */
	const char	*labels;	/* separated by spaces */
} charset_encs[] = {
	{ "UTF-8", NULL, "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 "
	    "utf-8 utf8 x-unicode20utf8" },
	{ "UTF-16LE", NULL, "csunicode iso-10646-ucs-2 ucs-2 unicode "
	    "unicodefeff utf-16 utf-16le" },
	{ "UTF-16BE", NULL, "unicodefffe utf-16be" },
	{ "windows-1252", "WINDOWS-1252", "ansi_x3.4-1968 ascii cp1252 cp819 "
	    "csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
	    "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
	    "x-cp1252" },
	{ "IBM866", "IBM866", "866 cp866 csibm866 ibm866" },
	{ "ISO-8859-2", "ISO-8859-2", "csisolatin2 iso-8859-2 iso-ir-101 "
	    "iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2" },
	{ "ISO-8859-3", "ISO-8859-3", "csisolatin3 iso-8859-3 iso-ir-109 "
	    "iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3" },
	{ "ISO-8859-4", "ISO-8859-4", "csisolatin4 iso-8859-4 iso-ir-110 "
	    "iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4" },
	{ "ISO-8859-5", "ISO-8859-5", "csisolatincyrillic cyrillic iso-8859-5 "
	    "iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988" },
	{ "ISO-8859-6", "ISO-8859-6", "arabic asmo-708 csiso88596e "
	    "csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
	    "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
	    "iso_8859-6:1987" },
	{ "ISO-8859-7", "ISO-8859-7", "csisolatingreek ecma-118 elot_928 "
	    "greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
	    "iso_8859-7 iso_8859-7:1987 sun_eu_greek" },
	{ "ISO-8859-8", "ISO-8859-8", "csiso88598e csisolatinhebrew hebrew "
	    "iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
	    "iso_8859-8 iso_8859-8:1988 visual" },
	{ "ISO-8859-8-I", "ISO-8859-8", "csiso88598i iso-8859-8-i logical" },
	{ "ISO-8859-10", "ISO-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 "
	    "iso8859-10 iso885910 l6 latin6" },
	{ "ISO-8859-13", "ISO-8859-13", "iso-8859-13 iso8859-13 iso885913" },
	{ "ISO-8859-14", "ISO-8859-14", "iso-8859-14 iso8859-14 iso885914" },
	{ "ISO-8859-15", "ISO-8859-15", "csisolatin9 iso-8859-15 iso8859-15 "
	    "iso885915 iso_8859-15 l9" },
	{ "ISO-8859-16", "ISO-8859-16", "iso-8859-16" },
	{ "KOI8-R", "KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r" },
	{ "KOI8-U", "KOI8-U", "koi8-ru koi8-u" },
	{ "macintosh", "MACINTOSH", "csmacintosh mac macintosh x-mac-roman" },
	{ "windows-874", "WINDOWS-874", "dos-874 iso-8859-11 iso8859-11 "
	    "iso885911 tis-620 windows-874" },
	{ "windows-1250", "WINDOWS-1250", "cp1250 windows-1250 x-cp1250" },
	{ "windows-1251", "WINDOWS-1251", "cp1251 windows-1251 x-cp1251" },
	{ "windows-1253", "WINDOWS-1253", "cp1253 windows-1253 x-cp1253" },
	{ "windows-1254", "WINDOWS-1254", "cp1254 csisolatin5 iso-8859-9 "
	    "iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
	    "latin5 windows-1254 x-cp1254" },
	{ "windows-1255", "WINDOWS-1255", "cp1255 windows-1255 x-cp1255" },
	{ "windows-1256", "WINDOWS-1256", "cp1256 windows-1256 x-cp1256" },
	{ "windows-1257", "WINDOWS-1257", "cp1257 windows-1257 x-cp1257" },
	{ "windows-1258", "WINDOWS-1258", "cp1258 windows-1258 x-cp1258" },
	{ "x-mac-cyrillic", "MAC-CYRILLIC", "x-mac-cyrillic x-mac-ukrainian" },
	/* The standard's GBK decoder is its gb18030 decoder. */
	{ "GBK", "GB18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 "
	    "gb_2312-80 gbk iso-ir-58 x-gbk" },
	{ "gb18030", "GB18030", "gb18030" },
	{ "Big5", "BIG5-HKSCS", "big5 big5-hkscs cn-big5 csbig5 x-x-big5" },
	{ "EUC-JP", "EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp" },
	{ "ISO-2022-JP", "ISO-2022-JP", "csiso2022jp iso-2022-jp" },
	{ "Shift_JIS", "CP932", "csshiftjis ms932 ms_kanji shift-jis "
	    "shift_jis sjis windows-31j x-sjis" },
	{ "EUC-KR", "CP949", "cseuckr csksc56011987 euc-kr iso-ir-149 korean "
	    "ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949" },
};

#define CHARSET_UTF8		(&charset_encs[0])
#define CHARSET_UTF16LE		(&charset_encs[1])
#define CHARSET_UTF16BE		(&charset_encs[2])
#define CHARSET_WINDOWS1252	(&charset_encs[3])

/* How far <meta> is looked for, as the HTML standard's prescan. */
#define CHARSET_PRESCAN		1024
/* How far the second look goes, for bytes that are not UTF-8: the head of
 * a page whose <meta> comes after scripts or comments that fill the first
 * 1024 bytes (a web archive's copy puts its own scripts first). */
#define CHARSET_PRESCAN_HEAD	(64 * 1024)
/* Longest attribute value the prescan keeps; labels are far shorter. */
#define CHARSET_ATTR_MAX	128

static const char charset_fffd[] = "\xef\xbf\xbd";

static int
charset_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static const struct charset_enc *
charset_find_label(const char *label, size_t len)
{
	char		 key[64];
	const char	*p, *q;
	size_t		 i, n;

	while (len > 0 && charset_space((unsigned char)*label))
		label++, len--;
	while (len > 0 && charset_space((unsigned char)label[len - 1]))
		len--;
	if (len == 0 || len >= sizeof key)
		return NULL;
	for (i = 0; i < len; i++) {
		if (label[i] == ' ' || label[i] == '\0')
			return NULL;
		key[i] = ascii_lower((unsigned char)label[i]);
	}
	key[len] = '\0';
	for (i = 0; i < nitems(charset_encs); i++) {
		for (p = charset_encs[i].labels; *p != '\0'; p = q) {
			if ((q = strchr(p, ' ')) == NULL)
				q = p + strlen(p);
			n = q - p;
			if (n == len && memcmp(p, key, n) == 0)
				return &charset_encs[i];
			if (*q == ' ')
				q++;
		}
	}
	return NULL;
}

/* Returns the canonical name for a label, or NULL if the label is unknown;
 * the string is static. */
const char *
charset_lookup(const char *label)
{
	const struct charset_enc	*e;

	if (label == NULL || (e = charset_find_label(label,
	    strlen(label))) == NULL)
		return NULL;
	return e->name;
}

/*
 * UTF-8 as the Encoding Standard decodes it: each maximal ill-formed
 * subsequence becomes one U+FFFD, and so does a sequence cut short by the
 * end of the input. With out NULL nothing is written; *good and *bad count
 * the valid multi-byte sequences and the replacements.
 */
static void
charset_utf8(const char *s, size_t len, struct buf *out, size_t *good,
    size_t *bad)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned int		 cp = 0, lower = 0x80, upper = 0xbf, c;
	size_t			 i, needed = 0, seen = 0;
	char			 enc[4];

	*good = *bad = 0;
	for (i = 0; i < len; i++) {
		c = u[i];
		if (needed == 0) {
			if (c < 0x80) {
				if (out != NULL)
					buf_addc(out, c);
				continue;
			} else if (c >= 0xc2 && c <= 0xdf) {
				needed = 1;
				cp = c & 0x1f;
			} else if (c >= 0xe0 && c <= 0xef) {
				if (c == 0xe0)
					lower = 0xa0;
				if (c == 0xed)
					upper = 0x9f;
				needed = 2;
				cp = c & 0x0f;
			} else if (c >= 0xf0 && c <= 0xf4) {
				if (c == 0xf0)
					lower = 0x90;
				if (c == 0xf4)
					upper = 0x8f;
				needed = 3;
				cp = c & 0x07;
			} else {
				(*bad)++;
				if (out != NULL)
					buf_add(out, charset_fffd, 3);
			}
			continue;
		}
		if (c < lower || c > upper) {
			/* The byte that broke the sequence starts anew. */
			cp = needed = seen = 0;
			lower = 0x80;
			upper = 0xbf;
			(*bad)++;
			if (out != NULL)
				buf_add(out, charset_fffd, 3);
			i--;
			continue;
		}
		lower = 0x80;
		upper = 0xbf;
		cp = (cp << 6) | (c & 0x3f);
		if (++seen == needed) {
			(*good)++;
			if (out != NULL)
				buf_add(out, enc, utf8_encode(cp, enc));
			cp = needed = seen = 0;
		}
	}
	if (needed != 0) {
		(*bad)++;
		if (out != NULL)
			buf_add(out, charset_fffd, 3);
	}
}

/* Runs of ASCII are copied in one go; charset_utf8() does the rest. */
static void
charset_from_utf8(const char *s, size_t len, struct buf *out)
{
	size_t	good, bad;

	if (utf8_valid(s, len)) {
		buf_add(out, s, len);
		return;
	}
	charset_utf8(s, len, out, &good, &bad);
}

/* UTF-16 as the Encoding Standard decodes it: a lone surrogate or an odd
 * last byte becomes U+FFFD. */
static void
charset_from_utf16(const char *s, size_t len, int big, struct buf *out)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned int		 unit, lead = 0;
	size_t			 i;
	char			 enc[4];

	for (i = 0; i + 1 < len; i += 2) {
		unit = big ? (u[i] << 8 | u[i + 1]) : (u[i + 1] << 8 | u[i]);
		if (lead != 0) {
			if (unit >= 0xdc00 && unit <= 0xdfff) {
				buf_add(out, enc, utf8_encode(0x10000 +
				    ((lead - 0xd800) << 10) + (unit - 0xdc00),
				    enc));
				lead = 0;
				continue;
			}
			buf_add(out, charset_fffd, 3);
			lead = 0;
		}
		if (unit >= 0xd800 && unit <= 0xdbff)
			lead = unit;
		else if (unit >= 0xdc00 && unit <= 0xdfff)
			buf_add(out, charset_fffd, 3);
		else
			buf_add(out, enc, utf8_encode(unit, enc));
	}
	if (lead != 0 || i < len)
		buf_add(out, charset_fffd, 3);
}

/* Everything else through iconv; each byte iconv rejects becomes U+FFFD
 * and decoding goes on with the next byte, as the standard's decoders do
 * with a bad lead byte. */
static int
charset_from_iconv(const char *s, size_t len, const struct charset_enc *e,
    struct buf *out, char **cause)
{
	iconv_t	 cd;
	char	*in = (char *)s, *o;
	size_t	 inleft = len, oleft, r;
	int	 flushing = 0;

	if ((cd = iconv_open("UTF-8", e->iconv)) == (iconv_t)-1) {
		/* TRANSLATORS: a character set ("windows-1252"), then
		 * the system's reason. */
		*cause = xprintf(_("cannot convert from %s: %s"), e->name,
		    strerror(errno));
		return -1;
	}
	buf_reserve(out, len + len / 2 + 16);
	for (;;) {
		o = out->data + out->len;
		oleft = out->cap - out->len - 1;
		if (flushing)
			r = iconv(cd, NULL, NULL, &o, &oleft);
		else
			r = iconv(cd, &in, &inleft, &o, &oleft);
		out->len = o - out->data;
		out->data[out->len] = '\0';
		if (r != (size_t)-1) {
			if (flushing)
				break;
			flushing = 1;
			continue;
		}
		switch (errno) {
		case E2BIG:
			buf_reserve(out, out->cap);
			break;
		case EILSEQ:
			buf_add(out, charset_fffd, 3);
			in++;
			inleft--;
			break;
		case EINVAL:
			/* A sequence cut short by the end of the page. */
			buf_add(out, charset_fffd, 3);
			inleft = 0;
			break;
		default:
			*cause = xprintf(_("cannot convert from %s: %s"),
			    e->name, strerror(errno));
			iconv_close(cd);
			return -1;
		}
	}
	if (iconv_close(cd) != 0) {
		*cause = xprintf(_("cannot convert from %s: %s"), e->name,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * The HTML standard's "get an attribute" step of the prescan, over s[*pos
 * .. end). Stores the lower-cased name and value (cut at CHARSET_ATTR_MAX)
 * and returns 1, or returns 0 at the tag's end or the input's.
 */
static int
charset_attr(const char *s, size_t end, size_t *pos, char *name,
    char *value)
{
	size_t	p = *pos, nn = 0, nv = 0;
	int	c, q;

#define ADD(buf, n, ch) do {						\
	if ((n) < CHARSET_ATTR_MAX - 1)					\
		(buf)[(n)++] = ascii_lower(ch);				\
} while (0)

	while (p < end && (charset_space((unsigned char)s[p]) || s[p] == '/'))
		p++;
	if (p >= end || s[p] == '>')
		goto none;
	for (;;) {
		if (p >= end)
			goto none;
		c = (unsigned char)s[p];
		if (c == '=' && nn > 0) {
			p++;
			break;
		}
		if (charset_space(c)) {
			while (p < end && charset_space((unsigned char)s[p]))
				p++;
			if (p >= end)
				goto none;
			if (s[p] != '=')
				goto done;
			p++;
			break;
		}
		if (c == '/' || c == '>')
			goto done;
		ADD(name, nn, c);
		p++;
	}
	while (p < end && charset_space((unsigned char)s[p]))
		p++;
	if (p >= end)
		goto none;
	if (s[p] == '"' || s[p] == '\'') {
		q = s[p++];
		for (;;) {
			if (p >= end)
				goto none;
			if (s[p] == q) {
				p++;
				goto done;
			}
			ADD(value, nv, (unsigned char)s[p]);
			p++;
		}
	}
	if (s[p] == '>')
		goto done;
	while (p < end && !charset_space((unsigned char)s[p]) && s[p] != '>') {
		ADD(value, nv, (unsigned char)s[p]);
		p++;
	}
	if (p >= end)
		goto none;
done:
#undef ADD
	name[nn] = '\0';
	value[nv] = '\0';
	*pos = p;
	return 1;
none:
	*pos = p;
	return 0;
}

/* The HTML standard's "extract a character encoding from a meta element"
 * from a content attribute such as "text/html; charset=koi8-r". */
static const struct charset_enc *
charset_from_content(const char *v)
{
	const char	*p = v, *q;
	char		 quote;

	while ((p = strstr(p, "charset")) != NULL) {
		p += 7;
		while (charset_space((unsigned char)*p))
			p++;
		if (*p != '=')
			continue;
		p++;
		while (charset_space((unsigned char)*p))
			p++;
		if (*p == '"' || *p == '\'') {
			quote = *p++;
			if ((q = strchr(p, quote)) == NULL)
				return NULL;
		} else {
			for (q = p; *q != '\0' && *q != ';' &&
			    !charset_space((unsigned char)*q); q++)
				;
		}
		return charset_find_label(p, q - p);
	}
	return NULL;
}

/* A light form of the HTML standard's prescan: comments and other tags are
 * stepped over so that "<meta" inside them does not count. The standard's
 * look goes over the first 1024 bytes; the head's look (head set) goes on
 * to CHARSET_PRESCAN_HEAD and ends at <body>, whose <meta>s belong to what
 * the page embeds. */
static const struct charset_enc *
charset_prescan(const char *s, size_t len, int head)
{
	const struct charset_enc	*e;
	char				 name[CHARSET_ATTR_MAX];
	char				 value[CHARSET_ATTR_MAX];
	const char			*q;
	size_t				 end, p = 0;
	int				 got_pragma, need_pragma, seen;

	end = head ? CHARSET_PRESCAN_HEAD : CHARSET_PRESCAN;
	if (len < end)
		end = len;
	while (p < end) {
		if (ascii_prefix_ci(s + p, end - p, "<!--")) {
			q = memmem(s + p + 2, end - p - 2, "-->", 3);
			if (q == NULL)
				return NULL;
			p = q - s + 3;
			continue;
		}
		if (ascii_prefix_ci(s + p, end - p, "<meta") && p + 5 < end &&
		    (charset_space((unsigned char)s[p + 5]) ||
		    s[p + 5] == '/')) {
			p += 5;
			e = NULL;
			got_pragma = 0;
			need_pragma = -1;
			seen = 0;
			while (charset_attr(s, end, &p, name, value)) {
				/* Only the first of a repeated attribute. */
				if (strcmp(name, "http-equiv") == 0) {
					if (seen & 1)
						continue;
					seen |= 1;
					if (strcmp(value, "content-type") == 0)
						got_pragma = 1;
				} else if (strcmp(name, "content") == 0) {
					if (seen & 2)
						continue;
					seen |= 2;
					if (e == NULL && need_pragma != 0 &&
					    (e = charset_from_content(value)) !=
					    NULL)
						need_pragma = 1;
				} else if (strcmp(name, "charset") == 0) {
					if (seen & 4)
						continue;
					seen |= 4;
					e = charset_find_label(value,
					    strlen(value));
					need_pragma = 0;
				}
			}
			if (need_pragma == -1 || (need_pragma == 1 &&
			    !got_pragma) || e == NULL)
				continue;
			/* Bytes that hold "<meta" are not UTF-16. */
			if (e == CHARSET_UTF16LE || e == CHARSET_UTF16BE)
				e = CHARSET_UTF8;
			return e;
		}
		if (s[p] == '<' && p + 2 < end && (ascii_isalpha((unsigned
		    char)s[p + 1]) || (s[p + 1] == '/' &&
		    ascii_isalpha((unsigned char)s[p + 2])))) {
			if (head && ascii_prefix_ci(s + p, end - p, "<body") &&
			    (p + 5 == end || charset_space((unsigned
			    char)s[p + 5]) || s[p + 5] == '>'))
				return NULL;
			while (p < end && !charset_space((unsigned char)s[p]) &&
			    s[p] != '>')
				p++;
			while (charset_attr(s, end, &p, name, value))
				;
			continue;
		}
		if (s[p] == '<' && p + 1 < end && (s[p + 1] == '!' ||
		    s[p + 1] == '/' || s[p + 1] == '?')) {
			if ((q = memchr(s + p, '>', end - p)) == NULL)
				return NULL;
			p = q - s + 1;
			continue;
		}
		p++;
	}
	return NULL;
}

/*
 * A page that claims UTF-8 is not always UTF-8: old Latin-1 pages behind a
 * server or template that says utf-8 are common. The rule: the bytes are
 * UTF-8 unless they hold ill-formed sequences and those outnumber the
 * well-formed multi-byte ones; then they are windows-1252. So a Latin-1
 * page (its accented letters are all ill-formed as UTF-8) reads right,
 * while a UTF-8 page with a few broken bytes keeps its text and shows
 * U+FFFD for each broken one.
 */
static const struct charset_enc *
charset_check_utf8(const char *s, size_t len)
{
	size_t	good, bad;

	if (utf8_valid(s, len))
		return CHARSET_UTF8;
	charset_utf8(s, len, NULL, &good, &bad);
	return bad > good ? CHARSET_WINDOWS1252 : CHARSET_UTF8;
}

/* The one heuristic against a <meta>: a page that declares a legacy
 * encoding but is valid UTF-8 with at least one multi-byte sequence was
 * converted without its <meta> being updated (real pages do this); no
 * legacy text of any length is likely to be valid UTF-8 by chance. */
static const struct charset_enc *
charset_check_meta(const char *s, size_t len, const struct charset_enc *e)
{
	size_t	good, bad;

	if (e == CHARSET_UTF8)
		return charset_check_utf8(s, len);
	if (!utf8_valid(s, len))
		return e;
	charset_utf8(s, len, NULL, &good, &bad);
	return good > 0 ? CHARSET_UTF8 : e;
}

static const struct charset_enc *
charset_find(const char *s, size_t len, const char *http, size_t *bom)
{
	const unsigned char		*u = (const unsigned char *)s;
	const struct charset_enc	*e, *head;

	*bom = 0;
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		*bom = 3;
		return CHARSET_UTF8;
	}
	if (len >= 2 && u[0] == 0xfe && u[1] == 0xff) {
		*bom = 2;
		return CHARSET_UTF16BE;
	}
	if (len >= 2 && u[0] == 0xff && u[1] == 0xfe) {
		*bom = 2;
		return CHARSET_UTF16LE;
	}
	/* The server's word beats the page's own. */
	if (http != NULL && (e = charset_find_label(http,
	    strlen(http))) != NULL)
		return e == CHARSET_UTF8 ? charset_check_utf8(s, len) : e;
	if ((e = charset_prescan(s, len, 0)) != NULL)
		return charset_check_meta(s, len, e);
	/* Bytes that are not UTF-8 and declare nothing early: the head may
	 * still say what they are. A late "utf-8" is no better a guess than
	 * the bytes' own. */
	if ((e = charset_check_utf8(s, len)) == CHARSET_WINDOWS1252 &&
	    (head = charset_prescan(s, len, 1)) != NULL &&
	    head != CHARSET_UTF8)
		return head;
	return e;
}

const char *
charset_detect(const char *s, size_t len, const char *http)
{
	size_t	bom;

	return charset_find(s, len, http, &bom)->name;
}

int
charset_decode(const char *s, size_t len, const char *http, char **out,
    size_t *outlen, char **cause)
{
	const struct charset_enc	*e;
	struct buf			 b = BUF_INIT;
	size_t				 bom;

	e = charset_find(s, len, http, &bom);
	s += bom;
	len -= bom;
	buf_reserve(&b, len);
	if (e == CHARSET_UTF8)
		charset_from_utf8(s, len, &b);
	else if (e == CHARSET_UTF16LE || e == CHARSET_UTF16BE)
		charset_from_utf16(s, len, e == CHARSET_UTF16BE, &b);
	else if (charset_from_iconv(s, len, e, &b, cause) != 0) {
		buf_free(&b);
		return -1;
	}
	*out = buf_detach(&b, outlen);
	return 0;
}
