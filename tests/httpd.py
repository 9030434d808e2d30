#!/usr/bin/env python3
"""httpd.py: the HTTP server reel's fetch tests talk to.

Listens on 127.0.0.1 only, on a free port; with --cert and --key also
serves HTTPS on a second port. A third port never accepts: its queue is
full, so a connection to it times out. Writes "PORT TLSPORT HOLEPORT"
(TLSPORT 0 without TLS) as one line to --port-file, or to standard
output. Standard library
only. Exits on SIGTERM, or by itself after --lifetime seconds so that a
test killed hard leaves nothing behind. With --hangups, /long/N appends
its path to that file once the client has hung up after the page.

For refreshes: /feeds/N.xml is feed N, with an ETag and a Last-Modified
that make a conditional request answer 304 Not Modified; /rev/K changes
every feed (its first item's title, and item K+3 appears from K 1 on);
/essays/N.html is essay N (/to-essay/N redirects there for good), for
the bookmark imports. /stats tells (as JSON) how many requests came, how many were answered
304 and how many requests of /feeds/ were in flight at most, and ?reset
starts them again.

Faults (tests/faults.test): /cut/CODING is a gzip, deflate, br or zstd
page cut short, with a Content-Length that matches the cut; /drip sends
a byte a second; /reset-page resets the connection in the middle of
the body; /endless never ends; /bad-type has a Content-Type that is no
media type; /octet-binary is application/octet-stream whose bytes turn
binary after the first kilobytes. /faulty/N.xml is feed N of a refresh,
whose every fourth feed (N % 4 == 0) fails in one of those ways.

With --root DIR, /files/NAME is the file DIR/NAME as it is, typed by its
extension (.html, .xml, .json), for tests that make their own pages and
feeds (tests/e2e-escapes.test).
"""

import argparse
import http.server
import json
import os
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time
import zlib

PAGE = b"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>A page</title></head>
<body><h1>A page</h1>
<p>The first paragraph of a page served by the test server.</p>
<p>See <a href="next.html">the next page</a>.</p>
</body></html>
"""

PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
       b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def make_png():
    """A real 1x1 grey PNG."""
    def chunk(kind, data):
        body = kind + data
        return (struct.pack(">I", len(data)) + body +
                struct.pack(">I", zlib.crc32(body) & 0xffffffff))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", idat) + chunk(b"IEND", b""))


PNG = make_png()

_bomb = None
_bomb_lock = threading.Lock()


def gzip_bomb():
    """64 MiB of zeros, gzipped (about 64 KiB), made once on first use."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            z = zlib.compressobj(9, zlib.DEFLATED, 31)
            zeros = bytes(1 << 20)
            parts = [z.compress(b"<html><body><p>")]
            for _ in range(64):
                parts.append(z.compress(zeros))
            parts.append(z.flush())
            _bomb = b"".join(parts)
        return _bomb


_big = None


def big_feed():
    """An RSS feed of 100,000 items, made once on first use."""
    global _big
    with _bomb_lock:
        if _big is None:
            parts = [b'<?xml version="1.0"?><rss version="2.0"><channel>'
                     b'<title>Too many</title><link>http://big.example/'
                     b'</link>']
            for i in range(100000):
                parts.append(b"<item><title>Item %d</title><guid>big-%d"
                             b"</guid></item>" % (i, i))
            parts.append(b"</channel></rss>")
            _big = b"".join(parts)
        return _big


def numbered_feed(n, rev):
    """Feed n at revision rev: three items, a fourth from rev 1 on, the
    first one's title saying the revision."""
    items = []
    for i in range(1, 4 + (1 if rev > 0 else 0)):
        title = "Item %d of feed %d" % (i, n)
        if i == 1:
            title += " (rev %d)" % rev
        items.append("<item><title>%s</title><link>/feeds/%d/%d.html</link>"
                     "<guid>feed-%d-item-%d</guid>"
                     "<pubDate>Mon, %02d Jun 2017 10:00:00 GMT</pubDate>"
                     "<description>&lt;p&gt;Text %d.&lt;/p&gt;</description>"
                     "</item>" % (title, n, i, n, i, i, i))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
            '<channel><title>Feed %d</title><link>/site/%d/</link>%s'
            '</channel></rss>' % (n, n, "".join(items))).encode("utf-8")


