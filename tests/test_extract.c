/* test_extract.c: the extractor: what it keeps, what it drops, how the
 * essay's parts enter the document model, and the metadata. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "buf.h"
#include "clean.h"
#include "doc.h"
#include "extract.h"
#include "extract_dom.h"
#include "extract_int.h"
#include "util.h"

#include "testextract.h"

static void
test_boilerplate_dropped(void **state)
{
	struct doc	*d;

	d = parse("<html><head><title>The Art of Waiting on Screen | Film "
	    "Notes</title></head>"
	    "<body><div class=\"cookie-consent gdpr\">We use cookies to "
	    "improve your experience on our site.</div>"
	    "<nav role=\"navigation\"><a href=\"/\">Home</a> <a href=\"/r\">"
	    "Reviews</a></nav>"
	    "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> / Essays</div>"
	    "<article><h1>The Art of Waiting on Screen</h1>" PROSE
	    "<div class=\"share-bar\"><a href=\"https://x.example/s\">Share on "
	    "X</a> <a href=\"https://f.example/s\">Facebook</a></div>"
	    "<footer class=\"entry-footer\">Filed under slow cinema</footer>"
	    "<div class=\"author-bio\"><p>Dana Whitfield has written about "
	    "film for fifteen years, for magazines, festivals and this blog, "
	    "and teaches documentary editing.</p></div>"
	    "</article>"
	    "<aside class=\"sidebar\"><h3>Related posts</h3><ul><li><a href="
	    "\"/a\">Another essay about waiting</a></li></ul></aside>"
	    "<div class=\"newsletter\"><p>Sign up for our weekly newsletter!"
	    "</p><form><input name=\"email\"><button>Subscribe</button></form>"
	    "</div>"
	    "<footer class=\"site-footer\">Copyright Film Notes</footer>"
	    "</body></html>", "https://example.org/waiting");

	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_non_null(find(d, "a held breath let go."));
	assert_non_null(find(d, "in a second."));
	assert_null(find(d, "cookies"));
	assert_null(find(d, "Reviews"));
	assert_null(find(d, "Essays"));
	assert_null(find(d, "Share on"));
	assert_null(find(d, "Filed under"));
	assert_null(find(d, "Another essay"));
	assert_null(find(d, "newsletter"));
	assert_null(find(d, "Copyright"));
	assert_null(find(d, "Dana Whitfield"));
	/* The h1 repeats the title, which the document holds apart. */
	assert_null(find(d, "The Art of Waiting"));
	assert_string_equal(d->title, "The Art of Waiting on Screen");
	assert_int_equal(d->blocks[0].type, DOC_PARAGRAPH);
	doc_free(d);
}

static void
test_lists(void **state)
{
	struct doc		*d;
	const struct doc_block	*b;

	d = parse("<html><body><article>" PROSE
	    "<ol start=\"3\"><li>Third shot, the wide one</li>"
	    "<li>Fourth shot<ul><li>a nested detail</li></ul></li>"
	    "<li value=\"9\">Ninth, by value</li><li>Tenth</li></ol>"
	    "<ul><li><p>A bullet in a paragraph</p></li></ul>"
	    "</article></body></html>", NULL);

	b = find(d, "Third shot");
	assert_int_equal(b->type, DOC_LIST_ITEM);
	assert_int_equal(b->number, 3);
	assert_int_equal(b->level, 1);
	assert_string_equal(b->text, "Third shot, the wide one");
	assert_int_equal(find(d, "Fourth shot")->number, 4);
	b = find(d, "a nested detail");
	assert_int_equal(b->type, DOC_LIST_ITEM);
	assert_int_equal(b->level, 2);
	assert_int_equal(b->number, 0);
	assert_int_equal(find(d, "Ninth")->number, 9);
	assert_int_equal(find(d, "Tenth")->number, 10);
	b = find(d, "A bullet in a paragraph");
	assert_int_equal(b->type, DOC_LIST_ITEM);
	assert_int_equal(b->number, 0);
	doc_free(d);
}

static void
test_table_rows(void **state)
{
	struct doc		*d;
	const struct doc_block	*b;

	d = parse("<html><body><article>" PROSE
	    "<table><caption>Running times</caption>"
	    "<thead><tr><th>Film</th><th>Year</th><th>Minutes</th></tr></thead>"
	    "<tbody><tr><td>Rope</td><td>1948</td><td>80</td></tr>"
	    "<tr><td><em>Russian Ark</em></td><td>2002</td><td>99</td></tr>"
	    "<tr><td>Victoria</td><td>2015</td><td>138</td></tr>"
	    "<tr><td>1917</td><td>2019</td><td>119</td></tr></tbody></table>"
	    "<table><tr><td>" PROSE1 "</td></tr></table>"
	    "</article></body></html>", NULL);

	b = find(d, "Film\tYear");
	assert_non_null(b);
	assert_int_equal(b->type, DOC_TABLE_ROW);
	assert_int_equal(b->level, 1);
	assert_string_equal(b->text, "Film\tYear\tMinutes");
	b = find(d, "Russian Ark");
	assert_int_equal(b->type, DOC_TABLE_ROW);
	assert_int_equal(b->level, 0);
	assert_string_equal(b->text, "Russian Ark\t2002\t99");
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].type, DOC_EM);
	assert_int_equal(find(d, "Running times")->type, DOC_PARAGRAPH);
	/* A one-cell layout table is only a frame: its paragraph is one. */
	assert_int_equal(count(d, "The camera holds"), 2);
	b = &d->blocks[d->nblocks - 1];
	assert_int_equal(b->type, DOC_PARAGRAPH);
	assert_non_null(strstr(b->text, "The camera holds"));
	doc_free(d);
}

static void
test_figure_and_rule(void **state)
{
	struct doc		*d;
	const struct doc_block	*b = NULL;
	size_t			 i;

	d = parse("<html><head><base href=\"/static/\"></head><body><article>"
	    PROSE1 "<figure><img src=\"stills/corner.jpg\" alt=\"The corner "
	    "at dusk\"><figcaption>The corner, <em>reel two</em>.</figcaption>"
	    "</figure><hr>" PROSE2 PROSE3 "<pre>  int take = 1;\n  take++;</pre>"
	    "</article></body></html>", "https://example.org/essays/x.html");

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type == DOC_IMAGE)
			b = &d->blocks[i];
	}
	assert_non_null(b);
	assert_string_equal(b->text, "The corner at dusk");
	assert_string_equal(b->src,
	    "https://example.org/static/stills/corner.jpg");
	assert_string_equal(b->caption, "The corner, reel two.");
	assert_int_equal(b[1].type, DOC_RULE);
	assert_null(find(d, "The corner, reel two"));
	b = find(d, "int take");
	assert_int_equal(b->type, DOC_PRE);
	assert_string_equal(b->text, "  int take = 1;\n  take++;");
	doc_free(d);
}

