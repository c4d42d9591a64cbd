package cn.gov.eqq.govinfo.reporting.feed.adapter.in.web;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque keyset cursor of a dashboard feed: the feed's name and the last sequence number the client has, as
 * base64url text. Clients pass {@code nextCursor} back unchanged; its content may change between releases.
 */
final class FeedCursor {

    private static final String VERSION = "v1";

    static String encode(String feed, long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + "|" + feed + "|" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the sequence number after which to read; 0 (from the start: a full resync) when {@code text} is absent */
    static long decode(String feed, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 3 && VERSION.equals(parts[0]) && feed.equals(parts[1])) {
                long seq = Long.parseLong(parts[2]);
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // answered below
        }
        throw ApiProblem.badRequest("cursor.invalid", "游标无效：请原样传回上一页的 nextCursor，或不带 cursor 从头完整同步")
                .withField("cursor", "不是本接口发出的游标：" + text);
    }

    private FeedCursor() {
    }
}
