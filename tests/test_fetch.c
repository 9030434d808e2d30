/* test_fetch.c: the fetch API against tests/httpd.py, a real HTTP server
 * on 127.0.0.1 that the test starts and stops, and against local files. */
#include <config.h>

#include <ftw.h>

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "curl_dl.h"
#include "fetch.h"
#include "url.h"
#include "util.h"

#include "testhome.h"
#include "testserver.h"

static char	 tmpdir[] = "/tmp/reel-test-fetch.XXXXXX";

static int
server_start(void **state)
{
	char	*init_cause = NULL;

	if (testhome_enter("fetch") == NULL)
		return -1;
	if (fetch_global_init(&init_cause) != 0) {
		fprintf(stderr, "%s\n", init_cause);
		free(init_cause);
		return -1;
	}
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	return testserver_start(60, NULL);
}

/* Removes one entry of the test's directory, deepest first. */
static int
server_unlink(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	return remove(path);
}

static int
server_stop(void **state)
{
	testserver_stop();
	if (nftw(tmpdir, server_unlink, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "cannot remove %s\n", tmpdir);
	fetch_global_cleanup();
	return testhome_leave();
}

static char *
url(const char *path)
{
	return testserver_url(path);
}

/* Fetches base + path with o (or the defaults). Returns the status. */
static int
get(const char *path, const struct fetch_opts *o, struct fetch_result *r,
    char **cause)
{
	struct fetch_opts	 def;
	char			*u = url(path);
	int			 rc;

	if (o == NULL) {
		fetch_opts_default(&def);
		o = &def;
	}
	*cause = NULL;
	rc = fetch(u, o, r, cause);
	free(u);
	return rc;
}

/* Expects fetching path to fail with status want and the message
 * "<base><path>: <reason>". */
static void
expect_error(const char *path, const struct fetch_opts *o, int want,
    const char *reason)
{
	struct fetch_result	 r;
	char			*cause, *msg;

	print_message("%s\n", path);
	assert_int_equal(get(path, o, &r, &cause), want);
	assert_non_null(cause);
	msg = xprintf("%s%s: %s", testserver_base(), path, reason);
	assert_string_equal(cause, msg);
	assert_null(r.data);
	assert_null(r.url);
	free(msg);
	free(cause);
}

static void
test_page(void **state)
{
	struct fetch_result	 r;
	char			*cause, *u = url("/page");

	assert_int_equal(get("/page", NULL, &r, &cause), 0);
	assert_null(cause);
	assert_string_equal(r.url, u);
	assert_string_equal(r.type, "text/html");
	assert_string_equal(r.charset, "utf-8");
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.data, "The first paragraph of a page"));
	assert_int_equal(r.len, strlen(r.data));
	fetch_result_free(&r);
	assert_null(r.data);
	free(u);
}

/* The final URL is where relative links resolve from. */
static void
test_redirect_chain(void **state)
{
	struct fetch_result	 r;
	char			*cause, *want, *next;

	assert_int_equal(get("/chain1", NULL, &r, &cause), 0);
	want = url("/dir/final.html?from=chain");
	assert_string_equal(r.url, want);
	assert_non_null(strstr(r.data, "The end of the chain."));
	free(want);
	next = url_resolve("next.html", r.url);
	want = url("/dir/next.html");
	assert_string_equal(next, want);
	free(next);
	free(want);
	fetch_result_free(&r);

	/* A Location as servers write it: relative, with "..", a space and
	 * UTF-8 bytes; followed as a browser follows it. */
	assert_int_equal(get("/to-odd", NULL, &r, &cause), 0);
	want = url("/dir/caf%C3%A9%20page.html?q=a%20b#top");
	assert_string_equal(r.url, want);
	assert_non_null(strstr(r.data, "The first paragraph of a page"));
	free(want);
	fetch_result_free(&r);
}

