package org.careweave.therapy;

import org.careweave.platform.testing.ServiceContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TherapyServiceContractTest extends ServiceContractTest {
}
