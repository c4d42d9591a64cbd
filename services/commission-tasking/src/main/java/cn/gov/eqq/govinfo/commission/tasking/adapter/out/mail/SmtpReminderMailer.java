package cn.gov.eqq.govinfo.commission.tasking.adapter.out.mail;

import cn.gov.eqq.govinfo.commission.tasking.application.ReminderMailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;

/** Reminder e-mails through the configured SMTP server ({@code spring.mail.*}), UTF-8 plain text. */
public class SmtpReminderMailer implements ReminderMailer {

    private final JavaMailSender sender;
    private final String from;

    public SmtpReminderMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("邮件发送失败：" + e.getMessage(), e);
        }
    }
}