static void
test_redirect_errors(void **state)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*reason, *cause;

	/* a -> b -> a: the message names the URL that closes the loop. */
	assert_int_equal(get("/loop/a", NULL, &r, &cause), REEL_EXIT_HTTP);
	reason = xprintf("%s/loop/b: redirect loop (back to %s/loop/a)",
	    testserver_base(), testserver_base());
	assert_string_equal(cause, reason);
	free(reason);
	free(cause);
	reason = xprintf("redirect loop (back to %s/self#again)", testserver_base());
	expect_error("/self", NULL, REEL_EXIT_HTTP, reason);
	free(reason);
	expect_error("/many/0", NULL, REEL_EXIT_HTTP,
	    "too many redirects (more than 10)");
	fetch_opts_default(&o);
	o.max_redirects = 2;
	expect_error("/chain1", &o, REEL_EXIT_HTTP,
	    "too many redirects (more than 2)");
	o.max_redirects = 0;
	expect_error("/chain1", &o, REEL_EXIT_HTTP,
	    "too many redirects (more than 0)");
	expect_error("/to-ftp", NULL, REEL_EXIT_CONTENT,
	    "redirect to an unsupported URL scheme: "
	    "ftp://127.0.0.1/pub/file.html");
	expect_error("/to-file", NULL, REEL_EXIT_CONTENT,
	    "redirect to an unsupported URL scheme: file:///etc/passwd");
	/* An empty Location leads nowhere: the status is the error. */
	expect_error("/to-nowhere", NULL, REEL_EXIT_HTTP, "HTTP 302 Found");
}

static void
test_http_errors(void **state)
{
	expect_error("/status/404", NULL, REEL_EXIT_HTTP,
	    "HTTP 404 Not Found");
	expect_error("/status/500", NULL, REEL_EXIT_HTTP,
	    "HTTP 500 Internal Kaboom");
	/* The server's ESC and BEL come out as Control Pictures. */
	expect_error("/status/502", NULL, REEL_EXIT_HTTP,
	    "HTTP 502 Bad\xe2\x90\x9b[31m Gateway\xe2\x90\x87");
	/* No reason phrase: the standard one. */
	expect_error("/status/410/none", NULL, REEL_EXIT_HTTP, "HTTP 410 Gone");
}

static void
test_content_type(void **state)
{
	static const struct {
		const char	*in;
		const char	*type;
		const char	*charset;
	} t[] = {
		{ "text/html; charset=\"ISO-8859-1\"", "text/html",
		  "iso-8859-1" },
		{ "Text/HTML;Charset=UTF-8", "text/html", "utf-8" },
		{ "  application/xhtml+xml ; charset=utf-8 ",
		  "application/xhtml+xml", "utf-8" },
		{ "text/html; foo=bar; charset=koi8-r", "text/html", "koi8-r" },
		{ "text/html; foo=\"a;b\"; charset=koi8-r", "text/html",
		  "koi8-r" },
		{ "text/html; charset=\"utf\\-8\"", "text/html", "utf-8" },
		{ "text/plain; charset=us-ascii; charset=utf-8", "text/plain",
		  "us-ascii" },
		{ "text/html", "text/html", NULL },
		{ "text/html;", "text/html", NULL },
		{ "text/html; charset=", "text/html", NULL },
		{ "text/html; charset=\"a b\"", "text/html", NULL },
		{ "text/html; charset=\"unterminated", "text/html", NULL },
		{ "text/html; charset=\"\x1b[2J\"", "text/html", NULL },
		{ "texthtml", NULL, NULL },
		{ "text/html x", NULL, NULL },
		{ "text/", NULL, NULL },
		{ "", NULL, NULL },
		{ NULL, NULL, NULL },
	};
	char	*type, *charset;
	size_t	 i;

	for (i = 0; i < nitems(t); i++) {
		print_message("'%s'\n", t[i].in != NULL ? t[i].in : "(null)");
		fetch_content_type(t[i].in, &type, &charset);
		if (t[i].type == NULL)
			assert_null(type);
		else
			assert_string_equal(type, t[i].type);
		if (t[i].charset == NULL)
			assert_null(charset);
		else
			assert_string_equal(charset, t[i].charset);
		free(type);
		free(charset);
	}
}

