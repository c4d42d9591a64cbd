package cn.gov.eqq.govinfo.commissiontesting;

import cn.gov.eqq.govinfo.testsupport.time.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;

/**
 * Replaces the service's system clock with {@link #CLOCK}, one per test JVM, shared by every application context the
 * tests start, and moved by hand. Kept outside the application's package so that the application's component scan
 * never picks it up when a test starts the application by hand.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-07-20T02:00:00Z"));

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
