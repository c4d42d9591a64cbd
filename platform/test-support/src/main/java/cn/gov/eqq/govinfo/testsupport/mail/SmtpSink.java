package cn.gov.eqq.govinfo.testsupport.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A mail server for tests: speaks plain SMTP (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no
 * authentication) on a free loopback port and keeps every message it accepts, so a test can read what Keycloak (or
 * any real sender) mailed. The message is kept as received, headers and encoded body included.
 *
 * <pre>{@code
 * try (SmtpSink smtp = SmtpSink.start()) {
 *     // point the sender at 127.0.0.1:smtp.port()
 *     SmtpSink.Message mail = smtp.await(Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class SmtpSink implements AutoCloseable {

    /** One accepted message: envelope recipients and the raw data (dot-unstuffed). */
    public record Message(String from, List<String> recipients, String data) {

        /**
         * The message as a person reads it: headers with their encoded words decoded (RFC 2047), and each part's
         * body decoded from base64 or quoted-printable (RFC 2045) as UTF-8. Enough for asserting on text and
         * links, not a MIME parser.
         */
        public String text() {
            StringBuilder text = new StringBuilder();
            String encoding = "";
            boolean inBody = false;
            StringBuilder part = new StringBuilder();
            for (String line : data.split("\r\n", -1)) {
                if (line.startsWith("--")) {                        // a MIME boundary ends the part
                    text.append(decodeBody(part.toString(), encoding));
                    part.setLength(0);
                    encoding = "";
                    inBody = false;
                    continue;
                }
                if (!inBody) {
                    if (line.isEmpty()) {
                        inBody = true;
                    } else {
                        if (line.toLowerCase().startsWith("content-transfer-encoding:")) {
                            encoding = line.substring(line.indexOf(':') + 1).trim().toLowerCase();
                        }
                        text.append(decodeWords(line)).append('\n');
                    }
                } else {
                    part.append(line).append(encoding.equals("base64") ? "" : "\r\n");
                }
            }
            return text.append(decodeBody(part.toString(), encoding)).toString();
        }

        private static String decodeBody(String body, String encoding) {
            return switch (encoding) {
                case "base64" -> new String(java.util.Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
                case "quoted-printable" -> quotedPrintable(body.replace("=\r\n", ""));
                default -> body;
            };
        }

        private static String decodeWords(String header) {
            var words = java.util.regex.Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=").matcher(header);
            return words.replaceAll(w -> java.util.regex.Matcher.quoteReplacement(w.group(2).equalsIgnoreCase("B")
                    ? new String(java.util.Base64.getDecoder().decode(w.group(3)), StandardCharsets.UTF_8)
                    : quotedPrintable(w.group(3).replace('_', ' '))));
        }

        private static String quotedPrintable(String text) {
            var bytes = new java.io.ByteArrayOutputStream();
            byte[] raw = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == '=' && i + 2 < raw.length) {
                    bytes.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                } else {
                    bytes.write(raw[i]);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    private SmtpSink(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "smtp-sink-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static SmtpSink start() {
        try {
            return new SmtpSink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next message accepted, waiting up to {@code timeout}; fails when none arrives. */
    public Message await(java.time.Duration timeout) throws InterruptedException {
        Message message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("测试邮件服务器在 " + timeout.toSeconds() + " 秒内没有收到邮件");
        }
        return message;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(30_000);
                converse(socket);
            } catch (IOException e) {
                // closed, or a client that went away mid-conversation: wait for the next one
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 smtp-sink ready");
        String from = null;
        List<String> recipients = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO" -> reply(out, "250-smtp-sink\r\n250 8BITMIME");
                case "HELO", "NOOP" -> reply(out, "250 OK");
                case "MAIL" -> {
                    from = address(line);
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    recipients.add(address(line));
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    received.add(new Message(from, List.copyOf(recipients), data.toString()));
                    reply(out, "250 OK");
                }
                case "RSET" -> {
                    from = null;
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).trim();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
