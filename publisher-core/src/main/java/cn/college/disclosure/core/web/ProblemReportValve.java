package cn.college.disclosure.core.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report, as problem details for the API. Tomcat answers some requests itself,
 * before any filter or servlet sees them (an encoded NUL or slash, bytes that are not UTF-8 in the
 * path): its {@link ErrorReportValve} would write an HTML page. Other paths keep Tomcat's page
 * without the report or the server's version, as Spring Boot configures it.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final ContainerProblems problems;

    ProblemReportValve(ContainerProblems problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String rawUri = request.getCoyoteRequest().requestURI().toString();
        if (!ContainerProblems.isApi(rawUri)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(ContainerProblems.contentType());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.json(problems.of(status, rawUri)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed meanwhile: nothing left to tell
        }
    }
}