static void
test_links_resolved(void **state)
{
	struct doc		*d;
	const struct doc_block	*b;

	/* Against the page's URL... */
	d = parse("<html><body><article>" PROSE1 PROSE2
	    "<p>See <a href=\"../notes/rope.html#cut\">the notes on Rope</a>, "
	    "<a href=\"javascript:void(0)\">this button</a> and "
	    "<a href=\"//cdn.example.net/x\">a mirror</a>, with <strong>bold"
	    "</strong> and <code>code</code>.</p>" PROSE3
	    "</article></body></html>", "https://example.org/essays/a/b.html");
	b = find(d, "See the notes on Rope");
	assert_non_null(b);
	assert_string_equal(b->text, "See the notes on Rope, this button and a "
	    "mirror, with bold and code.");
	assert_int_equal(d->nlinks, 2);
	assert_string_equal(d->links[0].url,
	    "https://example.org/essays/notes/rope.html#cut");
	assert_string_equal(d->links[0].text, "the notes on Rope");
	assert_string_equal(d->links[1].url, "https://cdn.example.net/x");
	assert_int_equal(b->nspans, 4);
	assert_int_equal(b->spans[0].type, DOC_LINK);
	assert_int_equal(b->spans[1].type, DOC_LINK);
	assert_int_equal(b->spans[2].type, DOC_STRONG);
	assert_int_equal(b->spans[3].type, DOC_CODE);
	doc_free(d);

	/* ... and against <base href>, itself relative to the URL. */
	d = parse("<html><head><base href=\"/archive/2020/\"></head><body>"
	    "<article>" PROSE "<p>Read <a href=\"rope.html\">the old piece"
	    "</a> too.</p></article></body></html>",
	    "https://example.org/essays/a/b.html");
	assert_int_equal(d->nlinks, 1);
	assert_string_equal(d->links[0].url,
	    "https://example.org/archive/2020/rope.html");
	doc_free(d);
}

static void
test_jsonld_authors(void **state)
{
	struct doc	*d;

	/* An array of authors, and a name that differs from the headline. */
	d = parse("<html><head><title>Slow Cinema, Explained</title><script type=\"application/ld+json\">"
	    "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
	    "\"headline\":\"Slow Cinema, Explained\",\"name\":\"Film Notes\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\" Ana Ruiz \"},"
	    "{\"@type\":\"Person\",\"name\":\"Li Wei\"}],"
	    "\"datePublished\":\"2021-11-01T10:52:50+0100\","
	    "\"image\":{\"url\":\"/img/lead.jpg\"}}</script></head>"
	    "<body><article>" PROSE "</article></body></html>",
	    "https://example.org/slow");
	assert_string_equal(d->title, "Slow Cinema, Explained");
	assert_string_equal(d->byline, "Ana Ruiz, Li Wei");
	assert_string_equal(d->published, "2021-11-01T10:52:50+01:00");
	assert_string_equal(d->image, "https://example.org/img/lead.jpg");
	doc_free(d);

	/* A plain string author; a URL is not a name. */
	d = parse("<html><head><script type=\"application/ld+json\">"
	    "[{\"@context\":\"http://schema.org\",\"@type\":\"BlogPosting\","
	    "\"headline\":\"On Waiting\",\"author\":\"Sam Okafor\"}]</script>"
	    "</head><body><article>" PROSE "</article></body></html>", NULL);
	assert_string_equal(d->title, "On Waiting");
	assert_string_equal(d->byline, "Sam Okafor");
	doc_free(d);

	d = parse("<html><head><script type=\"application/ld+json\">"
	    "{\"@context\":{\"@vocab\":\"http://schema.org/\"},\"@type\":"
	    "\"Article\",\"headline\":\"Vocab\",\"author\":"
	    "\"https://example.org/people/sam\"}</script>"
	    "<meta name=\"author\" content=\"Meta Name\"></head>"
	    "<body><article>" PROSE "</article></body></html>", NULL);
	assert_string_equal(d->title, "Vocab");
	assert_string_equal(d->byline, "Meta Name");
	doc_free(d);

	/* Not schema.org: ignored, <meta> decides. */
	d = parse("<html><head><script type=\"application/ld+json\">"
	    "{\"@context\":\"https://example.org\",\"@type\":\"Article\","
	    "\"headline\":\"Wrong\"}</script><meta property=\"og:title\" "
	    "content=\"Right &amp; Proper\"></head>"
	    "<body><article>" PROSE "</article></body></html>", NULL);
	assert_string_equal(d->title, "Right & Proper");
	doc_free(d);
}

static void
test_titles(void **state)
{
	struct doc	*d;

	/* og:title wins over <title>. */
	d = parse("<html><head><title>Ignored | Site</title><meta property="
	    "\"og:title\" content=\"The Open Graph Title\"></head><body>"
	    "<article>" PROSE "</article></body></html>", NULL);
	assert_string_equal(d->title, "The Open Graph Title");
	doc_free(d);

	/* "Title | Site": the site's name is cut off. */
	d = parse("<html><head><title>Why the Long Take Matters | Film "
	    "Notes</title></head><body><article>" PROSE
	    "</article></body></html>", NULL);
	assert_string_equal(d->title, "Why the Long Take Matters");
	doc_free(d);

	/* Too short a remainder: the other part is the title. */
	d = parse("<html><head><title>Film Notes - Why the Long Take Matters"
	    "</title></head><body><article>" PROSE "</article></body></html>",
	    NULL);
	assert_string_equal(d->title, "Why the Long Take Matters");
	doc_free(d);

	/* A title too short to be one: the only h1. */
	d = parse("<html><head><title>Notes</title></head><body><article>"
	    "<h1>The Long Take and the Moral Eye</h1>" PROSE
	    "</article></body></html>", NULL);
	assert_string_equal(d->title, "The Long Take and the Moral Eye");
	doc_free(d);

	/* A short title keeps its second part, unless the page names it
	 * as the site; at either end. */
	d = parse("<html><head><title>Seven Long Takes | Cine Blog</title>"
	    "</head><body><article>" PROSE "</article></body></html>", NULL);
	assert_string_equal(d->title, "Seven Long Takes | Cine Blog");
	doc_free(d);
	d = parse("<html><head><title>Seven Long Takes | Cine Blog</title>"
	    "<meta property=\"og:site_name\" content=\"Cine Blog\"></head>"
	    "<body><article>" PROSE "</article></body></html>", NULL);
	assert_string_equal(d->title, "Seven Long Takes");
	assert_string_equal(d->site, "Cine Blog");
	doc_free(d);
	d = parse("<html><head><meta property=\"og:title\" content=\"cine "
	    "blog \xe2\x80\x94 Rope\"><meta property=\"og:site_name\" "
	    "content=\"Cine Blog\"></head><body><article>" PROSE
	    "</article></body></html>", NULL);
	assert_string_equal(d->title, "Rope");
	doc_free(d);
}

