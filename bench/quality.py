#!/usr/bin/env python3
"""quality.py: how close reel's extraction comes to Mozilla Readability on
its test corpus.

Runs `reel dump -f plain` over every CORPUS/readability/<case>/source.html,
scores the texts with CORPUS/../tools/score.py (4-token shingles) for the
real-site, synthetic and long-form case lists, and compares the title and
byline that reel finds (printed by tests/extract_meta) with
expected-metadata.json after white-space normalisation.

usage: quality.py REEL EXTRACT_META CORPUS [--check] [--per-case] [--jobs N]
--check exits 1 when the real-case F1 is below 0.99 or title or byline
agreement is below 90%.
"""
import argparse, concurrent.futures, json, os, re, subprocess, sys, tempfile

F1_MIN, META_MIN = 0.99, 0.90


def norm(s):
    return re.sub(r'\s+', ' ', s or '').strip()


def dump(reel, src, out):
    r = subprocess.run([reel, 'dump', '-f', 'plain', src], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    with open(out, 'wb') as f:
        f.write(r.stdout)
    return r.returncode, r.stderr.decode('utf-8', 'replace').strip()


def score(tools, corpus, pred, cases, per_case):
    cmd = [sys.executable, os.path.join(tools, 'score.py'), corpus, pred,
           '--bootstrap', '2']
    if cases:
        cmd += ['--cases', cases]
    if per_case:
        cmd.append('--per-case')
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit('score.py failed: ' + r.stderr)
    lines = r.stdout.strip().splitlines()
    m = re.search(r'F1=([\d.]+).*? P=([\d.]+).*? R=([\d.]+)', lines[-1])
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), lines[:-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('reel')
    ap.add_argument('meta')
    ap.add_argument('corpus')
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--per-case', action='store_true')
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    rdir = os.path.join(a.corpus, 'readability')
    tools = os.path.join(a.corpus, '..', 'tools')
    cases = sorted(c for c in os.listdir(rdir)
                   if os.path.exists(os.path.join(rdir, c, 'source.html')))
    failed = []
    with tempfile.TemporaryDirectory(prefix='reel-quality.') as tmp:
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
            futs = {c: ex.submit(dump, a.reel, os.path.join(rdir, c, 'source.html'),
                                 os.path.join(tmp, c + '.txt')) for c in cases}
        for c, f in futs.items():
            rc, err = f.result()
            if rc != 0:
                failed.append(f'{c}: exit {rc}: {err}')
        print(f'reel dump -f plain over {len(cases)} pages of the Readability corpus')
        results = {}
        for name, lst in (('real', 'readability-real-cases.txt'),
                          ('synthetic', 'readability-synthetic-cases.txt'),
                          ('longform', 'readability-longform-cases.txt'),
                          ('all', None)):
            path = os.path.join(a.corpus, lst) if lst else None
            f1, p, r, rows = score(tools, rdir, tmp, path, a.per_case and name == 'all')
            results[name] = f1
            n = len(open(path).read().split()) if path else len(cases)
            print(f'  {name:<10} n={n:<4} F1={f1:.3f} P={p:.3f} R={r:.3f}')
            for row in rows:
                print('    ' + row)

    # Metadata, through the same pipeline.
    srcs = [os.path.join(rdir, c, 'source.html') for c in cases]
    r = subprocess.run([a.meta] + srcs, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    got = {}
    for line in r.stdout.splitlines():
        o = json.loads(line)
        got[os.path.basename(os.path.dirname(o['file']))] = o
    agree = {}
    for field in ('title', 'byline', 'lang', 'dir', 'siteName', 'publishedTime', 'excerpt'):
        have = ok = 0
        miss = []
        for c in cases:
            exp = json.load(open(os.path.join(rdir, c, 'expected-metadata.json')))
            want = norm(exp.get(field))
            if not want:
                continue
            have += 1
            mine = norm(got.get(c, {}).get(field))
            if field == 'publishedTime':
                # reel normalises dates to ISO 8601: compare the day.
                want, mine = want[:10], mine[:10]
            if mine == want:
                ok += 1
            else:
                miss.append((c, want, mine))
        agree[field] = ok / have if have else 1.0
        label = field + (' (day)' if field == 'publishedTime' else '')
        print(f'  {label:<20} {ok}/{have} = {100 * agree[field]:.1f}% agree')
        if field in ('title', 'byline'):
            for c, want, mine in miss:
                print(f'    {c}: want {want[:70]!r} got {mine[:70]!r}')
    for f in failed:
        print('  FAILED ' + f)
    if a.check:
        bad = []
        if results['real'] < F1_MIN:
            bad.append(f'real-case F1 {results["real"]:.3f} < {F1_MIN}')
        for field in ('title', 'byline'):
            if agree[field] < META_MIN:
                bad.append(f'{field} agreement {100 * agree[field]:.1f}% < {100 * META_MIN:.0f}%')
        if failed:
            bad.append(f'{len(failed)} page(s) failed')
        for b in bad:
            print('FAIL: ' + b)
        sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
