/* search.c: the pager's search over folded text. Folding is done by a
 * real Unicode library (libunistring: NFKD and full case folding, the
 * general category for marks and dashes, the character name for the
 * kind of a quotation mark); a folded byte keeps the source offset of
 * the character it came from, so matches map back to the screen's text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "search.h"
#include "unistring_dl.h"
#include "util.h"

/* Folded forms of recent non-ASCII characters: a page repeats few. */
#define SEARCH_CACHE	1024
#define SEARCH_MAXOUT	32

struct search_cached {
	unsigned int	cp;		/* 0: empty */
	int		flags;
	unsigned char	len;
	char		out[SEARCH_MAXOUT];
};

static struct search_cached search_cache[SEARCH_CACHE];

void
search_init(struct search *s)
{
	memset(s, 0, sizeof *s);
	buf_init(&s->text);
}

void
search_free(struct search *s)
{
	buf_free(&s->text);
	free(s->map);
	search_init(s);
}

void
search_reset(struct search *s)
{
	s->ready = 0;
	s->src = NULL;
}

/* Whether cp has a lower case form: ASCII answers itself, libunistring
 * the rest. */
static int
search_is_upper(unsigned int cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	unistring_dl_need();
	return unistring_dl.tolower(cp) != cp;
}

int
search_flags(const char *pat)
{
	size_t		n = strlen(pat), k;
	unsigned int	cp;

	while (n > 0) {
		k = utf8_next(pat, n, &cp);
		if (search_is_upper(cp))
			return 0;
		pat += k;
		n -= k;
	}
	return SEARCH_CASE;
}

/* What one decomposed code point becomes: nothing for a mark (but the
 * kana voicing marks, which make another letter, not an accent), '-' for
 * a dash, '"' or '\'' for a quotation mark, else itself. */
static size_t
search_map_cp(unsigned int cp, char *out)
{
	const struct unistring_dl	*u = &unistring_dl;
	char				 name[UNINAME_MAX];

	if (u->is_general_category(cp, *u->cat_m) &&
	    cp != 0x3099 && cp != 0x309a)
		return 0;
	if (u->is_general_category(cp, *u->cat_pd)) {
		*out = '-';
		return 1;
	}
	if (u->is_general_category(cp, *u->cat_pi) ||
	    u->is_general_category(cp, *u->cat_pf) ||
	    u->is_general_category(cp, *u->cat_ps)) {
		if (u->character_name(cp, name) != NULL &&
		    strstr(name, "QUOTATION MARK") != NULL) {
			*out = strstr(name, "DOUBLE") != NULL ? '"' : '\'';
			return 1;
		}
	}
	return utf8_encode(cp, out);
}

/* Folds one non-ASCII character s (n bytes) into out; returns its length
 * (at most SEARCH_MAXOUT). */
static size_t
search_fold_char(const char *s, size_t n, unsigned int cp, int flags,
    char *out)
{
	struct search_cached	*c = &search_cache[cp % SEARCH_CACHE];
	uint8_t			 tmp[SEARCH_MAXOUT], *r;
	size_t			 rlen = sizeof tmp, i, k, len = 0;
	unsigned int		 d;

	if (c->cp == cp && c->flags == flags) {
		memcpy(out, c->out, c->len);
		return c->len;
	}
	unistring_dl_need();
	if (flags & SEARCH_CASE)
		r = unistring_dl.u8_casefold((const uint8_t *)s, n, NULL,
		    unistring_dl.nfkd, tmp, &rlen);
	else
		r = unistring_dl.u8_normalize(unistring_dl.nfkd,
		    (const uint8_t *)s, n, tmp, &rlen);
	if (r == NULL) {	/* not valid UTF-8: kept as it is */
		memcpy(out, s, n);
		return n;
	}
	for (i = 0; i < rlen; i += k) {
		k = utf8_next((const char *)r + i, rlen - i, &d);
		if (len + 4 > SEARCH_MAXOUT)
			break;
		len += search_map_cp(d, out + len);
	}
	if (r != tmp)
		free(r);
	c->cp = cp;
	c->flags = flags;
	c->len = (unsigned char)len;
	memcpy(c->out, out, len);
	return len;
}

/* Folds src (len bytes) into out and, when map is not NULL, the source
 * offset of each byte into *map. ASCII, most of most pages, is folded
 * a run at a time. */
