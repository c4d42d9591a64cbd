package cn.gov.eqq.govinfo.charts;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ingress-nginx answers 413 to any body over 1m unless told otherwise; the spreadsheet imports (2 MB) and intake's
 * attachments must get through the ingress as far as the services' own multipart limits.
 */
class IngressBodySizeTest {

    private static final String BODY_SIZE = "nginx.ingress.kubernetes.io/proxy-body-size";
    private static final Pattern MAX_REQUEST = Pattern.compile("max-request-size: (?:\\$\\{[A-Z_]+:)?(\\d+)MB");

    @Test
    void theIngressLetsThroughTheLargestBodyAServiceAccepts() throws Exception {
        long largest = 0;
        for (String service : List.of("submission-intake", "adoption-tracking")) {
            String yml = Files.readString(RepoPaths.ROOT.resolve("services").resolve(service)
                    .resolve("src/main/resources/application.yml"));
            Matcher m = MAX_REQUEST.matcher(yml);
            assertThat(m.find()).as(service + " declares its multipart max-request-size").isTrue();
            largest = Math.max(largest, Long.parseLong(m.group(1)) * 1024 * 1024);
        }
        Ingress ingress = RenderedChart.withDefaults().all(Ingress.class).get(0);

        String size = ingress.getMetadata().getAnnotations().get(BODY_SIZE);
        assertThat(size).isNotNull();
        assertThat(nginxBytes(size)).as(size).isGreaterThanOrEqualTo(largest).isGreaterThan(2L * 1024 * 1024);
    }

    @Test
    void anOperatorsAnnotationWinsAndOtherControllersGetNone() {
        Ingress overridden = RenderedChart.with(Map.of("ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-body-size", "50m"))
                .all(Ingress.class).get(0);
        assertThat(overridden.getMetadata().getAnnotations()).containsEntry(BODY_SIZE, "50m");

        Ingress traefik = RenderedChart.with(Map.of("ingress.className", "traefik")).all(Ingress.class).get(0);
        assertThat(traefik.getMetadata().getAnnotations()).doesNotContainKey(BODY_SIZE);
    }

    private static long nginxBytes(String size) {
        long unit = switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = Character.isDigit(size.charAt(size.length() - 1)) ? size : size.substring(0, size.length() - 1);
        return Long.parseLong(digits) * unit;
    }
}