/* The same parsing on a real response. */
static void
test_quoted_charset(void **state)
{
	struct fetch_result	 r;
	char			*cause;

	assert_int_equal(get("/quoted-charset", NULL, &r, &cause), 0);
	assert_string_equal(r.type, "text/html");
	assert_string_equal(r.charset, "iso-8859-1");
	assert_string_equal(r.data, "<p>caf\xe9</p>");
	fetch_result_free(&r);
}

static void
test_size_limit(void **state)
{
	static const char	*routes[] = { "/size/5000", "/chunked/5000" };
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*cause;
	size_t			 i;

	fetch_opts_default(&o);
	for (i = 0; i < nitems(routes); i++) {
		o.max_size = 5000;
		assert_int_equal(get(routes[i], &o, &r, &cause), 0);
		assert_int_equal(r.len, 5000);
		assert_int_equal(strlen(r.data), 5000);
		fetch_result_free(&r);
		o.max_size = 4999;
		expect_error(routes[i], &o, REEL_EXIT_CONTENT,
		    "larger than the limit of 4999 bytes");
	}
	o.max_size = 1024 * 1024;
	expect_error("/bomb", &o, REEL_EXIT_CONTENT,
	    "larger than the limit of 1048576 bytes");
}

static void
test_compression(void **state)
{
	struct fetch_result	 r;
	char			*cause;

	assert_int_equal(get("/gzip", NULL, &r, &cause), 0);
	assert_string_equal(r.data,
	    "<html><body><p>A gzipped page.</p></body></html>");
	fetch_result_free(&r);
	assert_int_equal(get("/deflate", NULL, &r, &cause), 0);
	assert_string_equal(r.data,
	    "<html><body><p>A deflated page.</p></body></html>");
	fetch_result_free(&r);
}

static void
test_types(void **state)
{
	struct fetch_result	 r;
	char			*cause;

	expect_error("/pdf", NULL, REEL_EXIT_CONTENT,
	    "not an HTML page: a PDF document (application/pdf)");
	expect_error("/png", NULL, REEL_EXIT_CONTENT,
	    "not an HTML page: an image (image/png)");
	expect_error("/notype-pdf", NULL, REEL_EXIT_CONTENT,
	    "not an HTML page: a PDF document (application/pdf)");
	expect_error("/html-pdf", NULL, REEL_EXIT_CONTENT,
	    "not an HTML page: a PDF document (application/pdf)");
	expect_error("/octet-png", NULL, REEL_EXIT_CONTENT,
	    "not an HTML page: an image (image/png)");
	expect_error("/json", NULL, REEL_EXIT_CONTENT,
	    "not an HTML page: JSON data (application/json)");
	assert_int_equal(get("/notype-html", NULL, &r, &cause), 0);
	assert_string_equal(r.type, "text/html");
	assert_null(r.charset);
	fetch_result_free(&r);
	/* HTML is told before binary bytes are looked for, as the MIME
	 * Sniffing standard orders it: a bell does not make a page binary. */
	assert_int_equal(get("/notype-html-bell", NULL, &r, &cause), 0);
	assert_string_equal(r.type, "text/html");
	fetch_result_free(&r);
	expect_error("/notype-bell", NULL, REEL_EXIT_CONTENT,
	    "not an HTML page: binary data (application/octet-stream)");
	assert_int_equal(get("/text", NULL, &r, &cause), 0);
	assert_string_equal(r.type, "text/plain");
	assert_string_equal(r.charset, "us-ascii");
	fetch_result_free(&r);
}

static int
cancel_at_once(void *arg, size_t now, size_t total)
{
	(*(int *)arg)++;
	return 1;
}

/* Counts *arg down and cancels when it reaches 0. */
static int
cancel_after(void *arg, size_t now, size_t total)
{
	return --*(int *)arg <= 0;
}

static int
count_calls(void *arg, size_t now, size_t total)
{
	(*(int *)arg)++;
	return 0;
}

