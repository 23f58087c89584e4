#!/usr/bin/env python3
"""Naive per-pixel SciPy baseline for the map benchmark: what a researcher writes today.

Reads <dir>/map-bench.u8 (frames x height x width, uint8) and <dir>/map-bench.times.txt written by
org.ceusperfusion.maps.MapBenchmarkLoop, linearises the grey levels (P = 10^(G*DR/(10*255)), DR 40 dB),
and fits the lognormal bolus model to each pixel's curve with scipy.optimize.curve_fit (MINPACK LM,
numerical Jacobian), one pixel at a time. Only a seeded random subset of pixels is fitted (default 300);
the script prints the measured fits per second, from which the whole-frame time is extrapolated.

Usage: scipy_per_pixel.py DIR [N_PIXELS] [SEED]
Prints one line: pixels=<n> seconds=<s> pixels_per_s=<r> failed=<k> median_ttp_s=<t>
"""
import sys
import time
import warnings

import numpy as np
from scipy.optimize import curve_fit

SQRT_2PI = np.sqrt(2 * np.pi)


def lognormal(t, o, a, mu, sigma, t0):
    tau = t - t0
    out = np.full_like(t, o)
    m = tau > 0
    tm = tau[m]
    out[m] = o + a / (SQRT_2PI * sigma * tm) * np.exp(-(np.log(tm) - mu) ** 2 / (2 * sigma ** 2))
    return out


def start_point(t, y):
    """A typical hand-written start: baseline from the first frames, peak from a smoothed curve."""
    base = np.median(y[: max(5, len(y) // 20)])
    k = max(3, len(y) // 25)
    smooth = np.convolve(y, np.ones(k) / k, mode="same")
    ip = int(np.argmax(smooth))
    peak = smooth[ip] - base
    t0 = max(t[0], t[ip] - 0.6 * (t[ip] - t[0]))
    sigma = 0.5
    mode = max(t[ip] - t0, 0.5)
    mu = np.log(mode) + sigma ** 2
    area = max(peak, 1e-3) * SQRT_2PI * sigma * np.exp(mu - sigma ** 2 / 2)
    return [base, area, mu, sigma, t0]


def main():
    d = sys.argv[1]
    n_pix = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    with open(f"{d}/map-bench.times.txt") as f:
        w, h, n = (int(v) for v in f.readline().split())
        t = np.array([float(line) for line in f if line.strip()])
    grey = np.fromfile(f"{d}/map-bench.u8", dtype=np.uint8).reshape(n, h, w)
    power = 10.0 ** (grey.astype(np.float64) * 40.0 / (10.0 * 255.0))
    rng = np.random.default_rng(seed)
    pixels = rng.choice(w * h, size=min(n_pix, w * h), replace=False)
    failed = 0
    ttps = []
    warnings.simplefilter("ignore")
    start = time.perf_counter()
    cpu_start = time.process_time()
    for p in pixels:
        y = power[:, p // w, p % w]
        try:
            popt, _ = curve_fit(lognormal, t, y, p0=start_point(t, y), maxfev=2000)
            ttps.append(popt[4] + np.exp(popt[2] - popt[3] ** 2))
        except (RuntimeError, ValueError):
            failed += 1
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    ttp = float(np.median(ttps)) if ttps else float("nan")
    print(f"pixels={len(pixels)} seconds={seconds:.3f} pixels_per_s={len(pixels) / seconds:.2f} "
          f"failed={failed} median_ttp_s={ttp:.3f} cpu_seconds={cpu:.3f} cpu_rate={len(pixels) / cpu:.2f}")


if __name__ == "__main__":
    main()
