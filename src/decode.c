/* decode.c: gzip and deflate (zlib), br (the brotli decoder) and zstd,
 * decoded as a body arrives; each knows when its stream has ended. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "brotli_dl.h"
#include "decode.h"
#include "util.h"
#include "zstd_dl.h"

#define DECODE_CHUNK	16384

enum decode_kind {
	DECODE_GZIP,
	DECODE_DEFLATE,
	DECODE_BR,
	DECODE_ZSTD,
};

struct decode {
	enum decode_kind	 kind;
	int			 ended;
	int			 started;	/* deflate: first bytes seen */
	unsigned char		 head[2];	/* deflate: until then */
	size_t			 nhead;
	z_stream		 z;
	BrotliDecoderState	*br;
	ZSTD_DStream		*zs;
	char			 out[DECODE_CHUNK];
};

static const struct {
	const char		*name;
	enum decode_kind	 kind;
} decode_names[] = {
	{ "gzip", DECODE_GZIP },
	{ "x-gzip", DECODE_GZIP },
	{ "deflate", DECODE_DEFLATE },
	{ "br", DECODE_BR },
	{ "zstd", DECODE_ZSTD },
};

int
decode_new(const char *coding, struct decode **dp)
{
	struct decode	*d;
	size_t		 i, n;
	int		 zr = Z_OK;

	*dp = NULL;
	if (coding == NULL)
		return 0;
	coding += strspn(coding, " \t");
	n = strlen(coding);
	while (n > 0 && (coding[n - 1] == ' ' || coding[n - 1] == '\t'))
		n--;
	if (n == 0 || (n == 8 && strncasecmp(coding, "identity", 8) == 0))
		return 0;
	for (i = 0; i < nitems(decode_names); i++)
		if (strlen(decode_names[i].name) == n &&
		    strncasecmp(coding, decode_names[i].name, n) == 0)
			break;
	if (i == nitems(decode_names))
		return -1;
	d = xcalloc(1, sizeof *d);
	d->kind = decode_names[i].kind;
	switch (d->kind) {
	case DECODE_GZIP:
		zr = inflateInit2(&d->z, 16 + MAX_WBITS);
		break;
	case DECODE_DEFLATE:
		/* Set up on the first bytes: zlib's wrapper or raw. */
		break;
	case DECODE_BR:
		brotli_dl_need();
		if ((d->br = brotli_dl.create_instance(NULL, NULL, NULL)) ==
		    NULL)
			fatal(_("out of memory"));
		break;
	case DECODE_ZSTD:
		zstd_dl_need();
		if ((d->zs = zstd_dl.create_dstream()) == NULL)
			fatal(_("out of memory"));
		if (zstd_dl.is_error(zstd_dl.init_dstream(d->zs)))
			fatal("ZSTD_initDStream failed");
		break;
	}
	if (zr != Z_OK)
		fatal("inflateInit2: %d", zr);
	*dp = d;
	return 0;
}

const char *
decode_name(const struct decode *d)
{
	size_t	i;

	for (i = 0; i < nitems(decode_names); i++)
		if (decode_names[i].kind == d->kind)
			return decode_names[i].name;
	return "?";
}

/* "deflate" is meant to be zlib's format, but some servers send raw
 * deflate: the first two bytes, a zlib header or not, say which. */
static void
decode_deflate_start(struct decode *d)
{
	const unsigned char	*p = d->head;
	int			 raw, zr;

	raw = (p[0] & 0x0f) != Z_DEFLATED || ((p[0] << 8) | p[1]) % 31 != 0;
	zr = inflateInit2(&d->z, raw ? -MAX_WBITS : MAX_WBITS);
	if (zr != Z_OK)
		fatal("inflateInit2: %d", zr);
	d->started = 1;
}

static int	decode_zlib(struct decode *, const char *, size_t, decode_out,
		    void *);

/* Deflate's first two bytes are held until both have come. */
static int
decode_deflate(struct decode *d, const char *p, size_t n, decode_out out,
    void *arg)
{
	int	rc;

	if (d->started)
		return decode_zlib(d, p, n, out, arg);
	while (d->nhead < 2 && n > 0) {
		d->head[d->nhead++] = (unsigned char)*p++;
		n--;
	}
	if (d->nhead < 2)
		return 0;
	decode_deflate_start(d);
	if ((rc = decode_zlib(d, (const char *)d->head, 2, out, arg)) != 0)
		return rc;
	return n > 0 ? decode_zlib(d, p, n, out, arg) : 0;
}