static void
test_progress(void **state)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	int			 calls = 0;
	char			*cause;

	fetch_opts_default(&o);
	o.progress = count_calls;
	o.arg = &calls;
	assert_int_equal(get("/size/100000", &o, &r, &cause), 0);
	assert_int_equal(r.len, 100000);
	assert_true(calls > 0);
	fetch_result_free(&r);
	calls = 0;
	o.progress = cancel_at_once;
	expect_error("/size/100000", &o, REEL_EXIT_FAILURE, "cancelled");
	assert_int_equal(calls, 1);
}

/* A port nobody listens on: bound, then closed. */
static int
unused_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof sin;
	int			s;

	assert_true((s = socket(AF_INET, SOCK_STREAM, 0)) != -1);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sin, sizeof sin), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sin, &len), 0);
	close(s);
	return ntohs(sin.sin_port);
}

static void
test_network_errors(void **state)
{
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*cause, *u, *want;

	fetch_opts_default(&o);
	o.connect_timeout = 5;
	assert_int_equal(fetch("http://no-such-host.invalid/x", &o, &r,
	    &cause), REEL_EXIT_NETWORK);
	assert_string_equal(cause, "http://no-such-host.invalid/x: "
	    "cannot resolve host no-such-host.invalid");
	free(cause);
	o.stall_time = 1;
	expect_error("/stall", &o, REEL_EXIT_NETWORK,
	    "transfer stalled for 1 second");
	o.stall_time = 0;
	o.timeout = 1;
	expect_error("/stall", &o, REEL_EXIT_NETWORK,
	    "timed out after 1 second");
	o.timeout = 10;
	o.connect_timeout = 1;
	u = xprintf("http://127.0.0.1:%d/", testserver_hole_port());
	assert_int_equal(fetch(u, &o, &r, &cause), REEL_EXIT_NETWORK);
	want = xprintf("%s: connection timed out after 1 second", u);
	assert_string_equal(cause, want);
	free(want);
	free(u);
	free(cause);
	u = xprintf("http://127.0.0.1:%d/", unused_port());
	assert_int_equal(fetch(u, &o, &r, &cause), REEL_EXIT_NETWORK);
	want = xprintf("%s: connection refused", u);
	assert_string_equal(cause, want);
	free(want);
	free(u);
	free(cause);
}

static void
test_schemes(void **state)
{
	static const char	*urls[] = {
		"ftp://example.org/x", "file:///etc/passwd", "gopher://x/",
		"FILE:///etc/passwd", "data:text/html,<p>x",
	};
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*cause, *want;
	size_t			 i;

	fetch_opts_default(&o);
	for (i = 0; i < nitems(urls); i++) {
		print_message("%s\n", urls[i]);
		assert_int_equal(fetch(urls[i], &o, &r, &cause),
		    REEL_EXIT_CONTENT);
		want = xprintf("%s: unsupported URL scheme (reel reads http "
		    "and https)", urls[i]);
		assert_string_equal(cause, want);
		free(want);
		free(cause);
	}
	assert_int_equal(fetch("http://exa mple.org/", &o, &r, &cause),
	    REEL_EXIT_USAGE);
	assert_string_equal(cause, "http://exa mple.org/: malformed URL");
	free(cause);
}

