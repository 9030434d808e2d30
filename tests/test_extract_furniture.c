/* test_extract_furniture.c: the page's furniture inside the content
 * (extract_furniture.c): screen-reader text, credits, lead captions,
 * link rows, boxes and date lines go. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "util.h"

#include "testextract.h"

/* Text only a screen reader reads, and a picture's credit, are not the
 * essay's; the link and the caption they sit in stay. */
static void
test_furniture_hidden_and_credits(void **state)
{
	struct doc	*d = parse_file("furniture-hidden.html",
	    "https://example.org/waiting");

	assert_non_null(find(d, "Read the shooting script first, and"));
	assert_null(find(d, "opens in a new window"));
	assert_non_null(find_caption(d, "The street at noon, in the second "
	    "reel."));
	assert_null(find_caption(d, "Archive/Studio"));
	assert_null(find(d, "Skip to the comments"));
	assert_non_null(find(d, "from its first minute to its last"));
	doc_free(d);
}

/* A breadcrumb trail, named by its class, by ARIA or by microdata, is
 * the site's navigation; a paragraph that names a breadcrumb in its words
 * stays. */
static void
test_furniture_trails(void **state)
{
	static const char *const trails[] = {
		"<p class=\"breadcrumb-navigation\"><a href=\"/\">Home</a> / "
		"<a href=\"/films\">Films</a> / Waiting</p>",
		"<div aria-label=\"Breadcrumb\"><a href=\"/\">Home</a> / "
		"<a href=\"/films\">Films</a> / Waiting</div>",
		"<ol itemscope itemtype=\"https://schema.org/BreadcrumbList\">"
		"<li>Home</li><li>Films</li><li>Waiting</li></ol>",
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(trails); i++) {
		html = xprintf("<html><body><article>%s" PROSE1 "<p>Hansel "
		    "drops a breadcrumb trail through the woods, and the film "
		    "follows it, scene by scene, to the house of sugar.</p>"
		    PROSE2 PROSE3 "</article></body></html>", trails[i]);
		d = parse(html, "https://example.org/long-take");
		assert_null(find(d, "Home"));
		assert_non_null(find(d, "drops a breadcrumb trail"));
		assert_non_null(find(d, "the light changing slowly"));
		doc_free(d);
		free(html);
	}
}

/* A script's status message (named an alert or a loading indicator, or
 * by its ARIA role) goes; a paragraph that speaks of an alert stays. */
static void
test_furniture_status(void **state)
{
	static const char *const boxes[] = {
		"<div class=\"alert is-success\"><p>The film was added to "
		"your list.</p></div>",
		"<p id=\"loading-more\">Loading more stories</p>",
		"<div role=\"status\">Your list was saved.</div>",
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(boxes); i++) {
		html = xprintf("<html><body><article>" PROSE1 "%s<p>The alert "
		    "sounds twice in the last reel, and both times nobody in "
		    "the station looks up from the timetable.</p>" PROSE2
		    PROSE3 "</article></body></html>", boxes[i]);
		d = parse(html, "https://example.org/long-take");
		assert_null(find(d, "your list"));
		assert_null(find(d, "Loading more"));
		assert_non_null(find(d, "The alert sounds twice"));
		assert_non_null(find(d, "explained away in a second"));
		doc_free(d);
		free(html);
	}
}

/* Names in camel case are read by their parts: a "recipeCopyright" line
 * and an "articleDisclaimer" box go, a paragraph named "printerNote"
 * (not "print") stays. */
