/**
 * Result writers and charts, headless: {@code analysis.json} ({@link org.ceusperfusion.report.AnalysisJson}),
 * {@code tic.csv} ({@link org.ceusperfusion.report.TicCsv}), TIC charts as pure functions of data
 * ({@link org.ceusperfusion.report.TicChart}) exported to PNG and vector PDF
 * ({@link org.ceusperfusion.report.ChartExport}), the comparison outputs ({@code comparison.json},
 * {@code comparison.csv}, the one-page {@code report.pdf}/{@code report.png}), all written atomically
 * through {@link org.ceusperfusion.report.AtomicFiles}.
 */
package org.ceusperfusion.report;