static void
test_dates(void **state)
{
	static const char *const cases[][2] = {
		{ "2024-12-06T22:00:40.000Z", "2024-12-06T22:00:40Z" },
		{ "2017-06-05", "2017-06-05" },
		{ "2019-02-28 14:05", "2019-02-28T14:05:00" },
		{ "2019-02-28T14:05:09-0500", "2019-02-28T14:05:09-05:00" },
		{ "Mon, 05 Jun 2017 10:00:00 GMT", "2017-06-05T10:00:00Z" },
		{ "June 5, 2017", "2017-06-05" },
		{ "2017-02-30", NULL },
		{ "last Tuesday", NULL },
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		html = xprintf("<html><head><meta property=\"article:"
		    "published_time\" content=\"%s\"></head><body><article>"
		    PROSE "</article></body></html>", cases[i][0]);
		d = parse(html, NULL);
		if (cases[i][1] == NULL)
			assert_null(d->published);
		else
			assert_string_equal(d->published, cases[i][1]);
		doc_free(d);
		free(html);
	}

	/* No date in the metadata: the page's <time>, the publication's
	 * own before the first. */
	d = parse("<html><body><article><p>Updated <time datetime=\"2024-06-"
	    "02\">June 2</time>, first published <time class=\"entry-date "
	    "published\" datetime=\"2024-05-01T10:00:00Z\">May 1</time>.</p>"
	    PROSE "</article></body></html>", NULL);
	assert_string_equal(d->published, "2024-05-01T10:00:00Z");
	doc_free(d);
	d = parse("<html><body><article><p><time datetime=\"soon\">Soon"
	    "</time> and <time datetime=\"2024-06-02\">June 2</time></p>"
	    PROSE "</article></body></html>", NULL);
	assert_string_equal(d->published, "2024-06-02");
	doc_free(d);
	/* A date the essay mentions is not the page's marked one. */
	d = parse("<html><body><header><time class=\"published\" datetime=\""
	    "2024-03-01\">March 1</time></header><article><p>Vertigo "
	    "premiered on <time datetime=\"1958-05-09\">May 9, 1958</time>."
	    "</p>" PROSE "</article></body></html>", NULL);
	assert_string_equal(d->published, "2024-03-01");
	doc_free(d);
}

static void
test_cjk_and_rtl(void **state)
{
	struct doc	*d;

	d = parse("<html lang=\"ja\"><head><title>長回しの美学 | 映画ノート"
	    "</title></head><body><article>"
	    "<p>長回しは、観客に時間そのものを感じさせる。カメラが止まらない限り、"
	    "私たちは目をそらすことができず、出来事はその重さのまま届く。"
	    "編集が省いてしまうものを、長回しは残す。</p>"
	    "<p><ruby>溝口<rp>(</rp><rt>みぞぐち</rt><rp>)</rp></ruby>"
	    "<ruby>健二<rt>けんじ</rt></ruby>の映画では、カメラは人物から少し離れて待ち続ける。"
	    "その距離が、悲劇を見世物ではなく、目撃に変える。"
	    "観客は、逃げ場のない場所に立たされる。</p>"
	    "<p>現代の映画でも、この手法は生きている。戦場を一続きで見せる作品は、"
	    "切れ目のない時間によって、混乱の中に観客を閉じ込める。"
	    "それは技術の誇示ではなく、倫理の選択である。</p>"
	    "</article></body></html>", NULL);
	assert_string_equal(d->lang, "ja");
	assert_string_equal(d->title, "長回しの美学 | 映画ノート");
	/* Ruby's readings are left out, its base read whole. */
	assert_non_null(find(d, "溝口健二の映画では"));
	assert_null(find(d, "みぞぐち"));
	assert_null(find(d, "けんじ"));
	assert_null(find(d, "("));
	assert_null(d->dir);
	doc_free(d);

	d = parse("<html lang=\"ar\" dir=\"rtl\"><head><title>السينما "
	    "البطيئة</title></head><body><article>"
	    "<p>اللقطة الطويلة تجعل المشاهد يشعر بالزمن نفسه، فلا يستطيع أن "
	    "يشيح بنظره، وتصل الأحداث بثقلها الكامل دون أن يخففها المونتاج.</p>"
	    "<p>في أفلام كثيرة، تنتظر الكاميرا بعيدا عن الشخصيات، وهذا البعد "
	    "يحول المأساة من مشهد للفرجة إلى شهادة، ويضع المشاهد في مكان بلا "
	    "مهرب.</p><p>ولا يزال هذا الأسلوب حيا في السينما المعاصرة، حيث "
	    "تعرض المعارك في لقطة واحدة متصلة، فيحبس الزمن المتواصل الجمهور "
	    "داخل الفوضى، وهو اختيار أخلاقي قبل أن يكون استعراضا تقنيا.</p>"
	    "</article></body></html>", NULL);
	assert_string_equal(d->lang, "ar");
	assert_string_equal(d->dir, "rtl");
	assert_non_null(find(d, "اللقطة الطويلة"));
	doc_free(d);
}

static void
test_byline_and_hidden(void **state)
{
	struct doc	*d;

	d = parse("<html><body><article><div class=\"byline\">By <span "
	    "itemprop=\"name\">Ines Duarte</span></div>"
	    "<p style=\"display: none\">Hidden text that nobody sees.</p>"
	    "<div hidden>Also hidden.</div>" PROSE
	    "</article></body></html>", NULL);
	assert_string_equal(d->byline, "Ines Duarte");
	assert_null(find(d, "Ines Duarte"));
	assert_null(find(d, "Hidden text"));
	assert_null(find(d, "Also hidden"));
	assert_non_null(find(d, "The camera holds"));
	doc_free(d);
}

static void
test_short_page_and_breaks(void **state)
{
	struct doc	*d;

	/* Too little text for the scorer: the looser attempts keep it. */
	d = parse("<p>Just one line.</p>", NULL);
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text, "Just one line.");
	doc_free(d);

	/* <br><br> separates paragraphs, one <br> breaks a line; text
	 * directly in a div is a paragraph. */
	d = parse("<html><body><div>First line of verse,<br>second line."
	    "<br><br>A new stanza begins here.</div></body></html>", NULL);
	assert_non_null(find(d, "First line of verse,\nsecond line."));
	assert_non_null(find(d, "A new stanza begins here."));
	assert_ptr_not_equal(find(d, "First line"), find(d, "A new stanza"));
	doc_free(d);
}

/* Tidy drops the page's white space beside blocks and <br>; the words on
 * either side must stay apart in bylines, excerpts, captions and text. */