static void
test_furniture_camel_case(void **state)
{
	struct doc	*d = parse("<html><body><article>" PROSE1
	    "<p class=\"printerNote\">The print of the film that survives "
	    "was found in a cellar, its last reel burnt at the edges.</p>"
	    PROSE2 "<div class=\"articleDisclaimer\"><p>Opinions are the "
	    "author's own.</p></div>" PROSE3 "<p class=\"recipeCopyright\">"
	    "(c) 2020 The Kitchen. All rights reserved.</p>"
	    "</article></body></html>", "https://example.org/long-take");

	assert_non_null(find(d, "its last reel burnt"));
	assert_null(find(d, "Opinions are"));
	assert_null(find(d, "All rights reserved"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

/* The caption of the picture above the essay is the page's; a caption
 * inside the essay stays, in a paragraph or in a list. */
static void
test_furniture_lead_caption(void **state)
{
	struct doc	*d = parse_file("furniture-lead-caption.html",
	    "https://example.org/waiting");

	assert_null(find_caption(d, "opening night"));
	assert_non_null(find_caption(d, "The street at dusk in the last "
	    "reel"));
	assert_non_null(find(d, "The camera holds on the empty street"));
	doc_free(d);

	/* An essay that is a list begins with its first long item: a
	 * caption under it is the essay's. */
	d = parse("<html><body><article><figure><img src=\"poster.jpg\" "
	    "alt=\"\"><figcaption>The poster of the opening night"
	    "</figcaption></figure><h2>Highlights</h2><ul><li>Long takes: "
	    "the camera holds on the empty street for a long time, longer "
	    "than any trailer would allow, and the waiting becomes the "
	    "subject.<div class=\"wp-caption\"><img src=\"street.jpg\" "
	    "alt=\"\"><p class=\"wp-caption-text\">The street at dusk in "
	    "the last reel</p></div></li><li>Sound: when the car finally "
	    "turns the corner, the sound arrives before the image.</li></ul>"
	    PROSE "</article></body></html>", "https://example.org/list");
	assert_null(find_caption(d, "opening night"));
	assert_null(find(d, "opening night"));
	assert_non_null(find(d, "Long takes: the camera holds"));
	assert_non_null(find(d, "The street at dusk in the last reel"));
	doc_free(d);
}

/* A menu, a "label: link" line and the lists of links after the essay
 * go; links that are part of sentences, and a part of the essay that is
 * a list of links to other sites under its own heading, stay. */
static void
test_furniture_links(void **state)
{
	struct doc		*d = parse_file("furniture-links.html",
	    "https://example.org/waiting");
	const struct doc_block	*b;

	assert_null(find(d, "Shop"));
	assert_null(find(d, "About us"));
	assert_null(find(d, "The night train that never arrives"));
	assert_non_null(find(d, "held one shot for nine minutes"));
	assert_non_null(find(d, "filmed a kitchen for three hours"));
	assert_non_null(b = find(d, "Sources"));
	assert_int_equal(b->type, DOC_HEADING);
	assert_non_null(find(d, "The director's notes on the long take"));
	assert_non_null(find(d, "about the light"));
	assert_null(find(d, "You may have missed"));
	assert_null(find(d, "Why the credits roll"));
	assert_null(find(d, "waiting rooms"));
	assert_non_null(find(d, "The last shot returns to the street"));
	doc_free(d);
}

/* A heading over links to the site's other articles inside the essay
 * goes with them; the same heading over links to other sites (sources),
 * or over links that are names rather than titles, stays. */
static void
test_furniture_link_boxes(void **state)
{
	static const struct {
		const char	*links;
		int		 kept;
	} cases[] = {
		{ "<li><a href=\"/night-train\">The night train that never "
		  "arrives</a></li><li><a href=\"https://example.org/rooms\">"
		  "Ten films about waiting rooms</a></li>", 0 },
		{ "<li><a href=\"https://archive.example.net/notes\">The "
		  "director's notes on the long take</a></li><li><a href=\""
		  "https://journal.example.com/light\">An interview about the "
		  "light</a></li>", 1 },
		{ "<li><a href=\"/akerman\">Akerman</a></li><li><a href=\""
		  "/tarkovsky\">Tarkovsky</a></li>", 1 },
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		html = xprintf("<html><body><article>" PROSE1
		    "<h3>More from the magazine</h3><ul>%s</ul>" PROSE2 PROSE3
		    "</article></body></html>", cases[i].links);
		d = parse(html, "https://example.org/long-take");
		assert_non_null(find(d, "the light changing slowly"));
		assert_non_null(find(d, "a held breath let go"));
		assert_non_null(find(d, "explained away in a second"));
		if (cases[i].kept)
			assert_non_null(find(d, "More from the magazine"));
		else {
			assert_null(find(d, "More from the magazine"));
			assert_null(find(d, "waiting rooms"));
		}
		doc_free(d);
		free(html);
	}
}

/* A line of date and byline, a blocked embed's placeholder, a rating
 * box, a post's meta line and a disclaimer go; a sentence holding a date
 * stays whole. */
static void
test_furniture_boxes_and_dates(void **state)
{
	struct doc		*d = parse_file("furniture-boxes.html",
	    "https://example.org/waiting");

	assert_null(find(d, "By the editors"));
	assert_null(find(d, "4 March 2021"));
	assert_non_null(find(d, "The premiere, on 14 May 1975, was met"));
	assert_null(find(d, "third-party services"));
	assert_null(find(d, "Rate this article"));
	assert_null(find(d, "Bookmark the permalink"));
	assert_null(find(d, "Opinions are the author's own"));
	assert_null(find(d, "Sam Reyes"));
	assert_non_null(find(d, "from its first minute to its last"));
	doc_free(d);
}

/* Labels that head nothing at the end of the essay go ("More on this:");
 * a label with text under it, and a heading without ':', stay. */
static void
test_furniture_orphan_labels(void **state)
{
	static const char	*tails[] = { "", "<h2>Credits</h2>" };
	struct doc		*d;
	char			*html;
	size_t			 i;

	for (i = 0; i < nitems(tails); i++) {
		html = xprintf("<html><body><article>"
		    "<p>The camera holds on the empty street for a long time, "
		    "longer than any trailer would allow, and the waiting "
		    "becomes the subject of the scene, with the light changing "
		    "slowly on the walls.</p><p><b>What the script says:</b></p>"
		    "<p>When the car finally turns the corner, the film has "
		    "already taught us to listen for it, so the sound arrives "
		    "before the image, and the cut feels like a held breath let "
		    "go.</p><p>The last shot returns to the street at dusk, and "
		    "nothing has changed but the light, which is what the film "
		    "has been about from its first minute to its last.</p>"
		    "%s<p>More on this:</p><h3>Did you like it?</h3>"
		    "</article></body></html>", tails[i]);
		d = parse(html, "https://example.org/long-take");
		assert_non_null(find(d, "What the script says:"));
		assert_non_null(find(d, "from its first minute to its last"));
		assert_null(find(d, "More on this:"));
		assert_null(find(d, "Did you like it?"));
		if (i == 1)
			assert_non_null(find(d, "Credits"));
		doc_free(d);
		free(html);
	}
}

/* A box named a teaser with a heading and a link is another article's;
 * a lede named a teaser (no heading of its own) stays, and so does a
 * teaser box that is most of the page. */
static void
test_furniture_teasers(void **state)
{
	struct doc	*d = parse("<html><body><article>"
	    "<p class=\"teaser-text\">A film about waiting, and about what "
	    "the waiting does to the people who watch it.</p>" PROSE1 PROSE2
	    "<div class=\"article-teaser\"><h3><a href=\"/night-train\">"
	    "The night train that never arrives</a></h3><p>Another essay on "
	    "a film where nothing comes.</p></div>" PROSE3
	    "<section class=\"teasers\"><h2>Read on</h2><article class=\""
	    "teaser\"><h3>Ten waiting rooms</h3><p>A list of rooms.</p>"
	    "<a href=\"/rooms\">More</a></article></section>"
	    "</article></body></html>", "https://example.org/long-take");

	assert_non_null(find(d, "A film about waiting"));
	assert_non_null(find(d, "the light changing slowly"));
	assert_non_null(find(d, "explained away in a second"));
	assert_null(find(d, "The night train"));
	assert_null(find(d, "Another essay on"));
	assert_null(find(d, "Read on"));
	assert_null(find(d, "Ten waiting rooms"));
	doc_free(d);

	d = parse("<html><body><div class=\"teaser\"><h2><a href=\"/a\">"
	    "The long take</a></h2>" PROSE "</div></body></html>",
	    "https://example.org/list");
	assert_non_null(find(d, "the light changing slowly"));
	doc_free(d);
}

/* A line of short fields between vertical bars (a post's meta line, a
 * row of the site's links) goes; a sentence with a bar, a line of long
 * fields, and bars in preformatted text or a table of data stay. */
static void
test_furniture_bar_lines(void **state)
{
	struct doc	*d = parse("<html><body><article>"
	    "<p>Friday | 14 June 2019 | 15:49 by Sam Reyes in Films | "
	    "3 comments</p>" PROSE1
	    "<p>The choice is binary | either the car comes or it does "
	    "not, and the film refuses both.</p>" PROSE2
	    "<p>The first reel is the street at noon, seen from above | the "
	    "second is the same street at dusk, seen from the kitchen | the "
	    "third is the car | the fourth is the light on the walls again</p>"
	    "<pre>a | b | c | d</pre><table><tr><th>Reel</th><th>Length"
	    "</th></tr><tr><td>1 | 2 | 3 | 4</td><td>12 minutes</td></tr>"
	    "<tr><td>5</td><td>14 minutes</td></tr></table>" PROSE3
	    "<p>Imprint | Privacy | Contact | (c) 2021 The Magazine</p>"
	    "<p>Print | Send | Report an error</p>"
	    "</article></body></html>", "https://example.org/long-take");

	assert_null(find(d, "3 comments"));
	assert_null(find(d, "Privacy"));
	assert_null(find(d, "Report an error"));
	assert_non_null(find(d, "The choice is binary"));
	assert_non_null(find(d, "the fourth is the light"));
	assert_non_null(find(d, "a | b | c | d"));
	assert_non_null(find(d, "1 | 2 | 3 | 4"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

/* A picture's caption that ends in its credit (the copyright sign and a
 * name) goes; a copyright line alone, a caption whose sentence goes on
 * after the sign, and a paragraph with no picture before it stay. */
static void
test_furniture_credited_captions(void **state)
{
	struct doc	*d = parse("<html><body><article>" PROSE1
	    "<figure><img src=\"street.jpg\" alt=\"\"><figcaption>The "
	    "street at dusk, seen from the kitchen. \xc2\xa9 Studio Archive"
	    "</figcaption></figure>" PROSE2
	    "<div><img src=\"car.jpg\" alt=\"\"></div><p>The car in the "
	    "last reel | \xc2\xa9 A. Name/Agency</p>"
	    "<p><img src=\"poster.jpg\" alt=\"\"></p><p>\xc2\xa9 2021 "
	    "The Magazine</p>"
	    "<p><img src=\"print.jpg\" alt=\"\"></p>"
	    "<p>The film was restored from the only print. Its credits read "
	    "\xc2\xa9 1975 and nothing else, not even the name of the man "
	    "who shot it.</p>" PROSE3
	    "<p>Quoted from the press kit of the restoration. \xc2\xa9 "
	    "Studio Archive</p>"
	    "</article></body></html>", "https://example.org/long-take");

	assert_null(find(d, "The street at dusk"));
	assert_null(find(d, "The car in the last reel"));
	assert_non_null(find(d, "2021 The Magazine"));
	assert_non_null(find(d, "restored from the only print"));
	assert_non_null(find(d, "Quoted from the press kit"));
	assert_non_null(find(d, "the light changing slowly"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

/* A page laid out in a table: the furniture passes see into its cells
 * as into <div>s, so a box of the site's articles in the column beside
 * the essay goes too. */
static void
test_furniture_layout_table(void **state)
{
	struct doc	*d = parse("<html><body><table><tr><td><h2>Most "
	    "read</h2><ol><li><a href=\"/night-train\">The night train "
	    "that never arrives</a></li><li><a href=\"/rooms\">Ten films "
	    "about waiting rooms</a></li><li><a href=\"/light\">Why the "
	    "light changes in the last reel</a></li></ol></td><td><h1>The "
	    "long take</h1>" PROSE "</td></tr></table></body></html>",
	    "https://example.org/long-take");

	assert_null(find(d, "Most read"));
	assert_null(find(d, "waiting rooms"));
	assert_non_null(find(d, "the light changing slowly"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

/* A post's reading time ("6 min read") is furniture, named so by its
 * class; a sentence about the time a film takes stays. */
static void
test_furniture_reading_time(void **state)
{
	struct doc	*d = parse("<html><body><article>"
	    "<span class=\"post-readingTime\">6 min read</span>" PROSE1
	    "<p class=\"reading-room\">The film takes 201 minutes to "
	    "watch, and no minute of it is wasted on a trailer.</p>" PROSE2
	    PROSE3 "</article></body></html>", "https://example.org/long-take");

	assert_null(find(d, "6 min read"));
	assert_non_null(find(d, "The film takes 201 minutes"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

/* A date line above the lead picture is no sentence of the essay, for
 * all its numbers: the picture's caption under it is still the page's.
 * A sentence of twelve words with a date begins the essay. */
static void
test_furniture_lead_caption_dates(void **state)
{
	static const char *const lines[] = {
		"<p>posted 04/05/2022 05:49 / updated 04/05/2022 05:50</p>",
		"<p>The film opened on 14 May 1975 in Paris, and closed a "
		"week later.</p>",
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(lines); i++) {
		html = xprintf("<html><body><article>%s<figure><img src=\""
		    "street.jpg\" alt=\"\"><figcaption>The street at dusk"
		    "</figcaption></figure>" PROSE "</article></body></html>",
		    lines[i]);
		d = parse(html, "https://example.org/long-take");
		if (i == 0)
			assert_null(find_caption(d, "The street at dusk"));
		else
			assert_non_null(find_caption(d, "The street at dusk"));
		assert_non_null(find(d, "explained away in a second"));
		doc_free(d);
		free(html);
	}
}

/* The essay's last line when it is a label and a few words (its source,
 * credits, date or tags), four words at most that end no sentence (a
 * leftover label or button), or a label and a link in bold, goes; the
 * same line inside the essay, a closing sentence, short or after a
 * label, quoted or not, and a heading stay. */
static void
test_furniture_source_line(void **state)
{
	static const struct {
		const char	*tail;
		const char	*text;
		int		 kept;
	} cases[] = {
		{ "<p>Source: The Film Archive, Paris</p>", "The Film Archive",
		  0 },
		{ "<p>Photos: A. Name</p><p></p>", "A. Name", 0 },
		{ "<p>Share this article</p>", "Share this article", 0 },
		{ "<p><a href=\"/ads\">Advertisement</a></p>",
		  "Advertisement", 0 },
		{ "<p>The end.</p>", "The end.", 1 },
		/* A quotation closed as German and French close theirs. */
		{ "<p>\xe2\x80\x93 \xe2\x80\x9eGut.\xe2\x80\x9c</p>",
		  "Gut.", 1 },
		{ "<p>\xc2\xbbGut.\xc2\xab</p>", "Gut.", 1 },
		{ "<h3>Sources</h3>", "Sources", 1 },
		/* The label over a line that went heads nothing now. */
		{ "<p>Did you like it?</p><p>Yes No</p>", "Did you like it?",
		  0 },
		{ "<p>Note: the film was restored by the city's archive, reel "
		  "by reel, over nine years.</p>", "restored by the city", 1 },
		/* A label and a link to another article, all in bold. */
		{ "<p><b>See this too: <a href=\"/night-train\">The night "
		  "train that never arrives</a></b></p>", "The night train", 0 },
		{ "<p>See this too: <a href=\"/night-train\">The night train "
		  "that never arrives</a>, which waits as long.</p>",
		  "The night train", 1 },
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		html = xprintf("<html><body><article>" PROSE1 "<p>Year: 1975"
		    "</p>" PROSE2 PROSE3 "%s</article></body></html>",
		    cases[i].tail);
		d = parse(html, "https://example.org/long-take");
		assert_non_null(find(d, "Year: 1975"));
		assert_non_null(find(d, "explained away in a second"));
		if (cases[i].kept)
			assert_non_null(find(d, cases[i].text));
		else
			assert_null(find(d, cases[i].text));
		doc_free(d);
		free(html);
	}
}

/* A contact box after the essay (a label ending in ':', then short lines
 * of names, offices and numbers, an e-mail address or a mailto: link
 * among them) goes, and a list of links left over it with it; the same
 * lines without a way to write or call, an address inside a closing
 * sentence, and preformatted text stay. */
static void
test_furniture_contacts(void **state)
{
	static const struct {
		const char	*tail;
		const char	*text;
		int		 kept;
	} cases[] = {
		{ "<p><strong>Contact:</strong></p><p>Dr. Ada Lorne<br>Film "
		  "Archive of the City<br>E-mail: ada.lorne@example.org</p>",
		  "Ada Lorne", 0 },
		{ "<h3>Press office:</h3><div><b>Sam Reel</b></div><p>Phone "
		  "+44 20 7946 0000<br><a href=\"mailto:press@example.org\">"
		  "write to us</a></p>", "Sam Reel", 0 },
		{ "<p>Contact:</p><p>Dr. Ada Lorne<br>Film Archive of the "
		  "City</p>", "Ada Lorne", 1 },
		{ "<p>Letters:</p><p>The archive answers every letter it gets, "
		  "and the curator, who has kept the reels for thirty years, "
		  "can be reached at ada.lorne@example.org by anyone.</p>",
		  "can be reached at", 1 },
		{ "<pre>Contact:\nAda Lorne\nFilm Archive of the City\n"
		  "ada.lorne@example.org</pre>",
		  "Ada Lorne", 1 },
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		html = xprintf("<html><body><article>" PROSE "<p>More on the "
		    "restoration:</p><ul><li><a href=\"https://example.com/a\">"
		    "The archive's own account</a></li><li><a href=\"https://"
		    "example.net/b\">An interview with the curator</a></li>"
		    "</ul>%s</article></body></html>", cases[i].tail);
		d = parse(html, "https://example.org/long-take");
		assert_non_null(find(d, "explained away in a second"));
		if (cases[i].kept)
			assert_non_null(find(d, cases[i].text));
		else {
			assert_null(find(d, cases[i].text));
			assert_null(find(d, "An interview with the curator"));
		}
		doc_free(d);
		free(html);
	}
}

/* The last line rule reads a table of layout with one full cell as a
 * line, as it reads a <div>: a post's leftover count under the essay
 * goes; a table of data (two full cells a row, a header) stays. */
static void
test_furniture_layout_last_line(void **state)
{
	static const struct {
		const char	*tail;
		const char	*text;
		int		 kept;
	} cases[] = {
		{ "<table width=\"100%\"><tr><td>Comments so far: <b>0</b>"
		  "</td><td></td></tr></table>", "Comments so far", 0 },
		{ "<table><tr><th>Reel</th><th>Minutes</th></tr><tr><td>One"
		  "</td><td>12</td></tr><tr><td>Two</td><td>14</td></tr>"
		  "</table>", "Minutes", 1 },
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	for (i = 0; i < nitems(cases); i++) {
		html = xprintf("<html><body><table><tr><td>" PROSE "%s</td>"
		    "</tr></table></body></html>", cases[i].tail);
		d = parse(html, "https://example.org/long-take");
		assert_non_null(find(d, "explained away in a second"));
		if (cases[i].kept)
			assert_non_null(find(d, cases[i].text));
		else
			assert_null(find(d, cases[i].text));
		doc_free(d);
		free(html);
	}
}

/* Lines that are all permalinks (rel "bookmark") inside the essay list
 * other posts, or repeat this one's title: they go; a permalink inside
 * a sentence, and a line of ordinary links, stay. */
static void
test_furniture_bookmarks(void **state)
{
	struct doc	*d = parse("<html><body><article><h2><a href=\"/"
	    "long-take\" rel=\"bookmark\">The long take</a></h2>" PROSE1
	    "<p>See also<br><a href=\"/night-train\" rel=\"bookmark\">The "
	    "night train that never arrives</a><br><a href=\"/rooms\" "
	    "rel=\"bookmark\">Ten films about waiting rooms</a></p>" PROSE2
	    "<p>As <a href=\"/night-train\" rel=\"bookmark\">the night "
	    "train</a> showed last year, the station is the film's true "
	    "subject, and its clocks are the actors.</p><p><a href=\"/"
	    "archive\">The archive of the festival's films</a></p>" PROSE3
	    "</article></body></html>", "https://example.org/long-take");

	assert_null(find(d, "Ten films about waiting rooms"));
	assert_null(find(d, "See also"));
	assert_null(find(d, "The long take"));
	assert_non_null(find(d, "the station is the film's true subject"));
	assert_non_null(find(d, "The archive of the festival's films"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

/* A block quotation that is one link and nothing else is another
 * article's card (an embedded post): it goes; a quotation with a link
 * in its words stays. */
static void
test_furniture_link_quotes(void **state)
{
	struct doc	*d = parse("<html><body><article>" PROSE1
	    "<blockquote class=\"embedded\"><p><a href=\"/night-train\">The "
	    "night train that never arrives</a></p></blockquote>" PROSE2
	    "<blockquote><p>Nothing happens, twice, as <a href=\"https://"
	    "example.com/critic\">one critic</a> wrote of another play "
	    "that waits.</p></blockquote>" PROSE3 "</article></body></html>",
	    "https://example.org/long-take");

	assert_null(find(d, "The night train that never arrives"));
	assert_non_null(find(d, "Nothing happens, twice"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

/* An author's card by microdata (schema.org's Person) goes even with
 * the name as its heading, before the links left above it are read as
 * the essay's tail: both go. */
static void
test_furniture_person_card(void **state)
{
	struct doc	*d = parse("<html><body><article>" PROSE "<p><strong>"
	    "Read next:</strong></p><ul><li><a href=\"/night-train\">The "
	    "night train that never arrives</a></li><li><a href=\"/rooms\">"
	    "Ten films about waiting rooms</a></li></ul><div itemscope "
	    "itemtype=\"https://schema.org/Person\"><h4>Ada Lorne</h4><p>Ada "
	    "Lorne writes on film and keeps the city's archive.</p></div>"
	    "</article></body></html>", "https://example.org/long-take");

	assert_null(find(d, "keeps the city's archive"));
	assert_null(find(d, "Ten films about waiting rooms"));
	assert_null(find(d, "Read next:"));
	assert_non_null(find(d, "explained away in a second"));
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_furniture_hidden_and_credits),
		cmocka_unit_test(test_furniture_trails),
		cmocka_unit_test(test_furniture_status),
		cmocka_unit_test(test_furniture_camel_case),
		cmocka_unit_test(test_furniture_lead_caption),
		cmocka_unit_test(test_furniture_links),
		cmocka_unit_test(test_furniture_link_boxes),
		cmocka_unit_test(test_furniture_boxes_and_dates),
		cmocka_unit_test(test_furniture_orphan_labels),
		cmocka_unit_test(test_furniture_teasers),
		cmocka_unit_test(test_furniture_bar_lines),
		cmocka_unit_test(test_furniture_credited_captions),
		cmocka_unit_test(test_furniture_layout_table),
		cmocka_unit_test(test_furniture_reading_time),
		cmocka_unit_test(test_furniture_lead_caption_dates),
		cmocka_unit_test(test_furniture_source_line),
		cmocka_unit_test(test_furniture_contacts),
		cmocka_unit_test(test_furniture_layout_last_line),
		cmocka_unit_test(test_furniture_bookmarks),
		cmocka_unit_test(test_furniture_link_quotes),
		cmocka_unit_test(test_furniture_person_card),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
