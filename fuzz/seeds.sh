#!/bin/sh
# fuzz/seeds.sh OUT SRCDIR CORPUS: builds the fuzz targets' seed corpora
# under OUT (one directory a target) from the tests' fixtures and the
# shared corpus, plus a few small hand-made seeds. Nothing is committed:
# `make fuzz` runs this into the build tree.
set -eu
out=$1 src=$2 corpus=$3
rm -rf "$out"
for t in bmimport charset date doc feed feed_json keys layout opml page \
    sanitize url conf
do
	mkdir -p "$out/$t"
done

# Copies at most n files found under dir matching name into a target.
seed() {
	t=$1 dir=$2 name=$3 n=$4
	[ -d "$dir" ] || return 0
	find "$dir" -type f -name "$name" | sort | head -n "$n" |
	while read -r f; do
		cp "$f" "$out/$t/$(printf '%s' "$f" | cksum | cut -d' ' -f1)"
	done
}

for t in page layout charset; do
	seed "$t" "$src/tests/fixtures" '*.html' 100
	seed "$t" "$corpus/readability" 'source.html' 150
	seed "$t" "$corpus/trafilatura" '*.html' 50
done
seed sanitize "$src/tests/fixtures" '*.expected' 30
seed doc "$src/tests/fixtures/sections" '*.expected' 30
seed feed "$corpus/feedparser" '*.xml' 1200
seed feed_json "$corpus/feedparser" '*.json' 10

w() { printf '%s' "$2" > "$out/$1/$3"; }
w feed_json '{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://example.org/","items":[{"id":"1","url":"/a","title":"A","content_html":"<p>x</p>","date_published":"2024-01-02T03:04:05Z","authors":[{"name":"N"}],"tags":["t"],"attachments":[{"url":"/m.mp3","mime_type":"audio/mpeg","size_in_bytes":3}]}]}' one
w feed_json '{"version":"https://jsonfeed.org/version/1","title":"T","items":[{"id":2,"content_text":"t","summary":"s","image":"i.png","author":{"name":"A","url":"/me"}}]}' v1
w conf 'set width 72
set align left
set browser "w3m %s"
bind outline x cancel
unbind pager j
color status white blue bold
# a comment
bind nxt x' config
w opml '<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body><outline text="Film"><outline text="A" type="rss" xmlUrl="https://example.org/a.xml" htmlUrl="https://example.org/"/><outline text="B" xmlUrl="/b.rss"/></outline><outline type="include" url="other.opml"/></body></opml>' nested
w opml '<opml version="1.0"><body><outline title="C" xmlUrl="http://example.com/feed"/></body></opml>' v1
w bmimport '<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" PERSONAL_TOOLBAR_FOLDER="true">Toolbar</H3>
    <DL><p>
        <DT><A HREF="https://example.org/a" ADD_DATE="1700000000">A &amp; <b>b</b></A>
        <DT><A HREF="place:sort=8">Recent</A>
    </DL><p>
    <DT><H3>Cinema</H3>
    <DL><p>
        <DT><A HREF="http://example.org/b" TAGS="long reads,film" ADD_DATE="1700000000000000">B</A>
        <DD>a note &lt;here&gt;
        <!-- <DT><A HREF="http://example.org/c">C</A> -->
        <DT><A HREF=http://example.org/d>D
    </DL><p>
</DL><p>' netscape
w bmimport '[
  {"url": "https://example.org/a", "title": "A", "author": null, "site": "example.org", "published": "2024-01-02", "added": "2024-01-03T04:05:06Z", "read": null, "tags": ["film", "Film", " noir "], "note": "n", "quotes": [{"block": 3, "text": "a paragraph"}]},
  {"url": "gopher://x/"},
  {"title": "no url"},
  {"url": "http://example.org/b", "quotes": [{"block": -1, "text": "x"}]}
]' json
w bmimport '# to read
https://example.org/a
gopher://x/

  http://example.org/b  ' urls
w url 'https://example.org/a/b/../c?q=1#frag' abs
w url "../x/./y?z
https://Example.ORG:8080/dir/page.html" rel
w url 'javascript:alert(1)' js
w url "//host/path
http://[::1]/" proto
w url 'mailto:someone@example.org' mailto
w date 'Tue, 10 Jun 2003 04:00:00 GMT' rfc822
w date '2003-12-13T18:30:02.25+01:00' rfc3339
w date '2003-12-13' day
w keys '[A' up
w keys '[1;5C' ctrl-right
w keys 'OP' f1
w keys '[200~x[201~' paste
w sanitize "plain text" plain
w sanitize "$(printf 'a\033]0;title\007b\302\233c')" escapes
