package io.tradekit.config;

import io.tradekit.api.InvalidInputException;

import java.util.List;

/**
 * A configuration that cannot be used: every problem found, each naming its field and what was expected.
 * Values of secret fields never appear in the message.
 */
public final class ConfigException extends InvalidInputException {

    /** Every problem found, in the order found; part of the exception's serialized form. */
    private final List<ConfigProblem> problems;

    /**
     * An error listing every problem; its message is {@code source: problem} for one problem, or one line per problem.
     *
     * @param source   names the configuration, e.g. the file's path
     * @param problems what is wrong, at least one
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public ConfigException(String source, List<ConfigProblem> problems) {
        super(render(source, problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("a configuration error needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found.
     *
     * @return the problems, in the order found; unmodifiable
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /**
     * The paths of the fields at fault, in the order found.
     *
     * @return the fields' paths, e.g. {@code exchange.settings.restUrl}
     */
    public List<String> fields() {
        return problems.stream().map(ConfigProblem::field).toList();
    }

    private static String render(String source, List<ConfigProblem> problems) {
        if (problems.size() == 1) return source + ": " + problems.getFirst();
        StringBuilder out = new StringBuilder(source).append(" has ").append(problems.size()).append(" problems:");
        for (ConfigProblem p : problems) out.append("\n  ").append(p);
        return out.toString();
    }
}
