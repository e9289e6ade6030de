package org.careweave.careplan;

import org.careweave.platform.testing.ServiceContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CarePlanServiceContractTest extends ServiceContractTest {
}
