package cn.gov.eqq.govinfo.systemtest;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No English or technical word reaches a person: at every screenshot of a portal journey, every Latin-letter word the
 * page shows (its visible text, and the placeholders, titles and accessible names a person meets) must be one a
 * Chinese office reads as its own: the names of the files it exchanges and their sizes (Word, Excel, WPS, PDF, JPG,
 * 10 MB, CSV UTF-8), the Ctrl key, a unit's number (U006), a file's name (照片.png). Anything else — a status code
 * such as {@code PENDING}, {@code null}, {@code undefined}, {@code NaN}, an exception's name, a login name, an
 * internal id — fails the step, naming the words and the page.
 *
 * <p>{@code -Dwords.reportOnly=true} writes the findings to {@code target/words/report.txt} without failing.
 */
final class PageWords {

    private static final Path REPORT = Path.of("target", "words", "report.txt");
    /**
     * Words of the office's own vocabulary: the files it exchanges, their sizes, the key it holds to choose many, and
     * UTF-8, the name Excel's 另存为 gives the CSV the imports take.
     */
    private static final Set<String> OFFICE_WORDS = Set.of("Word", "Excel", "WPS", "XLSX", "DOCX", "CSV", "PDF",
            "JPG", "PNG", "xlsx", "docx", "csv", "KB", "MB", "Ctrl", "UTF-8");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*");
    private static final Pattern UNIT_NUMBER = Pattern.compile("U\\d{3}");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(?i:png|jpe?g|gif|pdf|docx?|xlsx?|csv|txt|zip)");
    /** The end of a file's name whose stem is Chinese (照片.png): the word starts right after the dot. */
    private static final Pattern EXTENSION = Pattern.compile("(?i:png|jpe?g|gif|pdf|docx?|xlsx?|csv|txt|zip)");
    private static final String SHOWN_TEXT = """
            () => {
              const parts = [document.body.innerText];
              for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
                if (!el.checkVisibility || el.checkVisibility()) {
                  parts.push(el.getAttribute('placeholder') || '', el.getAttribute('title') || '',
                    el.getAttribute('aria-label') || '');
                }
              }
              return parts.join('\\n');
            }""";

    private PageWords() {
    }

    /** Checks what the page shows now; fails on a word no office person should read. */
    static void check(Page page, String step) {
        Set<String> foreign = foreignWords((String) page.evaluate(SHOWN_TEXT));
        report(step, page.url(), foreign);
        if (!foreign.isEmpty() && !Boolean.getBoolean("words.reportOnly")) {
            throw new AssertionError("words a person should not read at step " + step + " (" + page.url() + "): "
                    + foreign);
        }
    }

    /** The Latin-letter words of {@code text} outside the office's vocabulary, unit numbers and file names. */
    static Set<String> foreignWords(String text) {
        Set<String> foreign = new TreeSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            boolean afterDot = m.start() > 0 && text.charAt(m.start() - 1) == '.';
            if (!OFFICE_WORDS.contains(word) && !UNIT_NUMBER.matcher(word).matches()
                    && !FILE_NAME.matcher(word).matches() && !(afterDot && EXTENSION.matcher(word).matches())) {
                foreign.add(word);
            }
        }
        return foreign;
    }

    private static synchronized void report(String step, String url, Set<String> foreign) {
        String text = step + " " + url + "\n  " + (foreign.isEmpty() ? "none" : String.join(" ", foreign)) + "\n";
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
