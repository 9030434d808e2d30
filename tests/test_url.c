/* test_url.c: URLs: what is a web URL, schemes, hosts, names, links and
 * redirects resolved as a browser resolves them, fragments. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "url.h"
#include "util.h"

/* Compares a result that may be NULL, naming the case when it fails. */
static void
expect(const char *what, const char *got, const char *want)
{
	if (want == NULL && got != NULL)
		fail_msg("%s: got \"%s\", want NULL", what, got);
	if (want != NULL && got == NULL)
		fail_msg("%s: got NULL, want \"%s\"", what, want);
	if (want != NULL && strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", what, got, want);
}

static void
test_is_web(void **state)
{
	static const struct {
		const char	*s;
		int		 web;
	} cases[] = {
		{ "http://example.org/", 1 },
		{ "https://example.org/essay", 1 },
		{ "HTTPS://EXAMPLE.ORG/", 1 },
		{ "http://[::1]:8080/x", 1 },
		{ "https:example.org", 0 },
		{ "http:/x", 0 },
		{ "ftp://example.org/", 0 },
		{ "file:///etc/passwd", 0 },
		{ "httpx://example.org/", 0 },
		{ " https://example.org/", 0 },
		{ "/tmp/essay.html", 0 },
		{ "notes:1.html", 0 },
		{ "-", 0 },
		{ "", 0 },
	};
	size_t	i;

	for (i = 0; i < nitems(cases); i++) {
		if (!url_is_web(cases[i].s) != !cases[i].web)
			fail_msg("%s: want %d", cases[i].s, cases[i].web);
	}
	assert_false(url_is_web(NULL));
}

static void
test_scheme_len(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
	} cases[] = {
		{ "https://example.org/", 5 },
		{ "HTTP://example.org/", 4 },
		{ "mailto:reader@example.org", 6 },
		{ "svn+ssh://example.org/r", 7 },
		{ "x-app.v2:open", 8 },
		{ "notes:1.html", 5 },
		{ "c:\\films\\essay.html", 1 },
		{ "2http://x", 0 },
		{ "+x:y", 0 },
		{ ":x", 0 },
		{ "essay.html", 0 },
		{ "/tmp/a:b", 0 },
		{ "a b:c", 0 },
		{ "-", 0 },
		{ "", 0 },
	};
	size_t	i;

	for (i = 0; i < nitems(cases); i++) {
		if (url_scheme_len(cases[i].s) != cases[i].len)
			fail_msg("%s: %zu, want %zu", cases[i].s,
			    url_scheme_len(cases[i].s), cases[i].len);
	}
}

static void
test_name(void **state)
{
	static const char	*same[] = {
		"/tmp/x.html", "https://example.org/-", "--", "./-", "",
	};
	size_t			 i;

	assert_string_equal(url_name("-"), "standard input");
	for (i = 0; i < nitems(same); i++)
		assert_ptr_equal(url_name(same[i]), same[i]);
}

