package mallbots.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void measuresAProcessAndItsChildren() throws Exception {
        Process child = new ProcessBuilder("sleep", "5").start();
        try {
            long self = ProcessHandle.current().pid();
            Map<String, Long> cpu = ProcessCpu.snapshot(List.of(self));
            assertThat(cpu).containsKey(self + " (java)");
            assertThat(cpu.keySet()).anyMatch(name -> name.startsWith(child.pid() + " "));
            assertThat(cpu.values()).allMatch(millis -> millis >= 0);
        } finally {
            child.destroy();
        }
    }

    @Test
    void anUnknownPidIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> ProcessCpu.snapshot(List.of(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--cpu-of " + Long.MAX_VALUE);
    }
}
