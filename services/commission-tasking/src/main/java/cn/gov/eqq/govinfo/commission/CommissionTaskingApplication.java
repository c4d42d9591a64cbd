package cn.gov.eqq.govinfo.commission;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** commission-tasking: the room's commissions (约稿), their answers, judgements and reminders. */
@SpringBootApplication
public class CommissionTaskingApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommissionTaskingApplication.class, args);
    }
}