static void
test_host(void **state)
{
	static const struct {
		const char	*url;
		const char	*host;		/* NULL: none */
	} cases[] = {
		{ "https://example.org/essay", "example.org" },
		{ "https://user:pw@Example.ORG:8080/x?y#z", "example.org" },
		{ "https://user@example.org/x", "example.org" },
		{ "HTTP://WWW.Example.COM", "www.example.com" },
		{ "http://example.org:80", "example.org" },
		{ "http://[::1]/x", "[::1]" },
		{ "http://[FE80::1]:8080/x", "[fe80::1]" },
		{ "http://127.0.0.1:8080/", "127.0.0.1" },
		{ "gopher://h/x", "h" },
		/* An IDN host as it was written, or escaped. */
		{ "https://b\xc3\xbc" "cher.example/x", "b\xc3\xbc" "cher.example" },
		{ "https://B%C3%BC" "cher.example/x", "b\xc3\xbc" "cher.example" },
		{ "https://xn--bcher-kva.example/", "xn--bcher-kva.example" },
		{ "https://\xe4\xbe\x8b\xe3\x81\x88.jp/", "\xe4\xbe\x8b\xe3\x81\x88.jp" },
		/* No host a reader could be sent to. */
		{ "http://exa mple.org/", NULL },
		{ "http://exa%20mple.org/", NULL },
		{ "http://%1b.example/", NULL },
		{ "http://h%00x.example/", NULL },
		{ "http://%ff.example/", NULL },
		{ "http:///x", NULL },
		{ "http://", NULL },
		{ "http://example.org:port/", NULL },
		{ "file:///etc/passwd", NULL },
		{ "mailto:reader@example.org", NULL },
		{ "//example.org/x", NULL },
		{ "/tmp/x.html", NULL },
		{ "essays/a.html", NULL },
		{ "notes:1.html", NULL },
		{ "-", NULL },
		{ "", NULL },
	};
	size_t	 i;
	char	*host;

	for (i = 0; i < nitems(cases); i++) {
		host = url_host(cases[i].url);
		expect(cases[i].url, host, cases[i].host);
		free(host);
	}
}

/* Links of a page from the web, resolved as a browser resolves them;
 * only what reel or a browser could follow is kept. */