static void
test_words_apart(void **state)
{
	struct doc		*d;
	const struct doc_block	*b = NULL;
	size_t			 i;

	d = parse("<html><body><article><div class=\"FeatureByline\">By "
	    "<b>Nathan Willis</b>\n   <br>March 25, 2015</div>"
	    "<p>It is easier than ever to watch old films at home.\n"
	    "<br>No other decade gave us so many.</p>" PROSE1
	    "<figure><img src=\"lobby.jpg\" alt=\"The lobby\"><figcaption>"
	    "\n<p>The hotel lobby.</p>\n<p>(Still: Studio)</p>\n</figcaption>"
	    "</figure>" PROSE2
	    "<ul><li>Retrieved 2 February 2011.\n<link rel=\"stylesheet\" "
	    "href=\"cite.css\">\nSee pages 2 and 3.</li></ul>" PROSE3
	    "<pre>line one<br>line two</pre></article></body></html>", NULL);
	assert_string_equal(d->byline, "By Nathan Willis March 25, 2015");
	assert_string_equal(d->excerpt, "It is easier than ever to watch old "
	    "films at home. No other decade gave us so many.");
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].type == DOC_IMAGE)
			b = &d->blocks[i];
	}
	assert_non_null(b);
	assert_string_equal(b->caption, "The hotel lobby. (Still: Studio)");
	assert_non_null(find(d, "2011. See pages"));
	/* Preformatted text keeps its own spacing. */
	assert_non_null(find(d, "line one\nline two"));
	doc_free(d);
}

/* Readability takes the first short element marked as the byline. On the
 * page as written, a wrapper of blocks is not short (its indentation
 * counts); the byline inside it is taken. */
static void
test_byline_inside_blocks(void **state)
{
	struct doc	*d;

	d = parse("<html><body><article><div class=\"author-date\">"
	    "<h6 class=\"byline\">By <a href=\"/a/sokol\">Joshua Sokol</a>"
	    "</h6><p>May 20, 2019</p></div>" PROSE "</article></body></html>",
	    NULL);
	assert_string_equal(d->byline, "By Joshua Sokol");
	doc_free(d);

	/* A wrapper of phrasing content is the byline, prefix and all. */
	d = parse("<html><body><article><span class=\"author\">Par <span "
	    "class=\"authorname\">Sofia Farcis</span></span>" PROSE
	    "</article></body></html>", NULL);
	assert_string_equal(d->byline, "Par Sofia Farcis");
	doc_free(d);
}

/* The link of block b's span that covers all of its text, or NULL. */
static const struct doc_link *
whole_link(const struct doc *d, const struct doc_block *b)
{
	size_t	i;

	for (i = 0; i < b->nspans; i++) {
		if (b->spans[i].type == DOC_LINK && b->spans[i].start == 0 &&
		    b->spans[i].end == b->len)
			return &d->links[b->spans[i].link];
	}
	return NULL;
}

/* The link whose text is s, or NULL. */
static const struct doc_link *
link_named(const struct doc *d, const char *s)
{
	size_t	i;

	for (i = 0; i < d->nlinks; i++) {
		if (strcmp(d->links[i].text, s) == 0)
			return &d->links[i];
	}
	return NULL;
}

/* A remote page's links are resolved as a browser resolves them, and
 * never name a local file; what cannot be resolved, or goes where no
 * reader goes, keeps its words and loses the link. */
static void
test_link_urls_remote(void **state)
{
	static const struct {
		const char	*href;
		const char	*text;
		const char	*url;		/* NULL: no link */
	} cases[] = {
		{ "/tmp/x/secret file.txt", "secret",
		  "https://example.org/tmp/x/secret%20file.txt" },
		{ "a b|c^d{e}f`g[h]i.html", "odd", "https://example.org/"
		  "base/a%20b%7Cc%5Ed%7Be%7Df%60g%5Bh%5Di.html" },
		{ "100%.html?q=50%25", "stray",
		  "https://example.org/base/100%25.html?q=50%25" },
		{ "caf\xc3\xa9.html#top#more", "cafe",
		  "https://example.org/base/caf%C3%A9.html#top%23more" },
		{ " \n\thttps://[::1]:8080/x y\n", "ipv6",
		  "https://[::1]:8080/x%20y" },
		{ "-", "dash", "https://example.org/base/-" },
		{ "MAILTO:reader@example.org", "mail",
		  "MAILTO:reader@example.org" },
		{ "file:///etc/passwd", "file", NULL },
		{ "x:secret.txt", "scheme", NULL },
		{ "ftp://example.org/f", "ftp", NULL },
		{ "JavaScript:alert(1)", "script", NULL },
		{ "data:text/html,hi", "data", NULL },
		{ "https:no-host", "nohost", NULL },
		{ "http://exa mple.org:port/", "badport", NULL },
	};
	struct buf		 html = BUF_INIT;
	struct doc		*d;
	const struct doc_link	*l;
	size_t			 i;

	buf_adds(&html, "<html><head><base href=\"/base/\"></head><body>"
	    "<article>" PROSE "<p>");
	for (i = 0; i < nitems(cases); i++)
		buf_printf(&html, "<a href=\"%s\">%s</a>, ", cases[i].href,
		    cases[i].text);
	buf_adds(&html, "the end.</p></article></body></html>");
	d = parse(buf_str(&html), "https://example.org/essays/a.html");
	buf_free(&html);
	for (i = 0; i < nitems(cases); i++) {
		l = link_named(d, cases[i].text);
		if (cases[i].url == NULL) {
			if (l != NULL)
				fail_msg("%s: link to %s", cases[i].href,
				    l->url);
			/* The words stay. */
			assert_non_null(find(d, cases[i].text));
			continue;
		}
		if (l == NULL)
			fail_msg("%s: no link", cases[i].href);
		assert_string_equal(l->url, cases[i].url);
	}
	/* Nothing from a remote page is a path or another scheme. */
	for (i = 0; i < d->nlinks; i++) {
		if (strncmp(d->links[i].url, "https://", 8) != 0 &&
		    strncasecmp(d->links[i].url, "mailto:", 7) != 0)
			fail_msg("link %zu is %s", i, d->links[i].url);
	}
	doc_free(d);

	/* A <base> that names a local directory does not make a remote
	 * page's links local. */
	d = parse("<html><head><base href=\"file:///etc/\"></head><body>"
	    "<article>" PROSE "<p>See <a href=\"passwd\">the notes</a>.</p>"
	    "</article></body></html>", "https://example.org/essays/a.html");
	l = link_named(d, "the notes");
	assert_non_null(l);
	assert_string_equal(l->url, "https://example.org/essays/passwd");
	doc_free(d);
}

/* A page read from a file links to paths beside it, as a browser opens
 * file URLs; "-" would be standard input to reel. */
