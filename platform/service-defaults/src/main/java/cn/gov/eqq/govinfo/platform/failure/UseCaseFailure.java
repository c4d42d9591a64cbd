package cn.gov.eqq.govinfo.platform.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A use case refused what it was asked, for a reason the caller can act on. Thrown from application code, which
 * knows no HTTP: the web adapter ({@code ProblemExceptionHandler}) answers it as an RFC 9457 problem, choosing the
 * status from the {@link Kind}. {@code code} is stable for machines; the message is Chinese, for people.
 *
 * <p>Framework-free on purpose (no Spring type in this package), so that application layers may use it.
 */
public class UseCaseFailure extends RuntimeException {

    /** Why the use case refused; each kind has one HTTP status and one Chinese title in the web adapter. */
    public enum Kind {
        /** the request itself is wrong (a missing or malformed value) */
        INVALID,
        /** what the request names does not exist */
        NOT_FOUND,
        /** the person may not do this */
        FORBIDDEN,
        /** the request is well formed but clashes with the current state */
        CONFLICT,
        /** the request is well formed but its content cannot be processed (a file with bad rows) */
        UNPROCESSABLE
    }

    /** One field of the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String code;
    private final List<FieldError> errors = new ArrayList<>();

    public UseCaseFailure(Kind kind, String code, String detail) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public static UseCaseFailure invalid(String code, String detail) {
        return new UseCaseFailure(Kind.INVALID, code, detail);
    }

    public static UseCaseFailure notFound(String detail) {
        return new UseCaseFailure(Kind.NOT_FOUND, "not-found", detail);
    }

    public static UseCaseFailure notFound(String code, String detail) {
        return new UseCaseFailure(Kind.NOT_FOUND, code, detail);
    }

    public static UseCaseFailure forbidden(String detail) {
        return new UseCaseFailure(Kind.FORBIDDEN, "forbidden", detail);
    }

    public static UseCaseFailure forbidden(String code, String detail) {
        return new UseCaseFailure(Kind.FORBIDDEN, code, detail);
    }

    public static UseCaseFailure conflict(String code, String detail) {
        return new UseCaseFailure(Kind.CONFLICT, code, detail);
    }

    public static UseCaseFailure unprocessable(String code, String detail) {
        return new UseCaseFailure(Kind.UNPROCESSABLE, code, detail);
    }

    public UseCaseFailure withField(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
