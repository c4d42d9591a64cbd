package cn.gov.eqq.govinfo.commission.tasking.application;

/** Sends one reminder e-mail; throws when the mail server did not take it. */
public interface ReminderMailer {

    void send(String to, String subject, String body);
}
