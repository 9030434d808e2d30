/* extract_clutter.c: reel's own passes after the Readability port: what a
 * reader of essays does not want and Readability keeps (readers' comments,
 * boxes, "Related:" lines, pull quotes, trailers, calls to action). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "doc.h"
#include "extract_clutter.h"
#include "extract_dom.h"
#include "extract_int.h"
#include "url.h"
#include "util.h"

/* At most this many trailing calls to action (a "Read more:" line and
 * its links) are dropped. */
#define CLUTTER_CTA_MAX		6
/* A box inside the essay has at most this many words. */
#define CLUTTER_BOX_WORDS	80

/* Letters and digits only, ASCII folded to lower case: a pull quote and
 * the sentence it repeats match despite quotes, dashes, ellipses and
 * spacing, curly or CJK ones too. */
static void
clutter_squash(const char *s, struct buf *out)
{
	const char	*end = s + strlen(s);
	unsigned int	 cp;
	size_t		 n;
	unsigned char	 c;

	buf_reset(out);
	while (s < end) {
		c = (unsigned char)*s;
		if (c < 0x80) {
			if (ascii_isalpha(c) || (c >= '0' && c <= '9'))
				buf_addc(out, (char)ascii_lower(c));
			s++;
			continue;
		}
		n = utf8_next(s, (size_t)(end - s), &cp);
		if (!(cp == 0xa0 || cp == 0xab || cp == 0xbb ||
		    (cp >= 0x2000 && cp <= 0x206f) ||
		    (cp >= 0x3000 && cp <= 0x303f) ||
		    (cp >= 0xff01 && cp <= 0xff0f)))
			buf_add(out, s, n);
		s += n;
	}
	buf_add(out, "", 0);
}

static int
clutter_is_pullquote(xmlNodePtr n)
{
	static const char *const words[] = { "pullquote", "pull-quote",
	    "pull_quote", NULL };
	const char	*cls = extract_dom_attr(n, "class");

	return extract_dom_is(n, XT_BLOCKQUOTE) ||
	    (cls != NULL && extract_dom_match_any(cls, words));
}

/* A pull quote repeats a sentence of the essay in large type: keep the
 * sentence where it stands, drop the repeat. */
static void
clutter_drop_pullquotes(struct xctx *x)
{
	struct buf	 all = BUF_INIT, one = BUF_INIT, t = BUF_INIT;
	xmlNodePtr	 n, next;
	const char	*hit;

	for (n = extract_dom_next(x->article, 0); n != NULL; n = next) {
		if (!clutter_is_pullquote(n)) {
			next = extract_dom_next(n, 0);
			continue;
		}
		next = extract_dom_next(n, 1);
		buf_reset(&t);
		extract_dom_text(n, 0, &t);
		clutter_squash(buf_str(&t), &one);
		if (one.len < 40)
			continue;	/* short ones could match by chance */
		if (all.len == 0) {
			buf_reset(&t);
			extract_dom_text(x->article, 0, &t);
			clutter_squash(buf_str(&t), &all);
		}
		if ((hit = strstr(buf_str(&all), buf_str(&one))) != NULL &&
		    strstr(hit + 1, buf_str(&one)) != NULL) {
			extract_dom_remove(x, n);
			all.len = 0;	/* the text changed */
		}
	}
	buf_free(&all);
	buf_free(&one);
	buf_free(&t);
}

/* Words that only an invitation to read on, subscribe or follow uses. */
static const char *const clutter_invites[] = { "click here", "sign up",
    "signup", "follow us", "follow me", "interested in more",
    "check out our", "explore more", "join our", "more posts",
    "more articles", "more blogs", "related posts", "you may also like",
    "you might also like", "if you enjoyed", "subscribe to our",
    "read more:", NULL };

/* Words an essay uses too ("I do not subscribe to that view", "read
 * more slowly", "he edited the newsletter"): an invitation only beside a
 * link, or in a question put to the reader. */
static const char *const clutter_invites_weak[] = { "read more",
    "learn more", "subscribe", "don't miss", "do not miss", "newsletter",
    "share this", "keep reading", "continue reading", NULL };

