# Regenerates tifffile-zlib.ome.tif, tifffile-2ch.ome.tif and tifffile-loops.truth.json (python3, numpy, tifffile).
# Writes two small OME-TIFF loops with tifffile (an independent OME-TIFF writer) and their truth.
import numpy as np, tifffile, json
rng = np.random.default_rng(17)
t = np.round(np.concatenate([[0.0], np.cumsum(rng.uniform(0.1, 2.0, 39))]), 4)
H, W = 24, 32
yy, xx = np.mgrid[0:H, 0:W]
roi = ((xx + 0.5 - 16) / 6.0) ** 2 + ((yy + 0.5 - 12) / 5.0) ** 2 <= 1
def bolus(tt, t0=2.0, mu=np.log(7), s=0.45, A=2500):
    x = np.clip(tt - t0, 1e-9, None)
    return np.where(tt > t0, A / (x * s * np.sqrt(2 * np.pi)) * np.exp(-(np.log(x) - mu) ** 2 / (2 * s * s)), 0.0)
def frames(shift):
    return np.stack([np.clip(np.round(255 * np.log10(30 + roi * bolus(ti - shift)) / 4.0), 0, 255) for ti in t]).astype(np.uint8)
unit = 'µm'
meta = {'axes': 'TYX', 'PhysicalSizeX': 200.0, 'PhysicalSizeXUnit': unit, 'PhysicalSizeY': 200.0,
        'PhysicalSizeYUnit': unit, 'Plane': {'DeltaT': [float(x) for x in t], 'DeltaTUnit': ['s'] * 40}}
tifffile.imwrite('tifffile-zlib.ome.tif', frames(0), ome=True, metadata=meta, compression='zlib')
meta2 = dict(meta, axes='TCYX', Channel={'Name': ['B-mode', 'CEUS']},
             Plane={'DeltaT': [float(x) for x in np.repeat(t, 2)], 'DeltaTUnit': ['s'] * 80})
tifffile.imwrite('tifffile-2ch.ome.tif', np.stack([frames(6), frames(0)], axis=1), ome=True, metadata=meta2, compression='zlib')
json.dump({'writer': 'tifffile ' + tifffile.__version__, 'timesS': [float(x) for x in t],
           'ttpS': 2.0 + 7 * np.exp(-0.45 ** 2), 'roi': 'oval:10,7,12,10', 'pixelSizeMm': 0.2,
           'bolus': 'grey = round(255 log10(30 + 2500 lognormal(t - 2 s; mu ln 7, sigma 0.45)) / 4) inside the ROI, 30 outside',
           'channels': {'tifffile-2ch.ome.tif': '1 B-mode: the same bolus 6 s later; 2 CEUS: the bolus'}},
          open('tifffile-loops.truth.json', 'w'), indent=1)
