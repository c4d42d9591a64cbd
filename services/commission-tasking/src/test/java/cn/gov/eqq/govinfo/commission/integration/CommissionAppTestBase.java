package cn.gov.eqq.govinfo.commission.integration;

import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import cn.gov.eqq.govinfo.commissiontesting.TestClockConfiguration;
import cn.gov.eqq.govinfo.commissiontesting.TestSmtp;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

/**
 * The whole service against real infrastructure in the test JVM: the in-process KRaft Kafka broker, the Mongo test
 * server and a real SMTP server (GreenMail). Every subclass shares one application context.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.commission.reminders.scheduler-enabled=false",
        "govinfo.commission.mail.unit-addresses.U001=alzq@example.gov.cn",
        "govinfo.commission.mail.unit-addresses.U006=fgw@example.gov.cn",
        "govinfo.kafka.retry.attempts=1",
        "govinfo.kafka.retry.interval-ms=50",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.state.change.logger=WARN"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.ITEMS, Topics.UNITS, Topics.COMMISSIONS, Topics.ITEM_SCORES,
        "commission-tasking.dead-letter.v1"})
@Import(TestClockConfiguration.class)
public abstract class CommissionAppTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("commission-test"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected MongoUnitDirectory units;

    protected final MutableClock clock = TestClockConfiguration.CLOCK;

    /**
     * Command-line arguments of a further instance of the service started by a test itself (a restart, a second
     * replica) over {@code database}, the broker, the SMTP server and the reminder settings of this base.
     */
    protected static String[] standaloneArguments(String database, String brokers) {
        return new String[]{"--server.port=0",
                "--spring.mongodb.uri=" + MongoTestServer.uri(database),
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestSmtp.port(),
                "--govinfo.commission.reminders.scheduler-enabled=false",
                "--govinfo.commission.mail.unit-addresses.U001=alzq@example.gov.cn",
                "--govinfo.commission.mail.unit-addresses.U006=fgw@example.gov.cn",
                "--logging.level.org.apache.kafka=WARN"};
    }

    @BeforeEach
    void freshState() {
        mongo.remove(new Query(), "commissions");
        TestSmtp.clear();
        clock.setBeijing("2026-07-20T10:00");
        Instant changed = Instant.parse("2026-01-01T00:00:00Z");
        units.apply("U001", "敖勒召其镇", 1, true, changed);
        units.apply("U002", "已撤并单位", 1, false, changed);
        units.apply("U006", "发改委", 2, true, changed);
        units.apply("U037", "营商环境促进中心", 3, true, changed);
    }
}
