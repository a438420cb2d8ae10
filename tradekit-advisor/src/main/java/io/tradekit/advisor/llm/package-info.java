/**
 * Proposals from a language model: {@link io.tradekit.advisor.llm.LlmProposalSource} sends a bot's figures and the
 * parameters it may change to a model, in one of four wire formats ({@link io.tradekit.advisor.llm.ChatProtocol}:
 * {@link io.tradekit.advisor.llm.OpenAiChat} and compatible servers, {@link io.tradekit.advisor.llm.AnthropicMessages},
 * {@link io.tradekit.advisor.llm.GeminiGenerateContent}, {@link io.tradekit.advisor.llm.OllamaChat}), and turns a
 * checked answer into a {@link io.tradekit.advisor.Proposal}. Every proposed value lies within its declared
 * {@link io.tradekit.advisor.ParameterRange}; anything else in the answer is dropped.
 *
 * <p>By name, the source is {@code llm} ({@link io.tradekit.advisor.llm.LlmSourceProvider} lists its settings); the
 * API key is read from the environment variable the settings name and never appears in a log line, an exception or
 * a proposal. Each call has one deadline over the whole exchange and an answer size limit
 * ({@link io.tradekit.advisor.llm.LlmSourceSettings}).
 */
package io.tradekit.advisor.llm;
