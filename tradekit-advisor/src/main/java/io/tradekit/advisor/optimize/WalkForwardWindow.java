package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * One fold of an anchored walk-forward: bar indices {@code [inSampleFrom, inSampleTo)} to optimise on and
 * {@code [outOfSampleFrom, outOfSampleTo)} to check the best set on; the out-of-sample window starts where
 * the in-sample one ends.
 *
 * <p>{@link #anchored} cuts {@code n} bars into {@code K + 1} blocks of {@code B = floor(n / (K + 1))} bars
 * (the last block also takes the {@code n mod (K + 1)} bars left over). Fold {@code k} (1..K) optimises on
 * blocks 1..k, all from the first bar ({@code [0, kB)}: anchored, each fold sees more history than the one
 * before), and is checked on block {@code k + 1}. 100 bars and 3 folds: [0,25)→[25,50), [0,50)→[50,75),
 * [0,75)→[75,100).
 *
 * @param fold            the fold's number, from 1
 * @param inSampleFrom    the first in-sample bar's index, 0 or more
 * @param inSampleTo      the index after the last in-sample bar
 * @param outOfSampleFrom the first out-of-sample bar's index: {@code inSampleTo}
 * @param outOfSampleTo   the index after the last out-of-sample bar
 */
public record WalkForwardWindow(int fold, int inSampleFrom, int inSampleTo, int outOfSampleFrom, int outOfSampleTo) {

    /** Fewer bars than this in a block cannot show a trade and its result. */
    public static final int MIN_BLOCK_BARS = 10;

    /**
     * Checks that the windows are consecutive and not empty.
     *
     * @throws IllegalArgumentException if they are not
     */
    public WalkForwardWindow {
        if (inSampleFrom < 0 || inSampleFrom >= inSampleTo || inSampleTo != outOfSampleFrom || outOfSampleFrom >= outOfSampleTo) {
            throw new IllegalArgumentException("fold " + fold + ": windows [" + inSampleFrom + ", " + inSampleTo + ") and ["
                    + outOfSampleFrom + ", " + outOfSampleTo + ") are not consecutive and non-empty");
        }
    }

    /**
     * The anchored folds over {@code bars} bars; at least {@value #MIN_BLOCK_BARS} bars per block.
     *
     * @param bars  how many bars there are
     * @param folds how many folds to cut, at least 1
     * @return the folds, in order
     * @throws io.tradekit.api.InvalidInputException if {@code folds} is below 1 or a block would hold fewer than
     *         {@value #MIN_BLOCK_BARS} bars
     */
    public static List<WalkForwardWindow> anchored(int bars, int folds) {
        if (folds < 1) throw new InvalidInputException("walk-forward: the number of folds must be at least 1, got " + folds);
        int block = bars / (folds + 1);
        if (block < MIN_BLOCK_BARS) {
            throw new InvalidInputException("walk-forward: " + bars + " bars cut into " + (folds + 1) + " blocks (" + folds
                    + " folds) leave " + block + " bars a block; at least " + MIN_BLOCK_BARS + " are needed: use fewer folds or more bars");
        }
        List<WalkForwardWindow> windows = new ArrayList<>(folds);
        for (int k = 1; k <= folds; k++) {
            int end = k == folds ? bars : (k + 1) * block;
            windows.add(new WalkForwardWindow(k, 0, k * block, k * block, end));
        }
        return windows;
    }

    /**
     * The in-sample window's length.
     *
     * @return its number of bars
     */
    public int inSampleBars() {
        return inSampleTo - inSampleFrom;
    }

    /**
     * The out-of-sample window's length.
     *
     * @return its number of bars
     */
    public int outOfSampleBars() {
        return outOfSampleTo - outOfSampleFrom;
    }
}