static void
test_resolve_web(void **state)
{
	static const char	*base = "https://example.org/essays/a/b.html";
	static const struct {
		const char	*href;
		const char	*url;		/* NULL: no link */
	} cases[] = {
		{ "c.html", "https://example.org/essays/a/c.html" },
		{ "./c.html", "https://example.org/essays/a/c.html" },
		{ "../c.html", "https://example.org/essays/c.html" },
		{ "../../../../c.html", "https://example.org/c.html" },
		{ ".", "https://example.org/essays/a/" },
		{ "..", "https://example.org/essays/" },
		{ "/archive/2020/", "https://example.org/archive/2020/" },
		{ "c.html?a=1&b=2#f", "https://example.org/essays/a/c.html"
		  "?a=1&b=2#f" },
		/* The page itself, with another query or a fragment. */
		{ "?page=2", "https://example.org/essays/a/b.html?page=2" },
		{ "#notes", "https://example.org/essays/a/b.html#notes" },
		/* Protocol-relative: the page's scheme. */
		{ "//cdn.example.net/i.png", "https://cdn.example.net/i.png" },
		/* A backslash is a slash in a web URL. */
		{ "a\\b\\c.html", "https://example.org/essays/a/a/b/c.html" },
		{ "https:\\\\example.net\\x", "https://example.net/x" },
		/* Spaces, non-ASCII, stray '%' and a second '#' escaped;
		 * controls and spaces at the ends and newlines inside go. */
		{ "my page.html", "https://example.org/essays/a/my%20page.html" },
		{ "caf\xc3\xa9.html", "https://example.org/essays/a/"
		  "caf%C3%A9.html" },
		{ "x y#a b#c", "https://example.org/essays/a/x%20y#a%20b%23c" },
		{ "100%.html?q=50%25", "https://example.org/essays/a/"
		  "100%25.html?q=50%25" },
		{ "\t a\nb.html \r\n", "https://example.org/essays/a/ab.html" },
		{ "http://[::1]:8080/x y", "http://[::1]:8080/x%20y" },
		/* An IDN host keeps its letters (libcurl looks it up through
		 * IDNA); its path is escaped as any. */
		{ "http://www.\xe8\xa9\xb9\xe5\xa7\x86\xe6\x96\xaf.com/caf"
		  "\xc3\xa9", "http://www.\xe8\xa9\xb9\xe5\xa7\x86\xe6\x96\xaf"
		  ".com/caf%C3%A9" },
		{ "//b\xc3\xbc" "cher.example/x", "https://b\xc3\xbc" "cher.example/x" },
		/* Escapes of ASCII or bytes that make no UTF-8 stay. */
		{ "http://a%2Eb.example/", "http://a%2Eb.example/" },
		{ "http://a\xff.example/", "http://a%FF.example/" },
		/* An absolute URL stays as it is written. */
		{ "HTTPS://Example.ORG/A", "HTTPS://Example.ORG/A" },
		{ "MAILTO:reader@example.org", "MAILTO:reader@example.org" },
		/* Nothing to follow. */
		{ "", NULL },
		{ " \t\n", NULL },
		{ "JavaScript:alert(1)", NULL },
		{ " javascript:alert(1)", NULL },
		{ "java\nscript:alert(1)", NULL },
		{ "data:text/html,<p>hi", NULL },
		{ "file:///etc/passwd", NULL },
		{ "ftp://example.org/f", NULL },
		{ "tel:+4930123", NULL },
		{ "x:secret.txt", NULL },
		{ "https:no-host", NULL },
		{ "http:///example.com/", NULL },
		{ "http://exa mple.org:port/", NULL },
	};
	size_t	 i;
	char	*url;

	for (i = 0; i < nitems(cases); i++) {
		url = url_resolve(cases[i].href, base);
		expect(cases[i].href, url, cases[i].url);
		free(url);
	}
	assert_null(url_resolve(NULL, base));
	/* A web base libxml2 cannot parse (a raw byte in its host, from a
	 * feed's xml:base; found by fuzz_feed): a relative link resolves
	 * to nothing, never to a local path. */
	assert_null(url_resolve("javascript*alert(1)",
	    "http://e\xe5xample.com/"));
	assert_null(url_resolve("../../etc/passwd",
	    "http://e\xe5xample.com/a/b/"));
	/* A base with a bracket libxml2 cannot parse and raw bytes after
	 * it, a newline among them: nothing of it is copied (fuzz_url). */
	assert_null(url_resolve("/\xe4",
	    "htTp://[m:\\@htT/\xe4\nhtTp://[m:\\@htp://@]/"));
	/* A raw C1 control after a user name: the host is "g" and U+009E. */
	assert_null(url_resolve("https://u%BC@g\xc2\x9e", base));
	/* A network-path reference whose host is no UTF-8 (fuzz_url). */
	assert_null(url_resolve("//hos\xff\xfft/path", base));
	/* Brackets that hold no IPv6 address name no host (fuzz_opml). */
	assert_null(url_resolve("\\/[>", base));
	assert_null(url_resolve("//ex[a]mple.org/", base));
	/* Nor controls or "^" ("%13" unescaped by libxml2; fuzz_url). */
	assert_null(url_resolve("//ri\x13^ja/x", base));
	assert_null(url_resolve("//ri%13ja/x", base));
	assert_null(url_resolve("//ho\"\"st/x", base));
	assert_null(url_resolve("//\xcf\x99%(0", base));
	/* Nor a C1 or bidi control (fuzz_url). */
	assert_null(url_resolve("//)\xc2\x99*", base));
	assert_null(url_resolve("//a\xe2\x80\xae" "b.example/", base));
	/* An escaped '@' (or any ASCII byte) in the authority: libxml2
	 * would unescape it and make another host of it (fuzz_url). */
	assert_null(url_resolve("//evil.example%40good.example/", base));
	assert_null(url_resolve("https://a%3a1@b.example/", base));
	url = url_resolve("//%E8%A9%B9.example/", base);
	expect("an IDN host", url, "https://\xe8\xa9\xb9.example/");
	free(url);
	url = url_resolve("//[::1]:8080/x", base);
	expect("an IPv6 host", url, "https://[::1]:8080/x");
	free(url);
	/* Brackets elsewhere are escaped whichever way the URL was made,
	 * so that it is written one way (fuzz_url). */
	url = url_resolve("x[1]#a[b]", "https://a.example/");
	expect("brackets resolved", url, "https://a.example/x%5B1%5D#a%5Bb%5D");
	free(url);
	url = url_absolute("https://a.example/x[1]#a[b]", NULL);
	expect("brackets absolute", url,
	    "https://a.example/x%5B1%5D#a%5Bb%5D");
	free(url);
	/* The base is escaped as the reference is: none of its controls
	 * stays (fuzz_url). */
	assert_null(url_resolve("'/hoh", "http://[::1ane@elertht/#%%th\n"
	    "%a]/"));
	/* A base's user name of escapes is refused as a reference's is. */
	assert_null(url_resolve("x", "http://[::1\x88" "ape@ea%00]/"));
	/* An escaped C1 control is no more a host's than a raw one. */
	assert_null(url_absolute("https://u@%C2%90/x", NULL));
	assert_null(url_absolute("https://e\xff" "xt@\xc2\x90/e", NULL));
	url = url_resolve("x", "http://a.example/b c\x1b[2J/");
	expect("a base with a space and an escape", url,
	    "http://a.example/b%20c%1B%5B2J/x");
	free(url);
}

