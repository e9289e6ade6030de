package org.careweave.chat;

import org.careweave.platform.testing.ServiceContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChatServiceContractTest extends ServiceContractTest {
}