static char *
write_file(const char *name, const char *data, size_t len)
{
	char	*path = xprintf("%s/%s", tmpdir, name);
	FILE	*f;

	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

static void
test_local_files(void **state)
{
	static const char	 html[] = "<p>A local page.</p>\n";
	static const char	 pdf[] = "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n";
	static const char	 png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*path, *cause, *want;

	fetch_opts_default(&o);
	path = write_file("page.html", html, sizeof html - 1);
	assert_int_equal(fetch(path, &o, &r, &cause), 0);
	assert_string_equal(r.data, html);
	assert_int_equal(r.len, sizeof html - 1);
	assert_string_equal(r.url, path);
	assert_string_equal(r.type, "text/html");
	assert_null(r.charset);
	assert_int_equal(r.status, 0);
	fetch_result_free(&r);
	/* The limit holds for files too: exactly the limit passes. */
	o.max_size = sizeof html - 1;
	assert_int_equal(fetch(path, &o, &r, &cause), 0);
	fetch_result_free(&r);
	o.max_size = sizeof html - 2;
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_CONTENT);
	want = xprintf("%s: larger than the limit of %zu bytes", path,
	    sizeof html - 2);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
	fetch_opts_default(&o);

	path = write_file("essay.txt", "Plain words.\n", 13);
	assert_int_equal(fetch(path, &o, &r, &cause), 0);
	assert_string_equal(r.type, "text/plain");
	fetch_result_free(&r);
	free(path);

	/* Sniffed, whatever the name says. */
	path = write_file("paper.html", pdf, sizeof pdf - 1);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_CONTENT);
	want = xprintf("%s: not an HTML page: a PDF document "
	    "(application/pdf)", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
	path = write_file("picture.txt", png, sizeof png - 1);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_CONTENT);
	want = xprintf("%s: not an HTML page: an image (image/png)", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
	/* Bytes no text has, in a file that neither is named nor looks
	 * like HTML: binary data. */
	path = write_file("zeros", "\0\0\0\0\1\2\3", 7);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_CONTENT);
	want = xprintf("%s: not an HTML page: binary data "
	    "(application/octet-stream)", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
	/* ... and a text file with them is not text, as over HTTP. */
	path = write_file("bell.txt", "Ring \a.\n", 8);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_CONTENT);
	free(cause);
	free(path);

	/* A file whose name looks like a scheme is still a file. */
	path = xprintf("%s/notes:1.html", tmpdir);
	free(write_file("notes:1.html", html, sizeof html - 1));
	assert_int_equal(chdir(tmpdir), 0);
	assert_int_equal(fetch("notes:1.html", &o, &r, &cause), 0);
	assert_string_equal(r.data, html);
	fetch_result_free(&r);
	assert_int_equal(fetch("notes:2.html", &o, &r, &cause),
	    REEL_EXIT_CONTENT);
	free(cause);
	free(path);

	path = xprintf("%s/missing.html", tmpdir);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_FAILURE);
	want = xprintf("%s: No such file or directory", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);

	o.progress = cancel_at_once;
	o.arg = &(int){ 0 };
	path = write_file("page2.html", html, sizeof html - 1);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_FAILURE);
	want = xprintf("%s: cancelled", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
}

/* A page with a control byte in its first kilobyte is still the HTML it
 * is: named .html, .htm or .xhtml, or looking like HTML; the sanitizer
 * shows the byte. Only a real signature makes it something else. */
static void
test_control_bytes(void **state)
{
	static const char	*names[] = {
		"bell.html", "one.htm", "nul.XHTML", "unnamed", "page.txt.html",
	};
	static const char	 controls[] = { '\a', '\1', '\0', '\b', '\x1b' };
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			 page[256], *path, *cause, *want;
	size_t			 i, n;

	fetch_opts_default(&o);
	for (i = 0; i < nitems(names); i++) {
		n = (size_t)snprintf(page, sizeof page, "<!DOCTYPE html>"
		    "<html><body><p>A control byte: X here.</p></body></html>");
		*strchr(page, 'X') = controls[i];
		path = write_file(names[i], page, n);
		assert_int_equal(fetch(path, &o, &r, &cause), 0);
		assert_int_equal(r.len, n);
		assert_memory_equal(r.data, page, n);
		assert_string_equal(r.type, i == 2 ? "application/xhtml+xml" :
		    "text/html");
		fetch_result_free(&r);
		free(path);
	}
	/* No doctype, no <html>: the name alone says HTML. */
	path = write_file("plain.html", "Words \a and \1 more.", 19);
	assert_int_equal(fetch(path, &o, &r, &cause), 0);
	assert_string_equal(r.type, "text/html");
	fetch_result_free(&r);
	free(path);
	/* A signature wins over the name. */
	path = write_file("archive.html", "PK\3\4\24\0\0\0<html>", 14);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_CONTENT);
	want = xprintf("%s: not an HTML page: an archive (application/zip)",
	    path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
}

