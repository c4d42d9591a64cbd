package cn.gov.eqq.govinfo.commissiontesting;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * Replaces the service's system clock with {@link TestClock}. Kept outside the application's package so that the
 * application's component scan never picks it up when a test starts the application by hand.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.INSTANCE;
    }
}
