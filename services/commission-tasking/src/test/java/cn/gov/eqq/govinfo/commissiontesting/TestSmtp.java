package cn.gov.eqq.govinfo.commissiontesting;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free loopback port, one per test JVM, so that every application context the
 * tests start (also across a simulated restart) talks to the same mail server.
 */
public final class TestSmtp {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    public static MimeMessage[] received() {
        return server().getReceivedMessages();
    }

    public static void clear() {
        try {
            server().purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TestSmtp() {
    }
}