/* Links of a page read from a file (or standard input, "-", or with no
 * name at all) are paths, as a browser opens file URLs. */
static void
test_resolve_file(void **state)
{
	static const struct {
		const char	*base;		/* NULL: none */
		const char	*href;
		const char	*url;		/* NULL: no link */
	} cases[] = {
		{ "essays/a b.html", "c.html", "essays/c.html" },
		{ "essays/a b.html", "../c.html", "c.html" },
		/* The fragment stays, as written: where the link leads. */
		{ "essays/a b.html", "my%20notes.html#part-2",
		  "essays/my notes.html#part-2" },
		{ "essays/a b.html", "../img/../index.html?x=1", "index.html" },
		{ "essays/a b.html", "#top", "essays/a b.html#top" },
		{ "essays/a b.html", "#", "essays/a b.html" },
		{ "essays/a b.html", "#a b", "essays/a b.html" },
		{ "essays/a b.html", "?x=1", "essays/a b.html" },
		{ "essays/a b.html", "-", "essays/-" },
		{ "essays/a b.html", "./notes:1.html", "essays/notes:1.html" },
		{ "essays/a b.html", "../../x.html", "../x.html" },
		{ "/srv/film/index.html", "../c.html", "/srv/c.html" },
		{ "/srv/film/index.html", "../../../..", "/" },
		{ "/srv/film/index.html", "/etc/motd", "/etc/motd" },
		{ "/srv/film/index.html", "https://example.org/x",
		  "https://example.org/x" },
		/* Beside a file in the current directory: what would read as
		 * an option, standard input or a URL starts with "./". */
		{ "a.html", "-", "./-" },
		{ "a.html", "-v.html", "./-v.html" },
		{ "a.html", "notes%3A1.html", "./notes:1.html" },
		{ "a.html", ".", "./" },
		{ "a.html", "../c.html", "../c.html" },
		/* "-" as base: standard input, which has no directory and
		 * is no file to come back to. */
		{ "-", "c.html", "c.html" },
		{ "-", "-", "./-" },
		{ "-", "#top", NULL },
		{ "-", "?x", NULL },
		{ NULL, "c.html", "c.html" },
		{ NULL, "#top", NULL },
		/* Nothing a file may link to. */
		{ "essays/a b.html", "//cdn.example.org/x", NULL },
		{ "essays/a b.html", "bad%00name.html", NULL },
		{ "essays/a b.html", "bad%1bname.html", NULL },
		{ "essays/a b.html", "file:///etc/passwd", NULL },
		{ "essays/a b.html", "notes:1.html", NULL },
		{ "essays/a b.html", "javascript:alert(1)", NULL },
	};
	size_t	 i;
	char	*url, *what;

	for (i = 0; i < nitems(cases); i++) {
		url = url_resolve(cases[i].href, cases[i].base);
		what = xprintf("%s against %s", cases[i].href,
		    cases[i].base != NULL ? cases[i].base : "NULL");
		expect(what, url, cases[i].url);
		free(what);
		free(url);
	}
}

/* <base href>: resolved against the page's URL first, then the links
 * against it, as the extractor does. */
