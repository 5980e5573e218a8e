package se.partnerskap.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSplitTest {

    @Test
    void splitsATotalExactlyInWholeThousandsWithinTheBounds() {
        for (long seed = 0; seed < 200; seed++) {
            List<Long> amounts = DemoSplit.split(10_641_000, 11, seed, 400_000, 2_500_000, 1_000);
            assertThat(amounts).hasSize(11);
            assertThat(amounts.stream().mapToLong(Long::longValue).sum()).isEqualTo(10_641_000);
            assertThat(amounts).allSatisfy(a -> assertThat(a).isBetween(400_000L, 2_500_000L).matches(x -> x % 1_000 == 0));
        }
    }

    @Test
    void isTheSameForTheSameSeedAndVaries() {
        assertThat(DemoSplit.split(18_240_000, 10, 6, 400_000, 2_500_000, 1_000))
                .isEqualTo(DemoSplit.split(18_240_000, 10, 6, 400_000, 2_500_000, 1_000));
        assertThat(DemoSplit.split(10_641_000, 11, 3, 400_000, 2_500_000, 1_000)).doesNotHaveDuplicates();
    }

    @Test
    void singleAmountsDifferForNeighbouringSeeds() {
        assertThat(java.util.stream.LongStream.range(0, 10).map(seed -> DemoSplit.single(seed, 1_000)).distinct().count())
                .isGreaterThan(8);
        assertThat(java.util.stream.LongStream.range(0, 50).map(seed -> DemoSplit.single(seed, 1_000)))
                .allSatisfy(a -> assertThat(a).isBetween(600_000L, 1_200_000L));
    }

    @Test
    void refusesATotalThatCannotBeSplitWithinTheBounds() {
        assertThatThrownBy(() -> DemoSplit.split(1_000_000, 3, 1, 400_000, 2_500_000, 1_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoSplit.split(10_641_500, 11, 1, 400_000, 2_500_000, 1_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
