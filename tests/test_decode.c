/* test_decode.c: content codings decoded whole, a stream cut anywhere
 * known as cut, bad data refused, the output stopped on demand. gzip,
 * deflate and zstd data are made here with zlib and libzstd; the brotli
 * data were made by brotli(1). */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>
#include <zstd.h>

#include "buf.h"
#include "decode.h"
#include "util.h"

static const char br_text[] = "The brotli text of a test, long enough "
    "to need several bytes: brotli brotli brotli.";
static const char br_data[] = "\xa1\x90\x02\x80\xa2\x08\x95\xae\x37\xbc"
    "\xde\x1d\x97\x7e\xcf\xed\x78\x28\x45\x29\x85\x07\x38\xe4\x80\xfd\x5b"
    "\x6b\x0b\x21\x8f\xb5\x56\x99\x19\x8b\xd3\x0f\x29\x50\x59\x9e\x84\xc3"
    "\xa6\xaf\x12\x21\x10\x9d\x29\x00\x4e\x0a\x47\x4f\x2a\xfb\xf3\x65\xb1"
    "\x84\x00";

static int
collect(void *arg, const char *p, size_t n)
{
	buf_add(arg, p, n);
	return 0;
}

/* Stops after the first piece. */
static int
stop(void *arg, const char *p, size_t n)
{
	*(size_t *)arg += n;
	return 1;
}

/* A text of n bytes that compresses well but not to nothing. */
static char *
text(size_t n)
{
	char	*t = xmalloc(n + 1);
	size_t	 i;

	for (i = 0; i < n; i++)
		t[i] = "abcdefghij klmnop\n"[(i * 7 + i / 13) % 18];
	t[n] = '\0';
	return t;
}

/* zlib's formats: windowbits 31 is gzip, 15 zlib's wrapper, -15 raw. */
static char *
zlib_pack(const char *t, size_t n, int bits, size_t *len)
{
	z_stream	 z;
	char		*out;

	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, bits, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	out = xmalloc(deflateBound(&z, n) + 32);
	z.next_in = (Bytef *)(uintptr_t)t;
	z.avail_in = n;
	z.next_out = (Bytef *)out;
	z.avail_out = deflateBound(&z, n) + 32;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*len = z.total_out;
	deflateEnd(&z);
	return out;
}

static char *
zstd_pack(const char *t, size_t n, size_t *len)
{
	char	*out = xmalloc(ZSTD_compressBound(n));

	*len = ZSTD_compress(out, ZSTD_compressBound(n), t, n, 3);
	assert_false(ZSTD_isError(*len));
	return out;
}

/* Decodes data (len bytes) as coding in pieces of step bytes; returns
 * what decode_add() last said, the output in out, *ended as decode
 * says. */
static int
run(const char *coding, const char *data, size_t len, size_t step,
    struct buf *out, int *ended)
{
	struct decode	*d;
	size_t		 i, n;
	int		 rc = 0;

	assert_int_equal(decode_new(coding, &d), 0);
	assert_non_null(d);
	for (i = 0; i < len && rc == 0; i += n) {
		n = len - i < step ? len - i : step;
		rc = decode_add(d, data + i, n, collect, out);
	}
	*ended = decode_ended(d);
	decode_free(d);
	return rc;
}

/* Whole, the stream decodes to the text and ends, in pieces of any
 * size; cut anywhere, it does not end (and what came is a prefix). */