static void
search_fold_map(struct buf *out, uint32_t **map, size_t *map_cap,
    const char *src, size_t len, int flags)
{
	char		tmp[SEARCH_MAXOUT], *o;
	uint32_t	*mp;
	size_t		i = 0, k, n, j, base;
	unsigned int	cp;
	unsigned char	c;
	int		fold = flags & SEARCH_CASE;

	while (i < len) {
		/* A run of ASCII: room for it, then one tight loop. */
		for (k = i; k < len && (unsigned char)src[k] < 0x80; k++)
			;
		if (k > i) {
			n = k - i;
			buf_reserve(out, n);
			o = out->data + out->len;
			if (map != NULL) {
				*map = xgrowarray(*map, map_cap, out->len + n,
				    sizeof **map);
				mp = *map + out->len;
				for (j = 0; j < n; j++)
					mp[j] = (uint32_t)(i + j);
			}
			for (j = 0; j < n; j++) {
				c = (unsigned char)src[i + j];
				o[j] = fold && c >= 'A' && c <= 'Z' ?
				    (char)(c + ('a' - 'A')) : (char)c;
			}
			out->len += n;
			out->data[out->len] = '\0';
			i = k;
			continue;
		}
		/* A run of other characters, each folded on its own. */
		if (map != NULL && *map_cap < out->len + (len - i))
			*map = xgrowarray(*map, map_cap, out->len + (len - i),
			    sizeof **map);
		buf_reserve(out, len - i);
		for (; i < len && (unsigned char)src[i] >= 0x80; i += k) {
			k = utf8_next(src + i, len - i, &cp);
			n = search_fold_char(src + i, k, cp, flags, tmp);
			base = out->len;
			if (out->len + n >= out->cap)
				buf_reserve(out, n);
			memcpy(out->data + out->len, tmp, n);
			out->len += n;
			if (map == NULL)
				continue;
			if (*map_cap < out->len)
				*map = xgrowarray(*map, map_cap, out->len,
				    sizeof **map);
			for (j = base; j < out->len; j++)
				(*map)[j] = (uint32_t)i;
		}
		out->data[out->len] = '\0';
	}
}

size_t
search_fold(struct buf *out, const char *s, size_t len, int flags)
{
	size_t	before = out->len;

	search_fold_map(out, NULL, NULL, s, len, flags);
	return out->len - before;
}

size_t
search_all(struct search *s, const char *src, size_t len,
    const char *pattern, struct search_match **out)
{
	struct buf		 pat = BUF_INIT;
	struct search_match	*m = NULL;
	size_t			 n = 0, cap = 0, pos = 0, at, e, start, end;
	unsigned int		 cp;
	const char		*t, *hit;
	int			 flags = search_flags(pattern);

	*out = NULL;
	if (len > UINT32_MAX)
		len = UINT32_MAX;	/* offsets are 32 bits */
	if (!s->ready || s->src != src || s->srclen != len ||
	    s->flags != flags) {
		buf_reset(&s->text);
		search_fold_map(&s->text, &s->map, &s->map_cap, src, len,
		    flags);
		s->src = src;
		s->srclen = len;
		s->flags = flags;
		s->ready = 1;
	}
	search_fold(&pat, pattern, strlen(pattern), flags);
	if (pat.len == 0 || pat.len > s->text.len) {
		buf_free(&pat);
		return 0;
	}
	t = buf_str(&s->text);
	while (pos + pat.len <= s->text.len &&
	    (hit = memmem(t + pos, s->text.len - pos, pat.data, pat.len)) !=
	    NULL) {
		at = (size_t)(hit - t);
		e = at + pat.len;
		start = s->map[at];
		/* To the end of the character of the last byte, and over
		 * the marks folded away after it. */
		end = s->map[e - 1];
		end += utf8_next(src + end, len - end, &cp);
		if (e == s->text.len)
			end = len;
		else if (s->map[e] > end)
			end = s->map[e];
		pos = e;
		if (n > 0 && start < m[n - 1].end)
			continue;	/* inside the last match's character */
		m = xgrowarray(m, &cap, n + 1, sizeof *m);
		m[n].start = start;
		m[n].end = end;
		n++;
	}
	buf_free(&pat);
	*out = m;
	return n;
}
