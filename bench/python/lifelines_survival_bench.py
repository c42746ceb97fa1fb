"""lifelines side of bench/models-survival: reads X, T, E, folds and penalizers from a JSON file,
times univariate CoxPHFitter over every column and penalised Cox CV over the same folds and grid."""
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
from lifelines import CoxPHFitter
from lifelines.utils import concordance_index

warnings.filterwarnings("ignore")
d = json.load(open(sys.argv[1]))
X = np.array(d["X"]); T = np.array(d["T"]); E = np.array(d["E"])
n, p = X.shape
cols = [f"x{j}" for j in range(p)]
df = pd.DataFrame(X, columns=cols).assign(T=T, E=E)

t0 = time.perf_counter()
uni = []
for c in cols:
    m = CoxPHFitter().fit(df[[c, "T", "E"]], "T", "E")
    uni.append(float(m.params_.iloc[0]))
uni_s = time.perf_counter() - t0

t0 = time.perf_counter()
oof = {lam: np.zeros(n) for lam in d["penalizers"]}
for test in d["folds"]:
    mask = np.ones(n, bool); mask[test] = False
    for lam in d["penalizers"]:
        m = CoxPHFitter(penalizer=lam, l1_ratio=d["l1Ratio"]).fit(df[mask], "T", "E")
        oof[lam][test] = m.predict_log_partial_hazard(df.iloc[test][cols]).values
cv = [float(concordance_index(T, -oof[lam], E)) for lam in d["penalizers"]]
cv_s = time.perf_counter() - t0
print(json.dumps({"univariateSeconds": uni_s, "univariateCoefficients": uni, "cvSeconds": cv_s, "cvConcordance": cv}))