static void
check(const char *coding, const char *data, size_t len, const char *t,
    size_t tlen)
{
	static const size_t	 steps[] = { 1, 7, 4096, (size_t)-1 };
	struct buf		 out = BUF_INIT;
	size_t			 i, cut;
	int			 ended;

	for (i = 0; i < nitems(steps); i++) {
		assert_int_equal(run(coding, data, len, steps[i], &out,
		    &ended), 0);
		assert_true(ended);
		assert_int_equal(out.len, tlen);
		assert_memory_equal(out.data, t, tlen);
		buf_reset(&out);
	}
	for (cut = 0; cut < len; cut += cut < 16 ? 1 : len / 7 + 1) {
		assert_int_equal(run(coding, data, cut, 4096, &out, &ended),
		    0);
		assert_false(ended);
		assert_true(out.len <= tlen);
		if (out.len > 0)
			assert_memory_equal(out.data, t, out.len);
		buf_reset(&out);
	}
	buf_free(&out);
}

static void
test_gzip_deflate(void **state)
{
	char	*t = text(100000), *z;
	size_t	 len;

	z = zlib_pack(t, 100000, 31, &len);
	check("gzip", z, len, t, 100000);
	check(" X-GZip ", z, len, t, 100000);
	free(z);
	z = zlib_pack(t, 100000, 15, &len);
	check("deflate", z, len, t, 100000);
	free(z);
	/* Raw deflate, which some servers send as "deflate". */
	z = zlib_pack(t, 100000, -15, &len);
	check("deflate", z, len, t, 100000);
	free(z);
	free(t);
}

static void
test_br_zstd(void **state)
{
	char	*t = text(100000), *z;
	size_t	 len;

	check("br", br_data, sizeof br_data - 1, br_text,
	    sizeof br_text - 1);
	z = zstd_pack(t, 100000, &len);
	check("zstd", z, len, t, 100000);
	free(z);
	free(t);
}

/* Bytes after the end are ignored, as browsers ignore them. */
static void
test_trailing(void **state)
{
	struct buf	 out = BUF_INIT;
	char		*z, *more;
	size_t		 len;
	int		 ended;

	z = zlib_pack("short", 5, 31, &len);
	more = xmalloc(len + 4);
	memcpy(more, z, len);
	memcpy(more + len, "junk", 4);
	assert_int_equal(run("gzip", more, len + 4, 4096, &out, &ended), 0);
	assert_true(ended);
	assert_int_equal(out.len, 5);
	buf_free(&out);
	free(more);
	free(z);
}

static void
test_bad_data(void **state)
{
	struct buf	 out = BUF_INIT;
	static const char	*codings[] = { "gzip", "br", "zstd" };
	size_t		 i;
	int		 ended;

	for (i = 0; i < nitems(codings); i++) {
		assert_int_equal(run(codings[i], "<html><body>plain</body>"
		    "</html>", 30, 4096, &out, &ended), -1);
		assert_false(ended);
		buf_reset(&out);
	}
	buf_free(&out);
}

/* The output's owner says stop (the size limit): decoding stops. */
static void
test_stop(void **state)
{
	struct decode	*d;
	char		*t = text(200000), *z;
	size_t		 len, got = 0;

	z = zlib_pack(t, 200000, 31, &len);
	assert_int_equal(decode_new("gzip", &d), 0);
	assert_int_equal(decode_add(d, z, len, stop, &got), 1);
	assert_true(got > 0 && got < 200000);
	assert_false(decode_ended(d));
	decode_free(d);
	free(z);
	free(t);
}

static void
test_names(void **state)
{
	struct decode	*d = (struct decode *)&d;

	assert_int_equal(decode_new(NULL, &d), 0);
	assert_null(d);
	assert_int_equal(decode_new(" identity", &d), 0);
	assert_null(d);
	assert_int_equal(decode_new("", &d), 0);
	assert_null(d);
	assert_int_equal(decode_new("compress", &d), -1);
	assert_null(d);
	assert_int_equal(decode_new("gzip, br", &d), -1);
	assert_int_equal(decode_new("BR", &d), 0);
	assert_string_equal(decode_name(d), "br");
	decode_free(d);
	decode_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gzip_deflate),
		cmocka_unit_test(test_br_zstd),
		cmocka_unit_test(test_trailing),
		cmocka_unit_test(test_bad_data),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
