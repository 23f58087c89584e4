#!/usr/bin/python3
"""The job of `ceus analyze LOOP --roi NAME=oval:x,y,w,h` as a plain researcher's script would do it:
pydicom reads the DICOM, Pillow decodes each JPEG frame and converts it to grey (ITU-R 601 luma), numpy
takes the mean linearised power (40 dB) inside the oval ROI, and SciPy's curve_fit fits one lognormal
bolus. Writes the curve to OUT.csv and prints the time of each stage (stderr).

Usage: /usr/bin/python3 bench/analyze_python.py LOOP.dcm x,y,w,h OUT.csv
Needs Debian's python3-pydicom, python3-pil, python3-numpy, python3-scipy.
"""
import io
import sys
import time

import numpy as np
import pydicom
from PIL import Image
from pydicom.encaps import generate_pixel_data_frame
from scipy.optimize import curve_fit

DYNAMIC_RANGE_DB = 40.0


def oval_mask(shape, x, y, w, h):
    """Pixels whose centres lie inside the ellipse inscribed in the box x, y, w, h."""
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    cx, cy = x + w / 2.0, y + h / 2.0
    return ((xx + 0.5 - cx) / (w / 2.0)) ** 2 + ((yy + 0.5 - cy) / (h / 2.0)) ** 2 <= 1.0


def lognormal(t, base, area, t0, mu, sigma):
    s = np.clip(t - t0, 1e-9, None)
    pdf = np.exp(-0.5 * ((np.log(s) - mu) / sigma) ** 2) / (s * sigma * np.sqrt(2 * np.pi))
    return base + area * np.where(t > t0, pdf, 0.0)


def main():
    path, box, out = sys.argv[1], [int(v) for v in sys.argv[2].split(',')], sys.argv[3]
    t_start = time.perf_counter()
    ds = pydicom.dcmread(path)
    n = int(ds.NumberOfFrames)
    dt = float(ds.FrameTime) / 1000.0
    mask = oval_mask((int(ds.Rows), int(ds.Columns)), *box)
    lut = 10.0 ** (np.arange(256) * DYNAMIC_RANGE_DB / (10.0 * 255))
    t_read = time.perf_counter()
    tic = np.empty(n)
    for k, frame in enumerate(generate_pixel_data_frame(ds.PixelData, n)):
        grey = np.asarray(Image.open(io.BytesIO(frame)).convert('L'))
        tic[k] = lut[grey[mask]].mean()
    t_tic = time.perf_counter()
    t = np.arange(n) * dt
    peak = int(np.argmax(tic))
    p0 = [tic[:5].mean(), (tic.max() - tic[:5].mean()) * t[peak], max(t[peak] / 3, dt), np.log(max(t[peak], dt)), 0.5]
    params, _ = curve_fit(lognormal, t, tic, p0=p0, maxfev=20000)
    t_fit = time.perf_counter()
    np.savetxt(out, np.column_stack([np.arange(1, n + 1), t, tic, lognormal(t, *params)]), delimiter=',',
               header='frame,time_s,roi,fit', comments='', fmt=['%d', '%.6f', '%.8g', '%.8g'])
    t_end = time.perf_counter()
    print('python stages: read %.2f s, decode+TIC %.2f s (%.2f ms/frame), fit %.2f s, write %.2f s'
          % (t_read - t_start, t_tic - t_read, 1000 * (t_tic - t_read) / n, t_fit - t_tic, t_end - t_fit),
          file=sys.stderr)


if __name__ == '__main__':
    main()
