package cn.gov.eqq.govinfo.adoption;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** adoption-tracking: what higher levels did with the banner's items (采用、转报、批示). */
@SpringBootApplication
@EnableScheduling
public class AdoptionTrackingApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdoptionTrackingApplication.class, args);
    }
}