static void
test_link_urls_local(void **state)
{
	static const struct {
		const char	*href;
		const char	*text;
		const char	*url;		/* NULL: no link */
	} cases[] = {
		{ "-", "dash", "essays/-" },
		{ "my%20notes.html#part-2", "notes",
		  "essays/my notes.html#part-2" },
		{ "../img/../index.html?x=1", "index", "index.html" },
		{ "/srv/film/a.html", "absolute", "/srv/film/a.html" },
		{ "#top", "top", "essays/a b.html#top" },
		{ "https://example.org/x", "web", "https://example.org/x" },
		{ "//cdn.example.org/x", "network", NULL },
		{ "bad%00name.html", "nul", NULL },
		{ "file:///etc/passwd", "file", NULL },
	};
	struct buf		 html = BUF_INIT;
	struct doc		*d;
	const struct doc_link	*l;
	size_t			 i;

	buf_adds(&html, "<html><body><article>" PROSE "<p>");
	for (i = 0; i < nitems(cases); i++)
		buf_printf(&html, "<a href=\"%s\">%s</a>, ", cases[i].href,
		    cases[i].text);
	buf_adds(&html, "the end.</p></article></body></html>");
	d = parse(buf_str(&html), "essays/a b.html");
	for (i = 0; i < nitems(cases); i++) {
		l = link_named(d, cases[i].text);
		if (cases[i].url == NULL) {
			if (l != NULL)
				fail_msg("%s: link to %s", cases[i].href,
				    l->url);
			continue;
		}
		if (l == NULL)
			fail_msg("%s: no link", cases[i].href);
		assert_string_equal(l->url, cases[i].url);
	}
	doc_free(d);

	/* Beside a file in the current directory, or read from standard
	 * input, "-" is still a file. */
	d = parse(buf_str(&html), "a.html");
	assert_string_equal(link_named(d, "dash")->url, "./-");
	doc_free(d);
	d = parse(buf_str(&html), "-");
	assert_string_equal(link_named(d, "dash")->url, "./-");
	assert_null(link_named(d, "top"));
	doc_free(d);
	buf_free(&html);
}

/* A link around blocks (a heading, a card of paragraphs) links the words
 * of each; the link table has no link without words. */
static void
test_links_around_blocks(void **state)
{
	struct doc		*d;
	const struct doc_block	*b;
	const struct doc_link	*l;
	size_t			 i;

	d = parse("<html><body><a href=\"https://example.org/two\"><h2>Part "
	    "two of the essay</h2></a><p>Some words follow the heading here."
	    "</p></body></html>", NULL);
	b = find(d, "Part two");
	assert_non_null(b);
	assert_int_equal(b->type, DOC_HEADING);
	l = whole_link(d, b);
	assert_non_null(l);
	assert_string_equal(l->url, "https://example.org/two");
	assert_string_equal(l->text, "Part two of the essay");
	doc_free(d);

	d = parse("<html><body><div><a href=\"https://example.org/card\"><p>A "
	    "card about the film.</p><p>Its long takes.</p></a></div>"
	    "</body></html>", NULL);
	assert_int_equal(d->nlinks, 1);
	l = whole_link(d, find(d, "A card"));
	assert_non_null(l);
	assert_ptr_equal(l, whole_link(d, find(d, "Its long takes")));
	assert_string_equal(l->text, "A card about the film. Its long takes.");
	doc_free(d);

	/* Inside a list item the item stays one, linked. */
	d = parse("<html><body><article>" PROSE "<ul><li><a href=\"https://"
	    "example.org/x\"><p>An item that is a card</p></a></li></ul>"
	    "</article></body></html>", NULL);
	b = find(d, "An item that is a card");
	assert_int_equal(b->type, DOC_LIST_ITEM);
	assert_non_null(whole_link(d, b));
	for (i = 0; i < d->nlinks; i++)
		assert_true(*d->links[i].text != '\0');
	doc_free(d);
}

/* Numbers in attributes are clamped: counting on from them, or adding
 * them up, cannot overflow (the sanitizer build aborts on it). */
static void
test_attribute_numbers(void **state)
{
	struct doc		*d;
	const struct doc_block	*a, *b;

	d = parse("<html><body><article>" PROSE "<ol start=\"2147483647\">"
	    "<li>first item</li><li>second item</li></ol>"
	    "<ol start=\"junk\"><li>plain start</li></ol>"
	    "<ol reversed start=\"-9223372036854775808\"><li value=\"-2\">"
	    "negative</li><li value=\"x\">next</li></ol>"
	    "</article></body></html>", NULL);
	a = find(d, "first item");
	b = find(d, "second item");
	assert_int_equal(a->number, 999999999);
	assert_int_equal(b->number, 999999999);
	assert_int_equal(find(d, "plain start")->number, 1);
	assert_int_equal(find(d, "negative")->number, -2);
	assert_int_equal(find(d, "next")->number, -3);
	doc_free(d);

	d = parse("<html><body><article>" PROSE "<table><tr>"
	    "<td colspan=\"9223372036854775807\">wide</td>"
	    "<td colspan=\"9223372036854775807\">wider</td></tr>"
	    "<tr><td rowspan=\"9223372036854775807\">tall</td>"
	    "<td rowspan=\"9223372036854775807\">taller</td></tr></table>"
	    "</article></body></html>", NULL);
	assert_non_null(find(d, "wide\twider"));
	assert_non_null(find(d, "tall\ttaller"));
	doc_free(d);
}

/* A wrapper named like furniture by part of a word ("above-footer")
 * that holds most of the page's paragraphs is not stripped as unlikely, so
 * a notice elsewhere is not taken for the essay; one named by the word
 * itself ("sidebar") still is, however much it holds. */
static void
test_unlikely_wrapper(void **state)
{
	struct doc	*d = parse_file("unlikely-wrapper.html",
	    "https://example.org/long-take");
	struct buf	 b = BUF_INIT;
	size_t		 i;

	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_non_null(find(d, "The last shot returns to the street"));
	assert_null(find(d, "Some of the offers on this site"));
	doc_free(d);

	buf_adds(&b, "<html><body><div class=\"main-col\"><div class=\"post\">");
	for (i = 0; i < 2; i++)
		buf_adds(&b, "<p>The camera holds on the empty street for "
		    "a long time, longer than any trailer would allow, and "
		    "the waiting becomes the subject of the scene.</p><p>When "
		    "the car finally turns the corner, the sound arrives "
		    "before the image, and the cut, when it comes, feels like "
		    "a held breath let go at last.</p><p>The last shot "
		    "returns to the street at dusk, and nothing has changed "
		    "but the light, which is what the film is about.</p>");
	buf_adds(&b, "</div><div class=\"tags\"><a href=\"/t\">streets</a></div>"
	    "</div><div id=\"sidebar\">");
	for (i = 0; i < 10; i++)
		buf_adds(&b, "<p>Our programme, point by point: schools, "
		    "housing, transport and parks for everyone, decided "
		    "together in open meetings.</p>");
	buf_adds(&b, "</div></body></html>");
	d = parse(buf_str(&b), "https://example.org/long-take");
	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_null(find(d, "Our programme, point by point"));
	doc_free(d);
	buf_free(&b);
}

