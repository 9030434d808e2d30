# feed-conformance.py: runs Universal Feed Parser's test cases through
# reel's feed parser (tests/feed_parse) and compares what reel models.
#
#   python3 feed-conformance.py FEED_PARSE CORPUS_DIR [--list]
#
# Each case's checks name feedparser's fields; those reel models are
# mapped onto reel's JSON (below). A case with a check on a field reel
# does not model is "not modelled"; the others pass only if every check
# and the expected bozo flag hold. HTML fields are compared as text (both
# sides reduced, as the corpus README says); dates as instants. Exits 1
# when fewer than 95% of the reader-relevant cases pass (not modelled
# ones count against).
import calendar
import codecs
import collections
import datetime
import email.utils
import html.parser
import json
import os
import subprocess
import sys

THRESHOLD = 0.95

BLOCKS = {"address", "article", "blockquote", "br", "dd", "div", "dl",
          "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
          "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
          "table", "td", "th", "tr", "ul"}


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCKS:
            self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.out.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def squash(s):
    return " ".join(s.split())


def html_text(s):
    p = _Text()
    p.feed(s)
    p.close()
    return squash("".join(p.out))


def fmt_author(a):
    if a is None:
        return None
    if a.get("name") and a.get("email"):
        return "%s (%s)" % (a["name"], a["email"])
    return a.get("name") or a.get("email")


def instant(v):
    """A feedparser date (string or 9-tuple) as seconds UTC, or None."""
    if isinstance(v, list):
        return calendar.timegm(tuple(v[:6]) + (0, 0, 0))
    if not isinstance(v, str):
        return None
    try:
        d = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError, IndexError):
        d = None
    if d is None:
        try:
            d = datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return int(d.timestamp())


def reel_instant(s):
    if s is None:
        return None
    return int(datetime.datetime.fromisoformat(
        s.replace("Z", "+00:00")).timestamp())


def encoding_name(s):
    if not isinstance(s, str):
        return s
    try:
        return codecs.lookup(s).name
    except LookupError:
        return s.lower()


class NotModelled(Exception):
    pass


TEXTS = {"title": "title", "subtitle": "description",
         "rights": "rights", "summary": "summary"}
DATES = {"published", "updated", "created"}


def compare_text(ours, detail_type, expected, ours_html):
    """Titles and rights are text in reel, the rest HTML; feedparser's
    value is HTML when the feed's was."""
    feed_html = detail_type in ("text/html", "application/xhtml+xml")
    if ours is None and isinstance(expected, str):
        return (html_text(expected) if feed_html or "<" in expected
                else squash(expected)) == ""
    if ours is None or not isinstance(expected, str):
        return ours == expected
    mine = html_text(ours) if ours_html else squash(ours)
    theirs = html_text(expected) if feed_html else squash(expected)
    return mine == theirs


def resolve(result, path, expected):
    """Returns (got, ok) for one check, or raises NotModelled."""
    if path == ["encoding"]:
        got = result.get("encoding")
        return got, encoding_name(got) == encoding_name(expected)
    if path == ["version"]:
        return result.get("version"), result.get("version") == expected
    if path[0] == "feed":
        obj, rest = result, path[1:]
    elif path[0] == "entries":
        if len(path) == 1:
            return len(result.get("items", [])), None
        items = result.get("items", [])
        if path[1] >= len(items):
            return None, False
        obj, rest = items[path[1]], path[2:]
    else:
        raise NotModelled
    return field(obj, rest, expected)


def field(obj, rest, expected):
    key = rest[0]
    more = rest[1:]
    if key in TEXTS or (key in ("title_detail", "subtitle_detail",
                                "rights_detail", "summary_detail")):
        base = key[:-len("_detail")] if key.endswith("_detail") else key
        ours_key = TEXTS[base]
        # feedparser's summary is the content when there is no summary.
        if base == "summary" and obj.get("summary") is None:
            ours_key = "content"
        v = obj.get(ours_key)
        d = obj.get(ours_key + "_detail") or {}
        ours_html = ours_key in ("description", "summary", "content")
        if key == base and not more:
            return v, compare_text(v, d.get("type"), expected, ours_html)
        if key != base and more == ["value"]:
            return v, compare_text(v, d.get("type"), expected, ours_html)
        if key != base and more in (["type"], ["base"]):
            got = d.get(more[0])
            return got, got == expected
        raise NotModelled
    if key == "content":
        v = obj.get("content")
        d = obj.get("content_detail") or {}
        if len(more) == 2 and more[0] == 0:
            if more[1] == "value":
                return v, compare_text(v, d.get("type"), expected, True)
            if more[1] in ("type", "base"):
                return d.get(more[1]), d.get(more[1]) == expected
        raise NotModelled
    if key in ("link", "id") and not more:
        return obj.get(key), obj.get(key) == expected
    if key == "links":
        links = [{k: v for k, v in l.items() if v is not None}
                 for l in obj.get("links", [])]
        if not more:
            return links, None
        if len(more) > 2 or (len(more) == 2 and more[1] not in
                             ("rel", "href", "type", "title")):
            raise NotModelled
        if more[0] >= len(links):
            return None, False
        l = links[more[0]]
        if len(more) == 1:
            return l, l == expected
        if more[1] in ("rel", "href", "type", "title"):
            return l.get(more[1]), l.get(more[1]) == expected
        raise NotModelled
    if key == "author" and not more:
        a = (obj.get("authors") or [None])[0]
        return fmt_author(a), fmt_author(a) == expected
    if key in ("author_detail", "authors"):
        people = obj.get("authors", [])
        if key == "author_detail":
            more = [0] + more
        if len(more) != 2 or more[1] not in ("name", "email", "href"):
            raise NotModelled
        if more[0] >= len(people):
            return None, False
        name = {"name": "name", "email": "email", "href": "uri"}[more[1]]
        got = people[more[0]].get(name)
        return got, got == expected
    if key in DATES or (key.endswith("_parsed") and key[:-7] in DATES):
        if more:
            raise NotModelled
        got = obj.get(key.replace("_parsed", ""))
        want = instant(expected)
        return got, want is not None and reel_instant(got) == want
    if key == "tags" and len(more) == 2 and more[1] == "term":
        cats = obj.get("categories", [])
        if more[0] >= len(cats):
            return None, False
        return cats[more[0]], cats[more[0]] == expected
    if key == "enclosures" and len(more) == 1:
        encs = obj.get("enclosures", [])
        if more[0] >= len(encs):
            return None, False
        e = encs[more[0]]
        got = {k: (str(v) if k == "length" else v) for k, v in
               (("href", e.get("url")), ("type", e.get("type")),
                ("length", e.get("length"))) if v is not None}
        return got, got == expected
    if key == "enclosures" and len(more) == 2:
        encs = obj.get("enclosures", [])
        name = {"href": "url", "type": "type", "length": "length"}.get(
            more[1])
        if name is None:
            raise NotModelled
        if more[0] >= len(encs):
            return None, False
        got = encs[more[0]].get(name)
        if name == "length" and got is not None:
            got = str(got)
        return got, got == expected
    raise NotModelled


