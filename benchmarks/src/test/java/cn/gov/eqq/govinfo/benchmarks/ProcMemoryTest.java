package cn.gov.eqq.govinfo.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcMemoryTest {

    @Test
    void readsResidentAndPeakFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  301234 kB\nVmRSS:\t  250000 kB\nThreads:\t42\n";

        assertThat(ProcMemory.parse(status)).isEqualTo(new ProcMemory.Resident(250_000, 301_234));
        assertThat(ProcMemory.parse("Name:\tkthreadd\n")).isEqualTo(ProcMemory.NONE);
    }

    @Test
    void theCurrentProcessIsResident() {
        ProcMemory.Resident self = ProcMemory.ofTree(ProcessHandle.current().pid());

        assertThat(self.rssKb()).isPositive();
        assertThat(self.hwmKb()).isGreaterThanOrEqualTo(self.rssKb());
    }

    @Test
    void tellsTheInfrastructureByItsCommandLine() {
        assertThat(ProcMemory.infrastructureName("java -Xmx512m -cp lib/* kafka.Kafka server.properties"))
                .isEqualTo("Kafka");
        assertThat(ProcMemory.infrastructureName("/bin/bash /x/keycloak-26.5.6/bin/kc.sh start-dev"))
                .isEqualTo("Keycloak");
        assertThat(ProcMemory.infrastructureName("redis-server *:6379")).isEqualTo("Redis");
        assertThat(ProcMemory.infrastructureName("java -jar scoring.jar")).isNull();
    }

    @Test
    void sumsTheUsedSpaceOfTheSerialCollectorsGenerations() {
        String heapInfo = """
                12345:
                 def new generation   total 19648K, used 3455K [0x00000000e8000000, 0x00000000e9550000)
                  eden space 17472K,  19% used [0x00000000e8000000, 0x00000000e835fd58, 0x00000000e9110000)
                 tenured generation   total 43712K, used 35000K [0x00000000ed550000, 0x00000000f0000000)
                 Metaspace       used 90000K, committed 91000K, reserved 1114112K
                """;

        assertThat(ProcMemory.heapUsedKb(heapInfo)).isEqualTo(38_455);
        assertThat(ProcMemory.heapUsedKb("12345:\nnot a HotSpot answer\n")).isEqualTo(-1);
    }
}
