/* test_extract_clutter.c: reel's own passes after the Readability port
 * (extract_clutter.c): comments, calls to action, pull quotes, boxes and
 * trailers go; the essay's own last paragraphs stay. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "extract_clutter.h"
#include "util.h"

#include "testextract.h"

/* The words of an invitation to read on, subscribe or follow: strong
 * ones alone in a short line, weak ones only beside a link or in a
 * question put to the reader. */
static void
test_invitation(void **state)
{
	(void)state;
	assert_true(extract_clutter_invitation("Click here for more essays",
	    5, 0));
	assert_true(extract_clutter_invitation("Read more", 2, 1));
	assert_false(extract_clutter_invitation("Read more", 2, 0));
	assert_true(extract_clutter_invitation(
	    "Want to read more essays like this one? Your inbox awaits the "
	    "newsletter", 13, 0));
	/* An essay's own sentence with a weak word stays. */
	assert_false(extract_clutter_invitation(
	    "I do not subscribe to the view that slowness is a virtue in "
	    "itself", 12, 0));
	/* Too long for a trailer, or empty. */
	assert_false(extract_clutter_invitation("Click here", 41, 1));
	assert_false(extract_clutter_invitation("", 0, 1));
	/* "you" only as a word: "youth" does not speak to the reader. */
	assert_false(extract_clutter_invitation(
	    "Do the youth still read more than one newsletter a week?", 11,
	    0));
}

static void
test_comments_outweighing_essay(void **state)
{
	struct doc	*d = parse_file("comments-outweigh.html",
	    "https://reelnotes.example/essays/long-take");

	assert_non_null(find(d, "Alfonso Cuarón builds the most famous"));
	assert_non_null(find(d, "the most efficient shape."));
	/* Each comment is longer than a paragraph of the essay and all
	 * of them together longer than the essay. */
	assert_null(find(d, "nearly empty cinema"));
	assert_null(find(d, "I teach a film course"));
	assert_null(find(d, "thoughts on this essay"));
	assert_null(find(d, "Share this"));
	assert_null(find(d, "Get the newsletter"));
	assert_null(find(d, "cookies"));
	assert_null(find(d, "All rights reserved"));
	assert_int_equal(d->nblocks, 5);
	assert_string_equal(d->title, "The Long Take in Children of Men");
	assert_string_equal(d->byline, "Mara Lindqvist");
	assert_string_equal(d->site, "Reel Notes");
	assert_string_equal(d->published, "2024-03-09T18:30:00+01:00");
	assert_string_equal(d->lang, "en");
	doc_free(d);
}

static void
test_call_to_action_dropped(void **state)
{
	struct doc	*d = parse_file("call-to-action.html",
	    "https://blog.example/quiet-place");
	const struct doc_block	*last;

	assert_null(find(d, "Interested in more"));
	assert_null(find(d, "Click here"));
	last = &d->blocks[d->nblocks - 1];
	assert_non_null(strstr(last->text, "nobody, on screen or off"));
	/* The numbered parts survive as headings. */
	assert_non_null(find(d, "The Nail on the Stairs"));
	assert_int_equal(find(d, "The Nail on the Stairs")->type, DOC_HEADING);
	/* Metadata from JSON-LD @graph, author as an object. */
	assert_string_equal(d->title, "Sound and Silence in A Quiet Place");
	assert_string_equal(d->byline, "Jonas Weber");
	assert_string_equal(d->site, "Movie Blog");
	assert_string_equal(d->published, "2023-10-02");
	doc_free(d);
}

static void
test_last_paragraph_with_link_kept(void **state)
{
	struct doc		*d;
	const struct doc_block	*b;

	d = parse("<html><body><article>" PROSE
	    "<p>The restored print plays at the <a href=\"/cinematheque\">"
	    "Cinémathèque</a> through June, and it is worth the trip.</p>"
	    "<p><a href=\"/more\">Read more reviews</a></p>"
	    "</article></body></html>", "https://example.org/a/b.html");

	b = find(d, "The restored print plays");
	assert_non_null(b);
	assert_ptr_equal(b, &d->blocks[d->nblocks - 1]);
	assert_null(find(d, "Read more reviews"));
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].type, DOC_LINK);
	assert_string_equal(d->links[b->spans[0].link].url,
	    "https://example.org/cinematheque");
	assert_string_equal(d->links[b->spans[0].link].text, "Cinémathèque");
	doc_free(d);
}

/* What reads as an invitation only by a word it shares with one stays;
 * an invitation without a link and a "Read more:" list go. */
