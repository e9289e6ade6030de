package org.careweave.prescription;

import org.careweave.platform.testing.ServiceContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PrescriptionServiceContractTest extends ServiceContractTest {
}
