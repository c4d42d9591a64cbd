package cn.gov.eqq.govinfo.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The room's history imports running beside the live items (issue 23's busiest hour: "plus imports running"): an
 * import of {@code rows} rows through the gateway every {@code every} (or as soon as the one before is done, if it
 * took longer), each polled until it is done, until stopped. The rows fall in the months of this year before the
 * current one, so they never count towards the receipt ordinals of the live items' month; every import's titles
 * carry a nonce, so none is "already present".
 */
final class ImportLoad implements Runnable {

    /** One import as the room saw it: rows, how it ended, upload → done, and when the upload began (epoch ms). */
    record Finished(int rows, String state, int added, long millis, long startedAtMillis) {

        /** Whether the import was being uploaded, checked or written at {@code epochMillis}. */
        boolean underWayAt(long epochMillis) {
            return epochMillis >= startedAtMillis && epochMillis <= startedAtMillis + millis;
        }
    }

    private static final Pattern BATCH = Pattern.compile("\"batchId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DONE = Pattern.compile("\"done\"\\s*:\\s*true");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern ADDED = Pattern.compile("\"added\"\\s*:\\s*(\\d+)");

    private final HttpClient client;
    private final String importsUrl;
    private final Supplier<String> roomToken;
    private final int rows;
    private final YearMonth current;
    private final Duration every;
    private final List<Finished> finished = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    ImportLoad(HttpClient client, String gatewayUrl, Supplier<String> roomToken, int rows, YearMonth current,
               Duration every) {
        this.client = client;
        this.importsUrl = gatewayUrl + "/api/intake/imports";
        this.roomToken = roomToken;
        this.rows = rows;
        this.current = current;
        this.every = every;
    }

    /**
     * A history file of {@code rows} rows in the template's columns: 52 units, the months of the year before
     * {@code current} (in January, last December).
     */
    static String csv(int rows, YearMonth current, String nonce) {
        int months = Math.max(1, current.getMonthValue() - 1);
        StringBuilder csv = new StringBuilder("unit,title,category,submitted_at,outcome,decided_at,forwarded_at,"
                + "major_emergency,topics,void_reason,body\n");
        for (int i = 0; i < rows; i++) {
            YearMonth month = current.minusMonths(1 + (i / 52) % months);
            String day = month + String.format("-%02d", 1 + i % 28);
            csv.append(String.format("U%03d", 1 + i % 52)).append(",压测补录").append(nonce).append("：")
                    .append(month.getMonthValue()).append("月第").append(i).append("条信息,")
                    .append(i % 7 == 0 ? "PROBLEM" : "DYNAMIC").append(',').append(day).append(" 10:00,RECEIVED,")
                    .append(day).append(" 16:00,,否,乡村振兴,,本月工作进展情况……\n");
        }
        return csv.toString();
    }

    @Override
    public void run() {
        int n = 0;
        while (running) {
            long next = System.nanoTime() + every.toNanos();
            try {
                importOnce("run" + System.nanoTime() + "-" + n++);
                while (running && System.nanoTime() < next) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.add(e.toString());
                sleep(1000);
            }
        }
    }

    private void importOnce(String nonce) throws Exception {
        String boundary = "----govinfo-bench-" + nonce;
        byte[] file = csv(rows, current, nonce).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"history-"
                + nonce + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(importsUrl))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + roomToken.get())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher batch = BATCH.matcher(accepted.body());
        if (accepted.statusCode() != 202 || !batch.find()) {
            failures.add("upload: HTTP " + accepted.statusCode() + " " + accepted.body());
            sleep(1000);
            return;
        }
        while (true) {
            Thread.sleep(500);
            HttpResponse<String> status = client.send(HttpRequest.newBuilder(
                            URI.create(importsUrl + "/" + batch.group(1))).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + roomToken.get()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (status.statusCode() == 200 && DONE.matcher(status.body()).find()) {
                Matcher state = STATE.matcher(status.body());
                Matcher added = ADDED.matcher(status.body());
                finished.add(new Finished(rows, state.find() ? state.group(1) : "?",
                        added.find() ? Integer.parseInt(added.group(1)) : -1, (System.nanoTime() - start) / 1_000_000,
                        startedAt));
                return;
            }
        }
    }

    /** Lets the import under way finish (its figures count), then stops. */
    void stop() {
        running = false;
    }

    List<Finished> finished() {
        return List.copyOf(finished);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
