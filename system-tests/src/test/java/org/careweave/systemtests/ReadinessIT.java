package org.careweave.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(Stack.class)
class ReadinessIT {

    static Stream<String> components() {
        return Stack.SERVICES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("components")
    void everyComponentIsReady(String component) {
        given().get(Stack.SERVICES.get(component) + "/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
