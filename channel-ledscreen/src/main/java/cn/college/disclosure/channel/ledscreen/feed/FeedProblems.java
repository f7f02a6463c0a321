package cn.college.disclosure.channel.ledscreen.feed;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The feeds' facts as RFC 9457 problem details, at the web edge only. */
@RestControllerAdvice
class FeedProblems {

    @ExceptionHandler
    ProblemDetail unknownGroup(ScreenGroupNotConfigured e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("屏幕组不存在");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail neverServed(FeedVersionNeverServed e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("节目单版本不存在");
        return problem;
    }
}
