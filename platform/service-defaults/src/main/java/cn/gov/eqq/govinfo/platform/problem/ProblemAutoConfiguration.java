package cn.gov.eqq.govinfo.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;

/**
 * Every servlet service answers failures with {@link ProblemExceptionHandler}, and its error page with
 * {@link ProblemErrorController}; nothing to import by hand. Runs before Boot's web MVC and error auto-configurations
 * so that Boot's own (English) problem handler and {@code BasicErrorController} back off.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    /** Boot's {@code BasicErrorController} backs off when an {@code ErrorController} exists. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /**
     * Tomcat refuses an encoded slash ({@code %2F}) itself, with its HTML error page. Passed through, it reaches
     * Spring Security's firewall, which refuses it just the same, but answered through {@link ProblemErrorController}.
     */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    TomcatConnectorCustomizer encodedSlashToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
