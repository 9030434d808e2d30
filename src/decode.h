/* decode.h: HTTP content codings (gzip, deflate, br, zstd) decoded by
 * reel itself, so that a body cut short is known to be: libcurl's own
 * decoding ends without a word when the stream does not. */
#ifndef REEL_DECODE_H
#define REEL_DECODE_H

#include <stddef.h>

struct decode;

/* What fetch.c asks servers for: every coding decode_new() knows. */
#define DECODE_ACCEPT	"gzip, deflate, br, zstd"

/* Where decoded bytes go; a non-zero return stops the decoding. */
typedef int (*decode_out)(void *, const char *, size_t);

/*
 * Starts decoding the Content-Encoding coding (case does not matter,
 * white space around it neither). Returns 0 and a decoder in *dp (free
 * with decode_free()), 0 and NULL for "identity" or an empty value, or
 * -1 for a coding reel does not know, or a list of several.
 */
int	 decode_new(const char *, struct decode **);
/* Returns the coding's name ("gzip"); static. */
const char *decode_name(const struct decode *);
/*
 * Decodes the n bytes at p, handing what comes out to out with arg, in
 * pieces. Bytes after the end of the stream are ignored, as browsers
 * ignore them. Returns 0; 1 when out asked to stop; -1 when the data are
 * not of the coding.
 */
int	 decode_add(struct decode *, const char *, size_t, decode_out,
	    void *);
/* Returns non-zero once the stream has come to its end. */
int	 decode_ended(const struct decode *);
/* NULL is fine. */
void	 decode_free(struct decode *);

#endif
