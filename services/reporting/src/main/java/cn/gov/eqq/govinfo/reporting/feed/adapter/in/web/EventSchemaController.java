package cn.gov.eqq.govinfo.reporting.feed.adapter.in.web;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.contracts.reporting.CloudEvent;
import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schemas that the {@code dataschema} attribute of every event on {@value Topics#CIRCULARS} points at, one
 * per event type: {@code GET /api/reporting/schemas/events/<type>.json}. The files live in event-contracts
 * ({@code schemas/<topic>/<type>.json}) beside the golden examples they describe.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class EventSchemaController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    static final List<String> TYPES = List.of(CloudEvent.CIRCULAR_PUBLISHED, CloudEvent.RANKING_FINALIZED,
            CloudEvent.CIRCULAR_SUPERSEDED);

    @GetMapping(value = "/api/reporting/schemas/events/{file}", produces = "application/schema+json")
    ResponseEntity<byte[]> schema(@PathVariable String file) {
        String type = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        if (!TYPES.contains(type)) {
            throw ApiProblem.notFound("没有该事件类型的数据结构：" + file);
        }
        String path = "schemas/" + Topics.CIRCULARS + "/" + type + ".json";
        try (InputStream in = EventSchemaController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + path);
            }
            return ResponseEntity.ok().contentType(SCHEMA_JSON).body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