/* Does text speak to the reader: "you" or "your" as a word? */
static int
clutter_to_reader(const char *text)
{
	const char	*p;
	size_t		 n;

	for (p = text; (p = strcasestr(p, "you")) != NULL; p += 3) {
		if (p > text && ascii_isalpha((unsigned char)p[-1]))
			continue;
		n = (p[3] == 'r' || p[3] == 'R') ? 4 : 3;
		if (!ascii_isalpha((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

int
extract_clutter_invitation(const char *text, size_t words, int linked)
{
	if (words == 0 || words > 40)
		return 0;
	if (extract_dom_match_any(text, clutter_invites))
		return linked || words <= 15 ||
		    (words <= 25 && clutter_to_reader(text));
	if (!extract_dom_match_any(text, clutter_invites_weak))
		return 0;
	return linked || (words <= 25 && clutter_to_reader(text) &&
	    strchr(text, '?') != NULL);
}

/* Do the links of n all stay on the page's own site (or, for a file,
 * beside it)? A short paragraph that is all such a link is a "more
 * posts" link; one that is all a link elsewhere can be the essay's. */
static int
clutter_links_home(struct xctx *x, xmlNodePtr n)
{
	static const enum xtag	 anchor[] = { XT_A };
	struct xlist		 l = { NULL, 0, 0 };
	const char		*href;
	char			*url, *host, *home;
	size_t			 i;
	int			 same = 1;

	home = x->base != NULL ? url_host(x->base) : NULL;
	extract_dom_collect(n, anchor, nitems(anchor), &l);
	for (i = 0; i < l.n && same; i++) {
		if ((href = extract_dom_attr(l.v[i], "href")) == NULL ||
		    (url = url_resolve(href, x->base)) == NULL)
			continue;
		host = url_host(url);
		same = (host == NULL && home == NULL) || (host != NULL &&
		    home != NULL && strcasecmp(host, home) == 0);
		free(host);
		free(url);
	}
	extract_dom_list_free(&l);
	free(home);
	return same;
}

/* The closing call to action of many blog posts: a short last paragraph
 * that is all a link to more of the site, or an invitation to read on,
 * subscribe or follow. */
static int
clutter_is_cta(struct xctx *x, xmlNodePtr n)
{
	struct buf	 b = BUF_INIT;
	size_t		 words;
	double		 ld;
	int		 invite;

	extract_dom_text(n, 1, &b);
	words = doc_count_words(buf_str(&b), b.len);
	ld = extract_dom_link_density(n);
	invite = extract_clutter_invitation(buf_str(&b), words, ld > 0);
	buf_free(&b);
	if (invite)
		return 1;
	return words > 0 && words <= 25 && ld >= 0.8 &&
	    clutter_links_home(x, n);
}

/* Drops calls to action from the end of the essay. Only a trailer goes:
 * what stays must be more than what goes, so that a page whose only words
 * are an invitation ("Read the whole essay on our site") keeps them. */
static void
clutter_drop_cta(struct xctx *x)
{
	static const enum xtag	 paras[] = { XT_P, XT_DIV, XT_H2, XT_H3,
	    XT_H4, XT_H5, XT_H6 };
	struct xlist		 l = { NULL, 0, 0 };
	xmlNodePtr		 n;
	size_t			 i, dropped = 0, total, len;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	extract_dom_collect(x->article, paras, nitems(paras), &l);
	for (i = l.n; i > 0 && dropped < CLUTTER_CTA_MAX; i--) {
		n = l.v[i - 1];
		if (extract_dom_is(n, XT_DIV) && extract_dom_has_block(n))
			continue;	/* a container: look inside */
		if (extract_dom_is_blank(n))
			continue;
		if (!clutter_is_cta(x, n))
			break;
		len = extract_dom_textlen(n, XLEN_NORMAL);
		if (total <= 2 * len)
			break;
		extract_dom_remove(x, n);
		total -= len;
		dropped++;
	}
	extract_dom_list_free(&l);
}

/* Class and id words of boxes that are never the essay, wherever they
 * stand: an author's card, a newsletter or subscription box. */
static const char *const clutter_boxes[] = { "author-bio", "authorbio",
    "author_bio", "author-box", "authorbox", "author-card",
    "author-profile", "about-author", "about-the-author", "author-info",
    "author-details", "author-description", "authors",
    "newsletter", "news-letter", "subscribe", "signup", "sign-up",
    "call-to-action", "cta", NULL };
/* ... and of those that are not when they follow the essay's last line. */
static const char *const clutter_trailers[] = { "related", "share",
    "social", "promo", NULL };

/* Is word in s as a whole part of a class or id: between the start or
 * a space, '-' or '_' and the end or one of them? ("subscribe" is in
 * "post-subscribe" but not in "subscriber-only".) */
static int
clutter_has_part(const char *s, const char *word)
{
	const char	*p;
	size_t		 n = strlen(word);

	for (p = s; (p = strcasestr(p, word)) != NULL; p++) {
		if ((p == s || strchr(" -_", p[-1]) != NULL) &&
		    (p[n] == '\0' || strchr(" -_", p[n]) != NULL))
			return 1;
	}
	return 0;
}

/* Is n, or the element it was made from, named as one of words: as a
 * whole part of its class or id when whole is set, else anywhere in
 * them? */
static int
clutter_named(struct xctx *x, xmlNodePtr n, const char *const *words,
    int whole, struct buf *mb)
{
	xmlNodePtr		 m[2] = { n, extract_dom_data(x, n)->origin };
	const char		*s;
	const char *const	*w;
	size_t			 i;

	for (i = 0; i < nitems(m) && m[i] != NULL; i++) {
		s = extract_dom_match_string(m[i], mb);
		if (!whole && extract_dom_match_any(s, words))
			return 1;
		for (w = words; whole && *w != NULL; w++)
			if (clutter_has_part(s, *w))
				return 1;
	}
	return 0;
}

static size_t
clutter_words(xmlNodePtr n)
{
	struct buf	b = BUF_INIT;
	size_t		words;

	extract_dom_text(n, 1, &b);
	words = doc_count_words(buf_str(&b), b.len);
	buf_free(&b);
	return words;
}

/* Drops the boxes named in clutter_boxes from anywhere in the essay: a
 * newsletter box between two paragraphs is no part of it. Small ones
 * only: a page may name a part of its essay "newsletter-years". */
static void
clutter_drop_boxes(struct xctx *x)
{
	static const enum xtag	 boxes[] = { XT_DIV, XT_SECTION, XT_ASIDE,
	    XT_FORM, XT_P, XT_FOOTER };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 mb = BUF_INIT;
	size_t			 i, total;

	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	extract_dom_collect(x->article, boxes, nitems(boxes), &l);
	for (i = 0; i < l.n; i++) {
		if (clutter_named(x, l.v[i], clutter_boxes, 1, &mb) &&
		    extract_dom_textlen(l.v[i], XLEN_NORMAL) * 4 < total &&
		    clutter_words(l.v[i]) <= CLUTTER_BOX_WORDS)
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&mb);
}

/* A line that lists links to other posts inside the essay: "Related:",
 * "See also:" and a link. */
static void
clutter_drop_related_lines(struct xctx *x)
{
	static const enum xtag	 paras[] = { XT_P };
	static const char *const leads[] = { "related:", "see also:",
	    "read also:", "also read:", "read more:", "more:",
	    "recommended:", "related reading:", "further reading:", NULL };
	struct xlist		 l = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	const char *const	*lead;
	size_t			 i;

	extract_dom_collect(x->article, paras, nitems(paras), &l);
	for (i = 0; i < l.n; i++) {
		buf_reset(&b);
		extract_dom_text(l.v[i], 1, &b);
		for (lead = leads; *lead != NULL; lead++)
			if (strprefix_ci(buf_str(&b), *lead))
				break;
		if (*lead != NULL && doc_count_words(buf_str(&b), b.len) <= 30 &&
		    extract_dom_link_density(l.v[i]) >= 0.5)
			extract_dom_remove(x, l.v[i]);
	}
	extract_dom_list_free(&l);
	buf_free(&b);
}

/* Does text head the readers' comments? "5 thoughts on "Title"", "One
 * response to "Title"", "12 Comments", "Leave a Reply": the counted
 * form ends the line or names the post in quotes, as blogs print it. */
static int
clutter_is_comments_head(const char *text)
{
	static const char *const counted[] = { "thought", "comment",
	    "response", "repl", "reaction", NULL };
	const char *const	*w;
	const char		*p = text;
	size_t			 n;

	if (strprefix_ci(p, "leave a reply") || strprefix_ci(p, "leave a "
	    "comment") || strprefix_ci(p, "post a comment"))
		return 1;
	if (strprefix_ci(p, "one ") || strprefix_ci(p, "no "))
		p = strchr(p, ' ') + 1;
	else {
		for (n = 0; p[n] >= '0' && p[n] <= '9'; n++)
			;
		if (n == 0 || p[n] != ' ')
			return 0;
		p += n + 1;
	}
	for (w = counted; *w != NULL; w++)
		if (strprefix_ci(p, *w))
			break;
	if (*w == NULL)
		return 0;
	p += strlen(*w);
	while (ascii_isalpha((unsigned char)*p))
		p++;
	if (*p == '\0' || (p[0] == ':' && p[1] == '\0'))
		return 1;
	if (!strprefix_ci(p, " on ") && !strprefix_ci(p, " to "))
		return 0;
	p += 4;
	return *p == '"' || strncmp(p, "\xe2\x80\x9c", 3) == 0 ||
	    strncmp(p, "\xe2\x80\x98", 3) == 0 ||
	    strncmp(p, "\xc2\xab", 2) == 0 ||
	    strncmp(p, "\xe3\x80\x8c", 3) == 0;
}

/* Drops the readers' comments that no class or id names: from a heading
 * that reads as their title to the end of the essay, whatever their
 * length, as long as an essay's worth of text comes before it. */
static void
clutter_drop_comments(struct xctx *x)
{
	static const enum xtag	 heads[] = { XT_H1, XT_H2, XT_H3, XT_H4,
	    XT_H5, XT_H6 };
	struct xlist		 l = { NULL, 0, 0 }, rest = { NULL, 0, 0 };
	struct buf		 b = BUF_INIT;
	xmlNodePtr		 n = NULL, cur, sib;
	size_t			 i, total, gone;

	extract_dom_collect(x->article, heads, nitems(heads), &l);
	for (i = 0; i < l.n && n == NULL; i++) {
		buf_reset(&b);
		extract_dom_text(l.v[i], 1, &b);
		if (doc_count_words(buf_str(&b), b.len) <= 12 &&
		    clutter_is_comments_head(buf_str(&b)))
			n = l.v[i];
	}
	extract_dom_list_free(&l);
	buf_free(&b);
	if (n == NULL)
		return;
	total = extract_dom_textlen(x->article, XLEN_NORMAL);
	gone = extract_dom_textlen(n, XLEN_NORMAL);
	extract_dom_list_add(&rest, n);
	for (cur = n; cur != NULL && cur != x->article; cur = cur->parent) {
		for (sib = cur->next; sib != NULL; sib = sib->next) {
			extract_dom_list_add(&rest, sib);
			gone += extract_dom_textlen(sib, XLEN_NORMAL);
		}
	}
	if (total >= gone + EXTRACT_MIN_CHARS) {
		/* The spaces between the nodes that go, go with them. */
		for (i = 1; i < rest.n; i++)
			extract_dom_spaces_drop(rest.v[i]);
		for (i = 0; i < rest.n; i++)
			extract_dom_remove(x, rest.v[i]);
	}
	extract_dom_list_free(&rest);
}

/* Drops the boxes after the essay's end (author bio, newsletter, related
 * posts, share bar) that the class-name pass left: looks at the last
 * element, and goes into it when it is a container of the essay. */
static void
clutter_drop_trailers(struct xctx *x)
{
	struct buf	 mb = BUF_INIT;
	xmlNodePtr	 parent = x->article, last;
	size_t		 total = extract_dom_textlen(x->article, XLEN_NORMAL);

	while (parent != NULL) {
		for (last = parent->last; last != NULL &&
		    last->type != XML_ELEMENT_NODE; last = last->prev)
			;
		if (last == NULL)
			break;
		if (extract_dom_is_blank(last) &&
		    extract_dom_count(last, XT_IMG) == 0 &&
		    !extract_dom_is(last, XT_IMG)) {
			extract_dom_remove(x, last);
			continue;
		}
		/* A box, not a part of the essay that happens to be named
		 * for sharing: small beside the whole. */
		if (clutter_named(x, last, clutter_trailers, 0, &mb) &&
		    extract_dom_textlen(last, XLEN_NORMAL) * 4 < total) {
			extract_dom_remove(x, last);
			continue;
		}
		parent = extract_dom_has_block(last) ? last : NULL;
	}
	buf_free(&mb);
}

/* Last touches on the chosen essay, beyond Readability: no readers'
 * comments, no boxes or "Related:" lines, no repeated pull quotes, no
 * boxes after the end, no closing call to action. */
void
extract_clutter_finish(struct xctx *x)
{
	if (x->article == NULL)
		return;
	clutter_drop_comments(x);
	clutter_drop_boxes(x);
	clutter_drop_related_lines(x);
	clutter_drop_pullquotes(x);
	clutter_drop_trailers(x);
	clutter_drop_cta(x);
}
