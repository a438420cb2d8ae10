package io.tradekit.core.store;

import io.tradekit.api.Order;
import io.tradekit.api.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static io.tradekit.core.store.StoreFixtures.fill;
import static io.tradekit.core.store.StoreFixtures.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file damaged outside the store (a full disk, a bad copy, a hand edit) is noticed at open and named. */
class DamagedDatabaseTest {

    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeABotWithAJournal() {
        file = dir.resolve("bot.db");
        try (SqliteStateStore store = StateStores.sqlite(file)) {
            Order order = limitOrder("o-1", "BTCUSDT", Side.BUY, "5000", "64000");
            store.writeAhead(order);
            for (int i = 0; i < 3000; i++) {
                store.recordFill(fill("trade-" + i, order, "1", "64000.25", i));
            }
        }
        assertThat(dir.resolve("bot.db-wal")).doesNotExist();
    }

    @Test
    void aTruncatedFileIsDetected() throws IOException {
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size / 2 / PAGE * PAGE);
        }

        assertRefusedAsDamaged();
    }

    @Test
    void aFileCutInsideItsHeaderIsDetected() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(10);
        }

        assertRefusedAsDamaged().hasMessageContaining("file is not a database");
    }

    @Test
    void anOverwrittenHeaderIsDetected() throws IOException {
        overwrite(0, "this is not sqlite".getBytes(StandardCharsets.US_ASCII));

        assertRefusedAsDamaged().hasMessageContaining("file is not a database");
    }

    @Test
    void anOverwrittenPageInTheMiddleIsDetected() throws IOException {
        long pages = Files.size(file) / PAGE;
        byte[] garbage = new byte[PAGE];
        Arrays.fill(garbage, (byte) 0x5A);
        overwrite(pages / 2 * PAGE, garbage);

        assertRefusedAsDamaged();
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefusedAsDamaged() throws IOException {
        byte[] before = Files.readAllBytes(file);
        var refusal = assertThatThrownBy(() -> StateStores.sqlite(file).close())
                .isInstanceOf(UnrecoverableStateException.class)
                .hasMessageContaining("state store " + file.toAbsolutePath() + " is damaged")
                .hasMessageContaining("The bot will not start on it");
        assertThat(Files.readAllBytes(file)).as("a refused file is left as it was, for a person to inspect").isEqualTo(before);
        return refusal;
    }

    private void overwrite(long position, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }
}
