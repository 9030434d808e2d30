#!/usr/bin/env python3
"""startup.py: what a whole `reel dump` costs against a bare parse.

For each page of CORPUS/readability, runs `reel dump -f plain PAGE` and
`xmllint --html --noout PAGE` RUNS times each, interleaved so that both
see the same load, and keeps each one's median; prints the sums and their
ratio (the issue's target is 2). With valgrind installed it also counts
the instructions of both on an empty page, and how many of reel's go to
the dynamic loader: instruction counts do not depend on the machine's
load, wall-clock times do.

usage: startup.py REEL CORPUS [--runs N]
"""
import argparse, os, re, shutil, statistics, subprocess, tempfile, time

RATIO_MAX = 2.0


def wall(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def callgrind(cmd, tmp):
    out = os.path.join(tmp, 'cg.out')
    r = subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r'Collected : (\d+)', r.stderr) or re.search(r'refs:\s+([\d,]+)', r.stderr)
    total = int(m.group(1).replace(',', '')) if m else 0
    a = subprocess.run(['callgrind_annotate', '--inclusive=yes', out],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    m = re.search(r'^\s*([\d,]+) .*_dl_start ', a, re.M)
    loader = int(m.group(1).replace(',', '')) if m else 0
    return total, loader


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('reel')
    ap.add_argument('corpus')
    ap.add_argument('--runs', type=int, default=5)
    a = ap.parse_args()
    xmllint = shutil.which('xmllint')
    if xmllint is None:
        raise SystemExit('startup.py: no xmllint (Debian: libxml2-utils)')
    rdir = os.path.join(a.corpus, 'readability')
    cases = sorted(c for c in os.listdir(rdir)
                   if os.path.exists(os.path.join(rdir, c, 'source.html')))
    reel_t = xml_t = 0.0
    for c in cases:
        page = os.path.join(rdir, c, 'source.html')
        r, x = [], []
        for _ in range(a.runs):
            r.append(wall([a.reel, 'dump', '-f', 'plain', page]))
            x.append(wall([xmllint, '--html', '--noout', page]))
        reel_t += statistics.median(r)
        xml_t += statistics.median(x)
    print(f'whole process over {len(cases)} pages (median of {a.runs} runs each):')
    print(f'  reel dump -f plain  {1000 * reel_t:8.0f} ms')
    print(f'  xmllint --html      {1000 * xml_t:8.0f} ms')
    print(f'  ratio               {reel_t / xml_t:8.2f}   (target <= {RATIO_MAX})')
    if shutil.which('valgrind') is None:
        print('  (no valgrind: instruction counts not measured)')
        return
    with tempfile.TemporaryDirectory(prefix='reel-startup.') as tmp:
        empty = os.path.join(tmp, 'empty.html')
        with open(empty, 'w') as f:
            f.write('<p>x</p>\n')
        rt, rl = callgrind([a.reel, 'dump', '-f', 'plain', empty], tmp)
        xt, xl = callgrind([xmllint, '--html', '--noout', empty], tmp)
    print('instructions on a one-paragraph page (callgrind):')
    print(f'  reel dump -f plain  {rt:>12,}  of which the dynamic loader {rl:,}')
    print(f'  xmllint --html      {xt:>12,}  of which the dynamic loader {xl:,}')


if __name__ == '__main__':
    main()