static void
test_call_to_action_edges(void **state)
{
	struct doc	*d;

	d = parse("<html><body><article>" PROSE
	    "<p>Seen once, it is a puzzle. Seen twice, it is a film.</p>"
	    "<p>Read more slowly, and it opens.</p>"
	    "<p>I still do not subscribe to the view that it is a lesser "
	    "film.</p></article></body></html>", "https://example.org/a");
	assert_non_null(find(d, "Read more slowly"));
	assert_ptr_equal(find(d, "I still do not subscribe"),
	    &d->blocks[d->nblocks - 1]);
	doc_free(d);

	/* The essay's own last line, a link away from the site. */
	d = parse("<html><body><article>" PROSE "<p><a href=\""
	    "https://en.wikipedia.org/wiki/Bartleby\">Ah Bartleby! Ah "
	    "humanity!</a></p></article></body></html>",
	    "https://example.org/a");
	assert_ptr_equal(find(d, "Ah Bartleby!"), &d->blocks[d->nblocks - 1]);
	doc_free(d);

	/* Closing lines that share a word with an invitation. */
	d = parse("<html><body><article>" PROSE
	    "<p>Few critics share this view, but I hold it still, as Rivette "
	    "did in his long and angry review of Kapo in 1961.</p>"
	    "<p>For years he edited the film society newsletter.</p>"
	    "</article></body></html>", "https://example.org/a");
	assert_non_null(find(d, "Few critics share this view"));
	assert_ptr_equal(find(d, "the film society newsletter"),
	    &d->blocks[d->nblocks - 1]);
	doc_free(d);

	d = parse("<html><body><article>" PROSE
	    "<p>Want more essays like this one? Subscribe to the Reel Notes "
	    "newsletter and get every new piece in your inbox each "
	    "Friday.</p></article></body></html>", "https://example.org/a");
	assert_null(find(d, "Reel Notes"));
	doc_free(d);

	d = parse("<html><body><article>" PROSE
	    "<p><b>Read more:</b></p>"
	    "<p><a href=\"/x1\">The Ten Best Long Takes</a></p>"
	    "<p><a href=\"/x2\">Why Rope Still Matters</a></p>"
	    "<p><a href=\"https://example.org/x3\">Hitchcock at Work</a></p>"
	    "<p><a href=\"/x4\">The Oner, Explained</a></p>"
	    "</article></body></html>", "https://example.org/a");
	assert_null(find(d, "Read more:"));
	assert_null(find(d, "Long Takes"));
	assert_null(find(d, "Oner"));
	assert_non_null(find(d, "slowness is the point"));
	doc_free(d);
}

/* Clutter that no class names as such: readers' comments under a
 * heading that says what they are, a newsletter box and a bio inside the
 * article, a "Related:" line. */
static void
test_unnamed_clutter(void **state)
{
	static const char *const prose_heads[] = {
		"<h2>Comments on the Production Code</h2>",
		"<h2>One Reaction to Jaws</h2>",
		"<h3>No Comment: on Godard's silence</h3>",
		"<p>One response to this critique came from Bazin himself.</p>",
		"<p>One thought on the ending: the ship never arrives.</p>",
		"<p>No reply to that letter ever came.</p>",
		"<p>3 thoughts on Vertigo:</p>",
	};
	struct doc	*d;
	char		*html;
	size_t		 i;

	d = parse("<html><body><div class=\"post\"><h1>The Honest Shot</h1>"
	    PROSE "<h3>5 thoughts on &ldquo;The Honest Shot&rdquo;</h3>"
	    "<div class=\"reader-notes\">"
	    "<div class=\"note\"><b>Sam</b> said: " PROSE1 "</div>"
	    "<div class=\"note\"><b>Ada</b> said: " PROSE2 "</div>"
	    "<div class=\"note\"><b>Lee</b> said: " PROSE3 "</div>"
	    "<div class=\"note\"><b>Kim</b> said: " PROSE1 "</div>"
	    "<div class=\"note\"><b>Max</b> said: " PROSE2 "</div>"
	    "</div></div></body></html>", "https://example.org/a");
	assert_null(find(d, "thoughts on"));
	assert_null(find(d, "Sam"));
	assert_int_equal(count(d, "The camera holds on the empty street"), 1);
	for (i = 0; i < d->nsections; i++)
		assert_null(strstr(d->sections[i].title, "thoughts"));
	doc_free(d);

	d = parse("<html><body><article class=\"post\">" PROSE1
	    "<div class=\"newsletter-box\"><h4>Enjoying this essay?</h4>"
	    "<p>Get the best film writing in your inbox, every Friday.</p>"
	    "</div>" PROSE2 "<p><strong>Related:</strong> <a href=\"/x\">The "
	    "Ten Best Long Takes of the Decade</a></p>" PROSE3
	    "<div class=\"author-card\"><p><strong>Jo Park</strong> is a "
	    "critic in Seoul.</p></div></article></body></html>",
	    "https://example.org/a");
	assert_null(find(d, "Enjoying this essay"));
	assert_null(find(d, "inbox"));
	assert_null(find(d, "Ten Best Long Takes"));
	assert_null(find(d, "Jo Park"));
	assert_non_null(find(d, "slowness is the point"));
	for (i = 0; i < d->nblocks; i++)
		assert_int_not_equal(d->blocks[i].type, DOC_HEADING);
	doc_free(d);

	/* Lines of the essay that only begin as a comments' title would
	 * stay, and so does all that follows them. */
	for (i = 0; i < nitems(prose_heads); i++) {
		html = xprintf("<html><body><article>%s%s%s%s</article></body>"
		    "</html>", PROSE, prose_heads[i], PROSE1, PROSE2);
		d = parse(html, "https://example.org/a");
		if (count(d, "The camera holds on the empty street") != 2)
			fail_msg("\"%s\" took the rest of the essay",
			    prose_heads[i]);
		assert_non_null(find(d, "When the car finally turns"));
		doc_free(d);
		free(html);
	}

	/* A part of the essay whose class only looks like a box's, or that
	 * is too long to be one, stays. */
	d = parse("<html><body><article>" PROSE "<div class=\"subscriber-"
	    "only\"><p>Paywalled words stay with the essay.</p></div>"
	    "<section id=\"newsletter-history\"><h2>The newsletter years</h2>"
	    PROSE1 PROSE2 PROSE3 "</section>" PROSE "</article></body></html>",
	    "https://example.org/a");
	assert_non_null(find(d, "Paywalled words stay"));
	assert_non_null(find(d, "The newsletter years"));
	doc_free(d);
}

