package cn.gov.eqq.govinfo.platform.idempotency;

import cn.gov.eqq.govinfo.platform.limits.PayloadTooLargeException;
import cn.gov.eqq.govinfo.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Honours {@code Idempotency-Key} on every {@code POST} under {@code /api/}: the first request with a key runs and, if
 * it succeeded (2xx), its answer (status, content type, {@code Location}, body) is kept in the service's MongoDB;
 * a retry by the same user with the same key gets that answer again, marked {@code Idempotency-Replayed: true}, and
 * creates nothing. A retry while the first still runs gets 409 with {@code Retry-After}; the same key on a different
 * request 422. A refused or failed first request keeps nothing, so its retry runs again. Runs after Spring Security:
 * the key belongs to the authenticated user. Design: docs/adr/0007.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");

    private final IdempotencyRecords records;

    public IdempotencyFilter(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (!KEY.matcher(key).matches()) {
            ProblemResponses.write(response, request.getRequestURI(), HttpStatus.BAD_REQUEST,
                    "idempotency-key.invalid", "Idempotency-Key 应为 8–128 个字母、数字或 . _ : - 组成的字符串（建议使用 UUID）");
            return;
        }
        HttpServletRequest replayable = request;
        byte[] body = null;
        if (!isMultipart(request)) {
            try {
                body = request.getInputStream().readAllBytes();
            } catch (PayloadTooLargeException e) {
                ProblemResponses.write(response, request.getRequestURI(), HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large", PayloadTooLargeException.detail(e.limit()));
                return;
            }
            replayable = new BodyReplay(request, body);
        }
        String fingerprint = fingerprint(request, body);
        String subject = user.getName();
        IdempotencyRecords.Claim claim = records.claim(subject, key, fingerprint);
        if (claim instanceof IdempotencyRecords.Claimed) {
            runFirst(replayable, response, chain, subject, key);
        } else if (claim instanceof IdempotencyRecords.Done done && done.fingerprint().equals(fingerprint)) {
            replay(done, response);
        } else if (claim instanceof IdempotencyRecords.Running running && running.fingerprint().equals(fingerprint)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemResponses.write(response, request.getRequestURI(), HttpStatus.CONFLICT,
                    "idempotency-key.in-progress", "使用同一 Idempotency-Key 的请求仍在处理中，请稍后再试");
        } else {
            ProblemResponses.write(response, request.getRequestURI(), HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key.reused", "该 Idempotency-Key 已用于另一个请求；新的请求请使用新的 Idempotency-Key");
        }
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                          String subject, String key) throws ServletException, IOException {
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, capture);
            int status = capture.getStatus();
            if (status >= 200 && status < 300) {
                records.complete(subject, key, status, capture.getContentType(),
                        capture.getHeader(HttpHeaders.LOCATION), capture.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                records.release(subject, key);
            }
            capture.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyRecords.Done done, HttpServletResponse response) throws IOException {
        response.setStatus(done.status());
        response.setHeader(REPLAYED, "true");
        if (done.contentType() != null) {
            response.setContentType(done.contentType());
        }
        if (done.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, done.location());
        }
        response.setContentLength(done.body().length);
        response.getOutputStream().write(done.body());
    }

    /** The same request: method, path, query, content type and body (a multipart body by its length only). */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
                    + request.getContentType() + "\n" + (body == null ? "length=" + request.getContentLengthLong() : "");
            sha.update(head.getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                sha.update(body);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The request with its body read once for the fingerprint and served again to the controller. */
    private static final class BodyReplay extends HttpServletRequestWrapper {
        private final byte[] body;

        BodyReplay(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
