# Side-by-side timing of eRm::PCM on the SIMULATED data that bench/rasch.bench.ts writes
# (30 items x 5 categories; 800 and 100 000 persons) to $TMPDIR/livsval-rasch-bench/.
# Not run by tests. Usage (after the Node bench has run once):
#   Rscript bench/rasch-erm.R            # 800 persons, 3 runs
#   Rscript bench/rasch-erm.R 100000 1   # 100 000 persons, 1 run (slow)
library(eRm)
args <- commandArgs(trailingOnly = TRUE)
persons <- if (length(args) >= 1) as.integer(args[1]) else 800L
runs <- if (length(args) >= 2) as.integer(args[2]) else 3L
dir <- file.path(Sys.getenv("TMPDIR", "/tmp"), "livsval-rasch-bench")
file <- file.path(dir, sprintf("pcm_%d.csv", persons))
if (!file.exists(file)) stop("run the Node bench first: ", file, " is missing")
X <- read.csv(file)
times <- numeric(runs)
for (r in seq_len(runs)) {
  times[r] <- system.time(m <- PCM(X, se = TRUE))[["elapsed"]]
}
th <- thresholds(m)$threshtable[[1]]
cat(sprintf("eRm %s PCM, %d persons x %d items: elapsed %s s (median %.2f s)\n",
            as.character(packageVersion("eRm")), nrow(X), ncol(X),
            paste(sprintf("%.2f", times), collapse = ", "), median(times)))
cat(sprintf("mean location (eRm sum-beta-zero scale): %.4f; first item thresholds: %s\n",
            mean(th[, 1]), paste(sprintf("%.4f", th[1, -1]), collapse = " ")))
