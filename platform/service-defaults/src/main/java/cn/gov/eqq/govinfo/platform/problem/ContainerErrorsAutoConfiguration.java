package cn.gov.eqq.govinfo.platform.problem;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * What Tomcat answers by itself becomes a problem too: its error report valve is replaced by
 * {@link ProblemErrorReportValve} ({@code %00} in a path), and a multipart part's header may be long enough for a
 * long file name, so that the file-name rule ({@code MultipartRules}) answers it with a message about the name
 * instead of Tomcat's size refusal. Runs after Boot's own Tomcat customizer, which installs the standard valve.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
public class ContainerErrorsAutoConfiguration {

    /** Bytes a part's headers may take: a 255-character Chinese file name percent-encoded twice fits. */
    static final int MAX_PART_HEADER_SIZE = 8 * 1024;

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
        return new OrderedCustomizer() {
            @Override
            public void customize(ConfigurableTomcatWebServerFactory factory) {
                factory.addConnectorCustomizers(connector -> connector.setMaxPartHeaderSize(MAX_PART_HEADER_SIZE));
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        for (Valve valve : host.getPipeline().getValves()) {
                            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                                host.getPipeline().removeValve(valve);
                            }
                        }
                        host.getPipeline().addValve(new ProblemErrorReportValve());
                        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                });
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        };
    }

    private interface OrderedCustomizer extends WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
    }
}
