package cn.gov.eqq.govinfo.platform.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error report — what Tomcat refuses before any servlet runs, such as {@code %00} or an invalid escape in
 * the path — in the one problem shape, in Chinese, instead of Tomcat's English HTML page. Installed on the host by
 * {@link ContainerErrorsAutoConfiguration} in place of the {@link ErrorReportValve}. A response that already has a
 * body (a problem written by the application) is left alone, as the standard valve does.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body = ProblemErrorController.json(status);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more to tell
        }
    }
}
