/**
 * The {@code tradekit} command line: {@link io.tradekit.examples.cli.TradeKitCli} is the entry point
 * ({@code java -jar tradekit.jar <command> [flags]}) and documents the exit codes; each
 * {@link io.tradekit.examples.cli.Command} is one word ({@code backtest}, {@code optimize}, {@code replay},
 * {@code paper}, {@code dry-run}, {@code live}, {@code simulate}, {@code bench}, {@code serve},
 * {@code approvals}) whose flags are declared once in {@link io.tradekit.examples.cli.Options}, so that the help
 * cannot drift from what the parser accepts. Commands write to a {@link io.tradekit.examples.cli.Terminal}:
 * results on standard output, progress and errors on standard error. Nothing here is needed by a host at run time.
 */
package io.tradekit.examples.cli;
