# Reads a CSV/TSV with base R and DEFAULT options; prints {"columns": [...], "rows": [[...]]} as JSON
# (no jsonlite needed: strings escaped by hand). usage: Rscript read-table.R read.csv|read.delim FILE
args <- commandArgs(trailingOnly = TRUE)
df <- if (args[1] == "read.csv") read.csv(args[2], encoding = "UTF-8") else read.delim(args[2], encoding = "UTF-8")
js <- function(v) {
  if (is.na(v)) return("null")
  if (is.numeric(v)) return(format(v, digits = 17))
  if (is.logical(v)) return(if (v) "true" else "false")
  s <- enc2utf8(as.character(v))
  s <- gsub("\\\\", "\\\\\\\\", s); s <- gsub("\"", "\\\\\"", s)
  s <- gsub("\n", "\\\\n", s); s <- gsub("\r", "\\\\r", s); s <- gsub("\t", "\\\\t", s)
  for (k in 1:31) s <- gsub(intToUtf8(k), sprintf("\\u%04x", k), s, fixed = TRUE)
  paste0("\"", s, "\"")
}
rows <- vapply(seq_len(nrow(df)), function(i) paste0("[", paste(vapply(df[i, , drop = TRUE], js, ""), collapse = ","), "]"), "")
cat(paste0("{\"columns\":[", paste(vapply(names(df), js, ""), collapse = ","), "],\"rows\":[", paste(rows, collapse = ","), "]}"))