/* Text is measured as Readability measures it, in UTF-16 units: white
 * space (ASCII and Unicode's) runs count as one inside the text and
 * none at its ends, or as they are (trimmed, or raw). */
static void
test_textlen_modes(void **state)
{
	static const struct {
		const char	*text;
		size_t		 normal, trim, raw;
	} cases[] = {
		{ "  Hello,  \n world  ", 12, 15, 19 },
		{ "caf\xc3\xa9\xe2\x80\x83x\xf0\x9d\x84\x9e", 8, 8, 8 },
		{ "\t\xc2\xa0 ", 0, 0, 3 },
		{ "one\x01two three", 13, 13, 13 },
	};
	xmlDocPtr	doc;
	xmlNodePtr	p;
	size_t		i;

	for (i = 0; i < nitems(cases); i++) {
		doc = xmlNewDoc(BAD_CAST "1.0");
		p = xmlNewDocNode(doc, NULL, BAD_CAST "p", NULL);
		xmlDocSetRootElement(doc, p);
		xmlAddChild(p, xmlNewDocText(doc, BAD_CAST "x"));
		xmlNodeSetContent(p->children, BAD_CAST cases[i].text);
		assert_int_equal(extract_dom_textlen(p, XLEN_NORMAL),
		    cases[i].normal);
		assert_int_equal(extract_dom_textlen(p, XLEN_TRIM),
		    cases[i].trim);
		assert_int_equal(extract_dom_textlen(p, XLEN_RAW),
		    cases[i].raw);
		xmlFreeDoc(doc);
	}
}

/* The spaces put back beside blocks are counted on the element after
 * them, not held as text nodes (three nodes a paragraph were 13 times a
 * page of short paragraphs; issue 14), and every reader and every cut
 * of the tree treats them as the text nodes they stand for: a space
 * stays where it was when the element after it goes. */
static void
test_spaces_counted(void **state)
{
	static const char	 page[] = "<body><div><p>a</p><p>b</p>c<br/>d"
	    "</div></body>";
	struct xctx		 x;
	struct buf		 b = BUF_INIT;
	xmlNodePtr		 body, div, p1, p2, br, np;

	memset(&x, 0, sizeof x);
	x.doc = xmlReadMemory(page, sizeof page - 1, NULL, "UTF-8",
	    XML_PARSE_NONET);
	assert_non_null(x.doc);
	body = xmlDocGetRootElement(x.doc);
	extract_dom_annotate(&x, body);
	extract_dom_space(body);
	div = extract_dom_first(body);
	p1 = extract_dom_first(div);
	p2 = extract_dom_next_sibling(p1);
	br = extract_dom_next_sibling(p2);
	/* No node between the paragraphs; " a b c  d" as a DOM has it. */
	assert_ptr_equal(p1->next, p2);
	assert_int_equal(extract_dom_spaces(p1), 1);
	assert_int_equal(extract_dom_spaces(p2), 1);
	assert_int_equal(extract_dom_spaces(br), 1);
	assert_int_equal(extract_dom_spaces(div), 1);
	assert_int_equal(extract_dom_textlen(div, XLEN_RAW), 9);
	assert_int_equal(extract_dom_textlen(div, XLEN_TRIM), 8);
	assert_int_equal(extract_dom_textlen(div, XLEN_NORMAL), 7);
	extract_dom_text(div, 0, &b);
	assert_string_equal(buf_str(&b), "a b c  d");

	/* Taken out, p1 leaves its space before p2: "  b c  d". */
	extract_dom_remove(&x, p1);
	assert_int_equal(extract_dom_spaces(p2), 2);
	assert_int_equal(extract_dom_textlen(div, XLEN_RAW), 8);
	assert_int_equal(extract_dom_textlen(div, XLEN_NORMAL), 5);

	/* Moved, p2 leaves both behind, as a text node before "c"; it
	 * arrives with none: body is " " div " " "b". */
	extract_dom_append(body, p2);
	assert_int_equal(extract_dom_spaces(p2), 0);
	assert_int_equal(extract_dom_textlen(div, XLEN_RAW), 7);
	assert_int_equal(extract_dom_textlen(body, XLEN_RAW), 10);

	/* What stands in an element's place stands after its spaces. */
	np = extract_dom_new(&x, XT_P);
	extract_dom_replace(br, np);
	extract_dom_list_add(&x.dead, br);
	assert_int_equal(extract_dom_spaces(np), 1);
	assert_int_equal(extract_dom_spaces(br), 0);
	buf_reset(&b);
	extract_dom_text(body, 0, &b);
	assert_string_equal(buf_str(&b), "c  d b");

	/* Moved with its spaces, the element takes them along. */
	extract_dom_append_spaced(body, np);
	assert_int_equal(extract_dom_spaces(np), 1);
	assert_int_equal(extract_dom_textlen(div, XLEN_RAW), 6);

	buf_free(&b);
	extract_dom_free(&x);
	xmlFreeDoc(x.doc);
}

/* A field whose label is hidden ("field--label-hidden") is not weighed
 * as hidden clutter: the essay in it is chosen alone, not its parent with
 * the box beside it. */
static void
test_label_hidden(void **state)
{
	struct doc	*d = parse_file("label-hidden.html",
	    "https://example.org/long-take");

	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_non_null(find(d, "The last shot returns to the street"));
	assert_null(find(d, "Our magazine is made by a small team"));
	doc_free(d);
}

/* The page's ids (and <a name>s) are kept as anchors: a block's at its
 * start, an inline element's where it is in the text. */
static void
test_anchors(void **state)
{
	struct doc			*d;
	const struct doc_anchor		*a;
	const struct doc_block		*b;

	(void)state;
	d = parse("<html><body><article>" PROSE
	    "<p>A claim.<sup id=\"fnref1\"><a href=\"#fn1\">1</a></sup> "
	    "More words.</p><h2 id=\"later\">Later</h2>" PROSE1
	    "<p><a name=\"old\"></a>Named the old way.</p>"
	    "<ol><li id=\"fn1\">The note. <a href=\"#fnref1\">back</a></li>"
	    "</ol></article></body></html>", "https://example.org/a");
	a = doc_anchor(d, "fnref1");
	assert_non_null(a);
	b = &d->blocks[a->block];
	assert_true(strncmp(b->text, "A claim.", 8) == 0);
	assert_int_equal(a->offset, 8);
	a = doc_anchor(d, "later");
	assert_non_null(a);
	assert_int_equal(d->blocks[a->block].type, DOC_HEADING);
	assert_int_equal(a->offset, 0);
	a = doc_anchor(d, "old");
	assert_non_null(a);
	assert_string_equal(d->blocks[a->block].text, "Named the old way.");
	a = doc_anchor(d, "fn1");
	assert_non_null(a);
	assert_int_equal(d->blocks[a->block].type, DOC_LIST_ITEM);
	assert_int_equal(a->offset, 0);
	assert_null(doc_anchor(d, "missing"));
	doc_free(d);
}