static int
decode_zlib(struct decode *d, const char *p, size_t n, decode_out out,
    void *arg)
{
	size_t	len;
	int	zr;

	d->z.next_in = (Bytef *)(uintptr_t)p;
	while (n > 0) {
		/* avail_in is an unsigned int: feed huge pieces in parts. */
		d->z.avail_in = n > 1U << 30 ? 1U << 30 : (unsigned)n;
		n -= d->z.avail_in;
		do {
			if (d->ended)
				return 0;
			d->z.next_out = (Bytef *)d->out;
			d->z.avail_out = sizeof d->out;
			zr = inflate(&d->z, Z_NO_FLUSH);
			if (zr != Z_OK && zr != Z_STREAM_END &&
			    zr != Z_BUF_ERROR)
				return -1;
			len = sizeof d->out - d->z.avail_out;
			if (len > 0 && out(arg, d->out, len) != 0)
				return 1;
			if (zr == Z_STREAM_END)
				d->ended = 1;
			if (zr == Z_BUF_ERROR && len == 0)
				break;
		} while (d->z.avail_in > 0 || d->z.avail_out == 0);
	}
	return 0;
}

static int
decode_brotli(struct decode *d, const char *p, size_t n, decode_out out,
    void *arg)
{
	const uint8_t		*in = (const uint8_t *)p;
	uint8_t			*o;
	size_t			 avail_out, len;
	BrotliDecoderResult	 r;

	for (;;) {
		if (d->ended)
			return 0;
		o = (uint8_t *)d->out;
		avail_out = sizeof d->out;
		r = brotli_dl.decompress_stream(d->br, &n, &in, &avail_out,
		    &o, NULL);
		if (r == BROTLI_DECODER_RESULT_ERROR)
			return -1;
		len = sizeof d->out - avail_out;
		if (len > 0 && out(arg, d->out, len) != 0)
			return 1;
		if (r == BROTLI_DECODER_RESULT_SUCCESS)
			d->ended = 1;
		else if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
			return 0;
	}
}

static int
decode_zstd(struct decode *d, const char *p, size_t n, decode_out out,
    void *arg)
{
	ZSTD_inBuffer	in = { p, n, 0 };
	ZSTD_outBuffer	o;
	size_t		r;

	/* A body may hold several frames; the stream has ended when the
	 * last one read is whole and nothing is left over. */
	while (in.pos < in.size || !d->ended) {
		o.dst = d->out;
		o.size = sizeof d->out;
		o.pos = 0;
		r = zstd_dl.decompress_stream(d->zs, &o, &in);
		if (zstd_dl.is_error(r))
			return -1;
		if (o.pos > 0 && out(arg, d->out, o.pos) != 0)
			return 1;
		d->ended = r == 0;
		if (in.pos == in.size && o.pos < o.size)
			break;
	}
	return 0;
}

int
decode_add(struct decode *d, const char *p, size_t n, decode_out out,
    void *arg)
{
	if (n == 0)
		return 0;
	switch (d->kind) {
	case DECODE_GZIP:
		return decode_zlib(d, p, n, out, arg);
	case DECODE_DEFLATE:
		return decode_deflate(d, p, n, out, arg);
	case DECODE_BR:
		return decode_brotli(d, p, n, out, arg);
	case DECODE_ZSTD:
		return decode_zstd(d, p, n, out, arg);
	}
	return -1;
}

int
decode_ended(const struct decode *d)
{
	return d->ended;
}

void
decode_free(struct decode *d)
{
	if (d == NULL)
		return;
	if (d->kind == DECODE_GZIP ||
	    (d->kind == DECODE_DEFLATE && d->started))
		inflateEnd(&d->z);
	if (d->br != NULL)
		brotli_dl.destroy_instance(d->br);
	if (d->zs != NULL)
		zstd_dl.free_dstream(d->zs);
	free(d);
}
