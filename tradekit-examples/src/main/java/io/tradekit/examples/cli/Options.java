package io.tradekit.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags one command accepts, and their parser. A flag is {@code --name value} or {@code --name=value};
 * a switch has no value; a repeatable flag may be given several times. {@code --help} is always known.
 * Anything else is a {@link UsageException} that names it.
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

    public Options(String command) {
        this.command = command;
        specs.put("help", new Spec("help", null, "show this help", false, null));
    }

    public Options value(String name, String valueName, String description) {
        specs.put(name, new Spec(name, valueName, description, false, heading));
        return this;
    }

    public Options repeatable(String name, String valueName, String description) {
        specs.put(name, new Spec(name, valueName, description, true, heading));
        return this;
    }

    public Options flag(String name, String description) {
        specs.put(name, new Spec(name, null, description, false, heading));
        return this;
    }

    /** Lists the flags added after this under {@code text} in the help, after a blank line. */
    public Options heading(String text) {
        this.heading = text;
        return this;
    }

    /** The options as help lines, descriptions aligned. */
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

    public Parsed parse(List<String> args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'; " + command + " takes only --flags");
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Spec spec = specs.get(name);
            if (spec == null) {
                throw new UsageException("unknown flag --" + name + " for " + command + "; known flags: "
                        + String.join(", ", specs.keySet().stream().map(n -> "--" + n).toList()));
            }
            String value;
            if (spec.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value (" + spec.valueName() + ")");
                }
            } else {
                if (inline != null) throw new UsageException("--" + name + " takes no value");
                value = "true";
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!list.isEmpty() && !spec.repeatable()) throw new UsageException("--" + name + " is given twice");
            list.add(value);
        }
        return new Parsed(values);
    }

    /** The flags of one command line. */
    public static final class Parsed {
        private final Map<String, List<String>> values;

        private Parsed(Map<String, List<String>> values) {
            this.values = values;
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        public Optional<String> value(String name) {
            List<String> v = values.get(name);
            return v == null ? Optional.empty() : Optional.of(v.getFirst());
        }

        public String value(String name, String fallback) {
            return value(name).orElse(fallback);
        }

        public List<String> values(String name) {
            return List.copyOf(values.getOrDefault(name, List.of()));
        }
    }
}
