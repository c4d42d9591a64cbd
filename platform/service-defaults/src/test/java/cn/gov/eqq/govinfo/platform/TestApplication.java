package cn.gov.eqq.govinfo.platform;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The configuration that slice tests of this module find by searching upwards. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {
}
