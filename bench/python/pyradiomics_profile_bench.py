# The pyradiomics side of bench/pyradiomics.bench.ts: one RadiomicsFeatureExtractor(params.yaml).execute on
# the image and mask files the bench wrote (raw float64 / uint8, numpy order z, y, x), single-threaded
# (SimpleITK's global default threads = 1; the bench also sets OMP/OPENBLAS/MKL_NUM_THREADS=1), best of
# `repeats` runs. Beside the total it times, inside that same execute, each feature class per image type
# (the class's constructor, which crops and bins, plus execute) and each image type's filter (the time spent
# in its get<Type>Image generator), by wrapping pyradiomics' own class table and generators.
# Usage: python pyradiomics_profile_bench.py DIR NX NY NZ SX SY SZ REPEATS  → one JSON line on stdout.
import json
import logging
import sys
import time

import numpy as np
import radiomics
import SimpleITK as sitk
from radiomics import featureextractor, imageoperations

logging.getLogger("radiomics").setLevel(logging.ERROR)
sitk.ProcessObject.SetGlobalDefaultNumberOfThreads(1)

d = sys.argv[1]
nx, ny, nz = map(int, sys.argv[2:5])
sx, sy, sz = map(float, sys.argv[5:8])
repeats = int(sys.argv[8])


def load(name, dtype):
    a = np.fromfile(f"{d}/{name}", dtype=dtype).reshape(nz, ny, nx)
    i = sitk.GetImageFromArray(a)
    i.SetSpacing((sx, sy, sz))
    return i


image = load("image.f64", np.float64)
mask = load("mask.u8", np.uint8)

times = {}  # "<image type>/<class or filter>" -> seconds (summed over the type's derived images)
current = {"type": "original"}


def add(key, seconds):
    times[key] = times.get(key, 0.0) + seconds


def image_type_of(name):
    return "original" if name == "original" else name.split("-")[0].rstrip("0123456789")


def timed_class(cls, class_name):
    class Timed(cls):
        def __init__(self, *a, **k):
            t = time.perf_counter()
            super().__init__(*a, **k)
            add(f"{current['type']}/{class_name}", time.perf_counter() - t)

        def execute(self):
            t = time.perf_counter()
            r = super().execute()
            add(f"{current['type']}/{class_name}", time.perf_counter() - t)
            return r

    return Timed


def timed_generator(fn, type_name):
    def wrapper(*a, **k):
        gen = fn(*a, **k)
        while True:
            t = time.perf_counter()
            try:
                item = next(gen)
            except StopIteration:
                add(f"{type_name}/filter", time.perf_counter() - t)
                return
            add(f"{type_name}/filter", time.perf_counter() - t)
            yield item

    return wrapper


classes = radiomics.getFeatureClasses()  # pyradiomics' own table, read by execute and computeShape
for name in list(classes):
    classes[name] = timed_class(classes[name], name)
for type_name, attr in [("log", "getLoGImage"), ("wavelet", "getWaveletImage"), ("original", "getOriginalImage")]:
    setattr(imageoperations, attr, timed_generator(getattr(imageoperations, attr), type_name))

extractor = featureextractor.RadiomicsFeatureExtractor(f"{d}/params.yaml")
compute_features = extractor.computeFeatures


def compute_with_type(img, msk, image_type_name, **kwargs):
    current["type"] = image_type_of(image_type_name)
    try:
        return compute_features(img, msk, image_type_name, **kwargs)
    finally:
        current["type"] = "original"


extractor.computeFeatures = compute_with_type

best = None
for _ in range(repeats):
    times.clear()
    t = time.perf_counter()
    result = extractor.execute(image, mask)
    total = time.perf_counter() - t
    if best is None or total < best["total"]:
        best = {"total": total, "parts": dict(times)}

values = {k: float(v) for k, v in result.items() if not k.startswith("diagnostics_")}
print(json.dumps({"versions": {"pyradiomics": radiomics.__version__, "SimpleITK": sitk.__version__, "numpy": np.__version__},
                  "total": best["total"], "parts": best["parts"], "values": values}))
