package cn.gov.eqq.govinfo.commission.tasking.application;

/** Each unit's e-mail address for reminders (configuration); null when a unit has none. */
public interface MailAddressBook {

    String addressOf(String unitId);
}
