package cn.gov.eqq.govinfo.scoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 积分: scores, ledgers and rankings of the reporting units under 鄂前政办发〔2022〕65号. */
@SpringBootApplication
public class ScoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoringApplication.class, args);
    }
}
