package cn.gov.eqq.govinfo.commission.tasking.config;

import cn.gov.eqq.govinfo.platform.problem.ProblemExceptionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * service-defaults ships {@link ProblemExceptionHandler} but (as installed today) does not register it, so an
 * {@code ApiProblem} would surface as a 500. Registered here unless the platform already provides one.
 */
@Configuration(proxyBeanMethods = false)
class ProblemHandling {

    @Bean
    @ConditionalOnMissingBean(ProblemExceptionHandler.class)
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }
}
