package org.careweave.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.careweave.platform.events.AsyncApiDocument;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The AsyncAPI document /api/asyncapi serves passes the official AsyncAPI parser (@asyncapi/parser) without errors. */
class AsyncApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAsyncApiParserFindsNoErrors() throws Exception {
        NodeTools.install();
        Path out = Path.of(System.getProperty("careweave.contracts.out", "target/contracts"));
        Files.createDirectories(out);
        Path document = out.resolve("asyncapi.json");
        Files.writeString(document, JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(AsyncApiDocument.generate("localhost:19092", "1")));

        NodeTools.Result result = NodeTools.run(List.of("node", "validate-asyncapi.mjs", document.toString()), 120);
        JsonNode report = JSON.readTree(result.output());
        System.out.printf("FIGURE AsyncAPI %s: %d errors, %d warnings%n", document, report.get("errors").size(),
                report.get("warnings").size());
        report.get("warnings").forEach(w -> System.out.println("  warning " + w));
        assertEquals("[]", report.get("errors").toString(), "AsyncAPI parser errors");
        assertEquals(0, result.exit());
    }
}
