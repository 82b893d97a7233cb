package dk.firmafon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

class LeakGuardTest {
    @Test
    void leakDetectionIsParanoid() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void aByteBufThatIsNeverReleasedIsReportedWithWhereItWasAllocated() {
        leakOneBuffer();

        LeakGuard.flush();

        assertThat(LeakGuard.takeReports())
                .singleElement()
                .asString()
                .startsWith("LEAK: ByteBuf.release() was not called")
                .contains("LeakGuardTest.leakOneBuffer");
    }

    @Test
    void theGuardFailsWithTheLeakReport() {
        leakOneBufferElsewhere();

        assertThatThrownBy(() -> Guards.verify("after a leaking test"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Suite guard failed after a leaking test:\n- 1 Netty leak report(s):\nLEAK: ")
                .hasMessageContaining("LeakGuardTest.leakOneBufferElsewhere");
    }

    @Test
    void aReleasedBufferIsNoLeak() {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16);
        buffer.writeLong(42);
        buffer.release();

        LeakGuard.flush();

        assertThat(LeakGuard.takeReports()).isEmpty();
    }

    private static void leakOneBuffer() {
        ByteBufAllocator.DEFAULT.buffer(16).writeLong(1);
    }

    private static void leakOneBufferElsewhere() {
        ByteBufAllocator.DEFAULT.directBuffer(32).writeLong(2);
    }
}
