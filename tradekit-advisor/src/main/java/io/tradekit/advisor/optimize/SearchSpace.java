package io.tradekit.advisor.optimize;

import io.tradekit.advisor.ParameterRange;
import io.tradekit.api.InvalidInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameter sets a search may try: a {@link ParameterRange} (read by {@link RangeAxis}) per searched parameter, and fixed values
 * for parameters that are given but not searched. A point of the search is one number in [0, 1] per range,
 * in the order of {@link #ranges()}.
 *
 * <pre>{@code SearchSpace.parse(Map.of("fast", "5..20", "slow", "20..60", "stop", "2"))}</pre> *
 * @param ranges the searched parameters, each once, at least one; copied, in the order given
 * @param fixed  parameters given but not searched, by key; sorted, unmodifiable
 */
public record SearchSpace(List<ParameterRange> ranges, Map<String, String> fixed) {

    /**
     * Checks the space and copies its parts.
     *
     * @throws NullPointerException if a part is null
     * @throws io.tradekit.api.InvalidInputException if there is no range, or a parameter is given twice (as two ranges,
     *         or as a range and a fixed value)
     */
    public SearchSpace {
        ranges = List.copyOf(ranges);
        fixed = Collections.unmodifiableMap(new TreeMap<>(fixed));
        if (ranges.isEmpty()) throw new InvalidInputException("nothing to search: give at least one parameter as a range LOW..HIGH");
        Set<String> names = new java.util.HashSet<>();
        for (ParameterRange r : ranges) {
            if (!names.add(r.key()) || fixed.containsKey(r.key())) {
                throw new InvalidInputException("parameter '" + r.key() + "' is given twice");
            }
        }
    }

    /**
     * Each value written {@code LOW..HIGH} is a range, any other a fixed value; ranges keep the map's order.
     *
     * @param params text values by parameter name, e.g. {@code fast=5..20}, {@code stop=2}
     * @return the space
     * @throws io.tradekit.api.InvalidInputException if a range is malformed (naming the parameter) or no value is a range
     */
    public static SearchSpace parse(Map<String, String> params) {
        List<ParameterRange> ranges = new ArrayList<>();
        Map<String, String> fixed = new LinkedHashMap<>();
        params.forEach((name, text) -> {
            if (RangeAxis.isRange(text)) ranges.add(RangeAxis.parse(name, text.trim()));
            else fixed.put(name, text.trim());
        });
        return new SearchSpace(ranges, fixed);
    }

    /**
     * Every parameter name, searched or fixed.
     *
     * @return the searched names in range order, then the fixed ones sorted
     */
    public Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>();
        ranges.forEach(r -> names.add(r.key()));
        names.addAll(fixed.keySet());
        return names;
    }

    /**
     * The number of dimensions a search moves in.
     *
     * @return the number of ranges
     */
    public int dimensions() {
        return ranges.size();
    }

    /**
     * The parameter set at {@code point} (one number in [0, 1] per range), fixed values included, keys sorted.
     *
     * @param point one number per range, in range order; values outside [0, 1] are clamped (see {@link RangeAxis})
     * @return the set, by key, unmodifiable
     * @throws IllegalArgumentException if {@code point} does not have one number per range
     */
    public Map<String, String> at(double[] point) {
        if (point.length != ranges.size()) {
            throw new IllegalArgumentException("a point of " + point.length + " numbers for " + ranges.size() + " ranges");
        }
        Map<String, String> set = new TreeMap<>(fixed);
        for (int i = 0; i < point.length; i++) set.put(ranges.get(i).key(), RangeAxis.valueAt(ranges.get(i), point[i]));
        return Collections.unmodifiableMap(set);
    }

    /**
     * How many distinct sets the space holds when every range holds whole numbers (capped at
     * {@link Long#MAX_VALUE}); {@link Long#MAX_VALUE} when some range is continuous.
     *
     * @return the number of distinct sets
     */
    public long size() {
        long size = 1;
        for (ParameterRange r : ranges) {
            try {
                size = Math.multiplyExact(size, RangeAxis.count(r));
            } catch (ArithmeticException tooMany) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    /**
     * Every set of a space of whole numbers, the first range varying slowest; only for a {@link #size()} that fits a list.
     *
     * @return every set, each unmodifiable with its keys sorted
     * @throws IllegalStateException if the space is continuous or holds too many sets to list
     */
    public List<Map<String, String>> every() {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) throw new IllegalStateException("the space holds too many sets to list: " + size);
        List<Map<String, String>> sets = new ArrayList<>((int) size);
        for (long n = 0; n < size; n++) {
            Map<String, String> set = new TreeMap<>(fixed);
            long rest = n;
            for (int i = ranges.size() - 1; i >= 0; i--) {
                ParameterRange r = ranges.get(i);
                long count = RangeAxis.count(r);
                set.put(r.key(), RangeAxis.wholeNumber(r, rest % count));
                rest /= count;
            }
            sets.add(Collections.unmodifiableMap(set));
        }
        return sets;
    }
}