def library_feed(n, rev):
    """Library feed n at revision rev, for the library's views: three
    essays by a named author, a fourth from rev 1 on, each with its page
    (/lib/N/I.html) and its own text in content:encoded."""
    items = []
    for i in range(4 + (1 if rev > 0 else 0), 0, -1):
        if i == 4:
            continue
        items.append(
            "<item><title>Essay %d of library %d</title>"
            "<link>/lib/%d/%d.html</link><guid>lib-%d-%d</guid>"
            "<dc:creator>Critic %d</dc:creator>"
            "<pubDate>Mon, %02d Jun 2025 10:00:00 GMT</pubDate>"
            "<description>Summary %d.</description>"
            "<content:encoded>&lt;p&gt;The feed's own text of essay %d "
            "of library %d.&lt;/p&gt;</content:encoded></item>"
            % (i, n, n, i, n, i, n, i, i, i, n))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            '<channel><title>Library %d</title><link>/lib/%d/</link>%s'
            '</channel></rss>' % (n, n, "".join(items))).encode("utf-8")


def library_essay(n, i):
    """The page of essay i of library feed n: a title and enough prose
    for the extractor to take it as the essay."""
    para = ("<p>Paragraph %%d of essay %d of library %d: the long take "
            "holds the room while the light changes, and the cut, when "
            "it comes, lands like a sentence ending.</p>" % (i, n))
    return ("<!DOCTYPE html><html><head><title>Essay %d of library %d"
            "</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article><h1>Essay %d of library %d</h1>%s</article>"
            "</body></html>" % (i, n, i, n, "".join(
                para % k for k in range(1, 13)))).encode("utf-8")


def long_page(n):
    """An HTML page of n paragraphs."""
    parts = [b"<!DOCTYPE html><html><head><title>Cut</title></head><body>"]
    for i in range(n):
        parts.append(b"<p>Paragraph %d of a page that is cut short.</p>\n"
                     % i)
    parts.append(b"</body></html>\n")
    return b"".join(parts)


def encode(coding, body):
    """body in a content coding (brotli and zstd through their tools)."""
    if coding == "gzip":
        z = zlib.compressobj(9, zlib.DEFLATED, 31)
        return z.compress(body) + z.flush()
    if coding == "deflate":
        return zlib.compress(body)
    tool = {"br": "brotli", "zstd": "zstd"}[coding]
    return subprocess.run([tool, "-c"], input=body, check=True,
                          stdout=subprocess.PIPE).stdout


def sized_page(n):
    """An HTML page of exactly n bytes (n >= 64)."""
    head = b"<html><body><p>"
    tail = b"</p></body></html>\n"
    return head + b"x" * (n - len(head) - len(tail)) + tail


WORDS = ("montage", "framing", "silence", "rhythm", "shadow", "light",
         "gesture", "cut", "frame", "memory", "river", "window")