static void
test_resolve_base_href(void **state)
{
	static const struct {
		const char	*page;
		const char	*base;
		const char	*base_url;	/* NULL: not usable */
		const char	*href;
		const char	*url;
	} cases[] = {
		{ "https://example.org/essays/a/b.html", "/archive/2020/",
		  "https://example.org/archive/2020/", "rope.html",
		  "https://example.org/archive/2020/rope.html" },
		{ "https://example.org/a.html", "//cdn.example.net/s/",
		  "https://cdn.example.net/s/", "../i.png",
		  "https://cdn.example.net/i.png" },
		{ "https://example.org/a/b.html",
		  "https://other.example/base/x.html?q#f",
		  "https://other.example/base/x.html?q#f", "c.html",
		  "https://other.example/base/c.html" },
		{ "https://example.org/a/b.html", "static/",
		  "https://example.org/a/static/", "#f",
		  "https://example.org/a/static/#f" },
		{ "essays/a.html", "../notes/", "notes/", "x.html",
		  "notes/x.html" },
		{ "/srv/essays/a.html", "/srv/notes/", "/srv/notes/",
		  "x.html", "/srv/notes/x.html" },
		/* A base of another scheme is not one. */
		{ "https://example.org/a/b.html", "file:///etc/", NULL,
		  NULL, NULL },
		{ "https://example.org/a/b.html", "javascript:void(0)/", NULL,
		  NULL, NULL },
		{ "https://example.org/a/b.html", "", NULL, NULL, NULL },
	};
	size_t	 i;
	char	*base, *url;

	for (i = 0; i < nitems(cases); i++) {
		base = url_resolve(cases[i].base, cases[i].page);
		expect(cases[i].base, base, cases[i].base_url);
		if (base != NULL) {
			url = url_resolve(cases[i].href, base);
			expect(cases[i].href, url, cases[i].url);
			free(url);
		}
		free(base);
	}
}

/* A redirect's Location against the URL that sent it: any scheme comes
 * back for the caller to refuse, and a web URL as a request names it. */
static void
test_absolute(void **state)
{
#define CUR	"http://127.0.0.1:8080/dir/chain3"
	static const struct {
		const char	*href;
		const char	*base;		/* NULL: none */
		const char	*url;		/* NULL: none */
	} cases[] = {
		{ "chain2", CUR, "http://127.0.0.1:8080/dir/chain2" },
		{ "/dir/final.html?from=chain", CUR,
		  "http://127.0.0.1:8080/dir/final.html?from=chain" },
		{ "/self#again", CUR, "http://127.0.0.1:8080/self#again" },
		{ "../dir/caf\xc3\xa9 page.html?q=a b#top", CUR,
		  "http://127.0.0.1:8080/dir/caf%C3%A9%20page.html?q=a%20b"
		  "#top" },
		{ "//other.example", CUR, "http://other.example/" },
		{ "https://h\\x\\y", CUR, "https://h/x/y" },
		{ "HTTPS://Example.ORG", CUR, "https://Example.ORG/" },
		{ "https://example.org?q#f", CUR, "https://example.org/?q#f" },
		{ "ftp://127.0.0.1/pub/file.html", CUR,
		  "ftp://127.0.0.1/pub/file.html" },
		{ "file:///etc/passwd", CUR, "file:///etc/passwd" },
		{ "mailto:reader@example.org", CUR,
		  "mailto:reader@example.org" },
		{ "http://exa mple.org/", CUR, NULL },
		{ "http:no-host", CUR, NULL },
		{ "", CUR, NULL },
		{ " \r\n", CUR, NULL },
		/* A URL given on its own. */
		{ "http://127.0.0.1:8080", NULL, "http://127.0.0.1:8080/" },
		{ "https://de.wikipedia.org/wiki/Caf\xc3\xa9", NULL,
		  "https://de.wikipedia.org/wiki/Caf%C3%A9" },
		/* An IDN host as written: libcurl looks it up by IDNA. */
		{ "https://b\xc3\xbc" "cher.example/", NULL,
		  "https://b\xc3\xbc" "cher.example/" },
		{ "HTTP://h?x", NULL, "http://h/?x" },
		{ "x.html", NULL, NULL },
		{ "x.html", "/tmp/a.html", NULL },
		{ "/x", NULL, NULL },
	};
#undef CUR
	size_t	 i;
	char	*url;

	for (i = 0; i < nitems(cases); i++) {
		url = url_absolute(cases[i].href, cases[i].base);
		expect(cases[i].href, url, cases[i].url);
		free(url);
	}
}