def check(case, result):
    """Returns the list of failed checks (empty: the case passes)."""
    failed = []
    error = "error" in result
    if case["bozo"] is not None:
        got = error or result.get("bozo", False)
        if got != case["bozo"]:
            failed.append(("bozo", case["bozo"],
                           result.get("error") or result.get("bozo_message")
                           or got))
    for c in case["checks"]:
        got, ok = resolve(result, c["path"], c["value"])
        if c["op"] == "len==":
            got = len(got) if isinstance(got, list) else got
            ok = got == c["value"]
        if not ok:
            failed.append((".".join(map(str, c["path"])), c["value"], got))
    return failed


def kind_of(case):
    f = case["file"]
    return f.split("/")[1] if f.count("/") > 1 else f


def main():
    driver, corpus = sys.argv[1], sys.argv[2]
    listing = "--list" in sys.argv
    fpdir = os.path.join(corpus, "feedparser")
    cases = [json.loads(l) for l in open(os.path.join(fpdir,
                                                      "expectations.jsonl"))]
    run, modelled = [], {}
    for i, case in enumerate(cases):
        try:
            for c in case["checks"]:
                resolve({"items": [{}]}, c["path"], c["value"])
            modelled[i] = True
        except NotModelled:
            modelled[i] = False
            continue
        except (KeyError, IndexError, TypeError, AttributeError):
            modelled[i] = True
        run.append(i)
    lines = []
    for i in run:
        case = cases[i]
        headers = {k.lower(): v for k, v in
                   (case.get("http_headers") or {}).items()}
        base = case.get("doc_uri") or ""
        if "content-location" in headers:
            base = urljoin(base, headers["content-location"])
        lines.append("%s\t%s\t%s" % (os.path.join(fpdir, case["file"]),
                                     headers.get("content-type", ""), base))
    proc = subprocess.run([driver, "-"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True)
    outputs = proc.stdout.split("\n----\n")
    if len(outputs) < len(run):
        print("FAIL: the driver stopped after %d of %d cases: %s"
              % (len(outputs) - 1, len(run), proc.stderr[-500:]))
        return 1
    counts = collections.Counter()
    kinds = collections.defaultdict(collections.Counter)
    failures = []
    for i, out in zip(run, outputs):
        case = cases[i]
        result = json.loads(out)
        failed = check(case, result)
        verdict = "fail" if failed else "pass"
        counts[(verdict, case["reader_relevant"])] += 1
        kinds[kind_of(case)][verdict] += 1
        if failed:
            failures.append((case, failed))
    for i, case in enumerate(cases):
        if not modelled[i]:
            counts[("not modelled", case["reader_relevant"])] += 1
            kinds[kind_of(case)]["not modelled"] += 1
    for case, failed in failures:
        for what, want, got in failed:
            print("fail: %s%s: %s: wanted %r, got %r" % (
                case["file"], "" if case["reader_relevant"] else
                " (not reader-relevant)", what, want,
                got if not isinstance(got, str) else got[:120]))
    if listing:
        for i, case in enumerate(cases):
            if not modelled[i]:
                print("not modelled: %s" % case["file"])
    print()
    print("%-12s %6s %6s %13s" % ("cases", "pass", "fail", "not modelled"))
    for k in sorted(kinds):
        c = kinds[k]
        print("%-12s %6d %6d %13d" % (k, c["pass"], c["fail"],
                                      c["not modelled"]))
    for rel, label in ((True, "reader-relevant"), (False, "other")):
        print("%s: %d pass, %d fail, %d not modelled" % (
            label, counts[("pass", rel)], counts[("fail", rel)],
            counts[("not modelled", rel)]))
    total = sum(counts[(v, True)] for v in ("pass", "fail", "not modelled"))
    rate = counts[("pass", True)] / total if total else 0
    print("reader-relevant pass rate: %.1f%% (%d of %d; needed %d%%)"
          % (100 * rate, counts[("pass", True)], total, THRESHOLD * 100))
    return 0 if rate >= THRESHOLD else 1


from urllib.parse import urljoin  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
