/**
 * The configuration model of a bot and its reader, for hosts and the command line alike.
 * {@link io.tradekit.config.BotConfigReader} reads a JSON file into a {@link io.tradekit.config.BotConfig}
 * (defaults, then the file, then the environment for credentials), reporting every problem at once in a
 * {@link io.tradekit.config.ConfigException}, each {@link io.tradekit.config.ConfigProblem} naming its field's
 * path. {@link io.tradekit.config.ModeRequirements} then checks what a {@link io.tradekit.config.Mode} needs
 * before anything connects (credentials, a loss limit and a confirmation for {@code live}). Secrets never
 * appear in messages or in {@code toString()}.
 *
 * <pre>{@code BotConfig config = BotConfigReader.withSystemEnvironment().read(Path.of("bot.json"));
 * ModeRequirements.check(config, Mode.PAPER, false, Plugins.discover(), "bot.json");}</pre>
 */
package io.tradekit.config;
