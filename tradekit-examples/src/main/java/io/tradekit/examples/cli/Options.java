package io.tradekit.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags one command accepts, declared once and parsed by picocli: a flag is {@code --name value} or
 * {@code --name=value}; a switch has no value; a repeatable flag may be given several times. {@code --help} is
 * always known. The help text ({@link #describe()}) is made from the same declarations, so it cannot drift
 * from what the parser accepts. Anything else is a {@link UsageException} that names it and, for a mistyped
 * flag, suggests the nearest known ones.
 */
public final class Options {

    private record Spec(String name, String valueName, String description, boolean repeatable, String heading) {
        boolean takesValue() {
            return valueName != null;
        }
    }

    private final String command;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    /** The heading the next flags are listed under in the help, or null for the first group. */
    private String heading;

    /**
     * Flags of one command; {@code --help} is declared already.
     *
     * @param command the command's name, used in messages such as "unknown flag --x for backtest"
     */
    public Options(String command) {
        this.command = command;
        specs.put("help", new Spec("help", null, "show this help", false, null));
    }

    /**
     * Declares a flag that takes one value and may be given once.
     *
     * @param name the flag without its dashes, e.g. {@code data}
     * @param valueName what the value is, shown in the help, e.g. {@code FILE}
     * @param description one line for the help
     * @return these options
     * @throws IllegalStateException when the flag is declared already
     */
    public Options value(String name, String valueName, String description) {
        return add(new Spec(name, valueName, description, false, heading));
    }

    /**
     * Declares a flag that takes one value and may be given several times.
     *
     * @param name the flag without its dashes, e.g. {@code param}
     * @param valueName what each value is, shown in the help, e.g. {@code KEY=VALUE}
     * @param description one line for the help
     * @return these options
     * @throws IllegalStateException when the flag is declared already
     */
    public Options repeatable(String name, String valueName, String description) {
        return add(new Spec(name, valueName, description, true, heading));
    }

    /**
     * Declares a switch: a flag without a value.
     *
     * @param name the flag without its dashes, e.g. {@code yes}
     * @param description one line for the help
     * @return these options
     * @throws IllegalStateException when the flag is declared already
     */
    public Options flag(String name, String description) {
        return add(new Spec(name, null, description, false, heading));
    }

    private Options add(Spec spec) {
        if (specs.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException(command + ": the flag --" + spec.name() + " is declared twice");
        }
        return this;
    }

    /**
     * Lists the flags added after this under {@code text} in the help, after a blank line.
     *
     * @param text the heading, e.g. {@code Risk:}
     * @return these options
     */
    public Options heading(String text) {
        this.heading = text;
        return this;
    }

    /**
     * The options as help lines, descriptions aligned.
     *
     * @return one line per flag, in the order declared, with the group headings between them
     */
    public String describe() {
        List<String> heads = new ArrayList<>();
        int width = 0;
        for (Spec s : specs.values()) {
            String head = "--" + s.name() + (s.takesValue() ? " " + s.valueName() : "");
            heads.add(head);
            width = Math.max(width, head.length());
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        String group = null;
        for (Spec s : specs.values()) {
            String head = heads.get(i++);
            if (s.heading() != null && !s.heading().equals(group)) {
                group = s.heading();
                out.append('\n').append(group).append('\n');
            }
            out.append("  ").append(head).append(" ".repeat(width - head.length() + 3)).append(s.description())
                    .append(s.repeatable() ? " (repeatable)" : "").append('\n');
        }
        return out.toString();
    }

    /** The picocli model of these flags: every value a string, checked by the command that reads it. */
    private CommandLine parser() {
        CommandSpec spec = CommandSpec.create().name(command);
        for (Spec s : specs.values()) {
            OptionSpec.Builder option = OptionSpec.builder("--" + s.name()).description(s.description());
            if (!s.takesValue()) {
                option.arity("0").type(boolean.class);
            } else if (s.repeatable()) {
                option.arity("1").paramLabel(s.valueName()).type(List.class).auxiliaryTypes(String.class);
            } else {
                option.arity("1").paramLabel(s.valueName()).type(String.class);
            }
            spec.addOption(option.build());
        }
        CommandLine parser = new CommandLine(spec);
        parser.setOverwrittenOptionsAllowed(false);
        parser.setUnmatchedArgumentsAllowed(false);
        parser.setPosixClusteredShortOptionsAllowed(false);
        // A value may start with '-' (a negative funding rate, e.g. --funding-rate -0.0001) unless it is one of our flags.
        parser.setUnmatchedOptionsAllowedAsOptionParameters(true);
        return parser;
    }

    /**
     * Parses one command line against the declared flags.
     *
     * @param args the arguments after the command's name
     * @return the flags given, with their values
     * @throws UsageException on an unknown flag (naming the nearest known ones), a flag given twice, a missing value or a
     *         stray argument
     */
    public Parsed parse(List<String> args) {
        ParseResult result;
        try {
            result = parser().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.UnmatchedArgumentException e) {
            throw new UsageException(unmatched(e));
        } catch (CommandLine.OverwrittenOptionException e) {
            String name = e.getOverwritten() instanceof OptionSpec option ? option.longestName() : e.getOverwritten().paramLabel();
            throw new UsageException(name + " is given twice");
        } catch (CommandLine.MissingParameterException e) {
            OptionSpec missing = (OptionSpec) e.getMissing().getFirst();
            throw new UsageException(missing.longestName() + " needs a value (" + missing.paramLabel() + ")");
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (OptionSpec option : result.matchedOptions()) {
            String name = option.longestName().substring(2);
            Spec spec = specs.get(name);
            if (!spec.takesValue()) {
                values.put(name, List.of("true"));
            } else if (spec.repeatable()) {
                values.put(name, List.copyOf(option.<List<String>>getValue()));
            } else {
                values.put(name, List.of(option.<String>getValue()));
            }
        }
        return new Parsed(values);
    }

    private String unmatched(CommandLine.UnmatchedArgumentException e) {
        String first = e.getUnmatched().getFirst();
        if (!first.startsWith("-")) {
            return "unexpected argument '" + first + "'; " + command + " takes only --flags";
        }
        String name = first.replaceFirst("^-+", "").replaceFirst("=.*$", "");
        List<String> suggestions = e.getSuggestions();
        String hint = suggestions.isEmpty()
                ? "known flags: " + String.join(", ", specs.keySet().stream().map(n -> "--" + n).toList())
                : "did you mean " + String.join(" or ", suggestions) + "?";
        return "unknown flag --" + name + " for " + command + "; " + hint;
    }

    /** The flags of one command line. */
    public static final class Parsed {
        private final Map<String, List<String>> values;

        private Parsed(Map<String, List<String>> values) {
            this.values = values;
        }

        /**
         * Whether the flag was given.
         *
         * @param name the flag without its dashes
         * @return true when it was given (a switch: when it is on)
         */
        public boolean has(String name) {
            return values.containsKey(name);
        }

        /**
         * The value of a flag.
         *
         * @param name the flag without its dashes
         * @return its first value; empty when it was not given
         */
        public Optional<String> value(String name) {
            List<String> v = values.get(name);
            return v == null ? Optional.empty() : Optional.of(v.getFirst());
        }

        /**
         * The value of a flag, or a default.
         *
         * @param name the flag without its dashes
         * @param fallback the value when the flag was not given
         * @return its first value, or {@code fallback}
         */
        public String value(String name, String fallback) {
            return value(name).orElse(fallback);
        }

        /**
         * Every value of a repeatable flag.
         *
         * @param name the flag without its dashes
         * @return the values in the order given; empty when the flag was not given
         */
        public List<String> values(String name) {
            return List.copyOf(values.getOrDefault(name, List.of()));
        }
    }
}
