package io.tradekit.advisor.optimize;

import io.tradekit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkForwardWindowTest {

    @Test
    void anchoredFoldsGrowFromTheFirstBarAndAreCheckedOnTheNextBlock() {
        // 100 bars, 3 folds: 4 blocks of floor(100 / 4) = 25 bars.
        // fold 1: in sample [0, 25), out of sample [25, 50); fold 2: [0, 50) -> [50, 75); fold 3: [0, 75) -> [75, 100).
        assertThat(WalkForwardWindow.anchored(100, 3)).containsExactly(
                new WalkForwardWindow(1, 0, 25, 25, 50),
                new WalkForwardWindow(2, 0, 50, 50, 75),
                new WalkForwardWindow(3, 0, 75, 75, 100));
    }

    @Test
    void theLastOutOfSampleBlockTakesTheBarsLeftOver() {
        // 103 bars, 2 folds: 3 blocks of floor(103 / 3) = 34 bars, 103 - 3 * 34 = 1 left over for the last block.
        // fold 1: [0, 34) -> [34, 68); fold 2: [0, 68) -> [68, 103) (35 bars).
        assertThat(WalkForwardWindow.anchored(103, 2)).containsExactly(
                new WalkForwardWindow(1, 0, 34, 34, 68),
                new WalkForwardWindow(2, 0, 68, 68, 103));
    }

    @Test
    void eth5mWith580BarsAndThreeFoldsCutsBlocksOf145() {
        // 580 / 4 = 145: [0,145)->[145,290), [0,290)->[290,435), [0,435)->[435,580).
        assertThat(WalkForwardWindow.anchored(580, 3)).extracting(WalkForwardWindow::inSampleTo, WalkForwardWindow::outOfSampleTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(145, 290), org.assertj.core.groups.Tuple.tuple(290, 435),
                        org.assertj.core.groups.Tuple.tuple(435, 580));
    }

    @Test
    void tooFewBarsForTheFoldsIsAnErrorThatSaysHowMany() {
        // 39 bars, 3 folds: 4 blocks of 9 bars, below the 10 a block needs.
        assertThatThrownBy(() -> WalkForwardWindow.anchored(39, 3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("39 bars").hasMessageContaining("9 bars a block");
        assertThatThrownBy(() -> WalkForwardWindow.anchored(1000, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 1");
    }
}