/* An image inside a paragraph keeps its alt text where it was (for the
 * layout, not in the block's words); an icon or a formula does not, nor
 * does an image with no alt text; an image alone is a block. */
static void
test_inline_image_alt(void **state)
{
	struct doc	*d;
	size_t		 i;
	int		 found = 0;

	(void)state;
	d = parse("<html><body><article>" PROSE
	    "<p>The door <img src=\"door.png\" alt=\"a red door\"> opens, "
	    "<img src=\"i.png\" alt=\"icon\" width=\"16\"> twice "
	    "<img class=\"mwe-math-fallback-image\" src=\"m.png\" "
	    "alt=\"x^2\"> and <img src=\"n.png\"> again.</p>"
	    "<p><img src=\"alone.png\" alt=\"alone\"></p>"
	    "</article></body></html>", "https://example.org/a");
	assert_int_equal(d->ninlines, 1);
	assert_string_equal(d->inlines[0].alt, "a red door");
	assert_string_equal(d->blocks[d->inlines[0].block].text,
	    "The door opens, twice and again.");
	assert_int_equal(d->inlines[0].offset, strlen("The door"));
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].type == DOC_IMAGE &&
		    strcmp(d->blocks[i].text, "alone") == 0)
			found++;
	assert_int_equal(found, 1);
	doc_free(d);
}

/* A small box of links to the page's own anchors ("Contents") goes with
 * the link-heavy boxes Readability cleans away: neither a section nor
 * text; a list of notes with links back is kept. */
static void
test_toc_box(void **state)
{
	struct doc	*d;
	size_t		 i;

	(void)state;
	d = parse("<html><body><article>" PROSE1
	    "<div id=\"toc\"><h2>Contents</h2><ul>"
	    "<li><a href=\"#History\">1 History</a></li>"
	    "<li><a href=\"#Values\">2 Values</a></li>"
	    "<li><a href=\"#Software\">3 Software</a></li></ul></div>"
	    PROSE2 "<h2 id=\"History\">History</h2>" PROSE3
	    "<ol><li id=\"n1\">A note long enough to be a note of the "
	    "essay. <a href=\"#r1\">back</a></li>"
	    "<li id=\"n2\">Another note as long as the first one is. "
	    "<a href=\"#r2\">back</a></li>"
	    "<li id=\"n3\">A third note to make three links back. "
	    "<a href=\"#r3\">back</a></li></ol>"
	    "</article></body></html>", "https://example.org/a");
	for (i = 0; i < d->nblocks; i++) {
		assert_null(strstr(d->blocks[i].text, "Contents"));
		assert_null(strstr(d->blocks[i].text, "2 Values"));
	}
	for (i = 0; i < d->nsections; i++)
		assert_string_not_equal(d->sections[i].title, "Contents");
	assert_non_null(doc_anchor(d, "n3"));
	assert_int_equal(d->blocks[doc_anchor(d, "n3")->block].type,
	    DOC_LIST_ITEM);
	doc_free(d);
}

/* The lede in the article's header, outside the container of the text,
 * leads the essay; a paragraph named so in another part of the page (its
 * nearest common ancestor with the text is the body) is no lede of it. */
static void
test_lede(void **state)
{
	struct doc		*d = parse_file("lede.html",
	    "https://example.org/long-take");
	const struct doc_block	*lede, *first;
	char			*path, *data, *p, *cause = NULL;
	size_t			 len;

	lede = find(d, "A film that waits for a car");
	first = find(d, "The camera holds on the empty street");
	assert_non_null(lede);
	assert_non_null(first);
	assert_true(lede < first);
	assert_int_equal(lede->type, DOC_PARAGRAPH);
	assert_null(find(d, "Elsewhere in this issue"));
	doc_free(d);

	/* Without the article's own, the other part's is still not taken. */
	path = xprintf("%s/lede.html", FIXTURES);
	if (read_file(path, 1 << 20, &data, &len, &cause) != 0)
		fail_msg("%s", cause);
	assert_non_null(p = strstr(data, "article-lead"));
	memcpy(p, "article-xxxx", 12);
	d = parse(data, "https://example.org/long-take");
	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_null(find(d, "Elsewhere in this issue"));
	doc_free(d);
	free(data);
	free(path);
}

/* Text split among blocks of one shape (the posts of a thread): the
 * block chosen has twins beside it that together hold as much, so their
 * parent is taken; a box of another shape after them stays out. */
static void
test_split_parts(void **state)
{
	struct doc	*d = parse_file("split-parts.html",
	    "https://example.org/thread");

	assert_non_null(find(d, "I saw it twice this week"));
	assert_non_null(find(d, "Same here. When the car finally turns"));
	assert_non_null(find(d, "I found it slow the first time"));
	assert_null(find(d, "Join the film club"));
	doc_free(d);
}

/* A short post, and a longer cookie notice that only the loosest attempt
 * lets through: the notice does not hold the post's paragraph, so the
 * post is kept. */
static void
test_short_post_kept(void **state)
{
	struct doc	*d = parse("<html><head><title>Waiting</title></head>"
	    "<body><div id=\"content\"><div class=\"post hentry\">"
	    "<h2>Waiting</h2><p>The street stays empty for a long time, and "
	    "then, at last, the car.</p><p>That is all.</p></div></div>"
	    "<div class=\"widget widget_cookie_notice\"><div "
	    "id=\"cookie-law\"><form><input type=\"submit\" value=\"OK\">"
	    "Privacy and cookies: this site uses cookies to count its readers "
	    "and to remember your choices, and by going on you agree to it. "
	    "Our partners may read them too, for their own statistics, and "
	    "keep what they learn for a year or more. More about them, and "
	    "how to refuse them, on this page: <a href=\"/cookies\">Cookie "
	    "policy</a></form></div></div></body></html>",
	    "https://example.org/waiting");

	assert_non_null(find(d, "The street stays empty"));
	assert_null(find(d, "this site uses cookies"));
	doc_free(d);
}

/* A letter and, in a table, its signatories, one a line with <br>: the
 * list is not prose, and its commas do not make it the essay. */
static void
test_br_list_not_prose(void **state)
{
	static const char *const names[] = { "Ada Brook", "Ben Cole",
	    "Cara Dunn", "Dov Engel", "Eva Fromm", "Finn Gale" };
	static const char *const roles[] = { "film critic", "Leeds College",
	    "editor", "poet", "Vienna Academy", "archivist" };
	struct buf	 b = BUF_INIT;
	struct doc	*d;
	size_t		 col, i;

	buf_adds(&b, "<html><body><div class=\"letter\">" PROSE
	    "<table><tr>");
	for (col = 0; col < 3; col++) {
		buf_adds(&b, "<td>");
		for (i = 0; i < 24; i++)
			buf_printf(&b, "<b>%s</b>, %s<br>",
			    names[(i + col) % nitems(names)],
			    roles[i % nitems(roles)]);
		buf_adds(&b, "</td>");
	}
	buf_adds(&b, "</tr><tr><td></td></tr></table></div></body></html>");
	d = parse(buf_str(&b), "https://example.org/letter");
	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_non_null(find(d, "explained away in a second"));
	assert_non_null(find(d, "Ada Brook, film critic"));
	doc_free(d);
	buf_free(&b);
}