/* A call to action named by its short name ("cta"), a newsletter box
 * spelt "news-letter" and a box of the authors are boxes too; a
 * paragraph named "factual" (not "cta") stays. */
static void
test_box_names(void **state)
{
	struct doc	*d;

	/* The byline comes first: the box of authors is not taken as it. */
	d = parse("<html><body><article><p class=\"byline\">By Ada Lind</p>"
	    PROSE1 "<section class=\"c-letters"
	    "-cta\"><p>We want to hear what you think. Write to us.</p>"
	    "</section>" PROSE2 "<div class=\"news-letter-section\"><p>Our "
	    "best film writing, every Friday.</p></div><p class=\"factual\">"
	    "The film was shot in nineteen days, on a single street in Lyon."
	    "</p><section class=\"article--authors\"><h4>Authors</h4><p>Jo "
	    "Park and Sam Reyes</p></section>" PROSE3 "</article></body>"
	    "</html>", "https://example.org/a");
	assert_null(find(d, "We want to hear"));
	assert_null(find(d, "Jo Park"));
	assert_null(find(d, "every Friday"));
	assert_non_null(find(d, "shot in nineteen days"));
	assert_non_null(find(d, "slowness is the point"));
	doc_free(d);
}

static void
test_pull_quote_once(void **state)
{
	struct doc		*d;
	const struct doc_block	*b;

	d = parse("<html><body><article>" PROSE1
	    "<blockquote class=\"pullquote\"><p>When the car finally turns "
	    "the corner, the film has already taught us to listen for "
	    "it</p></blockquote>" PROSE2 PROSE3
	    "<blockquote><p>Cinema is a matter of what is in the frame and "
	    "what is out, said a director once, and the line stayed.</p>"
	    "</blockquote></article></body></html>", NULL);

	assert_int_equal(count(d, "When the car finally turns the corner"),
	    1);
	b = find(d, "When the car finally turns the corner");
	assert_int_equal(b->type, DOC_PARAGRAPH);
	/* A quotation that repeats nothing stays, as a quote. */
	b = find(d, "Cinema is a matter of what is in the frame");
	assert_non_null(b);
	assert_int_equal(b->type, DOC_QUOTE);
	assert_int_equal(b->quote, 1);
	doc_free(d);

	/* Curly quotes and an ellipsis around the repeat hide nothing. */
	d = parse("<html><body><article>" PROSE1 PROSE2
	    "<blockquote class=\"wp-block-pullquote\"><p>&ldquo;Slowness is "
	    "the point: the director trusts duration, and the audience "
	    "&hellip;&rdquo;</p></blockquote>" PROSE3
	    "</article></body></html>", NULL);
	assert_int_equal(count(d, "the director trusts duration"), 1);
	assert_int_equal(find(d, "the director trusts duration")->type,
	    DOC_PARAGRAPH);
	doc_free(d);
}

/* The rule against calls to action drops a trailer, never the essay. */
static void
test_call_to_action_alone_kept(void **state)
{
	struct doc	*d;

	d = parse("<html><head><title>The Long Take</title></head><body><p>"
	    "<a href=\"https://mag.example/essay\">Read the whole essay about "
	    "the film on the magazine site.</a></p></body></html>", NULL);
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text, "Read the whole essay about "
	    "the film on the magazine site.");
	assert_int_equal(d->nlinks, 1);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invitation),
		cmocka_unit_test(test_comments_outweighing_essay),
		cmocka_unit_test(test_call_to_action_dropped),
		cmocka_unit_test(test_last_paragraph_with_link_kept),
		cmocka_unit_test(test_call_to_action_edges),
		cmocka_unit_test(test_unnamed_clutter),
		cmocka_unit_test(test_box_names),
		cmocka_unit_test(test_pull_quote_once),
		cmocka_unit_test(test_call_to_action_alone_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