def numbered_essay(n):
    """Essay n: a title and byline of its own, and paragraphs whose words
    vary with n, so that a search finds some essays and not others."""
    paras = []
    for i in range(6):
        w1 = WORDS[(n + i) % len(WORDS)]
        w2 = WORDS[(n * 7 + i * 3) % len(WORDS)]
        paras.append("<p>Paragraph %d of essay %d speaks of %s and %s, "
                     "at the length an essay needs to be read as one, "
                     "with a clause or two more for the extractor.</p>"
                     % (i + 1, n, w1, w2))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            "<title>Essay %d on %s</title>"
            "<meta name=\"author\" content=\"Writer %d\"></head><body>"
            "<article><h1>Essay %d on %s</h1>%s</article></body></html>\n"
            % (n, WORDS[n % len(WORDS)], n % 10, n, WORDS[n % len(WORDS)],
               "".join(paras))).encode("utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "reel-test-httpd/1"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("httpd: " + (fmt % args) + "\n")

    def send(self, code, body, ctype="text/html; charset=utf-8",
             headers=(), reason=None):
        self.send_response(code, reason)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, code, location):
        self.send(code, b"<p>moved</p>", headers=[("Location", location)])

    def do_GET(self):
        with self.server.lock:
            self.server.requests += 1
        self.get()

    def get(self):
        # A proxy is asked for the absolute URL.
        if self.path.startswith("http://"):
            host = self.path[len("http://"):].split("/", 1)[0]
            self.send(200, b"<html><body><p>Through the proxy to " +
                      host.encode("ascii", "replace") + b".</p></body></html>")
            return
        path, _, query = self.path.partition("?")
        route = ROUTES.get(path)
        if route is not None:
            route(self)
            return
        for prefix, fn in PREFIX_ROUTES:
            if path.startswith(prefix):
                fn(self, path[len(prefix):])
                return
        self.send(404, b"<p>no such page</p>")

    def base(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    # The routes.

    def r_page(self):
        self.send(200, PAGE)

    def r_echo(self):
        lines = ["<p>%s: %s</p>" % (k, v) for k, v in self.headers.items()]
        self.send(200, ("<html><body>%s</body></html>" %
                        "".join(lines)).encode("utf-8"))

    def r_chain1(self):
        self.redirect(302, "chain2")             # relative

    def r_chain2(self):
        self.redirect(301, self.base() + "/dir/chain3")   # absolute

    def r_chain3(self):
        self.redirect(303, "/dir/final.html?from=chain")  # absolute path

    def r_final(self):
        self.send(200, b"<html><body><p>The end of the chain.</p>"
                  b"<p>Go on to <a href=\"next.html\">the next page</a> "
                  b"when you are ready.</p></body></html>")

    def r_loop_a(self):
        self.redirect(302, "/loop/b")

    def r_loop_b(self):
        self.redirect(307, self.base() + "/loop/a")

    def r_self(self):
        self.redirect(302, "/self#again")

    def r_many(self, n):
        self.redirect(302, "/many/%d" % (int(n or "0") + 1))

    def r_to_ftp(self):
        self.redirect(302, "ftp://127.0.0.1/pub/file.html")

    def r_to_file(self):
        self.redirect(301, "file:///etc/passwd")

    def r_to_odd(self):
        # Relative, with "..", a space and UTF-8 (sent as its bytes), as
        # servers write them: resolved and escaped as a browser does.
        self.redirect(302, "../dir/caf\u00c3\u00a9 page.html?q=a b#top")

    def r_to_nowhere(self):
        self.redirect(302, "")

    def r_status(self, rest):
        # /status/CODE, or /status/CODE/none for a status line without
        # a reason phrase.
        code, _, how = rest.partition("/")
        reasons = {"500": "Internal Kaboom",
                   "502": "Bad\x1b[31m Gateway\x07"}
        reason = "" if how == "none" else reasons.get(code)
        self.send(int(code), b"<p>error page</p>", reason=reason)

    def r_stall(self):
        # Headers, then nothing. (After a burst of body bytes libcurl's
        # speed check, averaged over a few seconds, would take longer.)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.flush()
        time.sleep(60)

    def r_size(self, n):
        self.send(200, sized_page(int(n)))

    def r_long(self, n):
        # A long essay of n paragraphs; then, once the client has hung
        # up (its fetch is over), its path is written to --hangups.
        parts = [b"<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                 b"<title>A long essay</title></head><body><article>"
                 b"<h1>A long essay</h1>\n"]
        for i in range(int(n)):
            parts.append(b"<p>Paragraph %d of a long essay, with enough "
                         b"words in it to be read as the text of an "
                         b"article, and a comma or two.</p>\n" % (i + 1))
        parts.append(b"</article></body></html>\n")
        self.send(200, b"".join(parts))
        self.wfile.flush()
        try:
            while self.rfile.read(1):
                pass
        except (ConnectionError, OSError):
            pass
        self.close_connection = True
        if self.server.hangups:
            with open(self.server.hangups, "a") as f:
                f.write(self.path + "\n")

    def r_chunked(self, n):
        body = sized_page(int(n))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for i in range(0, len(body), 4096):
            part = body[i:i + 4096]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
        self.wfile.write(b"0\r\n\r\n")

    def r_bomb(self):
        self.send(200, gzip_bomb(), headers=[("Content-Encoding", "gzip")])

    def r_gzip(self):
        z = zlib.compressobj(9, zlib.DEFLATED, 31)
        body = z.compress(b"<html><body><p>A gzipped page.</p>"
                          b"</body></html>") + z.flush()
        self.send(200, body, headers=[("Content-Encoding", "gzip")])

    def r_deflate(self):
        body = zlib.compress(b"<html><body><p>A deflated page.</p>"
                             b"</body></html>")
        self.send(200, body, headers=[("Content-Encoding", "deflate")])

    def compressed(self, tool, encoding, text):
        # brotli(1) and zstd(1), from Debian's brotli and zstd packages,
        # make the bodies the standard library cannot.
        body = subprocess.run([tool, "-c"], input=text, check=True,
                              stdout=subprocess.PIPE).stdout
        self.send(200, body, headers=[("Content-Encoding", encoding)])

    def r_brotli(self):
        self.compressed("brotli", "br", b"<html><body><p>A brotli page.</p>"
                        b"</body></html>")

    def r_zstd(self):
        self.compressed("zstd", "zstd", b"<html><body><p>A zstd page.</p>"
                        b"</body></html>")

    # Faults.

    def r_cut(self, coding, body=None, ctype="text/html; charset=utf-8"):
        # The stream cut to 60%, with a Content-Length saying so.
        data = encode(coding, body or long_page(400))
        self.send(200, data[:len(data) * 6 // 10], ctype=ctype,
                  headers=[("Content-Encoding", coding)])

    def r_drip(self, ctype="text/html"):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(120):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
        except (ConnectionError, OSError):
            pass
        self.close_connection = True

    def r_reset_page(self, ctype="text/html"):
        body = long_page(400)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:len(body) // 2])
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def r_endless(self, ctype="text/html"):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        part = b"<p>" + b"and on " * 1000 + b"</p>\n"
        try:
            for _ in range(100000):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
        except (ConnectionError, OSError):
            pass
        self.close_connection = True

    def r_bad_type(self):
        self.send(200, PAGE, ctype="html")

    def r_octet_binary(self):
        self.send(200, b"Plain words. " * 200 + bytes(range(256)) * 4,
                  ctype="application/octet-stream")

    def r_faulty(self, rest):
        n = int(rest.split(".")[0])
        feed = numbered_feed(n, 0)
        rss = "application/rss+xml"
        if n % 4 != 0:
            self.send(200, feed, ctype=rss)
            return
        fault = (n // 4) % 5
        if fault == 0:
            self.r_cut("gzip", feed, rss)
        elif fault == 1:
            self.r_drip(rss)
        elif fault == 2:
            self.r_reset_page(rss)
        elif fault == 3:
            self.r_endless(rss)
        else:
            self.redirect(302, "file:///etc/passwd")

    def r_pdf(self):
        self.send(200, PDF, ctype="application/pdf")

    def r_png(self):
        self.send(200, PNG, ctype="image/png")

    def r_html_pdf(self):
        self.send(200, PDF, ctype="text/html")

    def r_notype_pdf(self):
        self.send(200, PDF, ctype=None)

    def r_octet_png(self):
        self.send(200, PNG, ctype="application/octet-stream")

    def r_notype_html(self):
        self.send(200, b"  <!DOCTYPE html><html><body><p>No type given."
                  b"</p></body></html>", ctype=None)

    def r_notype_html_bell(self):
        self.send(200, b"<!DOCTYPE html><html><body><p>A bell: \x07."
                  b"</p></body></html>", ctype=None)

    def r_notype_bell(self):
        self.send(200, b"Words and a bell: \x07.", ctype=None)

    def r_text(self):
        self.send(200, b"A plain text essay.\n\nIts second paragraph.\n",
                  ctype="text/plain; charset=us-ascii")

    def r_json(self):
        self.send(200, b'{"a": 1}\n', ctype="application/json")

    def r_quoted_charset(self):
        self.send(200, b"<p>caf\xe9</p>",
                  ctype='Text/HTML; foo=bar; charset="ISO-8859-1"')

    def r_cp1252(self):
        self.send(200, b"<html><body><p>\x93Quoted\x94 for \x80 5, "
                  b"caf\xe9.</p></body></html>",
                  ctype="text/html; charset=windows-1252")

    def r_disagree(self):
        # The header says windows-1252, the page says UTF-8; the header
        # wins, so the two bytes of UTF-8 "\xc3\xa9" read as two letters.
        self.send(200, b"<html><head><meta charset=\"utf-8\"></head>"
                  b"<body><p>Caf\xc3\xa9 au lait.</p></body></html>",
                  ctype="text/html; charset=windows-1252")

    # Feeds and lists, for "reel feed parse" and OPML includes.

    def conditional(self, body, ctype, etag, modified):
        """Answers 304 when the request's validators match, else body."""
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        if (match is not None and match == etag) or \
                (match is None and since is not None and since == modified):
            with self.server.lock:
                self.server.not_modified += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send(200, body, ctype=ctype,
                  headers=[("ETag", etag), ("Last-Modified", modified)])

    def r_feeds(self, rest):
        # /feeds/N.xml; /feeds/N.xml?lm serves Last-Modified alone.
        n = int(rest.split(".")[0])
        rev = self.server.rev
        # A little wait, so that transfers overlap; counted as in flight
        # until the answer starts, after which the client may send
        # another.
        with self.server.lock:
            self.server.inflight += 1
            self.server.max_inflight = max(self.server.max_inflight,
                                           self.server.inflight)
        time.sleep(0.02)
        with self.server.lock:
            self.server.inflight -= 1
        modified = "Mon, %02d Jan 2024 00:00:00 GMT" % (rev + 1)
        etag = '"feed-%d-rev-%d"' % (n, rev)
        if self.path.endswith("?lm"):
            etag = None
        body = numbered_feed(n, rev)
        if etag is None:
            since = self.headers.get("If-Modified-Since")
            if since == modified:
                with self.server.lock:
                    self.server.not_modified += 1
                self.send(304, b"", ctype=None)
                return
            self.send(200, body, ctype="application/rss+xml",
                      headers=[("Last-Modified", modified)])
            return
        self.conditional(body, "application/rss+xml", etag, modified)

    def r_lib(self, rest):
        # /lib/N.xml, a feed, after lib_delay seconds; /lib/N/I.html, an
        # essay of it.
        if rest.endswith(".xml"):
            time.sleep(self.server.lib_delay)
            self.send(200, library_feed(int(rest[:-4]), self.server.rev),
                      ctype="application/rss+xml")
            return
        n, _, i = rest.partition("/")
        self.send(200, library_essay(int(n), int(i.split(".")[0])))

    def r_lib_delay(self, rest):
        self.server.lib_delay = float(rest)
        self.send(200, b"<p>ok</p>")

    def r_rev(self, rest):
        self.server.rev = int(rest)
        self.send(200, b"<p>ok</p>")

    def r_essays(self, rest):
        # /essays/N.html: essay N; /essays/N.html?slow waits a little
        # first, so that transfers overlap.
        if self.path.endswith("?slow"):
            time.sleep(0.05)
        self.send(200, numbered_essay(int(rest.split(".")[0])))

    def r_to_essay(self, rest):
        # /to-essay/N: a permanent redirect to essay N.
        self.redirect(301, "/essays/%d.html" % int(rest))

    def r_files(self, rest):
        types = {".html": "text/html; charset=utf-8",
                 ".xml": "application/rss+xml; charset=utf-8",
                 ".json": "application/feed+json"}
        ext = os.path.splitext(rest)[1]
        if (self.server.root is None or "/" in rest or rest.startswith(".")
                or ext not in types):
            self.send(404, b"<p>no such file</p>")
            return
        try:
            with open(os.path.join(self.server.root, rest), "rb") as f:
                body = f.read()
        except OSError:
            self.send(404, b"<p>no such file</p>")
            return
        self.send(200, body, ctype=types[ext])

    def r_stats(self):
        with self.server.lock:
            body = json.dumps({"requests": self.server.requests,
                               "not_modified": self.server.not_modified,
                               "max_inflight": self.server.max_inflight})
            if self.path.endswith("?reset"):
                self.server.requests = 0
                self.server.not_modified = 0
                self.server.max_inflight = 0
        self.send(200, body.encode("ascii"), ctype="application/json")

    def r_moved_feed(self):
        self.redirect(301, "/feeds/1.xml")

    def r_moved_temp(self):
        self.redirect(302, "/feeds/2.xml")

    def r_gone(self):
        self.send(410, b"<p>gone</p>")

    def r_with_feeds(self):
        self.send(200, b'<!DOCTYPE html><html><head><title>A blog</title>'
                  b'<link rel="stylesheet" href="/style.css">'
                  b'<link rel="alternate" type="application/json" '
                  b'href="/wp-json/wp/v2/posts/1">'
                  b'<link rel="alternate" type="application/atom+xml" '
                  b'title="The blog" href="feeds/3.xml">'
                  b'<link rel="alternate" type="application/rss+xml" '
                  b'title="Comments" href="/feeds/4.xml">'
                  b'</head><body><p>Posts.</p></body></html>')

    def r_not_feed(self):
        self.send(200, b'<?xml version="1.0"?><note><to>Tove</to></note>',
                  ctype="application/xml")

    def r_empty_feed(self):
        self.send(200, b"", ctype="application/rss+xml")

    def r_big_feed(self):
        self.send(200, big_feed(), ctype="application/rss+xml")

    def r_reset_feed(self):
        # Half a feed, then a reset (SO_LINGER 0 sends RST on close).
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(numbered_feed(99, 0)[:200])
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def r_list_opml(self):
        self.send(200, ('<?xml version="1.0"?><opml version="2.0"><body>'
                        '<outline text="Remote" type="rss" '
                        'xmlUrl="https://remote.example/feed"/>'
                        '<outline text="Again" type="include" '
                        'url="%s/list.opml"/></body></opml>'
                        % self.base()).encode("utf-8"), ctype="text/x-opml")

    def r_feed_rss(self):
        self.send(200, b'<?xml version="1.0" encoding="utf-8"?>'
                  b'<rss version="2.0"><channel><title>Served</title>'
                  b'<link>/blog/</link><item><title>One</title>'
                  b'<link>one.html</link>'
                  b'<pubDate>Mon, 05 Jun 2017 10:00:00 +0200</pubDate>'
                  b'</item></channel></rss>',
                  ctype="application/rss+xml")

    def r_feed_latin1(self):
        # The charset of the header wins over the declaration.
        self.send(200, b'<?xml version="1.0" encoding="utf-8"?>'
                  b'<feed xmlns="http://www.w3.org/2005/Atom">'
                  b'<title>Caf\xe9</title></feed>',
                  ctype="application/atom+xml; charset=iso-8859-1")

    def r_feed_json(self):
        self.send(200, b'{"version": "https://jsonfeed.org/version/1.1",'
                  b' "title": "JSON served", "items": [{"id": "1",'
                  b' "url": "posts/1", "content_text": "Hi"}]}',
                  ctype="application/feed+json")


ROUTES = {
    "/page": Handler.r_page,
    "/dir/page.html": Handler.r_page,
    "/echo": Handler.r_echo,
    "/chain1": Handler.r_chain1,
    "/chain2": Handler.r_chain2,
    "/dir/chain3": Handler.r_chain3,
    "/dir/final.html": Handler.r_final,
    "/dir/caf%C3%A9%20page.html": Handler.r_page,
    "/loop/a": Handler.r_loop_a,
    "/loop/b": Handler.r_loop_b,
    "/self": Handler.r_self,
    "/to-ftp": Handler.r_to_ftp,
    "/to-file": Handler.r_to_file,
    "/to-odd": Handler.r_to_odd,
    "/to-nowhere": Handler.r_to_nowhere,
    "/stall": Handler.r_stall,
    "/bomb": Handler.r_bomb,
    "/gzip": Handler.r_gzip,
    "/deflate": Handler.r_deflate,
    "/brotli": Handler.r_brotli,
    "/zstd": Handler.r_zstd,
    "/pdf": Handler.r_pdf,
    "/png": Handler.r_png,
    "/html-pdf": Handler.r_html_pdf,
    "/notype-pdf": Handler.r_notype_pdf,
    "/octet-png": Handler.r_octet_png,
    "/notype-html": Handler.r_notype_html,
    "/notype-html-bell": Handler.r_notype_html_bell,
    "/notype-bell": Handler.r_notype_bell,
    "/text": Handler.r_text,
    "/json": Handler.r_json,
    "/quoted-charset": Handler.r_quoted_charset,
    "/cp1252": Handler.r_cp1252,
    "/disagree": Handler.r_disagree,
    "/list.opml": Handler.r_list_opml,
    "/feed.rss": Handler.r_feed_rss,
    "/feed-latin1": Handler.r_feed_latin1,
    "/feed.json": Handler.r_feed_json,
    "/stats": Handler.r_stats,
    "/moved-feed": Handler.r_moved_feed,
    "/moved-temp": Handler.r_moved_temp,
    "/gone": Handler.r_gone,
    "/with-feeds": Handler.r_with_feeds,
    "/not-feed.xml": Handler.r_not_feed,
    "/empty-feed": Handler.r_empty_feed,
    "/big-feed": Handler.r_big_feed,
    "/reset-feed": Handler.r_reset_feed,
    "/drip": Handler.r_drip,
    "/reset-page": Handler.r_reset_page,
    "/endless": Handler.r_endless,
    "/bad-type": Handler.r_bad_type,
    "/octet-binary": Handler.r_octet_binary,
}

PREFIX_ROUTES = [
    ("/many/", Handler.r_many),
    ("/status/", Handler.r_status),
    ("/size/", Handler.r_size),
    ("/chunked/", Handler.r_chunked),
    ("/long/", Handler.r_long),
    ("/feeds/", Handler.r_feeds),
    ("/rev/", Handler.r_rev),
    ("/lib/", Handler.r_lib),
    ("/lib-delay/", Handler.r_lib_delay),
    ("/essays/", Handler.r_essays),
    ("/to-essay/", Handler.r_to_essay),
    ("/cut/", Handler.r_cut),
    ("/faulty/", Handler.r_faulty),
    ("/files/", Handler.r_files),
]


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = False
    hangups = None
    root = None
    # Many clients at once: the default backlog of 5 would drop SYNs.
    request_queue_size = 128

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        self.requests = 0
        self.not_modified = 0
        self.inflight = 0
        self.max_inflight = 0
        self.rev = 0
        self.lib_delay = 0.0

    def handle_error(self, request, client_address):
        # reel hangs up on purpose (too large, cancelled, stalled).
        if isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError)):
            return
        super().handle_error(request, client_address)


def black_hole():
    """A listening socket whose accept queue is full and never drained:
    the kernel drops further SYNs, so connecting to it times out."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(0)
    port = hole.getsockname()[1]
    fillers = []
    for _ in range(3):
        c = socket.socket()
        c.setblocking(False)
        try:
            c.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        fillers.append(c)
    return hole, fillers


def serve(server):
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port-file")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--lifetime", type=float, default=120)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--hangups")
    ap.add_argument("--root")
    args = ap.parse_args()

    Server.verbose = args.verbose
    Server.hangups = args.hangups
    Server.root = args.root
    plain = Server(("127.0.0.1", 0), Handler)
    serve(plain)
    tls_port = 0
    if args.cert and args.key:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.cert, args.key)
        secure = Server(("127.0.0.1", 0), Handler)
        secure.socket = ctx.wrap_socket(secure.socket, server_side=True)
        serve(secure)
        tls_port = secure.server_address[1]

    hole, fillers = black_hole()
    line = "%d %d %d\n" % (plain.server_address[1], tls_port,
                           hole.getsockname()[1])
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(line)
        os.rename(tmp, args.port_file)
    else:
        sys.stdout.write(line)
        sys.stdout.flush()
    time.sleep(args.lifetime)
    os._exit(0)


if __name__ == "__main__":
    main()
