package cn.gov.eqq.govinfo.scoring.integration;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import cn.gov.eqq.govinfo.testsupport.openapi.ClientReadyOpenApi;
import cn.gov.eqq.govinfo.testsupport.openapi.GeneratedJavaClient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The city's generator (openapi-generator 7.17, {@code -g java --library native}) makes a Java client of scoring's
 * OpenAPI document that compiles, and the document is one a generator can use.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "govinfo.kafka.topic-partitions=1"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
        Topics.RANKINGS, Topics.ITEM_SCORES})
class ScoringOpenApiClientTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("scoring-openapi"));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void openapiGeneratorsJavaClientOfScoringCompiles() throws Exception {
        byte[] spec = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(ClientReadyOpenApi.problemsOf(spec, "http://127.0.0.1:8080")).isEmpty();

        GeneratedJavaClient client = GeneratedJavaClient.generateAndCompile("scoring", spec);

        assertThat(client.sourceNames()).contains("Problem.java");
    }
}
