# Derived-importance weights for scenarios/weights/citizen-priorities.json.
# Run: Rscript scenarios/weights/citizen-priorities.R  (reads the shared data copy; not used by the app or tests)
# Output (R 4, base stats::cov.wt): the correlations pasted into the JSON.
d <- read.csv("/work/shared/data/survey/qol_survey_wineq.csv")
items <- list(
  income_wealth = c("V19"),
  work_job_quality = c("V1", "V2", "V12"),
  housing = c("V18"),
  health = c("V11"),
  environmental_quality = c("V5", "V6"),
  safety = c("V8"),
  work_life_balance = c("V3", "V13", "V14"),
  social_connections = c("V15", "V21"),
  civic_engagement = c("V16", "V22")
)
r <- sapply(items, function(v) {
  x <- rowMeans(d[, v, drop = FALSE])
  ok <- complete.cases(x, d$V9)
  cov.wt(cbind(x[ok], d$V9[ok]), wt = d$Weight[ok], cor = TRUE)$cor[1, 2]
})
print(sum(complete.cases(d)))
print(round(r, 6))
share <- r / sum(r)
print(round(share, 6))
