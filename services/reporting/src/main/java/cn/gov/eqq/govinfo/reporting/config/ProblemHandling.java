package cn.gov.eqq.govinfo.reporting.config;

import cn.gov.eqq.govinfo.platform.problem.ProblemExceptionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * service-defaults ships {@link ProblemExceptionHandler} but its auto-configuration does not register it (yet); without
 * it an {@code ApiProblem} would surface as a 500. Registered here until the platform does it.
 */
@Configuration(proxyBeanMethods = false)
class ProblemHandling {

    @Bean
    @ConditionalOnMissingBean(ProblemExceptionHandler.class)
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }
}
