/* test_charset.c: finding a page's encoding and converting it to UTF-8,
 * checked byte for byte against the expected UTF-8. */
#include <config.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "charset.h"
#include "util.h"

#define S(s)	s, sizeof s - 1

struct charset_case {
	const char	*what;
	const char	*in;
	size_t		 len;
	const char	*http;		/* Content-Type charset, or NULL */
	const char	*name;		/* what charset_detect() says */
	const char	*out;		/* the exact UTF-8 */
};

#define META_SJIS "<meta http-equiv=\"Content-Type\" " \
	"content=\"text/html; charset=Shift_JIS\">"

/* 1,100 bytes of a script before the <meta>: past the standard's prescan. */
#define PAD10	"var a = 1;"
#define PAD100	PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10
#define LATE	"<head><script>" PAD100 PAD100 PAD100 PAD100 PAD100 PAD100 \
	PAD100 PAD100 PAD100 PAD100 PAD100 "</script>"

static const struct charset_case cases[] = {
	{ "windows-1252 from the header: curly quotes and euro",
	  S("\x93Quoted\x94 \x80 5"), "windows-1252", "windows-1252",
	  "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x82\xac 5" },
	{ "ISO-8859-1 is read as windows-1252",
	  S("caf\xe9 \x80"), "ISO-8859-1", "windows-1252",
	  "caf\xc3\xa9 \xe2\x82\xac" },
	{ "latin1 in <meta>",
	  S("<meta charset=\"latin1\"><p>na\xefve"), NULL, "windows-1252",
	  "<meta charset=\"latin1\"><p>na\xc3\xafve" },
	{ "us-ascii is windows-1252",
	  S("\x93x\x94"), "us-ascii", "windows-1252",
	  "\xe2\x80\x9cx\xe2\x80\x9d" },
	{ "ISO-8859-15: euro at 0xA4, oe at 0xBD",
	  S("\xa4 \xbd"), "iso-8859-15", "ISO-8859-15",
	  "\xe2\x82\xac \xc5\x93" },
	{ "UTF-16LE with BOM, a surrogate pair",
	  S("\xff\xfeh\0i\0 \0\xac\x20\x3d\xd8\x00\xde"), NULL, "UTF-16LE",
	  "hi \xe2\x82\xac\xf0\x9f\x98\x80" },
	{ "UTF-16BE with BOM",
	  S("\xfe\xff\0h\0i\x20\xac"), NULL, "UTF-16BE",
	  "hi\xe2\x82\xac" },
	{ "the BOM beats the header",
	  S("\xef\xbb\xbf" "caf\xc3\xa9"), "windows-1252", "UTF-8",
	  "caf\xc3\xa9" },
	{ "the UTF-16 BOM beats <meta>",
	  S("\xff\xfe<\0m\0e\0t\0a\0 \0c\0h\0a\0r\0s\0e\0t\0=\0x\0>\0"),
	  NULL, "UTF-16LE", "<meta charset=x>" },
	{ "Shift_JIS in <meta http-equiv>",
	  S(META_SJIS "\x93\xfa\x96\x7b\x8c\xea"), NULL, "Shift_JIS",
	  META_SJIS "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" },
	{ "EUC-JP from the header",
	  S("\xc6\xfc\xcb\xdc\xb8\xec"), "EUC-JP", "EUC-JP",
	  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" },
	{ "ISO-2022-JP from the header",
	  S("\x1b$BF|K\\\x1b(B!"), "iso-2022-jp", "ISO-2022-JP",
	  "\xe6\x97\xa5\xe6\x9c\xac!" },
	{ "gb2312 is GBK",
	  S("<meta charset=gb2312>\xd6\xd0\xce\xc4"), NULL, "GBK",
	  "<meta charset=gb2312>\xe4\xb8\xad\xe6\x96\x87" },
	{ "GB18030: two- and four-byte sequences",
	  S("\xa2\xe3\x94\x39\xfc\x36"), "GB18030", "gb18030",
	  "\xe2\x82\xac\xf0\x9f\x98\x80" },
	{ "Big5",
	  S("\xb9\x71\xbc\x76"), "big5", "Big5",
	  "\xe9\x9b\xbb\xe5\xbd\xb1" },
	{ "EUC-KR is CP949",
	  S("\xc7\xd1\xb1\xb9\xbe\xee"), "euc-kr", "EUC-KR",
	  "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4" },
	{ "KOI8-R",
	  S("\xf0\xd2\xc9\xd7\xc5\xd4"), "koi8-r", "KOI8-R",
	  "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82" },
	{ "windows-1251",
	  S("\xc6"), "cp1251", "windows-1251", "\xd0\x96" },
	{ "IBM866",
	  S("\xf1"), "866", "IBM866", "\xd1\x91" },
	{ "ISO-8859-2",
	  S("\xf5"), "latin2", "ISO-8859-2", "\xc5\x91" },
	{ "UTF-8 in <meta>, Latin-1 bytes: windows-1252",
	  S("<meta charset=\"utf-8\"><p>caf\xe9 cr\xe8me br\xfbl\xe9" "e"),
	  NULL, "windows-1252",
	  "<meta charset=\"utf-8\"><p>caf\xc3\xa9 cr\xc3\xa8me "
	  "br\xc3\xbbl\xc3\xa9" "e" },
	{ "UTF-8 in the header, Latin-1 bytes: windows-1252",
	  S("caf\xe9 \x93ok\x94"), "utf-8", "windows-1252",
	  "caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d" },
	{ "the header beats <meta>",
	  S("<meta charset=\"utf-8\">Caf\xc3\xa9"), "windows-1252",
	  "windows-1252",
	  "<meta charset=\"utf-8\">Caf\xc3\x83\xc2\xa9" },
	{ "an unknown header label falls through to <meta>",
	  S("<meta charset=koi8-r>\xf0"), "x-no-such-charset", "KOI8-R",
	  "<meta charset=koi8-r>\xd0\x9f" },
	{ "an unknown <meta> label falls through to the bytes",
	  S("<meta charset=klingon>\x93x\x94"), NULL, "windows-1252",
	  "<meta charset=klingon>\xe2\x80\x9cx\xe2\x80\x9d" },
	{ "<meta> saying utf-16 means UTF-8",
	  S("<meta charset=\"utf-16\">caf\xc3\xa9"), NULL, "UTF-8",
	  "<meta charset=\"utf-16\">caf\xc3\xa9" },
	{ "<meta> saying gb2312 on valid UTF-8 text: UTF-8",
	  S("<meta charset=gb2312>\xe4\xb8\xad\xe6\x96\x87"), NULL, "UTF-8",
	  "<meta charset=gb2312>\xe4\xb8\xad\xe6\x96\x87" },
	{ "<meta> inside a comment does not count",
	  S("<!-- <meta charset=\"koi8-r\"> --><meta charset=iso-8859-15>"
	    "\xa4"), NULL, "ISO-8859-15",
	  "<!-- <meta charset=\"koi8-r\"> --><meta charset=iso-8859-15>"
	  "\xe2\x82\xac" },
	{ "<meta> inside another tag's attribute does not count",
	  S("<div title=\"<meta charset=koi8-r>\"><meta charset=l9>\xa4"),
	  NULL, "ISO-8859-15",
	  "<div title=\"<meta charset=koi8-r>\"><meta charset=l9>"
	  "\xe2\x82\xac" },
	{ "content= without http-equiv does not count",
	  S("<meta content=\"text/html; charset=koi8-r\">\xa4"), NULL,
	  "windows-1252",
	  "<meta content=\"text/html; charset=koi8-r\">\xc2\xa4" },
	{ "http-equiv after content",
	  S("<META CONTENT='text/html;charset = \"KOI8-R\"' "
	    "HTTP-EQUIV=content-type>\xf0"), NULL, "KOI8-R",
	  "<META CONTENT='text/html;charset = \"KOI8-R\"' "
	  "HTTP-EQUIV=content-type>\xd0\x9f" },
	{ "<meta> past the first 1024 bytes, bytes not UTF-8: the head's",
	  S(LATE "<meta charset=gb2312></head>\xd6\xd0\xce\xc4"), NULL,
	  "GBK", LATE "<meta charset=gb2312></head>\xe4\xb8\xad\xe6\x96\x87" },
	{ "<meta> past the first 1024 bytes, valid UTF-8: UTF-8",
	  S(LATE "<meta charset=koi8-r>\xd0\x9f"), NULL, "UTF-8",
	  LATE "<meta charset=koi8-r>\xd0\x9f" },
	{ "a late <meta> inside <body> does not count",
	  S(LATE "<body class=x><meta charset=koi8-r>\xf0"), NULL,
	  "windows-1252",
	  LATE "<body class=x><meta charset=koi8-r>\xc3\xb0" },
	{ "a late <meta> saying utf-8 over bytes that are not",
	  S(LATE "<meta charset=utf-8>caf\xe9"), NULL, "windows-1252",
	  LATE "<meta charset=utf-8>caf\xc3\xa9" },
	{ "no declaration, valid UTF-8",
	  S("caf\xc3\xa9"), NULL, "UTF-8", "caf\xc3\xa9" },
	{ "no declaration, not UTF-8: windows-1252",
	  S("\x93quoted\x94"), NULL, "windows-1252",
	  "\xe2\x80\x9cquoted\xe2\x80\x9d" },
	{ "invalid UTF-8 bytes: one U+FFFD each",
	  S("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87"
	    "\xe7\xab\xa0\xe3\x81\xa7\xe3\x81\x99 a\xff" "b\xc0\xaf" "c"
	    "\xed\xa0\x80" "d"), "utf-8", "UTF-8",
	  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87"
	  "\xe7\xab\xa0\xe3\x81\xa7\xe3\x81\x99 a\xef\xbf\xbd" "b"
	  "\xef\xbf\xbd\xef\xbf\xbd" "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	  "d" },
	{ "UTF-8 cut short at the end",
	  S("\xe6\x97\xa5\xe6\x9c\xac\xe6\x97"), NULL, "UTF-8",
	  "\xe6\x97\xa5\xe6\x9c\xac\xef\xbf\xbd" },
	{ "Shift_JIS cut short at the end",
	  S("\x93\xfa\x93"), "sjis", "Shift_JIS",
	  "\xe6\x97\xa5\xef\xbf\xbd" },
	{ "a bad Shift_JIS trail byte keeps the ASCII after it",
	  S("\x93 A\x93\xfa"), "shift_jis", "Shift_JIS",
	  "\xef\xbf\xbd A\xe6\x97\xa5" },
	{ "EUC-JP cut short at the end",
	  S("\xc6\xfc\xcb"), "euc-jp", "EUC-JP",
	  "\xe6\x97\xa5\xef\xbf\xbd" },
	{ "UTF-16LE with an odd last byte",
	  S("\xff\xfeh\0i\0A"), NULL, "UTF-16LE", "hi\xef\xbf\xbd" },
	{ "UTF-16LE with a lone surrogate",
	  S("\xff\xfe\x3d\xd8h\0\x00\xdci\0"), NULL, "UTF-16LE",
	  "\xef\xbf\xbdh\xef\xbf\xbdi" },
	{ "UTF-16BE cut inside a surrogate pair",
	  S("\xfe\xff\0h\xd8\x3d"), NULL, "UTF-16BE", "h\xef\xbf\xbd" },
	{ "windows-1252's unassigned 0x81 is U+FFFD, not dropped",
	  S("a\x81z"), "windows-1252", "windows-1252",
	  "a\xef\xbf\xbdz" },
	{ "an empty page",
	  "", 0, NULL, "UTF-8", "" },
	/* fuzz_charset: the result was not terminated. */
	{ "an empty page declared UTF-16",
	  "", 0, "utf-16be", "UTF-16BE", "" },
	{ "a UTF-16 page of its byte-order mark alone",
	  S("\xff\xfe"), NULL, "UTF-16LE", "" },
};

static void
test_cases(void **state)
{
	const struct charset_case	*c;
	char				*out, *cause = NULL;
	size_t				 i, outlen;

	for (i = 0; i < nitems(cases); i++) {
		c = &cases[i];
		print_message("%s\n", c->what);
		assert_string_equal(charset_detect(c->in, c->len, c->http),
		    c->name);
		assert_int_equal(charset_decode(c->in, c->len, c->http, &out,
		    &outlen, &cause), 0);
		assert_null(cause);
		assert_int_equal(outlen, strlen(c->out));
		assert_memory_equal(out, c->out, outlen);
		assert_int_equal(out[outlen], '\0');
		free(out);
	}
}

static size_t
count_fffd(const char *s, size_t len)
{
	size_t	n = 0;
	char	*p;

	while ((p = memmem(s, len, "\xef\xbf\xbd", 3)) != NULL) {
		n++;
		len -= p + 3 - s;
		s = p + 3;
	}
	return n;
}

/* Nothing is dropped silently: each bad unit is one U+FFFD. */
static void
test_replacement_count(void **state)
{
	/* Ten good sequences, so that the bytes stay UTF-8. */
	static const char	 in[] = "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"
	    "\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87"
	    "\xe4\xb8\xad\xe6\x96\x87|\x80|\xbf|\xf8|\xc3|"
	    "\xe4\xb8|\xf4\x90\x80\x80|";
	char			*out, *cause = NULL;
	size_t			 outlen;

	assert_int_equal(charset_decode(in, sizeof in - 1, "utf-8", &out,
	    &outlen, &cause), 0);
	/* 0x80, 0xBF, 0xF8 and the lone 0xC3: one each; E4 B8 cut short:
	 * one; F4 90 80 80 (above U+10FFFF): four. */
	assert_int_equal(count_fffd(out, outlen), 9);
	assert_true(utf8_valid(out, outlen));
	free(out);
}

static void
test_lookup(void **state)
{
	static const struct {
		const char	*label;
		const char	*name;
	} t[] = {
		{ " Shift_JIS ", "Shift_JIS" }, { "windows-31j", "Shift_JIS" },
		{ "x-sjis", "Shift_JIS" }, { "LATIN1", "windows-1252" },
		{ "ascii", "windows-1252" },
		{ "iso_8859-1:1987", "windows-1252" },
		{ "x-gbk", "GBK" }, { "GB_2312-80", "GBK" },
		{ "euc-kr", "EUC-KR" }, { "ks_c_5601-1987", "EUC-KR" },
		{ "utf8", "UTF-8" }, { "\tUTF-8\n", "UTF-8" },
		{ "koi8-u", "KOI8-U" }, { "koi", "KOI8-R" },
		{ "iso-8859-9", "windows-1254" }, { "tis-620", "windows-874" },
		{ "unicode", "UTF-16LE" },
		{ "no-such", NULL }, { "", NULL }, { "utf-8 x", NULL },
		{ "utf-", NULL }, { "utf-88", NULL },
		/* The standard's "replacement" labels are left unknown. */
		{ "iso-2022-kr", NULL },
	};
	size_t	i;

	for (i = 0; i < nitems(t); i++) {
		print_message("'%s'\n", t[i].label);
		if (t[i].name == NULL)
			assert_null(charset_lookup(t[i].label));
		else
			assert_string_equal(charset_lookup(t[i].label),
			    t[i].name);
	}
	assert_null(charset_lookup(NULL));
}

/* Every encoding in the table can be opened and keeps ASCII as it is. */
static void
test_every_encoding(void **state)
{
	static const char	*names[] = {
		"UTF-8", "windows-1252", "IBM866", "ISO-8859-2", "ISO-8859-3",
		"ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
		"ISO-8859-8", "ISO-8859-8-I", "ISO-8859-10", "ISO-8859-13",
		"ISO-8859-14", "ISO-8859-15", "ISO-8859-16", "KOI8-R", "KOI8-U",
		"macintosh", "windows-874", "windows-1250", "windows-1251",
		"windows-1253", "windows-1254", "windows-1255", "windows-1256",
		"windows-1257", "windows-1258", "x-mac-cyrillic", "GBK",
		"gb18030", "Big5", "EUC-JP", "ISO-2022-JP", "Shift_JIS",
		"EUC-KR",
	};
	static const char	 ascii[] = "<p>Plain ASCII, 1-2-3.</p>\n";
	char			*out, *cause = NULL;
	size_t			 i, outlen;

	for (i = 0; i < nitems(names); i++) {
		print_message("%s\n", names[i]);
		assert_string_equal(charset_lookup(names[i]), names[i]);
		assert_string_equal(charset_detect(ascii, sizeof ascii - 1,
		    names[i]), names[i]);
		assert_int_equal(charset_decode(ascii, sizeof ascii - 1,
		    names[i], &out, &outlen, &cause), 0);
		assert_string_equal(out, ascii);
		free(out);
	}
}

/* Whatever the bytes and the encoding, the result is valid UTF-8. */
static void
test_always_utf8(void **state)
{
	static const char	*labels[] = {
		NULL, "utf-8", "utf-16le", "utf-16be", "windows-1252",
		"shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "big5",
		"euc-kr", "koi8-r",
	};
	char			 in[4096], *out, *cause = NULL;
	uint32_t		 x = 12345;
	size_t			 i, j, outlen;

	for (i = 0; i < 20; i++) {
		for (j = 0; j < sizeof in; j++) {
			x = x * 1103515245 + 12345;
			in[j] = (char)(x >> 16);
		}
		for (j = 0; j < nitems(labels); j++) {
			assert_int_equal(charset_decode(in, sizeof in - i,
			    labels[j], &out, &outlen, &cause), 0);
			assert_true(utf8_valid(out, outlen));
			assert_true(outlen > 0);
			free(out);
		}
	}
}

static char *
slurp(const char *path, size_t *len)
{
	char	*data, *cause = NULL;

	if (read_file(path, SIZE_MAX / 2, &data, len, &cause) != 0) {
		print_error("%s\n", cause);
		free(cause);
		return NULL;
	}
	return data;
}

/* The Readability pages are all UTF-8 bytes, one under a <meta> that says
 * gb2312: each comes out exactly as it went in. */
static void
test_corpus(void **state)
{
	const char	*corpus = getenv("REEL_CORPUS");
	struct dirent	*de;
	DIR		*dir;
	char		*path, *in, *out, *cause = NULL;
	size_t		 len, outlen, n = 0, skip;

	if (corpus == NULL || *corpus == '\0')
		corpus = "../shared/corpus";
	path = xprintf("%s/readability", corpus);
	/* The corpus is part of the test suite: missing, it fails. */
	if ((dir = opendir(path)) == NULL)
		fail_msg("no corpus at %s (configure --with-corpus=DIR)", path);
	free(path);
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xprintf("%s/readability/%s/source.html", corpus,
		    de->d_name);
		if (access(path, F_OK) != 0) {
			free(path);
			continue;
		}
		in = slurp(path, &len);
		assert_non_null(in);
		skip = len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
		if (strcmp(charset_detect(in, len, NULL), "UTF-8") != 0)
			fail_msg("%s: %s", path, charset_detect(in, len, NULL));
		assert_int_equal(charset_decode(in, len, NULL, &out, &outlen,
		    &cause), 0);
		assert_int_equal(outlen, len - skip);
		assert_memory_equal(out, in + skip, outlen);
		free(out);
		free(in);
		free(path);
		n++;
	}
	closedir(dir);
	assert_true(n >= 100);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_replacement_count),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_every_encoding),
		cmocka_unit_test(test_always_utf8),
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
