#!/usr/bin/env python3
"""durability.py: the helpers of library-durability.test.

  kill-loop REEL DIR N   bookmarks essays DIR/essay-I.html one at a time
                         with "reel bookmark add", each killed with
                         SIGKILL after a random wait, N times; then checks
                         the library (see check).
  check DB DONE          PRAGMA integrity_check is ok, every bookmark of
                         the file DONE (one URL a line: reported done) is
                         in DB, and every bookmark in DB is whole: its
                         essay's text, its tag and its note, as given.
  make-v1 SQL DB         a library of schema version 1 from SQL.
  dump DB                the library's rows as text, to compare two.
  place DB URL           where the reader of the essay URL leads to
                         stopped: section, block, offset, read at,
                         finished.
  version DB             PRAGMA user_version.

Standard library only; nothing but make-v1 writes a row.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time


def ro(db):
    # Read-write: after a kill the write-ahead log is recovered, as reel
    # itself would on its next start. Nothing here writes a row.
    return sqlite3.connect(db)


def tag_of(i):
    return "t%d" % i


def note_of(i):
    return "note %d" % i


def check(db, done_urls):
    con = ro(db)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    if ok != "ok":
        print("integrity_check: %s" % ok)
        return 1
    rows = con.execute(
        "SELECT d.url, length(d.text), length(d.content), b.note,"
        " (SELECT group_concat(g.name) FROM bookmark_tags t"
        "  JOIN tags g ON g.id = t.tag WHERE t.bookmark = b.id)"
        " FROM bookmarks b JOIN documents d ON d.id = b.document").fetchall()
    have = {}
    bad = 0
    for url, tlen, clen, note, tags in rows:
        have[url] = (note, tags)
        if "/essay-" not in url:
            # The warm-up's, saved with no tag nor note.
            continue
        i = int(url.rsplit("essay-", 1)[1].split(".")[0])
        if not tlen or not clen or note != note_of(i) or tags != tag_of(i):
            print("not whole: %s (text %s, content %s, note %r, tags %r)"
                  % (url, tlen, clen, note, tags))
            bad += 1
    for url in done_urls:
        if url not in have:
            print("reported done, not there: %s" % url)
            bad += 1
    print("%d bookmarks, %d reported done, %d bad" %
          (len(have), len(done_urls), bad))
    return 1 if bad else 0


def kill_loop(reel, d, n):
    env = dict(os.environ)
    # How long one save takes, to spread the kills over it.
    t0 = time.monotonic()
    subprocess.run([reel, "bookmark", "add", os.path.join(d, "warm.html")],
                   env=env, stdout=subprocess.DEVNULL, check=True)
    took = time.monotonic() - t0
    done = []
    killed = 0
    rnd = random.Random(os.environ.get("DURABILITY_SEED"))
    for i in range(n):
        path = os.path.join(d, "essay-%d.html" % i)
        p = subprocess.Popen([reel, "bookmark", "add", path, "-t",
                              tag_of(i), "-n", note_of(i)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rnd.uniform(0, took * 1.2))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        out, err = p.communicate()
        if p.returncode == 0 and out.startswith(b"Bookmarked "):
            done.append(os.path.realpath(path))
        elif p.returncode not in (0, -signal.SIGKILL):
            print("essay %d: exit %d: %s" % (i, p.returncode,
                                             err.decode("utf-8", "replace")))
            return 1
    print("%d saves, %d killed before they ended, %d reported done" %
          (n, killed, len(done)))
    if killed == 0 or len(done) == 0:
        print("the kills missed: none or all ended")
        return 1
    return check(os.path.join(os.environ["XDG_DATA_HOME"], "reel",
                              "library.db"), done)


def make_v1(sql, db):
    con = sqlite3.connect(db)
    con.executescript(open(sql, encoding="utf-8").read())
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    return 0


def dump(db):
    con = ro(db)
    for line in con.iterdump():
        print(line)
    return 0


def place(db, url):
    row = ro(db).execute(
        "SELECT r.pos_section, r.pos_block, r.pos_offset, r.read_at,"
        " r.finished FROM document_urls u"
        " JOIN readings r ON r.document = u.document"
        " WHERE u.url = ?", (url,)).fetchone()
    if row is None:
        print("no essay %s" % url)
        return 1
    print(" ".join(str(v) for v in row))
    return 0


def main(argv):
    cmd = argv[1]
    if cmd == "kill-loop":
        return kill_loop(argv[2], argv[3], int(argv[4]))
    if cmd == "check":
        with open(argv[3]) as f:
            return check(argv[2], [l.strip() for l in f if l.strip()])
    if cmd == "make-v1":
        return make_v1(argv[2], argv[3])
    if cmd == "dump":
        return dump(argv[2])
    if cmd == "place":
        return place(argv[2], argv[3])
    if cmd == "version":
        print(ro(argv[2]).execute("PRAGMA user_version").fetchone()[0])
        return 0
    print("unknown command %s" % cmd, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
