package cn.gov.eqq.govinfo.platform.limits;

import java.io.IOException;

/**
 * Thrown while reading a body sent without {@code Content-Length} (chunked) once it passes the limit; the problem
 * handler finds it in the cause chain and answers 413.
 */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** "1 MB", "512 KB", "300 字节" — for people. */
    public static String human(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " 字节";
    }

    public static String detail(long limit) {
        return "请求内容超过 " + human(limit) + " 的上限，请精简内容或拆分后重试";
    }
}