/* A page that loads the next articles below its own: the one under the
 * heading that repeats the title is the essay, not a longer one after. */
static void
test_titled_article(void **state)
{
	struct doc	*d = parse("<html><head><title>Waiting | Film Notes"
	    "</title></head><body><main>"
	    "<article class=\"story\"><h1 class=\"headline\">Waiting</h1>"
	    "<div class=\"text\">" PROSE1 PROSE2 "</div></article>"
	    "<article class=\"story\"><h1 class=\"headline\">Another "
	    "film entirely</h1><div class=\"text\">"
	    "<p>A second review, of a louder film, follows the first one on "
	    "the page, as the site loads the next article below.</p>"
	    PROSE3 PROSE3 PROSE3 PROSE3 "</div></article>"
	    "</main></body></html>", "https://example.org/waiting");

	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_non_null(find(d, "a held breath let go"));
	assert_null(find(d, "A second review"));
	doc_free(d);
}

/* An essay cut into blocks, each in a wrapper of its own, under the
 * element microdata marks as the article's body: all of it is read. */
static void
test_article_body(void **state)
{
	struct doc	*d = parse("<html><head><title>A Long Take</title>"
	    "</head><body><article><div itemprop=\"articleBody\">"
	    "<div><div class=\"part\"><div class=\"part-text\"><p>The "
	    "first part is short and says that the street and the car and "
	    "the wait are one shot that the director would not cut for "
	    "anything in the world since the shot is the film and the wait "
	    "is what the audience came for.</p></div></div></div>"
	    "<div><div class=\"part\"><h2>Waiting for the car</h2>"
	    "<div class=\"part-text\">" PROSE "</div></div></div>"
	    "<div><div class=\"part\"><h2>The end of the street</h2>"
	    "<div class=\"part-text\"><p>The third part is as short and "
	    "ends the essay where the film ends on the street with the car "
	    "gone and the light on the walls going down until the screen is "
	    "dark and the people in the seats are left to get up and walk "
	    "out into a street of their own.</p></div>"
	    "</div></div></div></article>"
	    "<div class=\"newsletter-box\"><p>Get our letter, every week, in "
	    "your inbox, free.</p></div></body></html>",
	    "https://example.org/parts");

	assert_non_null(find(d, "The camera holds on the empty street"));
	assert_non_null(find(d, "The first part is short"));
	assert_non_null(find(d, "ends the essay where the film ends"));
	assert_null(find(d, "Get our letter"));
	doc_free(d);
}

/* The lede is the article's, not the caption of the picture under it,
 * though microdata calls both a description. */
static void
test_lede_not_caption(void **state)
{
	struct doc	*d = parse("<html><head><title>Waiting</title></head>"
	    "<body><article><header><h1>Waiting</h1><p class=\"intro\" "
	    "itemprop=\"description\">A film that waits for a car to turn a "
	    "corner teaches its audience to listen.</p>"
	    "<figure itemscope itemtype=\"https://schema.org/ImageObject\">"
	    "<img src=\"/street.jpg\" alt=\"\"><figcaption><span "
	    "itemprop=\"description\">The empty street at dusk, as the film "
	    "shows it for four long minutes.</span></figcaption></figure>"
	    "</header><div class=\"body\">" PROSE "</div></article>"
	    "</body></html>", "https://example.org/waiting");

	assert_non_null(find(d, "A film that waits for a car"));
	assert_non_null(find(d, "The camera holds on the empty street"));
	doc_free(d);
}

/* The deck under the title, a heading of a sentence, leads the essay,
 * also when what stood between them went (a byline, a hidden block); a
 * short heading there does not. */
static void
test_subtitle(void **state)
{
	static const struct {
		const char	*between, *deck;
		int		 kept;
	} cases[] = {
		{ "", "A film that waits for a car to turn a corner teaches "
		    "its audience to listen", 1 },
		{ "<p class=\"byline\">By Jo Park</p>", "A film that waits "
		    "for a car to turn a corner teaches its audience to "
		    "listen", 1 },
		{ "<div hidden>x</div><div class=\"share\"></div>", "A film "
		    "that waits for a car to turn a corner teaches its "
		    "audience to listen", 1 },
		{ "", "Reviews", 0 },
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		print_message("%s\n", cases[i].between);
		html = xprintf("<html><head><title>Waiting | Film Notes"
		    "</title></head><body><article><h1>Waiting</h1>%s"
		    "<h2>%s</h2><ul class=\"info\"><li><a href=\"/dana\">"
		    "Dana Whitfield</a></li></ul><div class=\"body\">" PROSE
		    "</div></article></body></html>", cases[i].between,
		    cases[i].deck);
		d = parse(html, "https://example.org/waiting");
		assert_non_null(find(d, "The camera holds on the empty "
		    "street"));
		if (cases[i].kept) {
			assert_non_null(find(d, cases[i].deck));
			assert_int_equal(d->blocks[0].type, DOC_HEADING);
		} else
			assert_null(find(d, cases[i].deck));
		doc_free(d);
		free(html);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boilerplate_dropped),
		cmocka_unit_test(test_unlikely_wrapper),
		cmocka_unit_test(test_textlen_modes),
		cmocka_unit_test(test_spaces_counted),
		cmocka_unit_test(test_label_hidden),
		cmocka_unit_test(test_lede),
		cmocka_unit_test(test_split_parts),
		cmocka_unit_test(test_short_post_kept),
		cmocka_unit_test(test_br_list_not_prose),
		cmocka_unit_test(test_titled_article),
		cmocka_unit_test(test_article_body),
		cmocka_unit_test(test_lede_not_caption),
		cmocka_unit_test(test_subtitle),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_figure_and_rule),
		cmocka_unit_test(test_links_resolved),
		cmocka_unit_test(test_jsonld_authors),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_cjk_and_rtl),
		cmocka_unit_test(test_byline_and_hidden),
		cmocka_unit_test(test_short_page_and_breaks),
		cmocka_unit_test(test_words_apart),
		cmocka_unit_test(test_byline_inside_blocks),
		cmocka_unit_test(test_link_urls_remote),
		cmocka_unit_test(test_link_urls_local),
		cmocka_unit_test(test_anchors),
		cmocka_unit_test(test_inline_image_alt),
		cmocka_unit_test(test_toc_box),
		cmocka_unit_test(test_links_around_blocks),
		cmocka_unit_test(test_attribute_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