/* Only a regular file is read: a device or a FIFO would never end (or
 * never begin), and "-" is the way to read a pipe. */
static void
test_not_regular(void **state)
{
	static const char	*devices[] = { "/dev/null", "/dev/zero" };
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*path, *cause, *want;
	size_t			 i;
	int			 fd;

	fetch_opts_default(&o);
	o.max_size = 1000;
	/* A watchdog: reading a FIFO that nobody writes would hang. */
	alarm(20);
	for (i = 0; i < nitems(devices); i++) {
		assert_int_equal(fetch(devices[i], &o, &r, &cause),
		    REEL_EXIT_FAILURE);
		want = xprintf("%s: not a regular file (- reads standard "
		    "input)", devices[i]);
		assert_string_equal(cause, want);
		free(want);
		free(cause);
	}
	path = xprintf("%s/fifo", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	/* A writer that never writes, as a program still at work. */
	assert_true((fd = open(path, O_RDWR)) != -1);
	assert_int_equal(fetch(path, &o, &r, &cause), REEL_EXIT_FAILURE);
	want = xprintf("%s: not a regular file (- reads standard input)",
	    path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	close(fd);
	assert_int_equal(fetch(tmpdir, &o, &r, &cause), REEL_EXIT_FAILURE);
	want = xprintf("%s: Is a directory", tmpdir);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	alarm(0);
	unlink(path);
	free(path);
}

static void
on_tick(int sig)
{
}

/* Standard input that stays silent: the progress callback still runs,
 * also when a signal interrupts every wait, and can end it. */
static void
test_stdin_silent(void **state)
{
	struct sigaction	 sa, old;
	struct sigevent		 sev;
	struct itimerspec	 its;
	struct fetch_opts	 o;
	struct fetch_result	 r;
	timer_t			 timer;
	char			*cause;
	int			 fds[2], saved, calls = 5;

	fetch_opts_default(&o);
	o.progress = cancel_after;
	o.arg = &calls;
	assert_int_equal(pipe(fds), 0);
	assert_true((saved = dup(STDIN_FILENO)) != -1);
	assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	close(fds[0]);
	/* SIGUSR1 every 10 ms, caught without SA_RESTART as the pager
	 * catches its signals. SIGALRM is the watchdog: a wait that never
	 * gives the callback its turn ends the test. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_tick;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGUSR1, &sa, &old), 0);
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	assert_int_equal(timer_create(CLOCK_MONOTONIC, &sev, &timer), 0);
	memset(&its, 0, sizeof its);
	its.it_interval.tv_nsec = its.it_value.tv_nsec = 10000000;
	assert_int_equal(timer_settime(timer, 0, &its, NULL), 0);
	alarm(20);
	assert_int_equal(fetch("-", &o, &r, &cause), REEL_EXIT_FAILURE);
	alarm(0);
	assert_string_equal(cause, "standard input: cancelled");
	assert_int_equal(calls, 0);
	free(cause);
	assert_int_equal(timer_delete(timer), 0);
	assert_int_equal(sigaction(SIGUSR1, &old, NULL), 0);
	close(fds[1]);
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
}

static void
test_stdin(void **state)
{
	static const char	 html[] = "<p>From a pipe.</p>";
	struct fetch_opts	 o;
	struct fetch_result	 r;
	char			*cause;
	int			 fds[2], saved;

	fetch_opts_default(&o);
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], html, sizeof html - 1),
	    (ssize_t)(sizeof html - 1));
	close(fds[1]);
	assert_true((saved = dup(STDIN_FILENO)) != -1);
	assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	close(fds[0]);
	o.max_size = 10;
	assert_int_equal(fetch("-", &o, &r, &cause), REEL_EXIT_CONTENT);
	assert_string_equal(cause,
	    "standard input: larger than the limit of 10 bytes");
	free(cause);

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], html, sizeof html - 1),
	    (ssize_t)(sizeof html - 1));
	close(fds[1]);
	assert_int_equal(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
	close(fds[0]);
	o.max_size = sizeof html - 1;
	assert_int_equal(fetch("-", &o, &r, &cause), 0);
	assert_string_equal(r.data, html);
	assert_string_equal(r.url, "-");
	assert_string_equal(r.type, "text/html");
	fetch_result_free(&r);
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
}

/* Performs a transfer of base + path alone, as fetch() does. */
static int
xfer(const char *path, const char *etag, const char *modified,
    struct fetch_result *r, char **cause)
{
	struct fetch_opts	 o;
	struct fetch_xfer	*x;
	char			*u = url(path);
	int			 rc, again = 1;

	fetch_opts_default(&o);
	o.accept_xml = 1;
	rc = fetch_xfer_new(u, &o, etag, modified, &x, cause);
	free(u);
	if (rc != 0)
		return rc;
	while (rc == 0 && again)
		rc = fetch_xfer_done(x, curl_dl.easy_perform(
		    fetch_xfer_handle(x)), &again, r, cause);
	assert_int_equal(fetch_xfer_status(x), rc == 0 ? r->status : 410);
	fetch_xfer_free(x);
	return rc;
}

static void
test_xfer(void **state)
{
	struct fetch_result	 r;
	char			*cause = NULL, *etag, *modified, *want;

	/* The validators come back, and asking with them gives a 304. */
	assert_int_equal(xfer("/feeds/5.xml", NULL, NULL, &r, &cause), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.etag, "\"feed-5-rev-0\"");
	assert_string_equal(r.content_type, "application/rss+xml");
	assert_null(r.moved);
	assert_non_null(strstr(r.data, "<title>Feed 5</title>"));
	etag = r.etag;
	modified = r.last_modified;
	r.etag = r.last_modified = NULL;
	fetch_result_free(&r);
	assert_int_equal(xfer("/feeds/5.xml", etag, NULL, &r, &cause), 0);
	assert_int_equal(r.status, 304);
	assert_null(r.data);
	fetch_result_free(&r);
	assert_int_equal(xfer("/feeds/5.xml?lm", NULL, modified, &r, &cause),
	    0);
	assert_int_equal(r.status, 304);
	fetch_result_free(&r);
	/* A validator another resource gave changes nothing. */
	assert_int_equal(xfer("/feeds/6.xml", etag, NULL, &r, &cause), 0);
	assert_int_equal(r.status, 200);
	fetch_result_free(&r);
	free(etag);
	free(modified);

	/* Where permanent redirects lead is a move; a temporary hop first
	 * is none. */
	assert_int_equal(xfer("/moved-feed", NULL, NULL, &r, &cause), 0);
	want = url("/feeds/1.xml");
	assert_string_equal(r.moved, want);
	assert_string_equal(r.url, want);
	free(want);
	fetch_result_free(&r);
	assert_int_equal(xfer("/chain1", NULL, NULL, &r, &cause), 0);
	assert_null(r.moved);
	fetch_result_free(&r);
	/* An error, and its status. */
	assert_int_equal(xfer("/gone", NULL, NULL, &r, &cause),
	    REEL_EXIT_HTTP);
	want = xprintf("%s/gone: HTTP 410 Gone", testserver_base());
	assert_string_equal(cause, want);
	free(want);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_redirect_chain),
		cmocka_unit_test(test_redirect_errors),
		cmocka_unit_test(test_http_errors),
		cmocka_unit_test(test_content_type),
		cmocka_unit_test(test_quoted_charset),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_compression),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_network_errors),
		cmocka_unit_test(test_schemes),
		cmocka_unit_test(test_local_files),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_control_bytes),
		cmocka_unit_test(test_not_regular),
		cmocka_unit_test(test_stdin_silent),
		cmocka_unit_test(test_xfer),
	};

	return cmocka_run_group_tests(tests, server_start, server_stop);
}
