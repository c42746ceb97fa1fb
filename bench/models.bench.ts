// bench/models: every model fit at 500 patients × 200 features beside its Python reference on the same
// data in the same run, printed as ratios ours / python — nested-CV L1 logistic vs scikit-learn
// (bench/models-logistic), univariate Cox and penalised Cox CV vs lifelines (bench/models-survival),
// ComBat vs neuroCombat (bench/combat) — then ours inline vs on the model worker pool (bench/models-pool).
// Run: npm run bench:models  (BENCH_PYTHON defaults to /opt/rgpy/bin/python here)
process.env.BENCH_PYTHON ??= "/opt/rgpy/bin/python";
console.log("== nested-CV L1 logistic vs scikit-learn ==");
await import("./models-logistic.bench.js");
console.log("\n== univariate Cox, penalised Cox CV vs lifelines ==");
await import("./models-survival.bench.js");
console.log("\n== ComBat vs neuroCombat ==");
await import("./combat.bench.js");
await import("./models-pool.bench.js");
