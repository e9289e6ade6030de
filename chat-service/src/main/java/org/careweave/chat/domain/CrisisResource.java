package org.careweave.chat.domain;

/** Where to get help now, shown with every crisis reply. */
public record CrisisResource(String name, String contact, String how, String region) {
}
