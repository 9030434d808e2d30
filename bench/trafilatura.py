#!/usr/bin/env python3
"""trafilatura.py: how much of the essay reel keeps, and how much of the
page's furniture it drops, on pages a person annotated.

Runs `reel dump -f plain` over every page of CORPUS/trafilatura (listed in
its cases.jsonl) and scores the texts with CORPUS/../tools/snippets.py: a
kept "with" snippet is a true positive, a kept "without" snippet a false
positive. Prints the score and the issue's target beside it.

usage: trafilatura.py REEL CORPUS [--per-case] [--jobs N]
"""
import argparse, concurrent.futures, json, os, subprocess, sys, tempfile

P_MIN, R_MIN, F1_MIN = 0.92, 0.92, 0.93


def dump(reel, src, out):
    r = subprocess.run([reel, 'dump', '-f', 'plain', src], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, timeout=60)
    with open(out, 'wb') as f:
        f.write(r.stdout)
    return r.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('reel')
    ap.add_argument('corpus')
    ap.add_argument('--per-case', action='store_true')
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    tdir = os.path.join(a.corpus, 'trafilatura')
    tool = os.path.join(a.corpus, '..', 'tools', 'snippets.py')
    pages = []
    with open(os.path.join(tdir, 'cases.jsonl'), encoding='utf-8') as f:
        for line in f:
            pages.append(json.loads(line)['file'])
    with tempfile.TemporaryDirectory(prefix='reel-trafilatura.') as tmp:
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
            futs = [ex.submit(dump, a.reel, os.path.join(tdir, p),
                              os.path.join(tmp, os.path.splitext(os.path.basename(p))[0] + '.txt'))
                    for p in pages]
        failed = sum(1 for f in futs if f.result() != 0)
        cmd = [sys.executable, tool, tdir, tmp, '--name=reel']
        if a.per_case:
            cmd.append('--per-case')
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit('snippets.py failed: ' + r.stderr)
    print(f'reel dump -f plain over {len(pages)} annotated pages ({failed} gave no text)')
    for line in r.stdout.strip().splitlines():
        print('  ' + line)
    print(f'  target: F1 >= {F1_MIN}, P >= {P_MIN}, R >= {R_MIN}')


if __name__ == '__main__':
    main()
