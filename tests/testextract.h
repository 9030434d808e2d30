/* testextract.h: the extractor tests' shared helpers (testextract.c). */
#ifndef REEL_TESTEXTRACT_H
#define REEL_TESTEXTRACT_H

#include <stddef.h>

struct doc;
struct doc_block;

/* Paragraphs of prose, long enough and with enough commas to read as an
 * essay to the scorer. */
#define PROSE1 "<p>The camera holds on the empty street for a long time, " \
	"longer than any trailer would allow, and the waiting becomes the " \
	"subject of the scene, with the light changing slowly on the walls.</p>"
#define PROSE2 "<p>When the car finally turns the corner, the film has " \
	"already taught us to listen for it, so the sound arrives before the " \
	"image, and the cut, when it comes, feels like a held breath let go.</p>"
#define PROSE3 "<p>Critics called the pacing slow, but slowness is the " \
	"point: the director trusts duration, and the audience, to carry a " \
	"feeling that quick editing would have explained away in a second.</p>"
#define PROSE PROSE1 PROSE2 PROSE3

/* The page in html, cleaned and extracted as if read from url; fails the
 * test when extraction fails. */
struct doc		*parse(const char *html, const char *url);
/* The same for a file under tests/fixtures/extract. */
struct doc		*parse_file(const char *name, const char *url);
/* The first block whose text contains s, or NULL. */
const struct doc_block	*find(const struct doc *d, const char *s);
/* The first picture whose caption contains s, or NULL. */
const struct doc_block	*find_caption(const struct doc *d, const char *s);
/* How many times s occurs in the blocks' text. */
size_t			 count(const struct doc *d, const char *s);

#endif