static void
test_fragment(void **state)
{
	static const struct {
		const char	*url;
		const char	*bare;		/* NULL: not an absolute URL */
		const char	*fragment;	/* NULL: none */
	} cases[] = {
		{ "https://example.org/x#notes", "https://example.org/x",
		  "notes" },
		{ "https://example.org/x?q=1#", "https://example.org/x?q=1",
		  "" },
		{ "https://example.org/x", "https://example.org/x", NULL },
		{ "https://example.org/x#a%23b", "https://example.org/x",
		  "a%23b" },
		{ "mailto:reader@example.org", "mailto:reader@example.org",
		  NULL },
		{ "http://exa mple.org/#x", NULL, "x" },
		{ "http://example.org/x#a#b", NULL, "a#b" },
		{ "/tmp/essay.html#top", NULL, "top" },
		{ "essay.html", NULL, NULL },
		{ "#top", NULL, "top" },
		{ "", NULL, NULL },
	};
	static const char	*notes = "https://example.org/x#notes";
	size_t			 i;
	char			*bare;

	for (i = 0; i < nitems(cases); i++) {
		bare = url_strip_fragment(cases[i].url);
		expect(cases[i].url, bare, cases[i].bare);
		free(bare);
		expect(cases[i].url, url_fragment(cases[i].url),
		    cases[i].fragment);
	}
	/* A pointer into the URL. */
	assert_ptr_equal(url_fragment(notes), notes + 22);
}

/* file: URLs given to reel are local files; a local file handed to a
 * browser is a file: URL. */
static void
test_file_urls(void **state)
{
	static const struct {
		const char	*url;
		const char	*path;
	} cases[] = {
		{ "file:///tmp/essay.html", "/tmp/essay.html" },
		{ "FILE:///tmp/essay.html#fn1", "/tmp/essay.html" },
		{ "file://localhost/tmp/a%20b.html?x=1", "/tmp/a b.html" },
		{ "file:///tmp/caf%C3%A9.txt", "/tmp/caf\xc3\xa9.txt" },
		{ "file://example.org/tmp/x.html", NULL },
		{ "file:/tmp/x.html", NULL },
		{ "file:///tmp/x%00.html", NULL },
		{ "https://example.org/x", NULL },
		{ "/tmp/x.html", NULL },
	};
	char	*got, *cwd, *want;
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = url_file_path(cases[i].url);
		if (cases[i].path == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].path);
		free(got);
	}
	got = url_from_path("/no/such/dir/a b#fn1");
	assert_string_equal(got, "file:///no/such/dir/a%20b#fn1");
	free(got);
	got = url_from_path("/no/such/caf\xc3\xa9.html");
	assert_string_equal(got, "file:///no/such/caf%C3%A9.html");
	/* And back. */
	want = url_file_path(got);
	assert_string_equal(want, "/no/such/caf\xc3\xa9.html");
	free(want);
	free(got);
	/* A relative name is made absolute. */
	cwd = getcwd(NULL, 0);
	assert_non_null(cwd);
	got = url_from_path("no-such-notes.html");
	want = xprintf("file://%s/no-such-notes.html", cwd);
	assert_string_equal(got, want);
	free(want);
	free(got);
	free(cwd);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_is_web),
		cmocka_unit_test(test_scheme_len),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_resolve_web),
		cmocka_unit_test(test_resolve_file),
		cmocka_unit_test(test_resolve_base_href),
		cmocka_unit_test(test_absolute),
		cmocka_unit_test(test_fragment),
		cmocka_unit_test(test_file_urls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
